/**
 * A deterministic, plausible Tmall apparel shop: customers arrive through acquisition channels,
 * most buy once, a minority come back on a personal cycle, everyone crowds into 6.18, 11.11 and
 * 12.12, and two CRM campaigns (with random control groups) add a known number of extra orders.
 *
 * The simulation walks day by day, starting a year before the range so the shop already has
 * regulars on day one. Each day's orders are drawn, sorted by time and handed out one at a time,
 * so the stream is ordered by `time` and only one day's orders are ever held: fifty million orders
 * stream in constant memory (apart from about 30 bytes of state per customer).
 */
import type { OrderStatus } from '../ingest/canonical.ts';
import { buildCalendar, DAY_MS, type Day } from './calendar.ts';
import {
	BUYER_NOTES,
	CATEGORIES,
	DISTRICTS,
	EMAIL_DOMAINS,
	FLASH_DEALS,
	GIVEN,
	NICKS,
	PHONE_PREFIXES,
	PROVINCES,
	STREETS,
	SURNAMES
} from './catalog.ts';
import { createKeyedRandom, createRandom, detLog, type Random } from './random.ts';

export interface SampleOptions {
	/** Any integer; the same seed gives the same shop. Default 20231111. */
	seed?: number;
	/** Roughly how many orders to make; customers scale with it. Default 60 000, at most 50 000 000. */
	orders?: number;
	/** First and last day (inclusive), store-local `YYYY-MM-DD`. Default 2023-01-01 … 2024-12-31. */
	start?: string;
	end?: string;
}

export const SAMPLE_DEFAULTS = {
	seed: 20231111,
	orders: 60_000,
	start: '2023-01-01',
	end: '2024-12-31'
} as const;
/**
 * The command line's scale test reads 50M orders; the generator's state is about 30 bytes per
 * customer (≈ 0.6 GB at 50M orders), the rest streams.
 */
export const MAX_SAMPLE_ORDERS = 50_000_000;

interface SampleLine {
	productId: string;
	title: string;
	category: string;
	quantity: number;
	unitPrice: number;
	/** quantity × unit price, before the order-level discount. */
	amount: number;
}

export interface SampleOrder {
	/** 0-based position in the stream. */
	index: number;
	/** 19 digits, like Taobao's. */
	orderId: string;
	/** '' for an unknown buyer (guest checkout). */
	customerId: string;
	/** 0, 1, 2 … per customer in order of arrival (−1 for unknown): a cheap key for counting. */
	customerIndex: number;
	/** Store-local wall-clock time, written as UTC milliseconds (read it with getUTC…). */
	time: number;
	/** When the buyer paid; null for orders never paid (closed, cancelled). */
	payTime: number | null;
	status: OrderStatus;
	/** Sum of line amounts. */
	subtotal: number;
	/** Shop discount (满减, store coupon or CRM coupon) taken off the subtotal. */
	discount: number;
	/** subtotal − discount: what the order is worth (paid when status is paid/refunded). */
	amount: number;
	/** Refunded part: the whole amount for 'refunded', a line's share for partial refunds. */
	refund: number;
	channel: string;
	/** Promotion or coupon code that applied ('' for none). */
	campaign: string;
	province: string;
	provinceEn: string;
	city: string;
	cityEn: string;
	/** Full shipping address, province first (Taobao style). */
	address: string;
	/** Buyer message (买家留言), usually ''. */
	note: string;
	customerName: string;
	phone: string;
	email: string;
	lines: SampleLine[];
}

export interface SampleContact {
	campaignId: string;
	wave: number;
	customerId: string;
	group: 'contacted' | 'control';
	/** Store-local send time as UTC milliseconds (the planned time for the control group). */
	sendTime: number;
	channel: 'sms' | 'email';
	/** Messaging cost of this contact in yuan; 0 for the control group. */
	cost: number;
}

/** Acquisition and traffic channels (Chinese labels, as a Tmall shop's reports name them). */
export const CHANNELS = {
	search: '自然搜索',
	paidSearch: '直通车',
	flashDeal: '聚划算',
	affiliate: '淘宝客',
	live: '直播',
	crm: '老客'
} as const;

