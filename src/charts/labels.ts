import type { CellQuery } from '../analyses/types.ts';
import type { Row } from '../engine/decode.ts';
import type { Lang } from '../lib/format.ts';

/**
 * Replaces coded values (weekday 1–7, stage names…) by their labels in the user's language, and
 * orders rows so each labelled column follows the order its labels are listed in.
 */
const raw = new WeakMap<Row, Row>();

/** The row as SQL returned it, before labels replaced its coded values (for drill-down). */
export const rawRow = (row: Row): Row => raw.get(row) ?? row;

export function applyValueLabels(rows: Row[], labels: CellQuery['valueLabels'], lang: Lang): Row[] {
	if (!labels || !Object.keys(labels).length) return rows;
	const maps = Object.entries(labels).map(([col, list]) => {
		const byValue = new Map(list.map((l, i) => [String(l.value), { text: l.label[lang], i }]));
		return { col, byValue };
	});
	const rank = (r: Row) => maps.map(({ col, byValue }) => byValue.get(String(r[col]))?.i ?? 1e9);
	const sorted = rows
		.map((r) => ({ r, k: rank(r) }))
		.sort((a, b) => {
			for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i] - b.k[i];
			return 0;
		});
	return sorted.map(({ r }) => {
		const out = { ...r };
		for (const { col, byValue } of maps) {
			const hit = byValue.get(String(r[col]));
			if (hit) out[col] = hit.text;
		}
		raw.set(out, r);
		return out;
	});
}
