/**
 * Builds the one-click sample's shipped tables (src/sample/sample-tables.ts):
 *
 *   npx tsx scripts/sample-tables.ts --out DIR
 *
 * imports the generated shop with the app's importer on duckdb-wasm's Node build (the engine the
 * page runs), then writes each table of the page's database as a gzip-compressed Arrow IPC stream
 * and `manifest.json` beside them. The Vite plugin in scripts/sample-tables-plugin.ts runs it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Table } from 'apache-arrow';
import { HOME_DB, type SqlEngine } from '../src/engine/types.ts';
import { importSample } from '../src/sample/import-sample.ts';
import { sampleTableFile, type SampleManifest } from '../src/sample/sample-tables.ts';
import { createTestEngine } from '../tests/helpers/wasm-engine.ts';

// The blocking bundle answers with its own (CommonJS) copy of apache-arrow: write its tables
// with that copy's writer.
const require = createRequire(import.meta.url);
const { tableToIPC } = require('apache-arrow') as typeof import('apache-arrow');

/** The sample's import, as the manifest and one compressed Arrow stream per table. */
export async function buildSampleTables(
	engine: SqlEngine
): Promise<{ manifest: SampleManifest; files: Map<string, Uint8Array> }> {
	// Fixed, so the build is reproducible: the sample has no order after it.
	const imported = await importSample(engine, new Date('2025-01-01T00:00:00Z'));
	if (!imported.ok) throw new Error(`${imported.error.code}: ${imported.error.detail}`);
	const report = imported.value;
	if (!isDeepStrictEqual(JSON.parse(JSON.stringify(report)), report))
		throw new Error('the sample import report does not survive JSON');
	const listed = await engine.query(`SELECT table_name, sql, estimated_size FROM duckdb_tables()
		WHERE database_name = '${HOME_DB}' AND NOT temporary ORDER BY table_name`);
	if (!listed.ok) throw new Error(listed.error.detail);
	const manifest: SampleManifest = { tables: [], ...report };
	const files = new Map<string, Uint8Array>();
	for (const row of listed.value.toArray()) {
		const name = String(row.table_name);
		const data = await engine.query(`SELECT * FROM "${name}"`);
		if (!data.ok) throw new Error(data.error.detail);
		const table = data.value as Table;
		manifest.tables.push({ name, sql: String(row.sql), rows: table.numRows });
		files.set(sampleTableFile(name), gzipSync(tableToIPC(table, 'stream'), { level: 9 }));
	}
	return { manifest, files };
}

async function main() {
	const { values } = parseArgs({ options: { out: { type: 'string' } } });
	if (!values.out) throw new Error('usage: tsx scripts/sample-tables.ts --out DIR');
	const engine = await createTestEngine();
	try {
		const { manifest, files } = await buildSampleTables(engine);
		mkdirSync(values.out, { recursive: true });
		for (const [name, bytes] of files) writeFileSync(path.join(values.out, name), bytes);
		writeFileSync(path.join(values.out, 'manifest.json'), JSON.stringify(manifest));
	} finally {
		engine.close();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