/**
 * The two campaigns and the effect injected into each: in every wave, exactly
 * round(extraResponse × contacted) contacted customers, drawn at random, place one extra order
 * inside the window on top of whatever they would have done anyway. So the expected uplift
 * (response − natural) is extraResponse × (1 − natural).
 * The contact cost is the message only: the coupon's value already lowers the order's paid
 * amount, and charging it again as cost would count it twice.
 */
export const SAMPLE_CAMPAIGNS = {
	newBuyerThanks: {
		id: 'new-1111-thanks',
		/**
		 * First order in the 双11 sale (its first selling wave to 11.11, the first 11.11 that leaves
		 * room for all waves), paid, ≥ 299.
		 */
		minFirstAmount: 299,
		channel: 'sms',
		costPerContact: 0.05,
		controlShare: 0.2,
		/** Wave 1 three days after 11.11, then monthly to customers who have not come back. */
		waves: 5,
		windowDays: 10,
		extraResponse: 0.06,
		coupon: { code: 'THX1111', threshold: 199, value: 20 }
	},
	dormantWinBack: {
		id: 'dormant-winback',
		/** No order for at least this many days on the send day. */
		dormantDays: 180,
		channel: 'email',
		costPerContact: 0.01,
		controlShare: 0.2,
		windowDays: 30,
		extraResponse: 0.04,
		coupon: { code: 'WINBACK30', threshold: 159, value: 30 }
	}
} as const;

/** Share of orders with no buyer id. */
const GUEST_SHARE = 0.03;
/**
 * Orders written per customer acquired in the range, as the model below produces over two years
 * (returning buyers from the warm-up year included), measured; only sizes the customer base.
 */
const ORDERS_PER_CUSTOMER = 2.23;
/** Share of new customers who come through flash deals. */
const FLASH_SHARE = 0.12;

const CHANNEL_LIST = [
	CHANNELS.search,
	CHANNELS.paidSearch,
	CHANNELS.flashDeal,
	CHANNELS.affiliate,
	CHANNELS.live,
	CHANNELS.crm
];
const FLASH = 2;
const CRM = 5;
/** Chance that a customer acquired through each channel returns after the first order. */
const RETURN_BASE = [0.27, 0.22, 0.015, 0.16, 0.2, 0.27];
/** Returning after k orders gets likelier: habits form. Index = orders so far. */
const RETURN_RAMP = [0, 1, 2.6, 3.3, 3.6];
/** A lapsed customer sometimes comes back much later on their own (× the channel's base). */
const LATE_COMEBACK = 0.4;
/** Channels of a returning customer's orders (search, paid, flash, affiliate, live, CRM). */
const REPEAT_CHANNEL_WEIGHTS = [22, 10, 0, 6, 12, 50];
const LINE_COUNT_WEIGHTS = [77, 17, 5, 1];
/**
 * The shop existed before the file starts: a year is simulated first and not written, so the
 * first months already have returning customers (and, as in real exports, some of them look new).
 */
const WARM_UP_DAYS = 365;
/** Campaign messages go out at 10:00. */
const SEND_SECOND = 10 * 3600;
const STORE_COUPON = { label: '店铺券满99减10', threshold: 99, value: 10 };

/** One customer's state, in typed arrays so millions of customers stay small. */
class Customers {
	count = 0;
	channel = new Uint8Array(0);
	orders = new Uint16Array(0);
	lastDay = new Int32Array(0);
	/** 1 while a natural next order is scheduled (possibly after the end of the range). */
	pending = new Uint8Array(0);
	loyalty = new Float32Array(0);
	spend = new Float32Array(0);
	cycle = new Float32Array(0);
	favourite = new Uint8Array(0);
	province = new Uint8Array(0);
	city = new Uint8Array(0);

	constructor(capacity: number) {
		this.grow(capacity);
	}

