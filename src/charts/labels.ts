import type { CellQuery } from '../analyses/types.ts';
import type { Row } from '../engine/decode.ts';
import type { Lang } from '../lib/msg.ts';

const raw = new WeakMap<Row, Row>();

/** The row as SQL returned it, before labels replaced its coded values (for drill-down). */
export const rawRow = (row: Row): Row => raw.get(row) ?? row;

/**
 * Replaces coded values (weekday 1–7, stage names…) by their labels in the user's language. Row
 * order stays as SQL gave it (a ranked table stays ranked).
 */
export function applyValueLabels(rows: Row[], labels: CellQuery['valueLabels'], lang: Lang): Row[] {
	if (!labels || !Object.keys(labels).length) return rows;
	const maps = Object.entries(labels).map(([col, list]) => ({
		col,
		byValue: new Map(list.map((l) => [String(l.value), l.label[lang]]))
	}));
	return rows.map((r) => {
		const out = { ...r };
		for (const { col, byValue } of maps) {
			const text = byValue.get(String(r[col]));
			if (text !== undefined) out[col] = text;
		}
		raw.set(out, r);
		return out;
	});
}

/**
 * Rows ordered so each labelled column follows the order its labels are listed in (Monday before
 * Tuesday on an axis); for charts, whose category axes take the order rows come in.
 */
export function orderByValueLabels(rows: Row[], labels: CellQuery['valueLabels']): Row[] {
	if (!labels || !Object.keys(labels).length) return rows;
	const ranks = Object.entries(labels).map(([col, list]) => ({
		col,
		rank: new Map(list.map((l, i) => [String(l.value), i]))
	}));
	const key = (r: Row) => {
		const src = rawRow(r);
		return ranks.map(({ col, rank }) => rank.get(String(src[col])) ?? 1e9);
	};
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
