/**
 * Seeded fuzz of the reader: valid exports, mutated (truncated, bytes flipped or inserted,
 * a huge field, NULs, a wrong encoding), must each load with a table that matches the result
 * or fail with a catalogued code, dropping the target table and leaving other tables alone.
 */
import { expect, test } from 'vitest';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { stageSource } from '../../../src/ingest/read/index.ts';
import { messages } from '../../../src/ui/i18n/ingest-read.ts';
import { columnTypes, concat, fileOf, gzip, tableExists, utf8 } from './helpers.ts';

const CASES = 60;
const TIME_BUDGET_MS = 45_000;

const engine = useTestEngine({
	async setUp(engine) {
		await engine.query('CREATE TABLE keep AS SELECT 42 AS answer');
	}
});

/** mulberry32: small, seeded, good enough to pick mutations reproducibly. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

async function samples(): Promise<{ name: string; bytes: Uint8Array }[]> {
	let csv = '订单编号,买家,金额,下单时间,备注\n';
	for (let i = 0; i < 40; i++)
		csv += `${576461413038785752n + BigInt(i)},买家${i},¥${i}.50,2024-01-${(i % 28) + 1} 10:00,"多行\n备注 ${i}"\n`;
	const xlsx = await writeXlsxFile([
		[{ value: 'id' }, { value: 'amount' }],
		[{ value: 1 }, { value: 2.5 }],
		[{ value: 2 }, { value: 3 }]
	]).toBuffer();
	return [
		{ name: 'orders.csv', bytes: utf8(csv) },
		{ name: 'orders-gbk.csv', bytes: iconv.encode(csv, 'gb18030') },
		{ name: 'orders.csv.gz', bytes: await gzip(utf8(csv)) },
		{ name: 'orders.xlsx', bytes: new Uint8Array(xlsx) },
		{
			name: 'orders.json',
			bytes: utf8(
				JSON.stringify([
					{ id: 1, a: 'x' },
					{ id: 2, b: [1] }
				])
			)
		},
		{ name: 'orders.ndjson', bytes: utf8('{"id":1}\n{"id":2,"x":"y"}\n') }
	];
}

function mutate(bytes: Uint8Array, rand: () => number): { how: string; bytes: Uint8Array } {
	const at = () => Math.floor(rand() * bytes.length);
	const byte = () => Math.floor(rand() * 256);
	switch (Math.floor(rand() * 6)) {
		case 0:
			return { how: 'truncate', bytes: bytes.slice(0, at()) };
		case 1: {
			const out = bytes.slice();
			for (let k = 1 + Math.floor(rand() * 20); k > 0; k--) out[at()] = byte();
			return { how: 'flip bytes', bytes: out };
		}
		case 2: {
			const p = at();
			const noise = Array.from({ length: 1 + Math.floor(rand() * 50) }, byte);
			return { how: 'insert bytes', bytes: concat(bytes.slice(0, p), noise, bytes.slice(p)) };
		}
		case 3: {
			const p = at();
			return {
				how: 'huge field',
				bytes: concat(bytes.slice(0, p), utf8('x'.repeat(300_000)), bytes.slice(p))
			};
		}
		case 4: {
			const p = at();
			return { how: 'NULs', bytes: concat(bytes.slice(0, p), new Uint8Array(8), bytes.slice(p)) };
		}
		default:
			return {
				how: 'read as UTF-16',
				bytes: iconv.encode(new TextDecoder().decode(bytes), 'utf-16le')
			};
	}
}

test(`${CASES} mutated files: each loads consistently or fails with a catalogued code`, async () => {
	const rand = random(20261126);
	const base = await samples();
	const started = Date.now();
	const outcomes: Record<string, number> = {};
	let tried = 0;
	for (; tried < CASES && Date.now() - started < TIME_BUDGET_MS; tried++) {
		const sample = base[tried % base.length];
		const { how, bytes } = mutate(sample.bytes, rand);
		const label = `case ${tried}: ${how} of ${sample.name}`;
		const result = await stageSource(engine, fileOf(bytes, sample.name), 'stage_fuzz');
		if (result.ok) {
			expect(result.value.rowCount, label).toBeGreaterThan(0);
			const types = await columnTypes(engine, 'stage_fuzz');
			expect(types, label).toEqual([
				...result.value.header.map((h) => `${h} VARCHAR`),
				'__line BIGINT'
			]);
			outcomes.ok = (outcomes.ok ?? 0) + 1;
		} else {
			expect(messages[result.error.code], `${label}: ${result.error.code}`).toBeDefined();
			expect(result.error.code, label).not.toBe('read.failed');
			expect(await tableExists(engine, 'stage_fuzz'), label).toBe(false);
			outcomes[result.error.code] = (outcomes[result.error.code] ?? 0) + 1;
			if (result.error.code === 'read.load')
				console.log('DBG', label, result.error.detail.slice(0, 400));
		}
		const kept = await engine.query('SELECT answer FROM keep');
		expect(kept.ok && kept.value.get(0)?.answer, label).toBe(42);
	}
	console.log(`reader fuzz: ${tried} cases`, outcomes);
	expect(tried).toBeGreaterThan(10);
}, 120_000);
