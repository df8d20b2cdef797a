import type { CellQuery } from '../analyses/types.ts';
import type { Row } from '../engine/decode.ts';
import type { Lang } from '../lib/msg.ts';

/** A labelled column's values as a reader reads them: its label, else the value as text. */
export type ValueFormats = Record<string, (value: unknown) => string>;

/**
 * How coded values (weekday 1–7, stage names…) are written in the user's language, by column.
 * Rows keep the values SQL returned; charts and tables write these where they draw a value.
 */
export function valueFormats(labels: CellQuery['valueLabels'], lang: Lang): ValueFormats {
	return Object.fromEntries(
		Object.entries(labels ?? {}).map(([col, list]) => {
			const byValue = new Map(list.map((l) => [String(l.value), l.label[lang] ?? l.label.en]));
			return [col, (v: unknown) => byValue.get(String(v)) ?? String(v ?? '')];
		})
	);
}

/** Each labelled column's values in the order its labels are listed (Monday before Tuesday). */
export function valueOrder(labels: CellQuery['valueLabels']): Record<string, unknown[]> {
	return Object.fromEntries(
		Object.entries(labels ?? {}).map(([col, list]) => [col, list.map((l) => l.value)])
	);
}

/**
 * Rows ordered so each column given an order follows it (Monday before Tuesday on an axis); for
 * charts, whose category axes and lines take the order rows come in. The rows are the same
 * objects, so a clicked datum is the row as SQL returned it.
 */
export function orderRows(rows: Row[], order: Record<string, unknown[]> | undefined): Row[] {
	const cols = Object.entries(order ?? {});
	if (!cols.length) return rows;
	const ranks = cols.map(([col, values]) => ({
		col,
		rank: new Map(values.map((v, i) => [String(v), i]))
	}));
	const key = (r: Row) => ranks.map(({ col, rank }) => rank.get(String(r[col])) ?? 1e9);
	return rows
		.map((r) => ({ r, k: key(r) }))
		.sort((a, b) => {
			for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i] - b.k[i];
			return 0;
		})
		.map(({ r }) => r);
}

/**
 * A column's values in the order given for it (values it does not list keep their place, after),
 * else as they came: a heat map's two axes cannot both follow the rows' order.
 */
export function orderedDomain(rows: Row[], key: string, order?: unknown[]): unknown[] {
	const seen = [...new Set(rows.map((r) => r[key]))];
	if (!order) return seen;
	const rank = new Map(order.map((v, i) => [String(v), i]));
	return seen.sort((a, b) => (rank.get(String(a)) ?? 1e9) - (rank.get(String(b)) ?? 1e9));
}
