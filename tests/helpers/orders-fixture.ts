/**
 * Tiny canonical datasets for analysis tests: rows written the way a person reads them, loaded
 * into fresh `orders` / `order_lines` tables, and query results as plain rows.
 */
import type { SqlEngine } from '../../src/engine/types.ts';
import { tableToRows, type Row } from '../../src/engine/decode.ts';
import { CANONICAL_DDL, type OrderStatus } from '../../src/ingest/canonical.ts';
import { literal } from '../../src/lib/sql.ts';
import type { Analysis, Globals } from '../../src/analyses/types.ts';
import { expect } from 'vitest';

export interface FixtureOrder {
	id: string;
	customer: string | null;
	/** `YYYY-MM-DD HH:MM` (store-local). */
	time: string;
	gross: number;
	status?: OrderStatus;
	refund?: number;
	channel?: string;
	province?: string;
}

export interface FixtureLine {
	order: string;
	product?: string;
	category?: string;
	amount: number;
	quantity?: number;
}

/** Replaces the canonical tables with these rows. Net = gross − refund for paid orders, else 0. */
export async function loadOrders(
	db: SqlEngine,
	orders: FixtureOrder[],
	lines: FixtureLine[] = []
): Promise<void> {
	const stmts = [...CANONICAL_DDL];
	for (const o of orders) {
		const status = o.status ?? 'paid';
		const refund = o.refund ?? 0;
		const net = status === 'paid' ? o.gross - refund : 0;
		const values = [
			o.id,
			o.customer,
			`${o.time}:00`,
			status,
			o.gross,
			refund,
			net,
			o.channel ?? null,
			null,
			o.province ?? null,
			null,
			'fixture'
		];
		stmts.push(`INSERT INTO orders VALUES (${values.map(literal).join(', ')})`);
	}
	lines.forEach((l, i) => {
		const values = [l.order, i + 1, l.product ?? null, l.product ?? null, l.category ?? null];
		stmts.push(
			`INSERT INTO order_lines VALUES (${values.map(literal).join(', ')}, ${literal(l.quantity ?? 1)}, ${literal(l.amount)})`
		);
	});
	const r = await db.query(stmts.join(';\n'));
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}`);
}

/** Runs SQL and returns decoded rows; a failed query fails the test with DuckDB's message. */
export async function queryRows(db: SqlEngine, sql: string): Promise<Row[]> {
	const r = await db.query(sql);
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}\n${sql}`);
	return tableToRows(r.value);
}

/**
 * A share link can carry any parameter values: every query of `analysis` built from tampered
 * ones (plain text, and objects whose toString is the text) must hold that text only inside
 * quotes, still run, and leave the orders in place.
 */
export async function expectTamperedParamsQuoted(
	db: SqlEngine,
	analysis: Analysis,
	globals: Globals
): Promise<void> {
	const evil = '0); DROP TABLE orders; --';
	const tampered = Object.fromEntries(
		Object.keys(analysis.defaults).map((k, i) => [
			k,
			i % 2 ? evil : { toString: (): string => evil }
		])
	);
	for (const q of analysis.build(tampered, globals)) {
		const before = q.sql.split(evil).slice(0, -1);
		expect(before.every((text) => text.endsWith("'"))).toBe(true);
		await queryRows(db, q.sql);
	}
	const [{ n }] = await queryRows(db, 'SELECT count(*)::INTEGER AS n FROM orders');
	expect(n).toBeGreaterThan(0);
}
