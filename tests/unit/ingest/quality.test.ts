import { describe, expect, it } from 'vitest';
import { rejectedRowsCsv } from '../../../src/ingest/quality.ts';

const rejectedValue = (value: string) => ({ line: 2, reason: 'bad-amount', column: 'amt', value });
const csvOf = (...values: string[]) =>
	rejectedRowsCsv({ files: [{ file: 'f.csv', rejected: values.map(rejectedValue) }] });

describe('rejectedRowsCsv', () => {
	// The same cells as the exports' writer: a signed number is a number, a formula is text.
	it.each([
		['+12.5', '+12.5'],
		['-3', '-3'],
		['=1+1', "'=1+1"],
		['@x', "'@x"],
		['-x', "'-x"]
	])('writes the rejected value %j as %j', (value, cell) => {
		expect(csvOf(value)).toBe(
			`file,line,reason,column,value,format\r\nf.csv,2,bad-amount,amt,${cell},\r\n`
		);
	});

	it('quotes a value holding a comma or a quote', () => {
		expect(csvOf('1,5"x')).toBe(
			'file,line,reason,column,value,format\r\nf.csv,2,bad-amount,amt,"1,5""x",\r\n'
		);
	});
});