	private grow(capacity: number): void {
		const copy = <T extends Uint8Array | Uint16Array | Int32Array | Float32Array>(
			old: T,
			make: (n: number) => T
		): T => {
			const next = make(capacity);
			next.set(old);
			return next;
		};
		this.channel = copy(this.channel, (n) => new Uint8Array(n));
		this.orders = copy(this.orders, (n) => new Uint16Array(n));
		this.lastDay = copy(this.lastDay, (n) => new Int32Array(n));
		this.pending = copy(this.pending, (n) => new Uint8Array(n));
		this.loyalty = copy(this.loyalty, (n) => new Float32Array(n));
		this.spend = copy(this.spend, (n) => new Float32Array(n));
		this.cycle = copy(this.cycle, (n) => new Float32Array(n));
		this.favourite = copy(this.favourite, (n) => new Uint8Array(n));
		this.province = copy(this.province, (n) => new Uint8Array(n));
		this.city = copy(this.city, (n) => new Uint8Array(n));
	}

	add(): number {
		if (this.count === this.channel.length) this.grow(Math.max(1024, this.count * 2));
		return this.count++;
	}
}

/** A CRM coupon a customer holds. */
interface HeldCoupon {
	code: string;
	threshold: number;
	value: number;
	until: number;
}

type Source = 'new' | 'flash' | 'guest' | 'return' | 'extra';

interface Draft {
	source: Source;
	/** Customer index; -1 for guests. */
	customer: number;
	/** Seconds after the day's midnight. */
	second: number;
}

interface Plan {
	contacted: number[];
	control: number[];
}

const PROVINCE_WEIGHTS = PROVINCES.map((p) => p.weight);
const CITY_WEIGHTS = PROVINCES.map((p) => p.cities.map((c) => c.weight));
const CATEGORY_BASE = [18, 16, 12, 13, 10, 15, 9, 7];
const CATEGORY_BY_MONTH = Array.from({ length: 12 }, (_, m) =>
	CATEGORY_BASE.map((w, i) => w * CATEGORIES[i].season[m])
);
/** Within a category, earlier products sell more (a gentle long tail). */
const POPULARITY = CATEGORIES.map((c) => c.products.map((_, i) => 1 / (1 + 0.45 * i)));

const productId = (category: number, product: number) =>
	String(600_000_000_000 + category * 10_007_777 + product * 1_000_003);

const yuan = (cents: number) => cents / 100;

/** Ten digits unique to a customer index (an affine map that is a bijection mod 10^10). */
const scrambleCustomer = (idx: number) =>
	String((idx * 7_654_321 + 1_357_913_579) % 10_000_000_000).padStart(10, '0');

/** Customer id from the customer index: a Taobao-like member name, unique per index. */
function customerIdOf(seed: number, idx: number): string {
	const digits = scrambleCustomer(idx);
	const r = createKeyedRandom(seed ^ 0x5bd1e995, idx);
	return r.chance(0.35) ? `${r.pick(NICKS)}_${Number(digits).toString(36)}` : `tb${digits}`;
}

const SURNAME_CHARS = [...SURNAMES];
const GIVEN_CHARS = [...GIVEN];

interface Contact {
	name: string;
	phone: string;
	email: string;
	address: string;
}

/** Name, masked phone, e-mail on reserved example domains, address: recomputed, never stored. */
function contactOf(seed: number, idx: number, id: string, province: string, city: string): Contact {
	const r = createKeyedRandom(seed ^ 0x27d4eb2f, idx);
	const given = r.chance(0.7) ? r.pick(GIVEN_CHARS) + r.pick(GIVEN_CHARS) : r.pick(GIVEN_CHARS);
	// Masked like a platform export, so no real phone number is ever produced.
	const phone = `${r.pick(PHONE_PREFIXES)}****${String(r.int(0, 9999)).padStart(4, '0')}`;
	const local = id.startsWith('tb') ? id : `u${scrambleCustomer(idx)}`;
	const address = `${province} ${city} ${r.pick(DISTRICTS)} ${r.pick(STREETS)}${r.int(1, 388)}号`;
	return {
		name: r.pick(SURNAME_CHARS) + given,
		phone,
		email: `${local}@${r.pick(EMAIL_DOMAINS)}`,
		address
	};
}

/**
 * Streams the sample shop's orders, sorted by order time. `onContact` receives each campaign
 * contact (both groups) as the simulation reaches its send time.
 */
