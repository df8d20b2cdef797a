/**
 * The shipped sample is the imported sample: the tables the build writes (scripts/sample-tables.ts)
 * and the page loads (src/sample/sample-tables.ts) hold exactly the rows, types and constraints
 * the importer left in another engine, and the report shipped beside them is that import's.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../helpers/wasm-engine.ts';
import { buildSampleTables } from '../../../scripts/sample-tables.ts';
import {
	loadSampleTables,
	sampleTableFile,
	type SampleManifest,
	type SampleStep
} from '../../../src/sample/sample-tables.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';

type Engine = Awaited<ReturnType<typeof createTestEngine>>;
let imported: Engine;
let loaded: Engine;
let manifest: SampleManifest;
let files: Map<string, Uint8Array>;
const steps: SampleStep[] = [];

beforeAll(async () => {
	imported = await createTestEngine();
	({ manifest, files } = await buildSampleTables(imported));
	loaded = await createTestEngine();
	const urls = Object.fromEntries(manifest.tables.map((t) => [t.name, sampleTableFile(t.name)]));
	const fetched = async (url: string) => new Uint8Array(gunzipSync(files.get(url)!));
	const r = await loadSampleTables(loaded, { manifest, urls }, fetched, (s) => steps.push(s));
	if (!r.ok) throw new Error(r.error.detail);
}, 240_000);
afterAll(() => {
	imported?.close();
	loaded?.close();
});

async function rows(engine: SqlEngine, sql: string) {
	const r = await engine.query(sql);
	if (!r.ok) throw new Error(r.error.detail);
	return r.value.toArray().map((row) => ({ ...row.toJSON() }));
}

/** Every table with its DDL, and per table its row count and an order-free hash of its rows. */
async function fingerprint(engine: SqlEngine) {
	const tables = await rows(
		engine,
		`SELECT table_name, sql FROM duckdb_tables() WHERE NOT temporary ORDER BY ALL`
	);
	const contents = [];
	for (const t of tables)
		contents.push(
			...(await rows(
				engine,
				`SELECT '${t.table_name}' AS t, count(*)::INT AS n, bit_xor(hash(x))::VARCHAR AS h
				FROM "${t.table_name}" AS x`
			))
		);
	return { tables, contents };
}

describe('the shipped sample', () => {
	test('holds the four canonical tables, each with rows', () => {
		expect(manifest.tables.map((t) => t.name)).toEqual([
			'campaign_contacts',
			'customers',
			'order_lines',
			'orders'
		]);
		for (const t of manifest.tables) expect(t.rows).toBeGreaterThan(1000);
		expect(manifest.files).toEqual([
			'sample-orders-20231111.csv',
			'sample-campaign-contacts-20231111.csv'
		]);
	});

	test('loads into the same tables, rows and types as importing it', async () => {
		const want = await fingerprint(imported);
		expect(await fingerprint(loaded)).toEqual(want);
		expect(want.contents.find((c) => c.t === 'orders')?.n).toBe(
			manifest.tables.find((t) => t.name === 'orders')?.rows
		);
	});

	test("ships the import's own report: its orders and customers are the loaded tables'", async () => {
		const [file] = manifest.report.files;
		const [counted] = await rows(
			loaded,
			`SELECT count(*)::INT AS orders, count(DISTINCT customer_id) FILTER (WHERE status = 'paid')::INT
				AS customers FROM orders`
		);
		expect({ orders: file.orders, customers: file.customers }).toEqual(counted);
		expect(manifest.contacts[0].rows).toBe(
			manifest.tables.find((t) => t.name === 'campaign_contacts')?.rows
		);
	});

	test('says what it waits for: the download, then the engine, then the tables', () => {
		expect(steps).toEqual(['fetching', 'engine', 'loading']);
	});
});
