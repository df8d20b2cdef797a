/**
 * Title lines above the column header: where the header is found, what an explicit `headerRow`
 * does, and that loaded and rejected rows keep the file's own line numbers.
 */
import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { previewSource, stageSource } from '../../../src/ingest/read/index.ts';
import { findHeader } from '../../../src/ingest/read/find-header.ts';
import { sniffDelimiter } from '../../../src/ingest/read/parse-delimited.ts';
import { messages } from '../../../src/ui/i18n/ingest-read.ts';
import { concat, fileOf, stagedRows } from './helpers.ts';

const engine = useTestEngine();

const rowsOf = (...rows: (string | null)[][]) => rows.map((cells, i) => ({ line: i + 1, cells }));

describe('findHeader', () => {
	test.each([
		{
			name: 'a plain header',
			rows: [
				['id', 'amount'],
				['1', '5'],
				['2', '6']
			],
			at: 0
		},
		{
			name: 'a title padded to the width, then the header',
			rows: [
				['Orders 2024', '', '', ''],
				['a', 'b', 'c', 'd'],
				['1', '2', '3', '4']
			],
			at: 1
		},
		{
			// Two values over five columns: an export note, not a header.
			name: 'a title and a two-value note',
			rows: [
				['Report'],
				['Exported:', '2024-12-01'],
				['a', 'b', 'c', 'd', 'e'],
				['1', '2', '3', '4', '5']
			],
			at: 2
		},
		{
			// Header with empty names still fills half the columns: 3 of 6.
			name: 'a header that names half the columns',
			rows: [
				['a', 'b', 'c', null, null, null],
				['1', '2', '3', '4', '5', '6']
			],
			at: 0
		},
		{
			// A small summary table qualifies by shape, but the JD header names a platform's columns.
			name: 'a summary table above a platform header',
			rows: [
				['店铺', '订单数', '金额'],
				['某店', '3', '275.5'],
				['订单号', '下单帐号', '下单时间', '应付金额', '订单状态'],
				['1', 'a', '2024-01-01', '5', '完成']
			],
			at: 2
		},
		{ name: 'single values only', rows: [['Report'], ['only'], ['values']], at: -1 },
		{ name: 'a header with no rows below it', rows: [['Report'], ['a', 'b']], at: 1 },
		{
			name: 'a two-column table',
			rows: [
				['id', 'amount'],
				['1', '5']
			],
			at: 0
		},
		{
			name: 'a two-value note over three columns',
			rows: [
				['Exported:', '2024-12-01'],
				['a', 'b', 'c'],
				['1', '2', '3']
			],
			at: 1
		}
	])('$name → $at', ({ rows, at }) => {
		expect(findHeader(rowsOf(...rows))).toBe(at);
	});
});

test('sniffing looks past title lines', () => {
	// Under every delimiter the title is one value; tab splits the rest into 3, consistently.
	expect(sniffDelimiter('Orders, December\n\na\tb\tc\n1\t2\t3\n4\t5, 6\t7\n', true)).toBe('\t');
	// A title with a comma does not win over the semicolons that split every row below it.
	expect(sniffDelimiter('导出时间: 2024-12-01, 操作人: admin\na;b;c\n1;2;3\n', true)).toBe(';');
});

test('header on line 1: as before, nothing above it', async () => {
	const file = fileOf('id,amount\n1,5\n');
	const preview = await previewSource(file);
	expect(preview.ok && preview.value).toMatchObject({
		header: ['id', 'amount'],
		headerRow: 1,
		rowsAboveHeader: []
	});
	await stageSource(engine, file, 'stage_h1');
	expect(await stagedRows(engine, 'stage_h1')).toEqual([['1', '5', 2]]);
});

