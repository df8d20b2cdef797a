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
import { describeFailure } from '../../../src/cli/messages.ts';
import { messages as readMessages } from '../../../src/ui/i18n/ingest-read.ts';
import { messages as cliMessages } from '../../../src/ui/i18n/cli.ts';
import { messages as ingestMessages } from '../../../src/ui/i18n/ingest.ts';
import { runCli, useTempDir, writeFixture } from './fixtures.ts';

const dir = useTempDir();
const at = (name: string) => path.join(dir, name);

/** huitou's own layout (the generic preset), one row per order line. */
const GENERIC_HEADER =
	'order_id,customer_id,order_time,status,order_amount,refund_amount,channel,campaign,province,city,product_id,product_title,category,quantity,line_amount,customer_name,phone,email';
const genericRow = (id: string, customer: string, time: string, amount: string) =>
	[
		id,
		customer,
		time,
		'paid',
		amount,
		'0.00',
		'直播',
		'',
		'广东省',
		'深圳市',
		'P1',
		'裙',
		'连衣裙',
		'1',
		amount,
		'',
		'',
		''
	].join(',');

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

	it('out of memory: what to change on the command line, not the page’s advice, exit 2', async () => {
		const file = await writeFixture(dir, 'tight.csv', 'generic', 'utf8', 300);
		const r = await runCli(['db', file, '--out', at('tight.duckdb'), '--memory-limit', '4MB']);
		expect(r.code).toBe(EXIT.importFailed);
		expect(r.stderr).toContain(cliMessages['cli.out-of-memory'].en);
		expect(r.stderr).toContain('Out of Memory Error');
		expect(r.stderr).not.toContain(ingestMessages['ingest.too-big'].en);
		expect(cliMessages['cli.out-of-memory'].zh).toContain('--memory-limit');
		expect(cliMessages['cli.out-of-memory'].zh).toContain('--temp-dir');
	});

	it('out of memory in a statement of the import: names the statement’s first line', () => {
		const said = describeFailure({
			code: 'ingest.too-big',
			detail: 'big.csv (5004 MB): Out of Memory Error: failed to pin block',
			sql: 'CREATE OR REPLACE TABLE __ingest_customers AS\nSELECT customer_id FROM __ingest_rows'
		});
		expect(said.split('\n')).toEqual([
			cliMessages['cli.out-of-memory'].en,
			'  big.csv (5004 MB): Out of Memory Error: failed to pin block',
			'  while running: CREATE OR REPLACE TABLE __ingest_customers AS'
		]);
	});

	it('a good file beside a bad one: written, exit 3', async () => {
		const good = await writeFixture(dir, 'good.csv', 'generic', 'utf8', 30);
		writeFileSync(at('empty2.csv'), '');
		const r = await runCli(['db', good, at('empty2.csv'), '--out', at('partial.duckdb')]);
		expect(r.code).toBe(EXIT.partial);
		expect(r.stderr).toContain(readMessages['read.empty'].en);
		expect(existsSync(at('partial.duckdb'))).toBe(true);
	});

	it('rows the page rejects: listed in its words, the rest loaded, exit 0', async () => {
		const file = at('some-bad.csv');
		writeFileSync(
			file,
			[
				GENERIC_HEADER,
				genericRow('A1', 'c1', '2024-11-11 10:00:00', '10.00'),
				genericRow('A2', 'c2', '2024-13-45 10:00:00', '12.00'),
				`${genericRow('A3', 'c3', '2024-11-12 10:00:00', '13.00')},extra,fields`,
				genericRow('A4', '', '2024-11-13 10:00:00', '14.00'),
				genericRow('A5', 'c5', '2024-11-14 10:00:00', 'abc')
			].join('\n')
		);
		const rejects = at('some-bad.rejects.csv');
		const r = await runCli(['db', file, '--out', at('some-bad.duckdb'), '--rejects', rejects]);
		expect(r.code).toBe(EXIT.ok);
		expect(r.stderr).toContain('3 rows rejected');
		expect(r.stderr).toContain('line 3: “2024-13-45 10:00:00” is not a date in');
		expect(r.stderr).toMatch(/line 4: .*column/i);
		expect(r.stderr).toContain(`line 6: ${ingestMessages['ingest.reject.bad-amount'].en}`);
		expect(r.stderr).toContain(`${ingestMessages['ingest.report.unknown-customers'].en}: 1`);
		expect(r.stderr).toMatch(/loaded: 2 orders/);
		expect(readFileSync(rejects, 'utf8').split('\n').filter(Boolean)).toHaveLength(4);
	});

	it('every row rejected: the page’s message and the first reasons, exit 2', async () => {
		const file = at('all-bad.csv');
		writeFileSync(
			file,
			[
				GENERIC_HEADER,
				genericRow('A1', 'c1', 'yesterday', '10.00'),
				genericRow('A2', 'c2', 'tomorrow', '12.00')
			].join('\n')
		);
		const r = await runCli(['db', file, '--out', at('all-bad.duckdb')]);
		expect(r.code).toBe(EXIT.importFailed);
		expect(r.stderr).toContain(ingestMessages['ingest.nothing-loaded'].en);
		expect(r.stderr).toContain('line 2: “yesterday” is not a date in');
		expect(existsSync(at('all-bad.duckdb'))).toBe(false);
	});

	it('a file in another encoding than the one given: the page’s warning, exit 0', async () => {
		// The generic layout's header is ASCII, its values Chinese: read as UTF-8, they are not.
		const file = await writeFixture(dir, 'gbk-generic.csv', 'generic', 'gbk', 20);
		const r = await runCli(['db', file, '--encoding', 'utf-8', '--out', at('gbk.duckdb')]);
		expect(r.code).toBe(EXIT.ok);
		expect(r.stderr).toContain(readMessages['read.invalid-utf8'].en);
	});

	it.each([
		[
			'a column the file does not have',
			{ order_id: '单号', customer_id: '会员', order_time: '下单时间', order_amount: '实付' },
			'ingest.mapping-unknown-column'
		],
		[
			'no customer column',
			{ order_id: '单号', order_time: '下单日期', order_amount: '实付' },
			'ingest.mapping-missing-customer'
		]
	] as const)('a mapping naming %s: the page’s message, exit 2', async (_, fields, code) => {
		const file = at('mapped.csv');
		writeFileSync(file, '单号,会员,下单日期,实付\nA1,m1,2024-11-11 10:00:00,12.50\n');
		const mapping = at('mapping.json');
		const first = await runCli(['db', file, '--out', at('mapped.duckdb')]);
		expect(first.code).toBe(EXIT.importFailed);
		const suggested = JSON.parse(readFileSync(`${file}.huitou.json`, 'utf8'));
		writeFileSync(
			mapping,
			JSON.stringify({ ...suggested, mapping: { ...suggested.mapping, fields } })
		);
		const r = await runCli(['db', file, '--mapping', mapping, '--out', at('mapped.duckdb')]);
		expect(r.code).toBe(EXIT.importFailed);
		expect(r.stderr).toContain(ingestMessages[code].en);
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
