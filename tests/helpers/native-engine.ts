/**
 * Native DuckDB (src/engine/native.ts) behind a plain-rows `query`, plus the pieces analysis tests share across both engines: canonical
 * fixture rows as SQL, and results as plain rows that compare equal across engines.
 */
import type { Table } from 'apache-arrow';
import { tableToRows, type Row } from '../../src/engine/decode.ts';
import type { SqlEngine } from '../../src/engine/types.ts';
import { createNativeSqlEngine } from '../../src/engine/native.ts';
import { CANONICAL_DDL, type OrderStatus } from '../../src/ingest/canonical.ts';
import { literal } from '../../src/lib/sql.ts';
import { ok, type Result } from '../../src/lib/result.ts';

/** A plain value both engines' rows reduce to: dates become ISO strings, 64-bit ints numbers. */
type Plain = string | number | boolean | null;
export type PlainRow = Record<string, Plain>;

function toPlain(v: unknown): Plain {
	if (v === null || v === undefined) return null;
	if (v instanceof Date) return v.toISOString();
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	return String(v);
}

const plainRow = (r: Record<string, unknown>): PlainRow =>
	Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toPlain(v)]));

export interface NativeEngine {
	/** Runs one or more statements; rows of the last one. */
	query(sql: string): Promise<Result<PlainRow[]>>;
	close(): void;
}

/**
 * The shared native adapter (src/engine/native.ts) with plain rows out. Its default storage is
 * the page's compressed in-memory database; the cross-checks do not depend on it.
 */
export async function createNativeEngine(): Promise<NativeEngine> {
	const engine = await createNativeSqlEngine();
	return {
		async query(sql) {
			const r = await engine.query(sql);
			return r.ok ? ok(plainRows(r.value)) : r;
		},
		close: () => engine.close()
	};
}

/** Decoded rows of a wasm result, reduced like the native ones. */
export const plainRows = (table: Table): PlainRow[] => tableToRows(table).map(plainRow);

/** Runs SQL on the wasm engine and returns plain rows, failing the test on an engine error. */
export async function rowsOf(db: SqlEngine, sql: string): Promise<PlainRow[]> {
	const r = await db.query(sql);
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}\n${sql}`);
	return plainRows(r.value);
}

/** Rows as decoded by the app (dates stay Date), for tests that pass values on as drill selections. */
export async function decodedRowsOf(db: SqlEngine, sql: string): Promise<Row[]> {
	const r = await db.query(sql);
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}\n${sql}`);
	return tableToRows(r.value);
}

export interface TestOrder {
	id: string;
	customer: string | null;
	/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, store-local. */
	time: string;
	gross: number;
	status?: OrderStatus;
	refund?: number;
	channel?: string;
	campaign?: string;
	province?: string;
}

export interface TestLine {
	order: string;
	category?: string;
	product?: string;
	amount: number;
}

/**
 * Statements that recreate the canonical tables (DDL from src/ingest/canonical.ts) holding these
 * rows. Net = gross − refund for paid orders and 0 otherwise, as ingest writes it.
 */
export function fixtureSql(orders: TestOrder[], lines: TestLine[] = []): string {
	const stmts = [...CANONICAL_DDL];
	for (const o of orders) {
		const status = o.status ?? 'paid';
		const refund = o.refund ?? 0;
		const time = o.time.length === 10 ? `${o.time} 12:00:00` : `${o.time}:00`;
		if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00$/.test(time)) throw new Error(`bad time ${o.time}`);
		const values = [
			o.id,
			o.customer,
			time,
			status,
			o.gross,
			refund,
			status === 'paid' ? o.gross - refund : 0,
			o.channel ?? null,
			o.campaign ?? null,
			o.province ?? null,
			null,
			'fixture'
		].map((v) => literal(v));
		stmts.push(`INSERT INTO orders VALUES (${values.join(', ')})`);
	}
	lines.forEach((l, i) => {
		const values = [
			l.order,
			i + 1,
			l.product ?? null,
			l.product ?? null,
			l.category ?? null,
			1,
			l.amount
		];
		stmts.push(`INSERT INTO order_lines VALUES (${values.map((v) => literal(v)).join(', ')})`);
	});
	return stmts.join(';\n');
}