export function* generateOrders(
	options: SampleOptions = {},
	onContact?: (contact: SampleContact) => void
): Generator<SampleOrder> {
	const seed = (options.seed ?? SAMPLE_DEFAULTS.seed) | 0;
	const target = Math.min(MAX_SAMPLE_ORDERS, Math.max(1, options.orders ?? SAMPLE_DEFAULTS.orders));
	const rng = createRandom(seed);
	const days = buildCalendar(
		options.start ?? SAMPLE_DEFAULTS.start,
		options.end ?? SAMPLE_DEFAULTS.end,
		WARM_UP_DAYS,
		rng
	);
	const nDays = days.length;
	const emitted = days.slice(WARM_UP_DAYS);
	const totalWeight = emitted.reduce((s, d) => s + d.weight, 0);
	const flashDays = emitted.filter((d) => d.kind === 'flash').length;
	const progress = (d: number) =>
		Math.min(1, Math.max(0, (d - WARM_UP_DAYS) / Math.max(1, emitted.length - 1)));
	const newCustomers = (target * (1 - GUEST_SHARE)) / ORDERS_PER_CUSTOMER;
	const meanNew = (d: Day) => (newCustomers * (1 - FLASH_SHARE) * d.weight) / totalWeight;
	const meanFlash = (d: Day) =>
		d.kind === 'flash' && flashDays > 0 ? (newCustomers * FLASH_SHARE) / flashDays : 0;
	const meanGuest = (d: Day) => (target * GUEST_SHARE * d.weight) / totalWeight;

	const customers = new Customers(Math.ceil(newCustomers * 1.6) + 16);
	/** Natural next orders by day: customer indexes. */
	const scheduled: number[][] = Array.from({ length: nDays }, () => []);
	/** Campaign-caused orders by day, with their exact time. */
	const extras = new Map<number, { customer: number; second: number }[]>();
	const coupons = new Map<number, HeldCoupon>();
	/** Pull days (6.18, 11.11, 12.12 …) so returning customers can wait for them. */
	const pullDays = days.filter((d) => d.pull > 0);
	const thanks = planThanksCampaign(days, WARM_UP_DAYS);
	const winBackDay = planWinBackDay(days, WARM_UP_DAYS);
	const thanksPlan: Plan = { contacted: [], control: [] };
	let orderIndex = 0;

	const returnChance = (c: number): number => {
		const k = Math.min(customers.orders[c], RETURN_RAMP.length - 1);
		return Math.min(
			0.92,
			RETURN_BASE[customers.channel[c]] * customers.loyalty[c] * RETURN_RAMP[k]
		);
	};

	/** Schedules a customer's next natural order after an order on day `d`, if they return. */
	const scheduleNext = (c: number, d: number): void => {
		let gap: number;
		if (rng.chance(returnChance(c))) {
			gap = Math.ceil(rng.lognormal(detLog(customers.cycle[c]), 0.75));
		} else if (rng.chance(LATE_COMEBACK * RETURN_BASE[customers.channel[c]])) {
			gap = Math.ceil(rng.lognormal(detLog(240), 0.5));
		} else return;
		let t = d + Math.max(1, gap);
		// Weekend rhythm: some weekday purchases slip to the weekend.
		if (t < nDays && days[t].weekday >= 1 && days[t].weekday <= 4 && rng.chance(0.12))
			t += 6 - days[t].weekday + (rng.chance(0.5) ? 1 : 0);
		// Customers who need something shortly before a big sale wait for it.
		for (const p of pullDays) {
			if (p.index > t && p.index - t <= 20 && rng.chance(p.pull)) {
				t = p.index;
				break;
			}
		}
		customers.pending[c] = 1;
		if (t < nDays) scheduled[t].push(c);
	};

	const newCustomer = (channel: number, d: number): number => {
		const c = customers.add();
		customers.channel[c] = channel;
		// Big spenders are likelier to come back (seed 003: AOV > 140 repeat 37%, overall 12%).
		const spend = rng.lognormal(0, 0.35);
		customers.spend[c] = spend;
		customers.loyalty[c] = rng.lognormal(-0.12, 0.55) * Math.min(1.8, spend);
		customers.cycle[c] = 45 * rng.lognormal(0, 0.3);
		customers.favourite[c] = rng.weighted(CATEGORY_BASE);
		const p = rng.weighted(PROVINCE_WEIGHTS);
		customers.province[c] = p;
		customers.city[c] = rng.weighted(CITY_WEIGHTS[p]);
		customers.lastDay[c] = d;
		return c;
	};

	const sendContacts = (
		campaign: { id: string; channel: 'sms' | 'email'; costPerContact: number; windowDays: number },
		plan: Plan,
		wave: number,
		day: Day,
		coupon: { code: string; threshold: number; value: number },
		extraResponse: number
	): void => {
		const sendTime = day.startMs + SEND_SECOND * 1000;
		const until = sendTime + campaign.windowDays * DAY_MS;
		for (const [group, list] of [
			['contacted', plan.contacted],
			['control', plan.control]
		] as const) {
			for (const c of list) {
				onContact?.({
					campaignId: campaign.id,
					wave,
					customerId: customerIdOf(seed, c),
					group,
					sendTime,
					channel: campaign.channel,
					cost: group === 'contacted' ? campaign.costPerContact : 0
				});
				if (group === 'contacted') coupons.set(c, { ...coupon, until });
			}
		}
		// Exactly this share of the contacted get a campaign-caused order: the injected effect
		// carries no sampling noise of its own, so an analysis can be checked against it closely.
		const caused = pickSubset(plan.contacted, Math.round(extraResponse * plan.contacted.length));
		for (const c of caused) {
			// Most responders act within a few days of the message.
			let delay: number;
			do delay = rng.exponential(2.5 * 86_400);
			while (delay >= campaign.windowDays * 86_400 - 60);
			const at = SEND_SECOND + Math.floor(delay);
			const d = day.index + Math.floor(at / 86_400);
			if (d >= nDays) continue;
			const list = extras.get(d) ?? [];
			list.push({ customer: c, second: at % 86_400 });
			extras.set(d, list);
		}
	};

	/** `k` distinct members drawn at random (a partial Fisher–Yates shuffle of a copy). */
	const pickSubset = (members: readonly number[], k: number): number[] => {
		const pool = [...members];
		for (let i = 0; i < k; i++) {
			const j = i + Math.floor(rng.next() * (pool.length - i));
			[pool[i], pool[j]] = [pool[j], pool[i]];
		}
		return pool.slice(0, k);
	};

	const splitGroups = (members: number[], controlShare: number): Plan => {
		const plan: Plan = { contacted: [], control: [] };
		for (const c of members) (rng.chance(controlShare) ? plan.control : plan.contacted).push(c);
		return plan;
	};

	for (const day of days) {
		const d = day.index;
		const drafts: Draft[] = [];
		const drawSecond = () => rng.weighted(day.hours) * 3600 + Math.floor(rng.next() * 3600);
		for (let i = rng.poisson(meanNew(day)); i > 0; i--)
			drafts.push({ source: 'new', customer: -1, second: drawSecond() });
		for (let i = rng.poisson(meanFlash(day)); i > 0; i--)
			drafts.push({ source: 'flash', customer: -1, second: drawSecond() });
		for (let i = rng.poisson(meanGuest(day)); i > 0; i--)
			drafts.push({ source: 'guest', customer: -1, second: drawSecond() });
		for (const c of scheduled[d])
			drafts.push({ source: 'return', customer: c, second: drawSecond() });
		scheduled[d] = [];
		const takeExtras = () => {
			for (const e of extras.get(d) ?? [])
				drafts.push({ source: 'extra', customer: e.customer, second: e.second });
			extras.delete(d);
		};
		takeExtras();
		drafts.sort((a, b) => a.second - b.second);

		const sendsToday = thanks?.waveDays.includes(d) || d === winBackDay;
		let i = 0;
		for (; i < drafts.length; i++) {
			const draft = drafts[i];
			if (sendsToday && draft.second >= SEND_SECOND) break;
			const order = buildFirstDayAware(draft, day);
			if (order) yield order;
		}
		if (sendsToday) {
			// Sends see every order placed before them; responses may land later the same day.
			sendCampaigns(day);
			drafts.splice(0, i);
			takeExtras();
			drafts.sort((a, b) => a.second - b.second);
			for (const draft of drafts) {
				const order = buildFirstDayAware(draft, day);
				if (order) yield order;
			}
		}
	}

	/** Builds an order; on the thank-you campaign's 11.11, qualifying first orders join its cohort. */
	function buildFirstDayAware(draft: Draft, day: Day): SampleOrder | null {
		const order = buildOrder(draft, day);
		if (
			order &&
			thanks &&
			day.index >= thanks.cohortFrom &&
			day.index <= thanks.cohortTo &&
			(draft.source === 'new' || draft.source === 'flash') &&
			order.status === 'paid' &&
			order.amount >= SAMPLE_CAMPAIGNS.newBuyerThanks.minFirstAmount
		) {
			thanksPlan[
				rng.chance(SAMPLE_CAMPAIGNS.newBuyerThanks.controlShare) ? 'control' : 'contacted'
			].push(draft.customer);
		}
		return order;
	}

	function sendCampaigns(day: Day): void {
		const d = day.index;
		const wave = thanks ? thanks.waveDays.indexOf(d) + 1 : 0;
		if (wave > 0) {
			// Everyone gets the thank-you; later waves go to those who have not come back.
			const stillAway = (c: number) => wave === 1 || customers.orders[c] === 1;
			const plan: Plan = {
				contacted: thanksPlan.contacted.filter(stillAway),
				control: thanksPlan.control.filter(stillAway)
			};
			const t = SAMPLE_CAMPAIGNS.newBuyerThanks;
			sendContacts(t, plan, wave, day, t.coupon, t.extraResponse);
		}
		if (d === winBackDay) {
			const w = SAMPLE_CAMPAIGNS.dormantWinBack;
			const dormant: number[] = [];
			// Only customers the file knows: their last order falls after the warm-up.
			for (let c = 0; c < customers.count; c++) {
				const last = customers.lastDay[c];
				if (last >= WARM_UP_DAYS && d - last >= w.dormantDays) dormant.push(c);
			}
			sendContacts(w, splitGroups(dormant, w.controlShare), 1, day, w.coupon, w.extraResponse);
		}
	}

	function recordOrder(c: number, d: number): void {
		if (c < 0) return;
		customers.orders[c] = Math.min(65_535, customers.orders[c] + 1);
		customers.lastDay[c] = d;
		if (customers.pending[c] === 0) scheduleNext(c, d);
	}

	/** Simulates one order; returns it unless it falls in the warm-up year. */
	function buildOrder(draft: Draft, day: Day): SampleOrder | null {
		const d = day.index;
		const time = day.startMs + draft.second * 1000;
		let c = draft.customer;
		let channel: number;
		if (draft.source === 'new' || draft.source === 'flash') {
			channel = draft.source === 'flash' ? FLASH : pickNewChannel(rng, progress(d));
			c = newCustomer(channel, d);
			draft.customer = c;
		} else if (draft.source === 'guest') {
			channel = pickNewChannel(rng, progress(d));
		} else if (draft.source === 'extra') {
			channel = CRM;
		} else {
			channel = rng.weighted(REPEAT_CHANNEL_WEIGHTS);
			customers.pending[c] = 0;
		}
		// The warm-up year only needs who bought when; the baskets are never written.
		if (d < WARM_UP_DAYS) {
			recordOrder(c, d);
			return null;
		}
		const spend = c >= 0 ? customers.spend[c] : rng.lognormal(0, 0.35);
		const favourite = c >= 0 ? customers.favourite[c] : rng.weighted(CATEGORY_BASE);
		const firstFlash = draft.source === 'flash';

		const basket = new Basket(rng, day, favourite, spend);
		if (firstFlash) {
			const deal = rng.pick(FLASH_DEALS);
			basket.lines.push({
				category: deal.category,
				product: deal.product,
				quantity: rng.chance(0.8) ? 1 : 2,
				unit: deal.price * 100
			});
			if (rng.chance(0.08)) basket.add();
		} else {
			for (let n = 1 + rng.weighted(LINE_COUNT_WEIGHTS); n > 0; n--) basket.add();
		}
		const lines = basket.lines;

		// Discounts: a CRM coupon beats the sale's 满减, which beats the everyday store coupon.
		let discount = 0;
		let campaign = '';
		const held = c >= 0 ? coupons.get(c) : undefined;
		const couponLive = held !== undefined && time <= held.until;
		if (couponLive && draft.source === 'extra') basket.fillTo(held.threshold * 100);
		if (day.promotion && !firstFlash && rng.chance(day.kind === 'double11' ? 0.7 : 0.4)) {
			basket.fillTo(day.promotion.threshold * 100);
		}
		const subtotal = basket.total();
		if (
			couponLive &&
			subtotal >= held.threshold * 100 &&
			(draft.source === 'extra' || rng.chance(0.6))
		) {
			discount = held.value * 100;
			campaign = held.code;
			coupons.delete(c);
		} else if (day.promotion && subtotal >= day.promotion.threshold * 100) {
			discount = day.promotion.discount * 100;
			campaign = day.promotion.label;
		} else if (!firstFlash && subtotal >= STORE_COUPON.threshold * 100 && rng.chance(0.08)) {
			discount = STORE_COUPON.value * 100;
			campaign = STORE_COUPON.label;
		}
		const amount = subtotal - discount;

		// Status: most orders are paid; flash-deal buyers refund more.
		const r = rng.next();
		const refundRate = firstFlash ? 0.08 : 0.045;
		let status: OrderStatus = 'paid';
		if (r < 0.035) status = 'closed';
		else if (r < 0.055) status = 'cancelled';
		else if (r < 0.055 + refundRate) status = 'refunded';
		let refund = 0;
		if (status === 'refunded') refund = amount;
		else if (status === 'paid' && (lines.length > 1 || lines[0].quantity > 1) && rng.chance(0.05)) {
			// One returned item, its share of any order discount taken off.
			const line = lines[Math.floor(rng.next() * lines.length)];
			const back = line.unit * (line.quantity > 1 && lines.length === 1 ? 1 : line.quantity);
			refund = Math.min(amount - 100, Math.round((back * amount) / subtotal));
			if (refund <= 0) refund = 0;
		}
		const payTime =
			status === 'paid' || status === 'refunded'
				? time + 1000 * Math.min(1800, 5 + Math.floor(rng.exponential(90)))
				: null;

		recordOrder(c, d);

		const p = PROVINCES[c >= 0 ? customers.province[c] : rng.weighted(PROVINCE_WEIGHTS)];
		const cityIndex = c >= 0 ? customers.city[c] : rng.weighted(CITY_WEIGHTS[PROVINCES.indexOf(p)]);
		const city = p.cities[cityIndex];
		const note = rng.chance(0.04) ? rng.pick(BUYER_NOTES) : '';
		const index = orderIndex++;
		const customerId = c >= 0 ? customerIdOf(seed, c) : '';
		const contact =
			c >= 0
				? contactOf(seed, c, customerId, p.name, city.name)
				: { name: '', phone: '', email: '', address: '' };
		return {
			index,
			orderId: orderIdOf(index, rng),
			customerId,
			customerIndex: c,
			time,
			payTime,
			status,
			subtotal: yuan(subtotal),
			discount: yuan(discount),
			amount: yuan(amount),
			refund: yuan(refund),
			channel: CHANNEL_LIST[channel],
			campaign,
			province: p.name,
			provinceEn: p.en,
			city: city.name,
			cityEn: city.en,
			address: contact.address || `${p.name} ${city.name}`,
			note,
			customerName: contact.name,
			phone: contact.phone,
			email: contact.email,
			lines: lines.map((l) => {
				const cat = CATEGORIES[l.category];
				return {
					productId: productId(l.category, l.product),
					title: `${cat.products[l.product].stem}`,
					category: cat.name,
					quantity: l.quantity,
					unitPrice: yuan(l.unit),
					amount: yuan(l.unit * l.quantity)
				};
			})
		};
	}
}

