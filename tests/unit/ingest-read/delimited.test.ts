/**
 * Delimited text through DuckDB's CSV reader: delimiters, quotes, line breaks inside fields,
 * and the `__line` of every loaded and rejected row.
 */
import { describe, expect, test } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { previewSource, stageSource } from '../../../src/ingest/read/index.ts';
import { fileOf, stagedRows } from './helpers.ts';

const engine = useTestEngine();

test.each([
	{ name: 'comma', text: 'id,name\n1,"Smith, J"\n', delimiter: ',' },
	{ name: 'tab', text: 'id\tname\n1\tSmith, J\n', delimiter: '\t' },
	{ name: 'semicolon', text: 'id;name\n1;Smith, J\n', delimiter: ';' },
	{ name: 'pipe', text: 'id|name\n1|Smith, J\n', delimiter: '|' },
	{ name: 'CRLF', text: 'id,name\r\n1,"Smith, J"\r\n', delimiter: ',' },
	{ name: 'no final newline', text: 'id;name\n1;Smith, J', delimiter: ';' }
])('sniffs the $name delimiter', async ({ text, delimiter }) => {
	const file = fileOf(text);
	const preview = await previewSource(file);
	expect(preview.ok && preview.value.delimiter).toBe(delimiter);
	const staged = await stageSource(engine, file, 'stage_delim');
	expect(staged.ok && staged.value.header).toEqual(['id', 'name']);
	expect(await stagedRows(engine, 'stage_delim')).toEqual([['1', 'Smith, J', 2]]);
});

test('quoted fields keep delimiters, doubled quotes and line breaks; __line counts records', async () => {
	// Records: header (line 1), id 1 with a two-line note (2), id 2 (3), a blank line (4),
	// id 3 with a quoted quote (5). DuckDB counts the blank line but not the break inside quotes.
	const text = 'id,note\n1,"line one\nline two"\n2,plain\n\n3,"say ""hi"", ok"\n';
	const staged = await stageSource(engine, fileOf(text), 'stage_quotes');
	expect(staged.ok && staged.value.rowCount).toBe(3);
	expect(await stagedRows(engine, 'stage_quotes')).toEqual([
		['1', 'line one\nline two', 2],
		['2', 'plain', 3],
		['3', 'say "hi", ok', 5]
	]);
	const preview = await previewSource(fileOf(text));
	expect(preview.ok && preview.value.rows).toEqual([
		['1', 'line one\nline two'],
		['2', 'plain'],
		['3', 'say "hi", ok']
	]);
});

test('ragged rows are rejected with line and reason; the rest loads', async () => {
	// Line 3 has 2 fields, line 4 has 4, line 5 is blank, line 6 holds a line break inside
	// quotes (one record, one line number): lines 2 and 6 load, 3 and 4 are rejected.
	const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n\n10,"11\n",12\n';
	const staged = await stageSource(engine, fileOf(text), 'stage_ragged');
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value.rowCount).toBe(2);
	expect(staged.value.rejected).toEqual([
		{ line: 3, reason: expect.stringMatching(/^missing columns: .*3.*2/), raw: '4,5' },
		{ line: 4, reason: expect.stringMatching(/^too many columns: .*3.*4/), raw: '6,7,8,9' }
	]);
	expect(await stagedRows(engine, 'stage_ragged')).toEqual([
		['1', '2', '3', 2],
		['10', '11\n', '12', 6]
	]);
});

test.each([41, 1001])(
	'loaded lines stay right after many rejected and blank lines (lines 2…%i)',
	async (lastLine) => {
		// Line k holds k; lines divisible by 3 are ragged, lines ending in 7 are blank. Loaded rows
		// must carry their own line: the value equals __line. 1001 lines make more than 200 gaps,
		// which takes the join path instead of the CASE path.
		let text = 'v,w\n';
		for (let k = 2; k <= lastLine; k++)
			text += k % 10 === 7 ? '\n' : k % 3 === 0 ? `${k}\n` : `${k},x\n`;
		const staged = await stageSource(engine, fileOf(text), 'stage_many');
		if (!staged.ok) throw new Error(staged.error.detail);
		const lines = Array.from({ length: lastLine - 1 }, (_, i) => i + 2);
		expect(await stagedRows(engine, 'stage_many')).toEqual(
			lines.filter((k) => k % 10 !== 7 && k % 3 !== 0).map((k) => [String(k), 'x', k])
		);
		expect(staged.value.rejected.map((r) => r.line)).toEqual(
			lines.filter((k) => k % 3 === 0 && k % 10 !== 7)
		);
	}
);

