/**
 * Which column is the unit price, which the line total and which the order total. Names get the
 * mapper most of the way (see SYNONYMS in mapping.ts); the values settle what names leave open:
 * price × quantity ≈ line total on most rows, and an order total is the same on every row of an
 * order, while a line total differs between the lines of one.
 */
import { parseAmountText } from './amounts.ts';
import type { CanonicalField } from './canonical.ts';

type Fields = Partial<Record<CanonicalField, string>>;

/**
 * Names of quantities, counts and ids, normalised as in `normalizeColumnName`. Such a column is
 * never money, even when its name also says "total" (`Total Quantity`, `宝贝总数量`). `paid` ends
 * in "id", hence the look-behind.
 */
const COUNT_OR_ID =
	/quantity|qty|count|number|units|items|pieces|(?<!pa)id$|^no$|orderno|数量|件数|个数|数目|编号|单号|订单号/;

/** Names that speak of money, for columns no synonym claimed (`Line Amount (excl. VAT)`). */
const MONEY = /amount|total|price|paid|sum|cost|金额|小计|合计|总额|总价|价|实付|应付/;

export function looksLikeCountOrId(normalizedName: string): boolean {
	return COUNT_OR_ID.test(normalizedName);
}

export function looksLikeMoney(normalizedName: string): boolean {
	return MONEY.test(normalizedName) && !looksLikeCountOrId(normalizedName);
}

/** Share of rows (with all three values) where price × quantity is the amount, to the cent. */
function productShare(
	price: (number | null)[],
	quantity: (number | null)[],
	amount: (number | null)[]
) {
	let rows = 0;
	let matches = 0;
	amount.forEach((a, i) => {
		const p = price[i];
		const q = quantity[i];
		if (a === null || p === null || q === null) return;
		rows++;
		if (Math.abs(p * q - a) <= 0.01 + Math.abs(a) * 1e-6) matches++;
	});
	return rows === 0 ? undefined : matches / rows;
}

/**
 * 'constant' when every order with several rows has one value on them (empty rows aside: Shopify
 * writes the total on the first only), 'varies' when one has two, 'unknown' with no such order.
 */
function levelOf(
	orderIds: readonly string[],
	amount: (number | null)[]
): 'constant' | 'varies' | 'unknown' {
	const byOrder = new Map<string, { rows: number; values: Set<number> }>();
	orderIds.forEach((id, i) => {
		const entry = byOrder.get(id) ?? { rows: 0, values: new Set<number>() };
		entry.rows++;
		if (amount[i] !== null) entry.values.add(amount[i]);
		byOrder.set(id, entry);
	});
	const multi = [...byOrder.values()].filter((o) => o.rows > 1);
	if (multi.length === 0) return 'unknown';
	return multi.some((o) => o.values.size > 1) ? 'varies' : 'constant';
}

/**
 * Moves amount columns between order_amount, line_amount and unit_price where the values
 * contradict the names, and finds the line total among unmapped `moneyColumns` by price ×
 * quantity. Returns the new fields; `fields` is not changed.
 */
export function refineMoneyColumns(
	fields: Fields,
	header: readonly string[],
	columnValues: readonly (readonly string[])[],
	moneyColumns: readonly string[],
	decimal: '.' | ','
): Fields {
	const out = { ...fields };
	const values = (column: string | undefined) =>
		column === undefined
			? undefined
			: columnValues[header.indexOf(column)].map((v) =>
					v.trim() === '' ? null : parseAmountText(v, decimal).value
				);
	const ids = out.order_id === undefined ? undefined : columnValues[header.indexOf(out.order_id)];
	const price = values(out.unit_price);
	const quantity = values(out.quantity);
	const isLineTotal = (column: string) => {
		const share = price && quantity ? productShare(price, quantity, values(column)!) : undefined;
		return share !== undefined && share >= 0.8;
	};
	const level = (column: string) => (ids ? levelOf(ids, values(column)!) : 'unknown');

	// A "total" that differs between the lines of one order is theirs, not the order's.
	if (out.order_amount && (isLineTotal(out.order_amount) || level(out.order_amount) === 'varies')) {
		if (!out.line_amount) out.line_amount = out.order_amount;
		delete out.order_amount;
	}
	// A "subtotal" that is the same on every line of an order, and not price × quantity, is the
	// order's.
	if (
		out.line_amount &&
		!out.order_amount &&
		level(out.line_amount) === 'constant' &&
		!isLineTotal(out.line_amount)
	) {
		out.order_amount = out.line_amount;
		delete out.line_amount;
	}
	if (!out.line_amount) {
		const used = new Set(Object.values(out));
		const found = moneyColumns.find((c) => !used.has(c) && isLineTotal(c));
		if (found) out.line_amount = found;
	}
	return out;
}