interface BasketLine {
	category: number;
	product: number;
	quantity: number;
	/** Unit price in cents. */
	unit: number;
}

const QUANTITY_ACCESSORY = [0, 70, 20, 10];
const QUANTITY_APPAREL = [0, 88, 10, 2];
const ACCESSORIES = CATEGORIES.findIndex((c) => c.name === '配饰');

/** The lines of one order as it is being filled. */
class Basket {
	readonly lines: BasketLine[] = [];

	constructor(
		private readonly rng: Random,
		private readonly day: Day,
		private readonly favourite: number,
		/** The customer's spending level (1 = typical). */
		private readonly spend: number
	) {}

	/** Adds one line: often the customer's favourite category, otherwise what the season sells. */
	add(): void {
		const { rng, day, spend } = this;
		const category = rng.chance(0.45)
			? this.favourite
			: rng.weighted(CATEGORY_BY_MONTH[day.month - 1]);
		const products = CATEGORIES[category].products;
		let product = rng.weighted(POPULARITY[category]);
		if (spend > 1.25 || spend < 0.8) {
			// Big spenders keep the pricier of two candidates, thrifty ones the cheaper.
			const other = rng.weighted(POPULARITY[category]);
			if (products[other].price > products[product].price === spend > 1.25) product = other;
		}
		const quantity = rng.weighted(category === ACCESSORIES ? QUANTITY_ACCESSORY : QUANTITY_APPAREL);
		// Sale days cut list prices; otherwise an occasional small markdown.
		const factor = day.promotion ? 0.9 : rng.chance(0.15) ? 0.85 : 1;
		this.lines.push({
			category,
			product,
			quantity,
			unit: Math.round(products[product].price * 100 * factor)
		});
	}

