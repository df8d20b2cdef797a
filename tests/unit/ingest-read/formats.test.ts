/**
 * XLSX, Parquet, JSON and NDJSON (plain and gzip) staged through Arrow as text. The Parquet file
 * is written by native DuckDB and read by hyparquet into the wasm engine, which has no parquet
 * extension: this proves Parquet loads offline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { DuckDBInstance } from '@duckdb/node-api';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { previewSource, stageSource } from '../../../src/ingest/read/index.ts';
import { columnTypes, fileOf, gzip, stagedRows } from './helpers.ts';

const engine = useTestEngine();

async function workbook(): Promise<Uint8Array> {
	const buffer = await writeXlsxFile([
		{
			sheet: '订单',
			data: [
				[null, null, null, null],
				[{ value: '订单编号' }, { value: '下单时间' }, { value: '金额' }, { value: '已付' }],
				[
					{ value: 576461413038785 },
					{ value: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), format: 'yyyy-mm-dd hh:mm:ss' },
					{ value: 12.5 },
					{ value: true }
				],
				[null, null, null, null],
				[
					{ value: '1002' },
					{ value: new Date(Date.UTC(2024, 1, 29)), format: 'yyyy-mm-dd' },
					{ value: 8 },
					null,
					{ value: 'note without a title' }
				]
			]
		},
		{
			sheet: 'Refunds',
			data: [
				[{ value: 'refund_id' }, { value: 'amount' }],
				[{ value: 'r1' }, { value: '5' }]
			]
		}
	]).toBuffer();
	return new Uint8Array(buffer);
}

describe.each([false, true])('gzip %s', (compressed) => {
	const maybeGzip = async (bytes: Uint8Array) => (compressed ? gzip(bytes) : bytes);

	test('XLSX: first sheet, sheet list, dates as text, numbers as stored, row numbers', async () => {
		// Sheet rows: 1 empty, 2 header, 3 data, 4 empty (skipped), 5 data with an untitled 5th cell.
		const file = fileOf(await maybeGzip(await workbook()), 'orders.xlsx');
		const staged = await stageSource(engine, file, 'stage_xlsx');
		if (!staged.ok) throw new Error(staged.error.detail);
		expect(staged.value).toMatchObject({
			fileKind: 'xlsx',
			compressed,
			sheets: ['订单', 'Refunds'],
			sheet: '订单',
			header: ['订单编号', '下单时间', '金额', '已付', 'column 5'],
			rowCount: 2,
			rejected: []
		});
		expect(staged.value.warnings.map((w) => w.code)).toEqual(['read.empty-header']);
		expect(await stagedRows(engine, 'stage_xlsx')).toEqual([
			['576461413038785', '2024-01-02 03:04:05', '12.5', 'true', null, 3],
			['1002', '2024-02-29 00:00:00', '8', null, 'note without a title', 5]
		]);
		expect(staged.value.rows[1]).toEqual([
			'1002',
			'2024-02-29 00:00:00',
			'8',
			'',
			'note without a title'
		]);
	});

	test('XLSX: another sheet by name', async () => {
		const file = fileOf(await maybeGzip(await workbook()), 'orders.xlsx');
		const staged = await stageSource(engine, file, 'stage_xlsx2', { sheet: 'Refunds' });
		expect(staged.ok && staged.value.sheet).toBe('Refunds');
		expect(await stagedRows(engine, 'stage_xlsx2')).toEqual([['r1', '5', 2]]);
		const missing = await previewSource(file, { sheet: 'Nope' });
		expect(!missing.ok && missing.error.code).toBe('read.sheet-not-found');
	});

	test('JSON array of objects: keys in first-seen order, nested values as JSON', async () => {
		const text =
			'[{"id": 1, "name": "张三", "tags": ["vip", "new"]},\n' +
			' {"id": 2, "extra": {"a": 1}, "name": null},\n' +
			' {"id": 90071992547409931}]';
		const file = fileOf(await maybeGzip(new TextEncoder().encode(text)), 'orders.json');
		const staged = await stageSource(engine, file, 'stage_json');
		if (!staged.ok) throw new Error(staged.error.detail);
		expect(staged.value).toMatchObject({
			fileKind: 'json',
			header: ['id', 'name', 'tags', 'extra']
		});
		// The third id is past 2^53: kept digit for digit where JSON.parse hands the reviver the
		// source text (Node 21+, Chromium), rounded by JSON.parse itself on Node 20.
		const sourceText = JSON.parse('1', (_k, v, c?: { source?: string }) => c?.source ?? v) === '1';
		expect(await stagedRows(engine, 'stage_json')).toEqual([
			['1', '张三', '["vip","new"]', null, 2],
			['2', null, null, '{"a":1}', 3],
			[sourceText ? '90071992547409931' : '90071992547409940', null, null, null, 4]
		]);
	});

	test('NDJSON: a broken line is rejected with its line number', async () => {
		const text = '{"id":"a1","qty":2}\n\n{"id":"a2",\n{"id":"a3","qty":1.5}\n[1,2]\n';
		const file = fileOf(await maybeGzip(new TextEncoder().encode(text)), 'orders.ndjson');
		const staged = await stageSource(engine, file, 'stage_ndjson');
		if (!staged.ok) throw new Error(staged.error.detail);
		expect(staged.value.fileKind).toBe('ndjson');
		expect(staged.value.rejected).toEqual([
			{ line: 3, reason: expect.stringMatching(/^invalid JSON/), raw: '{"id":"a2",' },
			{ line: 5, reason: 'not a JSON object', raw: '[1,2]' }
		]);
		expect(await stagedRows(engine, 'stage_ndjson')).toEqual([
			['a1', '2', 1],
			['a3', '1.5', 4]
		]);
	});
});

describe('Parquet without the DuckDB extension', () => {
	let dir: string;
	let parquet: Uint8Array;
	let grouped: Uint8Array;
	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'huitou-parquet-'));
		const target = path.join(dir, 'orders.parquet');
		const native = await DuckDBInstance.create(':memory:');
		const conn = await native.connect();
		await conn.run(
			`COPY (SELECT * FROM (VALUES
				(9007199254740993::BIGINT, '张三', DATE '2024-02-29', TIMESTAMP '2024-01-02 03:04:05.25', 12.5::DOUBLE, [1, 2]),
				(2, NULL, NULL, TIMESTAMP '2024-01-03 00:00:00', NULL, NULL)
			) t(order_id, buyer, day, paid_at, amount, items)) TO '${target}' (FORMAT parquet)`
		);
		const groupedPath = path.join(dir, 'grouped.parquet');
		await conn.run(
			`COPY (SELECT i AS id, 'row ' || i AS label FROM range(1, 5001) t(i) ORDER BY i) ` +
				`TO '${groupedPath}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`
		);
		conn.closeSync();
		parquet = new Uint8Array(readFileSync(target));
		grouped = new Uint8Array(readFileSync(groupedPath));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	test.each([false, true])('gzip %s: values as text, BigInt digits kept', async (compressed) => {
		const bytes = compressed ? await gzip(parquet) : parquet;
		const staged = await stageSource(engine, fileOf(bytes, 'orders.parquet'), 'stage_parquet');
		if (!staged.ok) throw new Error(staged.error.detail);
		expect(staged.value).toMatchObject({
			fileKind: 'parquet',
			compressed,
			header: ['order_id', 'buyer', 'day', 'paid_at', 'amount', 'items'],
			rowCount: 2
		});
		expect(await stagedRows(engine, 'stage_parquet')).toEqual([
			['9007199254740993', '张三', '2024-02-29', '2024-01-02 03:04:05.25', '12.5', '[1,2]', 2],
			['2', null, null, '2024-01-03 00:00:00', null, null, 3]
		]);
		expect(await columnTypes(engine, 'stage_parquet')).toEqual([
			'order_id VARCHAR',
			'buyer VARCHAR',
			'day VARCHAR',
			'paid_at VARCHAR',
			'amount VARCHAR',
			'items VARCHAR',
			'__line BIGINT'
		]);
	});

	test('several row groups load in order; skipRows counts across them', async () => {
		// ids 1…5000 in groups of 2048; skipping data rows 1 and 3000 leaves 4998 rows, ids summing
		// to 5000·5001/2 − 1 − 3000 = 12,502,500 − 3001 = 12,499,499, each on line id + 1.
		const file = fileOf(grouped, 'grouped.parquet');
		const staged = await stageSource(engine, file, 'stage_grouped', { skipRows: [1, 3000] });
		expect(staged.ok && staged.value.rowCount).toBe(4998);
		expect(staged.ok && staged.value.rows[0]).toEqual(['2', 'row 2']);
		const check = await engine.query(
			`SELECT sum(id::BIGINT)::BIGINT AS total, count(*) FILTER (WHERE __line <> id::BIGINT + 1)::INTEGER AS off, ` +
				`count(*) FILTER (WHERE id IN ('1', '3000'))::INTEGER AS skipped FROM stage_grouped`
		);
		expect(check.ok && check.value.get(0)?.toJSON()).toEqual({
			total: 12_499_499n,
			off: 0,
			skipped: 0
		});
	});

	test('the engine itself cannot read Parquet (no extension, no download)', async () => {
		await engine.registerFile('check.parquet', parquet);
		const direct = await engine.query(`SELECT * FROM read_parquet('/huitou/check.parquet')`);
		expect(direct.ok).toBe(false);
		await engine.dropFile('check.parquet');
	});
});
