/** Which column a list is sorted by, and which way. */
export interface RowOrder {
	key: string;
	descending: boolean;
}

const rank = (v: unknown): number | string | null =>
	v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))
		? null
		: v instanceof Date
			? v.getTime()
			: typeof v === 'bigint'
				? Number(v)
				: typeof v === 'number' || typeof v === 'string'
					? v
					: String(v);

/**
 * Rows sorted by one column: numbers and dates by value, text in the language's order, empty
 * values last either way (a list sorted by phone shows those it can reach first). Stable, so ties
 * keep the order SQL gave them.
 */
export function sortRows<R extends Record<string, unknown>>(
	rows: R[],
	order: RowOrder,
	locale: string
): R[] {
	const sign = order.descending ? -1 : 1;
	const collator = new Intl.Collator(locale, { numeric: true });
	return rows
		.map((row) => ({ row, k: rank(row[order.key]) }))
		.sort((a, b) => {
			if (a.k === null || b.k === null) return a.k === b.k ? 0 : a.k === null ? 1 : -1;
			if (typeof a.k === 'number' && typeof b.k === 'number') return sign * (a.k - b.k);
			return sign * collator.compare(String(a.k), String(b.k));
		})
		.map(({ row }) => row);
}
