/**
 * What the command line says about files it cannot import: the page's catalog text for the same
 * failure, and an exit code a script can act on. A layout no preset knows gets a suggested mapping
 * next to the file, which the next run uses.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../src/cli/main.ts';
import { messages as readMessages } from '../../../src/ui/i18n/ingest-read.ts';
import { messages as ingestMessages } from '../../../src/ui/i18n/ingest.ts';
import { runCli, useTempDir, writeFixture } from './fixtures.ts';

const dir = useTempDir();
const at = (name: string) => path.join(dir, name);

describe('bad input', () => {
	it.each([
		['an empty file', 'empty.csv', new Uint8Array(0), readMessages['read.empty'].en],
		[
			'binary data',
			'image.csv',
			Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 1, 2, 3]),
			readMessages['read.binary'].en
		]
	])('%s: the page’s message, exit 2', async (_, name, bytes, text) => {
		writeFileSync(at(name), bytes);
		// A database from an earlier run stays as it was.
		const out = at(`${name}.duckdb`);
		writeFileSync(out, 'earlier');
		const r = await runCli(['db', at(name), '--out', out]);
		expect(r.code).toBe(EXIT.importFailed);
		expect(r.stderr).toContain(text);
		expect(readFileSync(out, 'utf8')).toBe('earlier');
		expect(existsSync(`${out}.partial`)).toBe(false);
	});

	it('a missing file: said so, exit 2', async () => {
		const r = await runCli(['report', at('nowhere.csv'), '--out', at('nowhere.html')]);
		expect(r.code).toBe(EXIT.importFailed);
		expect(r.stderr).toContain('There is no such file');
		expect(r.stderr).toContain('nowhere.csv');
	});

	it('an unknown layout: the page’s message and a suggested mapping, which the next run reads', async () => {
		const file = at('own-layout.csv');
		writeFileSync(
			file,
			'单号,会员,下单日期,实付\nA1,m1,2024-11-11 10:00:00,12.50\nA2,m2,2024-11-12 09:30:00,30\n'
		);
		const out = at('own.duckdb');
		const first = await runCli(['db', file, '--out', out]);
		expect(first.code).toBe(EXIT.importFailed);
		expect(first.stderr).toContain(ingestMessages['ingest.unknown-layout'].en);
		const sidecar = `${file}.huitou.json`;
		const suggested = JSON.parse(readFileSync(sidecar, 'utf8'));
		expect(suggested.mapping.fields).toMatchObject({ order_time: '下单日期' });
		// The analyst completes the suggestion, as in the page's column mapper.
		suggested.mapping.fields = {
			order_id: '单号',
			customer_id: '会员',
			order_time: '下单日期',
			order_amount: '实付'
		};
		writeFileSync(sidecar, JSON.stringify(suggested));

		const second = await runCli(['db', file, '--out', out]);
		expect(second.stderr).toContain('2 orders');
		expect(second.code).toBe(EXIT.ok);
	});

	it('a good file beside a bad one: written, exit 3', async () => {
		const good = await writeFixture(dir, 'good.csv', 'generic', 'utf8', 30);
		writeFileSync(at('empty2.csv'), '');
		const r = await runCli(['db', good, at('empty2.csv'), '--out', at('partial.duckdb')]);
		expect(r.code).toBe(EXIT.partial);
		expect(r.stderr).toContain(readMessages['read.empty'].en);
		expect(existsSync(at('partial.duckdb'))).toBe(true);
	});

	it.each([
		[['db', 'x.csv']],
		[['report']],
		[['explode', 'x.csv']],
		[['report', 'x.csv', '--as-of', '11/11/2024']],
		[['report', 'x.csv', '--preset', 'nosuch']]
	])('usage errors exit 1: %j', async (args) => {
		const r = await runCli(args);
		expect(r.code).toBe(EXIT.usage);
		expect(r.stderr).toContain('Usage:');
	});
});

it('runs as a program: npx huitou report writes the page’s HTML report with charts', async () => {
	const file = await writeFixture(dir, 'child.csv', 'taobao', 'gbk', 200);
	const out = at('child.html');
	const bin = path.resolve('bin/huitou.mjs');
	const { stderr } = await promisify(execFile)(
		process.execPath,
		[bin, 'report', file, '--out', out, '--as-of', '2025-01-01'],
		{ timeout: 170_000 }
	);
	expect(stderr).toContain('child.csv (taobao)');
	const html = readFileSync(out, 'utf8');
	expect(html).toContain('<title>Store health</title>');
	expect(html).toContain('As of 2025-01-01');
	expect(html).toContain('data:image/svg+xml;base64,');
	expect(html).not.toContain('<script');
}, 180_000);
