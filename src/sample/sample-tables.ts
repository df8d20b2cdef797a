/**
 * The one-click sample as the importer left it: its canonical tables, built once when the app is
 * built (scripts/sample-tables.ts imports the generated shop with this very importer on this very
 * DuckDB build) and shipped as gzip-compressed Arrow IPC streams beside the app. "Try sample data"
 * fetches them from the page's own origin and appends them to freshly created tables: no
 * generating, parsing or canonicalising in the page, the same rows to the last bit.
 *
 * Arrow, not Parquet: the wasm build has no Parquet reader (ENGINE-NOTES), and Arrow IPC is what
 * the engine takes in without one.
 */
import { tableFromIPC } from 'apache-arrow';
import type { SqlEngine } from '../engine/types.ts';
import type { ContactImport } from '../ingest/contacts.ts';
import type { ImportReport } from '../ingest/quality.ts';
import { fail, ok, type Result } from '../lib/result.ts';
import { ident } from '../lib/sql.ts';

/** One shipped table: how to create it, and how many rows it holds. */
interface SampleTable {
	name: string;
	/** DuckDB's own CREATE TABLE statement for it, constraints included. */
	sql: string;
	rows: number;
}

/** What the import of the sample reported, shipped beside its tables. */
export interface SampleManifest {
	tables: SampleTable[];
	/** The order import's report, as the quality report shows it. */
	report: ImportReport;
	/** The campaign contact list's import. */
	contacts: ContactImport[];
	/** The sample's file names, orders first, as the data panel lists them. */
	files: string[];
}

/** Where the page finds the sample: the manifest and one URL per table. */
export interface SampleSource {
	manifest: SampleManifest;
	urls: Record<string, string>;
}

export type SampleStep = 'fetching' | 'engine' | 'loading';

/** File name of a table's compressed Arrow stream (also its asset's name stem). */
export const sampleTableFile = (name: string): string => `sample-${name}.arrow.gz`;

/**
 * Fetches the shipped tables (in parallel with the engine starting) and creates them. `onStep` says
 * what the load waits for: the download, the engine, or the tables being filled.
 */
export async function loadSampleTables(
	engine: SqlEngine,
	source: SampleSource,
	fetchBytes: (url: string) => Promise<Uint8Array>,
	onStep: (step: SampleStep) => void = () => {}
): Promise<Result<SampleManifest>> {
	const { manifest, urls } = source;
	onStep('fetching');
	let bytes: Uint8Array[];
	try {
		bytes = await Promise.all(manifest.tables.map((t) => fetchBytes(urls[t.name])));
	} catch (e) {
		return fail('sample.failed', e instanceof Error ? e.message : String(e));
	}
	onStep('engine');
	// One table after another, each dropped first: a failed import may have left empty ones.
	for (const [i, table] of manifest.tables.entries()) {
		const created = await engine.query(`DROP TABLE IF EXISTS ${ident(table.name)}; ${table.sql}`);
		if (!created.ok) return created;
		if (i === 0) onStep('loading');
		const inserted = await engine.insertArrow(table.name, tableFromIPC(bytes[i]), 'append');
		if (!inserted.ok) return inserted;
	}
	return ok(manifest);
}

/** Reads a gzip-compressed asset of our own origin into bytes. */
export async function fetchGzip(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
	const inflated = response.body.pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(inflated).arrayBuffer());
}