test('CSV with a BOM, ragged title lines and a blank line: true line numbers, loaded and rejected', async () => {
	// Line 1 title (1 field), 2 note (2 fields), 3 blank, 4 header, 5 data, 6 ragged (rejected),
	// 7 blank, 8 data with a line break inside quotes, 9 data.
	const text =
		'\uFEFF订单报表 2024-12\n导出时间:,2024-12-01\n\nid,amount,note\n1,5,a\n2,6\n\n3,7,"two\nlines"\n4,8,d\n';
	const file = fileOf(text);
	const preview = await previewSource(file);
	expect(preview.ok && preview.value).toMatchObject({
		header: ['id', 'amount', 'note'],
		headerRow: 4,
		rowsAboveHeader: [
			{ line: 1, cells: ['订单报表 2024-12'] },
			{ line: 2, cells: ['导出时间:', '2024-12-01'] }
		],
		rows: [
			['1', '5', 'a'],
			['2', '6'],
			['3', '7', 'two\nlines'],
			['4', '8', 'd']
		]
	});
	const staged = await stageSource(engine, file, 'stage_titles');
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value.rejected).toEqual([
		{ line: 6, reason: expect.stringMatching(/^missing columns/), raw: '2,6' }
	]);
	expect(staged.value.warnings).toEqual([]);
	expect(await stagedRows(engine, 'stage_titles')).toEqual([
		['1', '5', 'a', 5],
		['3', '7', 'two\nlines', 8],
		['4', '8', 'd', 9]
	]);
});

test('a title line above a file read leniently: lines still count from the top', async () => {
	// Line 1 title, 2 header; DuckDB's strict parser stops at "3,4\r5,6" (lines 4 and 5).
	const text = 'Report\na,b\n1,2\n3,4\r5,6\n7,8\n';
	const staged = await stageSource(engine, fileOf(text), 'stage_title_cr');
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value.warnings.map((w) => w.code)).toEqual(['read.lenient']);
	expect(await stagedRows(engine, 'stage_title_cr')).toEqual([
		['1', '2', 3],
		['3', '4', 4],
		['5', '6', 5],
		['7', '8', 6]
	]);
});

test('GBK text with a Chinese title and skipRows after the header', async () => {
	// Line 1 title, 2 header, 3 a description row (skipped as data row 1), 4 and 5 data.
	const text =
		'京东订单导出\r\n订单号\t金额\r\n订单的编号\t应付\r\n="240001"\t150.00\r\n="240002"\t80.00\r\n';
	const file = fileOf(iconv.encode(text, 'gb18030'));
	const staged = await stageSource(engine, file, 'stage_gbk_title', { skipRows: [1] });
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value).toMatchObject({
		encoding: 'gb18030',
		delimiter: '\t',
		header: ['订单号', '金额'],
		headerRow: 2,
		rows: [
			['="240001"', '150.00'],
			['="240002"', '80.00']
		]
	});
	expect(await stagedRows(engine, 'stage_gbk_title')).toEqual([
		['="240001"', '150.00', 4],
		['="240002"', '80.00', 5]
	]);
});

test('an explicit headerRow wins over detection', async () => {
	// A summary line of three values over three columns looks like a header; the caller says 2.
	const text = 'Shop,Period,Orders\nid,amount,note\n1,5,a\n2,x\n';
	const found = await previewSource(fileOf(text));
	expect(found.ok && found.value.headerRow).toBe(1);
	const staged = await stageSource(engine, fileOf(text), 'stage_override', { headerRow: 2 });
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value).toMatchObject({
		header: ['id', 'amount', 'note'],
		headerRow: 2,
		rowsAboveHeader: [{ line: 1, cells: ['Shop', 'Period', 'Orders'] }]
	});
	expect(staged.value.rejected.map((r) => r.line)).toEqual([4]);
	expect(await stagedRows(engine, 'stage_override')).toEqual([['1', '5', 'a', 3]]);
	// A UTF-8 file over 256 KB is loaded by DuckDB without a copy: the skip works there too.
	const long = concat(
		new TextEncoder().encode('Report\n\nid,amount\n'),
		new TextEncoder().encode('7,1\n'.repeat(70_000))
	);
	const big = await stageSource(engine, fileOf(long), 'stage_override_big', { headerRow: 3 });
	expect(big.ok && big.value.rowCount).toBe(70_000);
	const last = await engine.query('SELECT max(__line)::INTEGER AS n FROM stage_override_big');
	expect(last.ok && last.value.get(0)?.n).toBe(70_003);
});

