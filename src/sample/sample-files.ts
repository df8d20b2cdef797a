/**
 * The "Try sample data" files: the generic order CSV and the campaign contact list, both UTF-8.
 * The build imports them once and ships the tables (sample-tables.ts); tests use them as files.
 */
import { formatContacts, formatOrders } from './formats.ts';
import {
	generateOrders,
	SAMPLE_DEFAULTS,
	type SampleContact,
	type SampleOptions,
	type SampleOrder
} from './generate.ts';

export interface SampleFiles {
	/** Generic-layout order CSV (one row per order line). */
	orders: Uint8Array;
	/** Campaign contacts CSV: campaign_id, wave, customer_id, group, send_time, channel, cost. */
	contacts: Uint8Array;
	/** File name for the orders, e.g. for the data panel. */
	name: string;
	/** File name for the contacts. */
	contactsName: string;
	orderCount: number;
	/** Distinct identified customers (unknown buyers not counted). */
	customerCount: number;
}

export function buildSampleFiles(options: SampleOptions = {}): SampleFiles {
	const encoder = new TextEncoder();
	const contacts: SampleContact[] = [];
	const parts: Uint8Array[] = [];
	let size = 0;
	let orderCount = 0;
	const customers = new Set<number>();
	const counted = function* (orders: Iterable<SampleOrder>) {
		for (const o of orders) {
			orderCount++;
			if (o.customerIndex >= 0) customers.add(o.customerIndex);
			yield o;
		}
	};
	for (const text of formatOrders(
		counted(generateOrders(options, (c) => contacts.push(c))),
		'generic'
	)) {
		const bytes = encoder.encode(text);
		parts.push(bytes);
		size += bytes.length;
	}
	const orders = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		orders.set(p, at);
		at += p.length;
	}
	const seed = options.seed ?? SAMPLE_DEFAULTS.seed;
	return {
		orders,
		contacts: encoder.encode(formatContacts(contacts)),
		name: `sample-orders-${seed}.csv`,
		contactsName: `sample-campaign-contacts-${seed}.csv`,
		orderCount,
		customerCount: customers.size
	};
}
