/**
 * Broken files: each fails with its own code (or loads with a warning), nothing crashes, and
 * tables that existed before are untouched.
 */
import { expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import {
	largeFileWarning,
	previewSource,
	stageSource,
	MAX_FILE_BYTES,
	type ReadProgress
} from '../../../src/ingest/read/index.ts';
import { MAX_XLSX_BYTES } from '../../../src/ingest/read/limits.ts';
import { messages } from '../../../src/ui/i18n/ingest-read.ts';
import { concat, fileOf, gzip, stagedRows, tableExists, utf8 } from './helpers.ts';

const engine = useTestEngine({
	async setUp(engine) {
		await engine.query(`CREATE TABLE keep AS SELECT 42 AS answer`);
	}
});

/** Stages `file` over an existing table: the failure drops that table and leaves `keep` alone. */
async function expectFailure(file: File, code: string, options = {}) {
	await engine.query(`CREATE OR REPLACE TABLE stage_bad AS SELECT 1 AS old`);
	const preview = await previewSource(file, options);
	const staged = await stageSource(engine, file, 'stage_bad', options);
	expect(!staged.ok && staged.error.code).toBe(code);
	expect(messages[code]).toBeDefined();
	expect(await tableExists(engine, 'stage_bad')).toBe(false);
	const kept = await engine.query('SELECT answer FROM keep');
	expect(kept.ok && kept.value.get(0)?.answer).toBe(42);
	return { preview, staged };
}

const pseudoRandom = (n: number) => {
	// A fixed byte pattern with NULs and control bytes, like an image or archive.
	const out = new Uint8Array(n);
	let x = 12345;
	for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
	return out;
};

test('empty file', async () => {
	const { preview } = await expectFailure(fileOf(''), 'read.empty');
	expect(!preview.ok && preview.error.code).toBe('read.empty');
	await expectFailure(fileOf('\uFEFF \n\n'), 'read.empty');
});

test('header only', async () => {
	const { preview } = await expectFailure(fileOf('order_id,amount\n'), 'read.no-rows');
	expect(!preview.ok && preview.error.code).toBe('read.no-rows');
	await expectFailure(fileOf('[]', 'x.json'), 'read.no-rows');
});

test('a binary file renamed .csv', async () => {
	const { preview } = await expectFailure(fileOf(pseudoRandom(5000), 'orders.csv'), 'read.binary');
	expect(!preview.ok && preview.error.code).toBe('read.binary');
	const png = concat(
		[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
		pseudoRandom(200)
	);
	await expectFailure(fileOf(png, 'photo.csv'), 'read.binary');
});

test('a legacy .xls workbook', async () => {
	const ole = concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], pseudoRandom(500));
	await expectFailure(fileOf(ole, 'orders.xls'), 'read.xls-legacy');
});

test('a zip that is not a workbook', async () => {
	await expectFailure(
		fileOf(concat([0x50, 0x4b, 0x03, 0x04], pseudoRandom(300)), 'a.xlsx'),
		'read.xlsx-invalid'
	);
});

test('truncated gzip', async () => {
	let text = 'order_id,amount\n';
	for (let i = 0; i < 5000; i++) text += `${i},${i % 97}.5\n`;
	const whole = await gzip(utf8(text));
	const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
	await expectFailure(fileOf(cut, 'orders.csv.gz'), 'read.gzip-truncated');
});

test('truncated gzip of a short file fails in the preview too', async () => {
	const whole = await gzip(utf8('order_id,amount\n1,2\n'));
	const { preview } = await expectFailure(
		fileOf(whole.subarray(0, whole.length - 6), 'o.csv.gz'),
		'read.gzip-truncated'
	);
	expect(!preview.ok && preview.error.code).toBe('read.gzip-truncated');
});

test('truncated Parquet', async () => {
	await expectFailure(
		fileOf(concat(utf8('PAR1'), pseudoRandom(100)), 'o.parquet'),
		'read.parquet-invalid'
	);
});

test('JSON that is cut off, or not a list', async () => {
	await expectFailure(fileOf('[{"id": 1}, {"id"', 'o.json'), 'read.json-invalid');
	await expectFailure(fileOf('{"id": 1', 'o.json'), 'read.all-rejected');
});

test('every row rejected', async () => {
	await expectFailure(fileOf('a,b,c\n1\n2\n'), 'read.all-rejected');
});

test('mixed encodings: a GBK row deep in a UTF-8 file loads with replacement characters', async () => {
	// 300 KB of UTF-8 (past the detection sample), then a row whose name is GBK 张三
	// (D5 C5 C8 FD): four bytes that are not UTF-8, each replaced by one U+FFFD.
	let text = 'id,name\n';
	for (let i = 0; text.length < 300_000; i++) text += `${i},李${i}\n`;
	const rows = text.split('\n').length - 2;
	const bytes = concat(
		utf8(text),
		utf8('bad,'),
		iconv.encode('张三', 'gb18030'),
		utf8('\nlast,ok\n')
	);
	const staged = await stageSource(engine, fileOf(bytes), 'stage_mixed');
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value.rowCount).toBe(rows + 2);
	expect(staged.value.rejected).toEqual([]);
	expect(staged.value.warnings).toEqual([
		{ code: 'read.invalid-utf8', detail: expect.stringMatching(/^4 characters /) }
	]);
	const tail = await stagedRows(engine, 'stage_mixed');
	expect(tail.slice(-2)).toEqual([
		['bad', '\uFFFD\uFFFD\uFFFD\uFFFD', rows + 2],
		['last', 'ok', rows + 3]
	]);
});

