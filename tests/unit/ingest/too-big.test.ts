/**
 * A file too big for the page's memory: the import says so (and how to split it) instead of a
 * query hint, and the orders loaded before stay as they were. A small memory limit stands in for
 * the page's ~3 GB.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestEngine } from '../../helpers/wasm-engine.ts';
import { rowsOf } from '../../helpers/native-engine.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import { importFiles } from '../../../src/ingest/import.ts';
import { generateOrders } from '../../../src/sample/generate.ts';
import { formatOrders } from '../../../src/sample/formats.ts';
import { messages } from '../../../src/ui/i18n/ingest.ts';

let engine: SqlEngine & { close(): void };
beforeAll(async () => {
	engine = await createTestEngine({ memoryLimit: '100MB' });
}, 60_000);
afterAll(() => engine.close());

const sampleFile = (name: string, orders: number, seed: number) =>
	new File([[...formatOrders(generateOrders({ orders, seed }), 'generic')].join('')], name);

test('running out of memory while importing is "file too big"; the loaded orders stay', async () => {
	const small = await importFiles(engine, [sampleFile('small.csv', 200, 1)], { now: new Date() });
	expect(small.ok ? 'ok' : small.error).toBe('ok');
	const before = await rowsOf(
		engine,
		'SELECT count(*)::INTEGER AS n, sum(net_amount) AS net FROM orders'
	);
	expect(before[0].n).toBeGreaterThan(150);

	const big = await importFiles(engine, [sampleFile('big.csv', 120_000, 2)], { now: new Date() });
	expect(big.ok).toBe(false);
	if (big.ok) return;
	expect(big.error.code).toBe('ingest.too-big');
	expect(big.error.detail).toMatch(/^big\.csv \(\d+ MB\): .*memory/i);
	expect(messages['ingest.too-big'].en).toMatch(/split/);

	expect(
		await rowsOf(engine, 'SELECT count(*)::INTEGER AS n, sum(net_amount) AS net FROM orders')
	).toEqual(before);
	// Generating and reading 120k orders until memory runs out takes a while on two busy cores.
}, 180_000);