test.each([
	{ name: 'a blank line', headerRow: 2 },
	{ name: 'past the end', headerRow: 50 },
	{ name: 'not a row number', headerRow: 1.5 }
])('headerRow on $name is read.bad-header-row', async ({ headerRow }) => {
	const file = fileOf('Report\n\nid,amount\n1,5\n');
	const preview = await previewSource(file, { headerRow });
	expect(!preview.ok && preview.error.code).toBe('read.bad-header-row');
	expect(messages['read.bad-header-row']).toBeDefined();
});

test('no header-like row in the first 30 is read.no-header, in en and zh', async () => {
	const text = '京东订单导出\n导出时间: 2024-12-01\n\n' + 'just one value\n'.repeat(40);
	const preview = await previewSource(fileOf(text));
	expect(!preview.ok && preview.error.code).toBe('read.no-header');
	const staged = await stageSource(engine, fileOf(text), 'stage_noheader');
	expect(!staged.ok && staged.error.code).toBe('read.no-header');
	expect(messages['read.no-header'].en).toMatch(/header|column titles/);
	expect(messages['read.no-header'].zh).toMatch(/表头|列标题/);
	const sheet = await writeXlsxFile([[{ value: 'Report' }], [{ value: 'only' }]]).toBuffer();
	const xlsx = await previewSource(fileOf(new Uint8Array(sheet), 'r.xlsx'));
	expect(!xlsx.ok && xlsx.error.code).toBe('read.no-header');
});

describe('XLSX', () => {
	async function workbook(): Promise<Uint8Array> {
		const v = (value: string) => ({ value });
		const buffer = await writeXlsxFile([
			{ sheet: 'Summary', data: [[v('Total'), v('3')]] },
			{
				sheet: 'Orders',
				data: [
					[v('Order report'), null, null],
					[null, null, null],
					[v('id'), v('amount'), v('note')],
					[v('1'), v('5'), null],
					[null, null, null],
					[v('2'), v('6'), v('late')]
				]
			}
		]).toBuffer();
		return new Uint8Array(buffer);
	}

	test('a picked sheet: the header under a title row, rows by sheet row number', async () => {
		// Orders rows: 1 title, 2 blank, 3 header, 4 data, 5 blank, 6 data.
		const file = fileOf(await workbook(), 'report.xlsx');
		const staged = await stageSource(engine, file, 'stage_xlsx_title', { sheet: 'Orders' });
		if (!staged.ok) throw new Error(staged.error.detail);
		expect(staged.value).toMatchObject({
			sheet: 'Orders',
			header: ['id', 'amount', 'note'],
			headerRow: 3,
			rowsAboveHeader: [{ line: 1, cells: ['Order report', '', ''] }]
		});
		expect(await stagedRows(engine, 'stage_xlsx_title')).toEqual([
			['1', '5', null, 4],
			['2', '6', 'late', 6]
		]);
	});

	test('headerRow picks a sheet row; skipRows count from it', async () => {
		// Row 4 as the header makes "1" and "5" the names (row 6's third value gets "column 3").
		// With row 3 as the header, skipping data row 1 drops row 4; row 5 is blank; row 6 stays.
		const file = fileOf(await workbook(), 'report.xlsx');
		const picked = await previewSource(file, { sheet: 'Orders', headerRow: 4 });
		expect(picked.ok && picked.value).toMatchObject({
			header: ['1', '5', 'column 3'],
			headerRow: 4
		});
		const staged = await stageSource(engine, file, 'stage_xlsx_pick', {
			sheet: 'Orders',
			headerRow: 3,
			skipRows: [1]
		});
		if (!staged.ok) throw new Error(staged.error.detail);
		expect(await stagedRows(engine, 'stage_xlsx_pick')).toEqual([['2', '6', 'late', 6]]);
		const blank = await previewSource(file, { sheet: 'Orders', headerRow: 2 });
		expect(!blank.ok && blank.error.code).toBe('read.bad-header-row');
	});
});