test('mixed encodings found in the sample are a preview warning', async () => {
	const bytes = concat(
		utf8('id,name\n1,李四\n2,王五\n3,赵六\n4,孙七\n5,'),
		iconv.encode('张', 'gb18030'),
		utf8('\n')
	);
	const preview = await previewSource(fileOf(bytes));
	expect(preview.ok && preview.value.encoding).toBe('utf-8');
	expect(preview.ok && preview.value.encodingConfidence).toBe('guess');
	expect(preview.ok && preview.value.warnings.map((w) => w.code)).toEqual(['read.invalid-utf8']);
});

test('a delimiter that cannot separate columns', async () => {
	await expectFailure(fileOf('a,b\n1,2\n'), 'read.bad-delimiter', { delimiter: '' });
	await expectFailure(fileOf('a,b\n1,2\n'), 'read.bad-delimiter', { delimiter: '"' });
	await expectFailure(fileOf('a,b\n1,2\n'), 'read.bad-delimiter', { delimiter: ',,' });
});

test('too large for the browser, refused before reading', async () => {
	class HugeFile extends File {
		override get size() {
			return MAX_FILE_BYTES + 1;
		}
	}
	await expectFailure(new HugeFile(['a,b\n1,2\n'], 'huge.csv'), 'read.too-large');
	// An XLSX is unpacked whole in JS, so its bound is far lower.
	class BigWorkbook extends File {
		override get size() {
			return MAX_XLSX_BYTES + 1;
		}
	}
	await expectFailure(new BigWorkbook([utf8('PK\u0003\u0004')], 'big.xlsx'), 'read.too-large');
});

test('cancelled before starting', async () => {
	const controller = new AbortController();
	controller.abort();
	const { preview } = await expectFailure(fileOf('a,b\n1,2\n'), 'read.cancelled', {
		signal: controller.signal
	});
	expect(!preview.ok && preview.error.code).toBe('read.cancelled');
});

test('cancelled while reading: the half-made table is dropped', async () => {
	let text = 'a,b\n';
	for (let i = 0; i < 200_000; i++) text += `${i},x\n`;
	const controller = new AbortController();
	const phases: ReadProgress['phase'][] = [];
	const options = {
		signal: controller.signal,
		encoding: 'windows-1252' as const, // forces the chunked transcode, where cancel is checked
		onProgress: (p: ReadProgress) => {
			phases.push(p.phase);
			if (p.phase === 'decoding') controller.abort();
		}
	};
	await engine.query(`CREATE OR REPLACE TABLE stage_cancel AS SELECT 1 AS old`);
	const staged = await stageSource(engine, fileOf(text), 'stage_cancel', options);
	expect(!staged.ok && staged.error.code).toBe('read.cancelled');
	expect(phases).toContain('decoding');
	expect(phases).not.toContain('loading');
	expect(await tableExists(engine, 'stage_cancel')).toBe(false);
	expect(await tableExists(engine, 'keep')).toBe(true);
});

test('progress reports bytes read up to the file size, then rows', async () => {
	const file = fileOf('a,b\n1,2\n3,4\n');
	const seen: ReadProgress[] = [];
	const staged = await stageSource(engine, file, 'stage_progress', {
		onProgress: (p) => seen.push(p)
	});
	expect(staged.ok).toBe(true);
	expect(seen.every((p) => p.totalBytes === file.size && p.bytes <= file.size)).toBe(true);
	expect(seen.map((p) => p.phase)).toContain('reading');
	expect(seen.at(-1)).toEqual({
		phase: 'loading',
		bytes: file.size,
		totalBytes: file.size,
		rows: 2
	});
});

test('every code the reader can return has an English and a Chinese message', async () => {
	const { readdirSync, readFileSync } = await import('node:fs');
	const dir = new URL('../../../src/ingest/read/', import.meta.url);
	const codes = new Set<string>();
	for (const name of readdirSync(dir))
		for (const m of readFileSync(new URL(name, dir), 'utf8').matchAll(/'(read\.[a-z0-9-]+)'/g))
			codes.add(m[1]);
	expect(codes.size).toBeGreaterThan(20);
	for (const code of codes) {
		expect(messages[code]?.en, code).toBeTruthy();
		expect(messages[code]?.zh, code).toBeTruthy();
	}
});

test('a file that may not fit in memory is a preview warning, judged from rows × columns', () => {
	// 20 previewed rows of 9 columns; the file is as many of them as its size holds.
	const header = ['order_id', 'customer_id', 'order_time', 'status', 'amount', 'r', 'x', 'y', 'z'];
	const row = ['o1234567', 'c12345', '2024-01-01 10:00:00', 'paid', '99.00', '0', 'a', 'b', 'c'];
	const preview = { fileKind: 'csv' as const, header, rows: Array(20).fill(row) };
	const bytesPerRow = row.join(',').length + 1;
	// 5M rows × 9 columns = 45M cells: fine. 7M rows × 9 = 63M cells: over the 60M line.
	expect(largeFileWarning(5_000_000 * bytesPerRow, preview)).toBeNull();
	const warning = largeFileWarning(7_000_000 * bytesPerRow, preview);
	expect(warning?.code).toBe('read.large-file');
	expect(warning?.detail).toContain('7.0 million rows × 9 columns');
	expect(messages['read.large-file'].en).toMatch(/split/i);
	// Workbooks, Parquet and JSON have their own caps.
	expect(largeFileWarning(7e9, { ...preview, fileKind: 'parquet' })).toBeNull();
});
