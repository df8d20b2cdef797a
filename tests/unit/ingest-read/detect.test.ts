/** The pure pieces: encoding, delimiter, record and blank-line detection, header names. */
import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { completeUtf8Length, detectEncoding } from '../../../src/ingest/read/detect-encoding.ts';
import {
	detectContainer,
	detectTextKind,
	looksBinary
} from '../../../src/ingest/read/detect-kind.ts';
import { parseRecords, sniffDelimiter } from '../../../src/ingest/read/parse-delimited.ts';
import { BlankLineProbe, BlankLineScanner } from '../../../src/ingest/read/text-source.ts';
import { dedupeHeader } from '../../../src/ingest/read/header.ts';
import { createDecoder } from '../../../src/ingest/read/text-decoder.ts';
import { describeEncoding } from '../../../src/ingest/read/index.ts';
import { concat, utf8 } from './helpers.ts';

describe('detectEncoding', () => {
	test('a UTF-8 character cut by the sample end is not held against UTF-8', () => {
		const bytes = utf8('名称,数量\n苹果,1\n'); // 苹 = E8 8B B9
		const cut = bytes.subarray(0, bytes.indexOf(0x8b) + 1); // ends with E8 8B
		expect(detectEncoding(cut, false)).toMatchObject({ encoding: 'utf-8', confidence: 'certain' });
		// …but if that is the whole file, the sequence really is broken.
		expect(detectEncoding(cut, true).confidence).not.toBe('certain');
	});

	test.each([
		// Enough characters, and read as Big5 they are mostly rare ones: certain.
		['商品名称,数量,收货地址\n苹果,1,浙江省杭州市\n', 'gb18030', 'certain'],
		// Only 15 characters, and 80% of them are common ones in Big5 too: a guess.
		['订单号,状态\n1,交易成功\n2,等待买家付款\n', 'gb18030', 'guess'],
		['訂單編號,買家,金額,收貨地址\n1001,陳大文,120.00,香港九龍旺角\n', 'big5', 'certain'],
		['商品名稱,數量\n蘋果禮盒,2\n台灣高山茶,1\n', 'big5', 'certain'],
		// A few accented letters are little evidence, whatever reads them best.
		['Kunde,Straße,Stadt\nMüller,Hauptstraße 5,Köln\n', 'windows-1252', 'guess'],
		['name,city\nJosé,São Paulo\nFrançois,Besançon\n', 'windows-1252', 'guess'],
		['product,price\nCrème brûlée,€4\n', 'windows-1252', 'guess'],
		[
			'name,city,note\nJosé,São Paulo,está ótimo\nFrançois,Besançon,très bien, déjà vu\nZoë,Köln,schön\n',
			'windows-1252',
			'certain'
		]
	] as const)('%j is %s (%s)', (text, encoding, confidence) => {
		const bytes = iconv.encode(text, encoding === 'windows-1252' ? 'win1252' : encoding);
		expect(detectEncoding(bytes, true)).toMatchObject({ encoding, confidence });
	});

	test('GB18030 whose non-ASCII text is mostly four-byte ¥ on every row is certain', () => {
		// ¥ = 81 30 84 36: no two-byte pair at all, and no valid Big5; read as Windows-1252 it is
		// C1 controls and „ between digits.
		const rows = Array.from(
			{ length: 40 },
			(_, i) => `${1001 + i};c${i % 7};¥${i + 1},234.50;2024/1/${(i % 28) + 1}`
		);
		const text = ['订单编号;客户;实付金额;下单时间', ...rows].join('\n') + '\n';
		const detected = detectEncoding(iconv.encode(text, 'gb18030'), true);
		expect(detected).toMatchObject({ encoding: 'gb18030', confidence: 'certain' });
		expect(detected.alternatives.every((a) => a.encoding !== 'big5')).toBe(true);
	});

	test('the other readings are listed, best first, with their scores', () => {
		const bytes = iconv.encode('订单号,状态\n1,交易成功\n2,等待买家付款\n', 'gb18030');
		expect(detectEncoding(bytes, true).alternatives).toEqual([{ encoding: 'big5', score: 0.8 }]);
	});

	test('ambiguous short bytes give a guess', () => {
		// C4 E3 is 你 in GBK, 斕 in Big5 and Äã in Windows-1252.
		const detected = detectEncoding(Uint8Array.from([0x61, 0x2c, 0xc4, 0xe3, 0x0a]), true);
		expect(detected.confidence).toBe('guess');
		expect(detected.alternatives.length).toBeGreaterThan(0);
	});

	test('a character cut at the end of a legacy sample is not held against it', () => {
		const bytes = iconv.encode('商品名称,数量,收货地址\n苹果,1,浙江省杭州市', 'gb18030');
		const cut = bytes.subarray(0, bytes.length - 1);
		expect(detectEncoding(cut, false)).toMatchObject({
			encoding: 'gb18030',
			confidence: 'certain'
		});
	});

	test('UTF-16BE without BOM, by NULs at even offsets', () => {
		const bytes = iconv.encode('id\tname\n1\tA\n', 'utf-16be');
		expect(detectEncoding(bytes, true)).toMatchObject({
			encoding: 'utf-16be',
			confidence: 'certain'
		});
	});

	test('pure ASCII is UTF-8', () => {
		expect(detectEncoding(utf8('a,b\n1,2\n'), true)).toMatchObject({
			encoding: 'utf-8',
			bomLength: 0
		});
	});

	test('completeUtf8Length drops only an unfinished sequence', () => {
		expect(completeUtf8Length(Uint8Array.from([0x61, 0xe4, 0xb8]))).toBe(1);
		expect(completeUtf8Length(Uint8Array.from([0x61, 0xe4, 0xb8, 0xad]))).toBe(4);
		expect(completeUtf8Length(Uint8Array.from([0x61, 0xc3]))).toBe(1);
		expect(completeUtf8Length(Uint8Array.from([0x61, 0x62]))).toBe(2);
	});
});

