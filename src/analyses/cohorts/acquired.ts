import type { Globals } from '../types.ts';
import { filteredOrdersCte, firstOrdersCte } from '../base.ts';

/** The value shown for a first order without the attribute (no channel, no category, …). */
export const NONE = '(none)';

/** A text attribute, blank and missing alike shown as NONE. */
const orNone = (col: string) => `coalesce(nullif(trim(${col}), ''), '${NONE}')`;

/**
 * CTEs `f_orders`, `c_first` and `acquired`: the known customers whose first-ever order (see
 * firstOrdersCte) is in the filtered set, that is, customers acquired in the filtered period and
 * slice, with their first order's time, amount, channel, campaign, province and — when asked —
 * category. The category of an order is that of its largest line (ties: category name, line no).
 */
export function acquiredCtes(g: Globals, withCategory: boolean): string {
	const category = withCategory
		? `,
first_category AS (
	SELECT order_id, category
	FROM order_lines
	WHERE order_id IN (SELECT first_order_id FROM c_first)
	QUALIFY row_number() OVER (
		PARTITION BY order_id ORDER BY line_amount DESC, category NULLS LAST, line_no
	) = 1
)`
		: '';
	return `${filteredOrdersCte(g)},
${firstOrdersCte(g)}${category},
acquired AS (
	SELECT c.customer_id, c.first_order_id, c.first_time, f.amount AS first_amount,
		${orNone('f.channel')} AS channel, ${orNone('f.campaign')} AS campaign,
		${orNone('f.province')} AS province,
		${withCategory ? orNone('fc.category') : 'NULL::VARCHAR'} AS category
	FROM c_first c
	JOIN f_orders f ON f.order_id = c.first_order_id AND f.customer_id = c.customer_id${
		withCategory ? '\n\tLEFT JOIN first_category fc ON fc.order_id = c.first_order_id' : ''
	}
)`;
}
