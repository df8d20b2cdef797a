import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/export/csv.ts';
import { neutraliseFormula } from '../../../src/lib/export/neutralise.ts';

const cols = [
	{ key: 'name', label: 'Name' },
	{ key: 'amount', label: '金额' }
];

describe('toCsv', () => {
	it('writes a header and CRLF-terminated rows', () => {
		expect(toCsv(cols, [{ name: 'Ann', amount: 12.5 }])).toBe('Name,金额\r\nAnn,12.5\r\n');
	});

	it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
		const csv = toCsv(cols, [
			{ name: 'Smith, J', amount: 1 },
			{ name: 'say "hi"', amount: 2 },
			{ name: 'two\nlines', amount: 3 },
			{ name: 'cr\rhere', amount: 4 }
		]);
		expect(csv.split('\r\n').slice(1, 5)).toEqual([
			'"Smith, J",1',
			'"say ""hi""",2',
			'"two\nlines",3',
			'"cr\rhere",4'
		]);
	});

	it('writes empty fields for null, undefined and non-finite numbers', () => {
		expect(toCsv(cols, [{ name: null, amount: NaN }, { amount: Infinity }])).toBe(
			'Name,金额\r\n,\r\n,\r\n'
		);
	});

	it('writes dates as ISO, with the time only when it is not midnight', () => {
		const c = [{ key: 'd', label: 'd' }];
		const csv = toCsv(c, [
			{ d: new Date(Date.UTC(2024, 10, 11)) },
			{ d: new Date(Date.UTC(2024, 10, 11, 0, 3, 0)) }
		]);
		expect(csv).toBe('d\r\n2024-11-11\r\n2024-11-11 00:03:00\r\n');
	});

	it('prefixes a UTF-8 BOM on request', () => {
		const csv = toCsv(cols, [], { bom: true });
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(toCsv(cols, []).charCodeAt(0)).toBe('N'.charCodeAt(0));
	});

	it('neutralises formula injection in text but keeps numbers', () => {
		const csv = toCsv(cols, [
			{ name: '=HYPERLINK("http://evil","x")', amount: -5 },
			{ name: '+1+1', amount: -0.25 },
			{ name: '@SUM(A1)', amount: 0 },
			{ name: '-2+3', amount: 1 },
			{ name: '\t=1', amount: 1 },
			{ name: '-12.5', amount: 1 }
		]);
		expect(csv.split('\r\n').slice(1, 7)).toEqual([
			`"'=HYPERLINK(""http://evil"",""x"")",-5`,
			"'+1+1,-0.25",
			"'@SUM(A1),0",
			"'-2+3,1",
			"'\t=1,1",
			'-12.5,1'
		]);
	});

	it('leaves text as it is when asked, for files read by programs', () => {
		expect(toCsv(cols, [{ name: '+8613800000000', amount: 1 }], { neutralise: false })).toBe(
			'Name,金额\r\n+8613800000000,1\r\n'
		);
	});

	it('neutralises hostile column labels too', () => {
		expect(toCsv([{ key: 'a', label: '=cmd' }], [])).toBe("'=cmd\r\n");
	});

	it('reads row values by key from any iterable of rows', () => {
		function* gen() {
			yield { amount: 1, name: 'x', extra: 'ignored' };
		}
		expect(toCsv(cols, gen())).toBe('Name,金额\r\nx,1\r\n');
	});
});

describe('neutraliseFormula', () => {
	it.each([
		['=1+2', "'=1+2"],
		['+86 138 0000 0000', "'+86 138 0000 0000"],
		['-', "'-"],
		['@user', "'@user"],
		['\r=1', "'\r=1"],
		['-3', '-3'],
		['+4.5e3', '+4.5e3'],
		['plain', 'plain'],
		['a=b', 'a=b'],
		['', '']
	])('%j → %j', (input, out) => expect(neutraliseFormula(input)).toBe(out));
});