test('skipRows drops the TikTok Shop description row (data row 1)', async () => {
	const text =
		'Order ID,Order Status\nPlatform unique order ID.,Current status\n576461413038785752,Completed\n';
	const file = fileOf(text);
	const preview = await previewSource(file, { skipRows: [1] });
	expect(preview.ok && preview.value.rows).toEqual([['576461413038785752', 'Completed']]);
	const staged = await stageSource(engine, file, 'stage_tiktok', { skipRows: [1] });
	expect(staged.ok && staged.value.rowCount).toBe(1);
	expect(await stagedRows(engine, 'stage_tiktok')).toEqual([
		['576461413038785752', 'Completed', 3]
	]);
});

test('blank lines before the header: the header is not loaded as a row', async () => {
	// Lines 1–2 blank, header on 3, data on 4, a ragged row on 5, data on 6.
	const staged = await stageSource(engine, fileOf('\n\na,b\n1,2\n3\n4,5\n'), 'stage_lead');
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value.header).toEqual(['a', 'b']);
	expect(staged.value.rejected.map((r) => r.line)).toEqual([5]);
	expect(await stagedRows(engine, 'stage_lead')).toEqual([
		['1', '2', 4],
		['4', '5', 6]
	]);
});

test('a skipped row that is ragged leaves no rejection behind', async () => {
	const text = 'a,b\nthis row describes the columns\n1,2\n';
	const staged = await stageSource(engine, fileOf(text), 'stage_skip', { skipRows: [1] });
	expect(staged.ok && staged.value).toMatchObject({ rowCount: 1, rejected: [] });
});

test('a quote inside an unquoted field is a plain character, as in DuckDB', async () => {
	const file = fileOf('id,title\n1,15" laptop\n2,"quoted, with comma"\n3,x"y\n');
	const preview = await previewSource(file);
	expect(preview.ok && preview.value.rows).toEqual([
		['1', '15" laptop'],
		['2', 'quoted, with comma'],
		['3', 'x"y']
	]);
	await stageSource(engine, file, 'stage_inch');
	expect(await stagedRows(engine, 'stage_inch')).toEqual([
		['1', '15" laptop', 2],
		['2', 'quoted, with comma', 3],
		['3', 'x"y', 4]
	]);
});

test('a lone CR line end among LFs: read leniently, with a warning', async () => {
	// DuckDB's strict parser stops at "3,4\r5,6"; the lenient one splits it into two rows.
	const staged = await stageSource(engine, fileOf('a,b\n1,2\n3,4\r5,6\n7,8\n'), 'stage_cr');
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value.warnings.map((w) => w.code)).toEqual(['read.lenient']);
	expect(staged.value.rowCount).toBe(4);
	expect(await stagedRows(engine, 'stage_cr')).toEqual([
		['1', '2', 2],
		['3', '4', 3],
		['5', '6', 4],
		['7', '8', 5]
	]);
});

test('an unterminated quote at the end of the file is a rejected row', async () => {
	const staged = await stageSource(engine, fileOf('a,b\n1,2\n3,"never closed\n'), 'stage_open');
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value.rowCount).toBe(1);
	expect(staged.value.rejected).toEqual([
		{ line: 3, reason: expect.stringMatching(/^unquoted value/), raw: '3,"never closed\n' }
	]);
});

test('duplicate and empty column titles are renamed, with warnings', async () => {
	const text = 'id,name,id,ID,,__line\n1,a,2,3,4,5\n';
	const staged = await stageSource(engine, fileOf(text), 'stage_dupes');
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value.header).toEqual(['id', 'name', 'id (2)', 'ID (3)', 'column 5', '__line (2)']);
	expect(staged.value.warnings.map((w) => w.code)).toEqual([
		'read.duplicate-header',
		'read.duplicate-header',
		'read.empty-header',
		'read.duplicate-header'
	]);
	expect(await stagedRows(engine, 'stage_dupes')).toEqual([['1', 'a', '2', '3', '4', '5', 2]]);
});

test('a wrong delimiter gives one column and a warning that says so', async () => {
	const file = fileOf('a;b;c\n1;2;3\n');
	const staged = await stageSource(engine, file, 'stage_wrong', { delimiter: ',' });
	if (!staged.ok) throw new Error(staged.error.detail);
	expect(staged.value.header).toEqual(['a;b;c']);
	expect(staged.value.warnings.map((w) => w.code)).toEqual(['read.single-column']);
	expect(await stagedRows(engine, 'stage_wrong')).toEqual([['1;2;3', 2]]);
});

test('a 1 MB cell loads whole', async () => {
	const big = 'x'.repeat(1_000_000);
	const staged = await stageSource(engine, fileOf(`id,note\n1,${big}\n2,short\n`), 'stage_big');
	expect(staged.ok && staged.value.rowCount).toBe(2);
	const lengths = await engine.query(
		'SELECT length(note)::INTEGER AS n FROM stage_big ORDER BY __line'
	);
	expect(lengths.ok && lengths.value.toArray().map((r) => r.n)).toEqual([1_000_000, 5]);
});

