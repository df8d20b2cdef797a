/**
 * huitou's own layout (what the sample generator writes): one row per line, order-level fields
 * repeated, store-local times, statuses already canonical.
 */
import { createMapping } from '../mapping.ts';
import type { CanonicalField } from '../canonical.ts';
import type { Preset } from './types.ts';

export const GENERIC_COLUMNS = [
	'order_id',
	'customer_id',
	'order_time',
	'status',
	'order_amount',
	'refund_amount',
	'channel',
	'campaign',
	'province',
	'city',
	'product_id',
	'product_title',
	'category',
	'quantity',
	'line_amount',
	'customer_name',
	'phone',
	'email'
] as const satisfies readonly CanonicalField[];

export const generic: Preset = {
	id: 'generic',
	label: { en: 'huitou layout', zh: 'huitou 标准格式' },
	required: [...GENERIC_COLUMNS],
	mapping: createMapping(Object.fromEntries(GENERIC_COLUMNS.map((c) => [c, c])), {
		timezoneOffsetMinutes: 480,
		dateOrder: 'ymd',
		statusMap: { paid: 'paid', refunded: 'refunded', cancelled: 'cancelled', closed: 'closed' },
		currency: 'CNY'
	})
};
