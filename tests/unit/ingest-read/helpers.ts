/** Small builders shared by the reader tests: files from text or bytes, gzip, staged rows. */
import type { SqlEngine } from '../../../src/engine/types.ts';
import { ident } from '../../../src/lib/sql.ts';

export const utf8 = (text: string) => new TextEncoder().encode(text);

export const fileOf = (bytes: Uint8Array | string, name = 'orders.csv') =>
	new File([typeof bytes === 'string' ? utf8(bytes) : (bytes as Uint8Array<ArrayBuffer>)], name);

export const concat = (...parts: (Uint8Array | number[])[]) => {
	const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
	const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
	let at = 0;
	for (const a of arrays) {
		out.set(a, at);
		at += a.length;
	}
	return out;
};

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new CompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The staged table as rows of text in column order, `__line` last as a number, by `__line`. */
export async function stagedRows(
	engine: SqlEngine,
	table: string
): Promise<(string | number | null)[][]> {
	const result = await engine.query(`SELECT * FROM ${ident(table)} ORDER BY __line`);
	if (!result.ok) throw new Error(result.error.detail);
	const names = result.value.schema.fields.map((f) => f.name);
	return result.value.toArray().map((row) =>
		names.map((n) => {
			const v = row[n];
			return typeof v === 'bigint' ? Number(v) : (v ?? null);
		})
	);
}

export async function columnTypes(engine: SqlEngine, table: string): Promise<string[]> {
	const result = await engine.query(
		`SELECT column_name || ' ' || data_type AS c FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`
	);
	if (!result.ok) throw new Error(result.error.detail);
	return result.value.toArray().map((r) => String(r.c));
}

export async function tableExists(engine: SqlEngine, table: string): Promise<boolean> {
	const result = await engine.query(
		`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = '${table}'`
	);
	if (!result.ok) throw new Error(result.error.detail);
	return Number(result.value.get(0)?.n) > 0;
}
