/**
 * Every encoding an order export arrives in, plain and gzip-compressed: detection, the decoded
 * preview, and the staged VARCHAR table with line numbers.
 */
import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import {
	previewSource,
	stageSource,
	type EncodingConfidence,
	type EncodingName
} from '../../../src/ingest/read/index.ts';
import { columnTypes, concat, fileOf, gzip, stagedRows, utf8 } from './helpers.ts';

const engine = useTestEngine();

const taobao = '订单编号,买家会员名,实付金额\n1001,张三,¥12.50\n1002,李四,8.00\n';
const taobaoRows = [
	['1001', '张三', '¥12.50', 2],
	['1002', '李四', '8.00', 3]
];
const hongKong = '訂單編號,買家,實付金額\n1001,陳大文,HK$120.00\n1002,林小美,HK$88.50\n';
const excelUnicode = '订单编号\t金额\n1001\t12.5\n';
const western = 'name,price\ncafé,€5\nZoë,3\n';

const cases: {
	name: string;
	bytes: Uint8Array;
	encoding: EncodingName;
	confidence: EncodingConfidence;
	delimiter: string;
	header: string[];
	rows: (string | number)[][];
}[] = [
	{
		name: 'UTF-8',
		bytes: utf8(taobao),
		encoding: 'utf-8',
		confidence: 'certain',
		delimiter: ',',
		header: ['订单编号', '买家会员名', '实付金额'],
		rows: taobaoRows
	},
	{
		name: 'UTF-8 with BOM',
		bytes: concat([0xef, 0xbb, 0xbf], utf8(taobao)),
		encoding: 'utf-8',
		confidence: 'bom',
		delimiter: ',',
		header: ['订单编号', '买家会员名', '实付金额'],
		rows: taobaoRows
	},
	{
		// Taobao and JD export GBK; ¥ is a four-byte GB18030 sequence (81 30 84 36).
		name: 'GB18030',
		bytes: iconv.encode(taobao, 'gb18030'),
		encoding: 'gb18030',
		confidence: 'certain',
		delimiter: ',',
		header: ['订单编号', '买家会员名', '实付金额'],
		rows: taobaoRows
	},
	{
		// Hong Kong and Taiwan shops export Big5.
		name: 'Big5',
		bytes: iconv.encode(hongKong, 'big5'),
		encoding: 'big5',
		confidence: 'certain',
		delimiter: ',',
		header: ['訂單編號', '買家', '實付金額'],
		rows: [
			['1001', '陳大文', 'HK$120.00', 2],
			['1002', '林小美', 'HK$88.50', 3]
		]
	},
	{
		// Excel "Unicode text": UTF-16LE with BOM, tab-separated.
		name: 'UTF-16LE with BOM',
		bytes: concat([0xff, 0xfe], iconv.encode(excelUnicode, 'utf-16le')),
		encoding: 'utf-16le',
		confidence: 'bom',
		delimiter: '\t',
		header: ['订单编号', '金额'],
		rows: [['1001', '12.5', 2]]
	},
	{
		name: 'UTF-16BE with BOM',
		bytes: concat([0xfe, 0xff], iconv.encode(excelUnicode, 'utf-16be')),
		encoding: 'utf-16be',
		confidence: 'bom',
		delimiter: '\t',
		header: ['订单编号', '金额'],
		rows: [['1001', '12.5', 2]]
	},
	{
		// Digits and tabs are ASCII, so every other byte is NUL: found without a BOM.
		name: 'UTF-16LE without BOM',
		bytes: iconv.encode(excelUnicode, 'utf-16le'),
		encoding: 'utf-16le',
		confidence: 'certain',
		delimiter: '\t',
		header: ['订单编号', '金额'],
		rows: [['1001', '12.5', 2]]
	},
	{
		// café = 63 61 66 E9, € = 80, ë = EB: not UTF-8, and not GBK pairs either.
		name: 'Windows-1252',
		bytes: iconv.encode(western, 'win1252'),
		encoding: 'windows-1252',
		confidence: 'guess',
		delimiter: ',',
		header: ['name', 'price'],
		rows: [
			['café', '€5', 2],
			['Zoë', '3', 3]
		]
	}
];

describe.each([false, true])('gzip %s', (compressed) => {
	test.each(cases)('$name', async (c) => {
		const bytes = compressed ? await gzip(c.bytes) : c.bytes;
		const file = fileOf(bytes, compressed ? 'orders.csv.gz' : 'orders.csv');
		const preview = await previewSource(file);
		expect(preview.ok && preview.value).toMatchObject({
			fileKind: 'csv',
			compressed,
			encoding: c.encoding,
			encodingConfidence: c.confidence,
			delimiter: c.delimiter,
			header: c.header,
			rows: c.rows.map((r) => r.slice(0, -1)),
			warnings: []
		});

		const staged = await stageSource(engine, file, 'stage_enc');
		expect(staged.ok && staged.value).toMatchObject({ rowCount: c.rows.length, rejected: [] });
		expect(await stagedRows(engine, 'stage_enc')).toEqual(c.rows);
		expect(await columnTypes(engine, 'stage_enc')).toEqual([
			...c.header.map((h) => `${h} VARCHAR`),
			'__line BIGINT'
		]);
	});
});

test('an encoding override wins over detection', async () => {
	// The GBK bytes read as Windows-1252 give mojibake, but they load, as the user asked.
	const file = fileOf(iconv.encode('名,金额\n张,1\n', 'gb18030'));
	const preview = await previewSource(file, { encoding: 'windows-1252' });
	expect(preview.ok && preview.value.encoding).toBe('windows-1252');
	expect(preview.ok && preview.value.encodingConfidence).toBe('certain');
	expect(preview.ok && preview.value.encodingAlternatives).toEqual([]);
	expect(preview.ok && preview.value.header).toEqual(['Ãû', '½ð¶î']);
});