	total(): number {
		let cents = 0;
		for (const l of this.lines) cents += l.unit * l.quantity;
		return cents;
	}

	/** Buyers add items (up to four lines, then more of one) to reach a 满减 threshold. */
	fillTo(cents: number): void {
		while (this.lines.length < 4 && this.total() < cents) this.add();
		while (this.total() < cents) this.lines[0].quantity++;
	}
}

/** Channel of a first order; live streaming grows from 12% to 26% of arrivals over the range. */
function pickNewChannel(rng: Random, progress: number): number {
	return rng.weighted([40, 24, 0, 14, 12 + 14 * progress, 0]);
}

/** 19-digit order id: random-looking head, a 12-digit tail unique to the stream position. */
function orderIdOf(index: number, rng: Random): string {
	const tail = String((index * 6_553_711 + 271_828_182_845) % 1_000_000_000_000).padStart(12, '0');
	return `${rng.int(1, 4)}${String(rng.int(0, 999_999)).padStart(6, '0')}${tail}`;
}

/**
 * The thank-you campaign follows the first 双11 sale whose five monthly waves (and their windows)
 * fit in the range: its cohort is who bought for the first time from the sale's first selling
 * wave to 11.11; the waves go out on the 14th of the following months.
 */
function planThanksCampaign(
	days: Day[],
	firstDay: number
): { cohortFrom: number; cohortTo: number; waveDays: number[] } | null {
	const { waves, windowDays } = SAMPLE_CAMPAIGNS.newBuyerThanks;
	for (const day of days.slice(firstDay)) {
		if (day.kind !== 'double11') continue;
		const waveDays: number[] = [];
		for (let w = 0; w < waves; w++) {
			const target = Date.UTC(day.year, 10 + w, 14);
			waveDays.push(Math.round((target - days[0].startMs) / DAY_MS));
		}
		if (waveDays[waves - 1] + windowDays >= days.length) continue;
		let from = day.index;
		while (from - 1 >= firstDay && days[from - 1].promotion === day.promotion) from--;
		return { cohortFrom: from, cohortTo: day.index, waveDays };
	}
	return null;
}
/** The win-back goes out on the 15th of the month about 65% through the range. */
function planWinBackDay(days: Day[], firstDay: number): number {
	const at = days[firstDay + Math.floor((days.length - firstDay) * 0.65)];
	const target = Math.round((Date.UTC(at.year, at.month - 1, 15) - days[0].startMs) / DAY_MS);
	const { windowDays, dormantDays } = SAMPLE_CAMPAIGNS.dormantWinBack;
	return target - firstDay > dormantDays && target + windowDays < days.length ? target : -1;
}

/** All campaign contacts of the sample shop (runs the whole simulation; orders are discarded). */
export function generateContacts(options: SampleOptions = {}): SampleContact[] {
	const contacts: SampleContact[] = [];
	for (const _ of generateOrders(options, (c) => contacts.push(c))) {
		// Orders are not needed; the simulation must still run for contacts to exist.
	}
	return contacts;
}
