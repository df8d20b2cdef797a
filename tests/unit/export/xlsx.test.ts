import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../../../src/lib/export/xlsx.ts';

/** Unzips the workbook and returns the sheet XML with shared strings resolved into text. */
async function readSheet(blob: Blob) {
	const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
	const strings = [
		...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<t[^>]*>([^<]*)<\/t>/g)
	].map((m) => m[1]);
	const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
	const cells: Record<string, string> = {};
	for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
		const [, ref, attrs, v] = m;
		cells[ref] = /t="s"/.test(attrs) ? strings[Number(v)] : (v ?? '');
	}
	return { files, cells, workbook: strFromU8(files['xl/workbook.xml']) };
}

describe('toXlsx', () => {
	it('writes a valid zip with typed cells and neutralised text', async () => {
		const blob = await toXlsx(
			[
				{ key: 'name', label: '顾客' },
				{ key: 'orders', label: 'Orders' },
				{ key: 'first', label: 'First order' }
			],
			[
				{ name: '张三', orders: 3, first: new Date(Date.UTC(2024, 0, 2)) },
				{ name: '=1+1', orders: -2, first: null },
				{ name: '<b>&amp;</b>', orders: 0.5, first: null }
			],
			{ sheet: 'RFM: top/bottom [1]' }
		);
		const { files, cells, workbook } = await readSheet(blob);
		expect(Object.keys(files)).toContain('[Content_Types].xml');
		expect(cells).toMatchObject({
			A1: '顾客',
			B1: 'Orders',
			C1: 'First order',
			A2: '张三',
			B2: '3',
			// 2024-01-02 is Excel serial 45293 (days since 1899-12-30)
			C2: '45293',
			A3: "'=1+1",
			B3: '-2',
			B4: '0.5'
		});
		// hostile markup is escaped in the XML, and reads back as the same text
		expect(strFromU8(files['xl/sharedStrings.xml'])).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
		// sheet names lose characters Excel refuses
		expect(workbook).toContain('name="RFM  top bottom  1 "');
	});
});
