import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseSampleArgs, tileSample, writeSampleFile } from '../../../scripts/sample.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'huitou-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run sample', () => {
	test('the same options write byte-identical files; the report counts rows', async () => {
		const out = (name: string) => path.join(dir, name);
		const base = { orders: 2500, seed: 9, format: 'shopify', encoding: 'utf8' } as const;
		const a = await writeSampleFile({ ...base, out: out('a.csv'), contacts: out('ac.csv') });
		const b = await writeSampleFile({ ...base, out: out('b.csv') });
		expect(readFileSync(out('a.csv')).equals(readFileSync(out('b.csv')))).toBe(true);
		const text = readFileSync(out('a.csv'), 'utf8');
		// Shopify: one data row per line item.
		expect(text.trimEnd().split('\n').length - 1).toBe(a.rows);
		expect(a.rows).toBeGreaterThan(a.orders);
		expect(b.orders).toBe(a.orders);
		expect(readFileSync(out('ac.csv'), 'utf8').split('\n')[0]).toBe(
			'campaign_id,wave,customer_id,group,send_time,channel,cost'
		);
		expect(a.contacts).toBeGreaterThan(0);
	});

	test('gbk writes GB18030 bytes without a BOM; utf8 Taobao gets a BOM', async () => {
		const gbk = path.join(dir, 'gbk.csv');
		const utf = path.join(dir, 'utf.csv');
		await writeSampleFile({ orders: 800, format: 'taobao', encoding: 'gbk', out: gbk });
		await writeSampleFile({ orders: 800, format: 'taobao', encoding: 'utf8', out: utf });
		const bytes = readFileSync(gbk);
		const decoded = new TextDecoder('gb18030').decode(bytes);
		expect(decoded.startsWith('订单编号,买家会员名,')).toBe(true);
		expect(decoded).toMatch(/="\d{19}"/);
		expect([...readFileSync(utf).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(readFileSync(utf))).toBe(decoded);
	});

	test('a tiled file holds copies of its base as one shop, in time order', async () => {
		const base = path.join(dir, 'base.csv');
		const tiled = path.join(dir, 'tiled.csv');
		await writeSampleFile({ orders: 300, format: 'lean', encoding: 'utf8', out: base, seed: 3 });
		const rowsOf = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');
		const [header, ...baseRows] = rowsOf(base);
		expect(await tileSample(base, 3, tiled)).toBe(3 * baseRows.length);
		const [tiledHeader, ...rows] = rowsOf(tiled);
		expect(tiledHeader).toBe(header);
		const fields = rows.map((r) => r.split(','));
		// Copy 0 is the base as it was, in its order; copies 1 and 2 carry -1 and -2.
		expect(rows.filter((r) => !/^\d+-\d,/.test(r))).toEqual(baseRows);
		expect(new Set(fields.map((f) => f[0])).size).toBe(rows.length);
		const copy2 = fields.filter((f) => f[0].endsWith('-2'));
		expect(copy2).toHaveLength(baseRows.length);
		expect(copy2.every((f) => f[1] === '' || f[1].endsWith('-2'))).toBe(true);
		const times = fields.map((f) => f[2]);
		expect(times).toEqual([...times].sort());
	});

	test('reads the command line and explains what is wrong', () => {
		expect(parseSampleArgs(['--out', 'x.csv'])).toEqual({
			orders: 60_000,
			seed: 20231111,
			format: 'generic',
			encoding: 'utf8',
			out: 'x.csv'
		});
		expect(
			parseSampleArgs([
				'--orders',
				'1000000',
				'--format',
				'taobao',
				'--encoding',
				'gbk',
				'--out',
				'y'
			])
		).toMatchObject({ orders: 1_000_000, format: 'taobao', encoding: 'gbk' });
		expect(parseSampleArgs([])).toMatch(/^--out is required/);
		expect(parseSampleArgs(['--out', 'x', '--format', 'xlsx'])).toMatch(/unknown --format xlsx/);
		expect(parseSampleArgs(['--out', 'x', '--encoding', 'latin1'])).toMatch(/unknown --encoding/);
		expect(parseSampleArgs(['--out', 'x', '--orders', '60000000'])).toMatch(/--orders must be/);
		// Past 10M orders only the lean layout, which is tiled.
		expect(parseSampleArgs(['--out', 'x', '--orders', '20000000'])).toMatch(/only --format lean/);
		expect(
			parseSampleArgs(['--out', 'x', '--orders', '50000000', '--format', 'lean'])
		).toMatchObject({ orders: 50_000_000, format: 'lean' });
		expect(parseSampleArgs(['--out', 'x', '--orders', '1e3x'])).toMatch(/--orders must be/);
		expect(parseSampleArgs(['--out', 'x', '--bogus'])).toMatch(/usage:/);
	});
});
