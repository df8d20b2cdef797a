/**
 * The "Try sample data" files, built in the page: the generic order CSV and the campaign contact
 * list, both UTF-8. Runs in well under a second for the default 60 000 orders.
 */
import { fail, ok, type Result } from '../lib/result.ts';
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

/** buildSampleFiles with any failure (e.g. a bad date option) as a 'sample.failed' value. */
export function buildSampleFilesSafely(options: SampleOptions = {}): Result<SampleFiles> {
	try {
		return ok(buildSampleFiles(options));
	} catch (e) {
		return fail('sample.failed', e instanceof Error ? e.message : String(e));
	}
}

/** The sample worker's protocol: one request, one answer. */
export type SampleRequest = { type: 'build'; options: SampleOptions };
export type SampleResponse = { type: 'built'; result: Result<SampleFiles> };