test('Windows-1252 decodes 0x80–0x9F by the WHATWG table', () => {
	expect(
		createDecoder('windows-1252').decode(Uint8Array.from([0x80, 0x93, 0x94, 0xe9, 0x9f]))
	).toBe('€“”éŸ');
});

describe('delimited text', () => {
	test('sniffing ignores delimiters inside quotes', () => {
		expect(sniffDelimiter('a;b\n"x,y,z";1\n"p,q";2\n', true)).toBe(';');
		expect(sniffDelimiter('a,b\n"x;y;z",1\n', true)).toBe(',');
		expect(sniffDelimiter('just one column\nvalue\n', true)).toBe(',');
	});

	test('records: quotes, doubled quotes, CRLF, blank lines counted in line numbers', () => {
		expect(parseRecords('a,b\r\n"x\r\ny","say ""hi"""\r\n\r\n3,4', ',', 10, true)).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['x\r\ny', 'say "hi"'] },
			{ line: 4, fields: ['3', '4'] }
		]);
	});

	test('an incomplete sample leaves its last, possibly cut, record out', () => {
		expect(parseRecords('a,b\n1,2\n3,"unfinished', ',', 10, false)).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['1', '2'] }
		]);
		expect(parseRecords('a,b\n1,2\n3,4', ',', 10, false).length).toBe(2);
		expect(parseRecords('a,b\n1,2\n3,4', ',', 10, true).length).toBe(3);
	});

	test('blank lines are found across chunk boundaries, not inside quotes', () => {
		// Line 1 header, 2 a quoted field holding an empty line (one record, one line number),
		// 3 blank (CRLF), 4 data, 5 blank (bare \n), 6 data; every cut point between two chunks.
		const text = 'h\r\n"x\r\n\r\ny"\r\n\r\n1\r\n\n2\n';
		const bytes = utf8(text);
		for (let cut = 0; cut <= bytes.length; cut++) {
			const scanner = new BlankLineScanner(',');
			const probe = new BlankLineProbe();
			for (const part of [bytes.subarray(0, cut), bytes.subarray(cut)]) {
				scanner.feed(part);
				probe.feed(part);
			}
			expect(scanner.blankLines, `cut at ${cut}`).toEqual([3, 5]);
			expect(probe.found).toBe(true);
		}
		const probe = new BlankLineProbe();
		probe.feed(utf8('a\r\nb\r'));
		probe.feed(utf8('\nc\n'));
		expect(probe.found).toBe(false);
	});
});

test('header names: duplicates by DuckDB rules (case-insensitive), empties, the line column', () => {
	expect(dedupeHeader(['Id', 'id', 'ID', 'id (2)', null, '  ']).header).toEqual([
		'Id',
		'id (2)',
		'ID (3)',
		'id (2) (2)',
		'column 5',
		'column 6'
	]);
});

test('containers and text kinds by their first bytes', () => {
	expect(detectContainer(Uint8Array.from([0x1f, 0x8b, 8]))).toBe('gzip');
	expect(detectContainer(utf8('PK\u0003\u0004'))).toBe('zip');
	expect(detectContainer(utf8('PAR1'))).toBe('parquet');
	expect(detectContainer(utf8('id,name'))).toBe('text');
	expect(detectTextKind(' \n[{"a":1}]')).toBe('json');
	expect(detectTextKind('{"a":1}\n{"a":2}')).toBe('ndjson');
	expect(detectTextKind('\uFEFFa,b')).toBe('csv');
	expect(looksBinary('a,b\n1,2\n')).toBe(false);
	expect(looksBinary('a\u0000b')).toBe(true);
	expect(
		looksBinary(String.fromCharCode(...concat(Array.from({ length: 100 }, (_, i) => i % 32))))
	).toBe(true);
});

test('every encoding has a label in both languages', () => {
	expect(describeEncoding('gb18030')).toEqual({
		en: 'Chinese GBK / GB18030',
		zh: '简体中文 GBK / GB18030'
	});
});
