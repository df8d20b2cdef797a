/**
 * The canonical tables every analysis reads. Ingest fills them; nothing else writes them.
 *
 * Times are store-local wall-clock TIMESTAMPs (no ICU in the wasm build, so the store time zone
 * is applied once at import). Ids are VARCHAR so long digit strings keep every digit.
 */

/** The fields a file's columns are mapped to: the canonical tables' columns and what they derive from. */
export const CANONICAL_FIELDS = [
	'order_id',
	'customer_id',
	'order_time',
	'pay_time',
	'status',
	'after_sale_status',
	'order_amount',
	'refund_amount',
	'channel',
	'campaign',
	'province',
	'city',
	'address',
	'product_id',
	'product_title',
	'category',
	'quantity',
	'line_amount',
	'unit_price',
	'customer_name',
	'phone',
	'email',
	'currency'
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Order status after mapping from the platform's own words. */
export type OrderStatus = 'paid' | 'refunded' | 'cancelled' | 'closed';

export const ORDERS_DDL = `CREATE OR REPLACE TABLE orders (
	order_id VARCHAR NOT NULL,      -- platform order id, as text
	customer_id VARCHAR,            -- NULL = unknown customer (guest / hidden buyer)
	order_time TIMESTAMP NOT NULL,  -- store-local time
	status VARCHAR NOT NULL,        -- paid | refunded | cancelled | closed
	gross_amount DOUBLE NOT NULL,   -- amount the buyer paid (order level, taken once)
	refund_amount DOUBLE NOT NULL,  -- refunded part (0 when none)
	net_amount DOUBLE NOT NULL,     -- gross - refund for paid orders; 0 for refunded/cancelled/closed
	channel VARCHAR,                -- traffic source / acquisition channel
	campaign VARCHAR,               -- campaign, coupon or discount code
	province VARCHAR,
	city VARCHAR,
	source_file VARCHAR             -- which imported file the row came from
)`;

export const ORDER_LINES_DDL = `CREATE OR REPLACE TABLE order_lines (
	order_id VARCHAR NOT NULL,
	line_no INTEGER NOT NULL,
	product_id VARCHAR,
	product_title VARCHAR,
	category VARCHAR,
	quantity DOUBLE NOT NULL,
	line_amount DOUBLE NOT NULL
)`;

/** Contact columns the file had, one row per known customer, for exported lists. */
export const CUSTOMERS_DDL = `CREATE OR REPLACE TABLE customers (
	customer_id VARCHAR NOT NULL,
	name VARCHAR,
	phone VARCHAR,
	email VARCHAR
)`;

/**
 * Campaign contact lists (imported or drawn in the app). One row per customer per campaign wave;
 * grp is 'contacted' or 'control'.
 */
export const CAMPAIGN_CONTACTS_DDL = `CREATE OR REPLACE TABLE campaign_contacts (
	campaign_id VARCHAR NOT NULL,
	wave INTEGER NOT NULL,
	customer_id VARCHAR NOT NULL,
	grp VARCHAR NOT NULL,
	send_time TIMESTAMP NOT NULL,
	channel VARCHAR,                -- sms | email | coupon | …
	cost DOUBLE NOT NULL            -- cost of this contact (0 for control)
)`;

export const CANONICAL_DDL = [ORDERS_DDL, ORDER_LINES_DDL, CUSTOMERS_DDL, CAMPAIGN_CONTACTS_DDL];