test('a 10,000-column header is refused before loading', async () => {
	const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
	const result = await stageSource(engine, fileOf(`${header}\n1\n`), 'stage_wide');
	expect(!result.ok && result.error.code).toBe('read.too-many-columns');
});

test('1,999 columns are fine', async () => {
	const header = Array.from({ length: 1999 }, (_, i) => `c${i}`).join(',');
	const row = Array.from({ length: 1999 }, (_, i) => i).join(',');
	const staged = await stageSource(engine, fileOf(`${header}\n${row}\n`), 'stage_1999');
	expect(staged.ok && staged.value.header.length).toBe(1999);
	const last = await engine.query('SELECT c1998 FROM stage_1999');
	expect(last.ok && last.value.get(0)?.c1998).toBe('1998');
});

test('ids keep every digit and leading zeros; empty fields are NULL', async () => {
	const staged = await stageSource(
		engine,
		fileOf('order_id,phone,note\n576461413038785752,0138000,\n'),
		'stage_ids'
	);
	expect(staged.ok).toBe(true);
	expect(await stagedRows(engine, 'stage_ids')).toEqual([
		['576461413038785752', '0138000', null, 2]
	]);
});

describe('a large file loads in pieces, each its own statement', () => {
	/*
	 * Two title lines, the header on line 3, then 300 records: a line break inside quotes (one
	 * record, one line), ragged rows every 7th line, blank lines every 11th, a skipped data row, a
	 * cell with 回头客 and a quote. Loaded in one statement and in pieces of 200 bytes (about a
	 * dozen rows each), the staged rows, their lines and the rejected rows are the same.
	 */
	const title = 'Shop export\nGenerated today,,\n';
	let body = 'id,note,amount\n';
	for (let k = 4; k <= 303; k++) {
		if (k % 11 === 0) body += '\n';
		else if (k % 7 === 0) body += `${k},ragged\n`;
		else if (k === 50) body += `${k},"two\nlines",5\n`;
		else if (k === 60) body += `${k},"回头客 ""vip""",6\n`;
		else body += `${k},n${k},${k % 13}\n`;
	}
	const text = title + body;
	const options = { headerRow: 3, skipRows: [2] };

	test.each(['utf-8', 'windows-1252'] as const)(
		'%s: the same rows, lines and rejections as in one statement',
		async (encoding) => {
			const phases: { phase: string; rows?: number }[] = [];
			const whole = await stageSource(engine, fileOf(text), 'stage_whole', {
				...options,
				encoding
			});
			const pieces = await stageSource(engine, fileOf(text), 'stage_pieces', {
				...options,
				encoding,
				pieceBytes: 200,
				onProgress: (p) => phases.push({ phase: p.phase, rows: p.rows })
			});
			if (!whole.ok || !pieces.ok) throw new Error('not staged');
			const rows = await stagedRows(engine, 'stage_pieces');
			expect(rows).toEqual(await stagedRows(engine, 'stage_whole'));
			expect(pieces.value.rejected).toEqual(whole.value.rejected);
			expect(pieces.value.rowCount).toBe(whole.value.rowCount);
			// Every loaded row sits on its own line (the id is the line it was written on, from
			// line 4), the skipped row (line 5) is gone, and the rejected are the ragged lines.
			expect(rows.every((r) => Number(r[0]) === r[3])).toBe(true);
			expect(rows.some((r) => r[3] === 5)).toBe(false);
			expect(whole.value.rejected.map((r) => r.line)).toEqual(
				Array.from({ length: 300 }, (_, i) => i + 4).filter((k) => k % 7 === 0 && k % 11 !== 0)
			);
			expect(rows.find((r) => r[3] === 60)?.[1]).toBe(
				encoding === 'utf-8' ? '回头客 "vip"' : 'å›žå¤´å®¢ "vip"'
			);
			// The side panel hears the rows loaded so far, piece by piece.
			const loading = phases.filter((p) => p.phase === 'loading' && p.rows !== undefined);
			expect(loading.length).toBeGreaterThan(10);
		}
	);

	test('a lone CR read leniently loads the same in pieces', async () => {
		let crText = 'a,b\n';
		for (let k = 2; k <= 120; k++) crText += k === 70 ? `${k},x\r` : `${k},x\n`;
		const whole = await stageSource(engine, fileOf(crText), 'stage_cr_whole');
		const pieces = await stageSource(engine, fileOf(crText), 'stage_cr_pieces', {
			pieceBytes: 100
		});
		if (!whole.ok || !pieces.ok) throw new Error('not staged');
		expect(pieces.value.warnings.map((w) => w.code)).toEqual(['read.lenient']);
		expect(await stagedRows(engine, 'stage_cr_pieces')).toEqual(
			await stagedRows(engine, 'stage_cr_whole')
		);
	});
});
