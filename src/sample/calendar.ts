/**
 * The shop's calendar: how busy each day and hour is. Tmall shops live by a few sale festivals
 * (6.18, 11.11 with its pre-sale, 12.12), a weekly rhythm with weekend and evening peaks, and a
 * dead week around the Spring Festival when couriers stop.
 */
import type { Random } from './random.ts';

export const DAY_MS = 86_400_000;

/** Spring Festival (Chinese New Year's Day) by year: a fact table, no lunar arithmetic needed. */
const SPRING_FESTIVAL: Record<number, string> = {
	2020: '01-25',
	2021: '02-12',
	2022: '02-01',
	2023: '01-22',
	2024: '02-10',
	2025: '01-29',
	2026: '02-17',
	2027: '02-06',
	2028: '01-26',
	2029: '02-13',
	2030: '02-03'
};

/** 11.11 pre-sale start (deposits) and first selling wave, which Tmall moved earlier in 2024. */
const DOUBLE_ELEVEN: Record<number, { presale: string; firstWave: string }> = {
	2023: { presale: '10-24', firstWave: '10-31' },
	2024: { presale: '10-14', firstWave: '10-21' }
};
const DOUBLE_ELEVEN_DEFAULT = { presale: '10-24', firstWave: '10-31' };

/** Sunday = 0, as Date.getUTCDay. Saturdays and Sundays sell most. */
const WEEKDAY = [1.15, 0.95, 0.94, 0.96, 0.98, 1.02, 1.18];
/** Month demand of an apparel shop (index 0 = January). */
const MONTH = [1.0, 0.85, 1.0, 1.05, 1.0, 1.05, 0.85, 0.85, 1.0, 1.05, 1.15, 1.1];

/** Orders by hour: quiet at night, lunch and afternoon peaks, the biggest peak at 20–23 h. */
const HOURS_WEEKDAY = [
	2.2, 1.2, 0.6, 0.35, 0.3, 0.35, 0.7, 1.4, 2.4, 3.4, 4.2, 4.4, 3.8, 3.6, 4.0, 4.2, 4.1, 3.8, 3.6,
	4.2, 5.3, 6.2, 6.0, 4.2
];

type DayKind =
	'normal' | 'flash' | 'presale' | 'first-wave' | 'double11' | 'mid618' | 'double12' | 'festival';

/** A sale day whose shop-wide threshold discount (满减) draws bigger baskets. */
interface Promotion {
	label: string;
	threshold: number;
	discount: number;
}

export interface Day {
	index: number;
	/** Midnight of the day, store-local wall clock written as UTC milliseconds. */
	startMs: number;
	year: number;
	/** 1–12 */
	month: number;
	date: number;
	weekday: number;
	kind: DayKind;
	/** Relative volume of first orders (new customers) and of guest orders. */
	weight: number;
	/** How strongly returning customers wait for this day (0 = not at all). */
	pull: number;
	promotion: Promotion | null;
	hours: readonly number[];
}

const PROMO_618: Promotion = { label: '618满199减20', threshold: 199, discount: 20 };
const PROMO_1111: Promotion = { label: '双11满299减50', threshold: 299, discount: 50 };
const PROMO_1212: Promotion = { label: '双12满199减20', threshold: 199, discount: 20 };

const md = (month: number, date: number) =>
	`${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/** Parses `YYYY-MM-DD` to store-local midnight as UTC ms; throws on anything else. */
function parseDay(iso: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
	const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	if (new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`no such date: ${iso}`);
	return ms;
}

function hoursFor(kind: DayKind, weekday: number): number[] {
	const h = [...HOURS_WEEKDAY];
	if (weekday === 0 || weekday === 6) {
		// People sleep in at weekends: a later morning, a fuller afternoon.
		for (let i = 7; i <= 9; i++) h[i] *= 0.7;
		for (let i = 10; i <= 17; i++) h[i] *= 1.12;
	}
	if (kind === 'double11') {
		// The final payment rush at midnight, then a second wave in the evening.
		h[0] *= 14;
		h[1] *= 5;
		h[2] *= 2;
		for (let i = 20; i <= 23; i++) h[i] *= 1.6;
	} else if (kind === 'mid618') {
		h[0] *= 7;
		h[1] *= 2.5;
		for (let i = 20; i <= 23; i++) h[i] *= 1.4;
	} else if (kind === 'presale' || kind === 'first-wave') {
		// Pre-sale and the first wave open at 20:00.
		for (let i = 20; i <= 23; i++) h[i] *= 6;
	} else if (kind === 'flash') {
		// Juhuasuan deals open at 10:00.
		h[10] *= 2.5;
		h[11] *= 1.8;
	}
	return h;
}

/**
 * Builds the calendar from `warmUpDays` before `start` to `end` (inclusive); day `warmUpDays` is
 * `start`. Flash-deal (聚划算) days are drawn from `rng`: two a month on ordinary days.
 */
export function buildCalendar(start: string, end: string, warmUpDays: number, rng: Random): Day[] {
	const first = parseDay(start);
	const t1 = parseDay(end);
	if (t1 < first) throw new Error(`end ${end} is before start ${start}`);
	const t0 = first - warmUpDays * DAY_MS;
	const n = Math.round((t1 - t0) / DAY_MS) + 1;
	const span = Math.max(1, n - 1 - warmUpDays);
	const days: Day[] = [];
	for (let i = 0; i < n; i++) {
		const startMs = t0 + i * DAY_MS;
		const d = new Date(startMs);
		const year = d.getUTCFullYear();
		const month = d.getUTCMonth() + 1;
		const date = d.getUTCDate();
		const weekday = d.getUTCDay();
		const key = md(month, date);
		const d11 = DOUBLE_ELEVEN[year] ?? DOUBLE_ELEVEN_DEFAULT;
		let kind: DayKind = 'normal';
		let event = 1;
		let pull = 0;
		let promotion: Promotion | null = null;
		if (key === '11-11') {
			kind = 'double11';
			event = 28;
			pull = 0.45;
			promotion = PROMO_1111;
		} else if (key === d11.presale) {
			kind = 'presale';
			event = 3;
			pull = 0.12;
		} else if (key === d11.firstWave) {
			kind = 'first-wave';
			event = 3.5;
			pull = 0.15;
			promotion = PROMO_1111;
		} else if (key > d11.presale && key < '11-11' && month >= 10) {
			event = key > d11.firstWave ? 1.35 : 1.25;
			promotion = key > d11.firstWave ? PROMO_1111 : null;
		} else if (key === '11-12') event = 1.5;
		else if (key === '06-18') {
			kind = 'mid618';
			event = 7;
			pull = 0.3;
			promotion = PROMO_618;
		} else if (key === '06-01') {
			event = 2.5;
			promotion = PROMO_618;
		} else if (key === '06-16' || key === '06-17') {
			event = 1.8;
			promotion = PROMO_618;
		} else if (key === '12-12') {
			kind = 'double12';
			event = 5;
			pull = 0.25;
			promotion = PROMO_1212;
		} else if (key === '12-11') event = 1.3;
		else if (key === '03-08') event = 2.2;
		else if (key === '03-07') event = 1.5;
		else if (key === '05-20') event = 1.3;
		// Its dead weeks never reach back into December (the festival is never before 21 Jan).
		const festival = SPRING_FESTIVAL[year];
		if (festival) {
			const offset = Math.round((startMs - parseDay(`${year}-${festival}`)) / DAY_MS);
			if (offset >= -9 && offset <= 7) {
				kind = kind === 'normal' ? 'festival' : kind;
				event *= offset >= -6 && offset <= 5 ? 0.4 : 0.7;
			}
		}
		// The shop grows about 40% over two years (and was smaller before them).
		const trend = Math.max(0.5, 0.85 + (0.35 * (i - warmUpDays)) / span);
		days.push({
			index: i,
			startMs,
			year,
			month,
			date,
			weekday,
			kind,
			weight: trend * WEEKDAY[weekday] * MONTH[month - 1] * event,
			pull,
			promotion,
			hours: []
		});
	}
	// Two flash-deal days a month, on ordinary days between the 5th and the 25th.
	const byMonth = new Map<string, Day[]>();
	for (const day of days) {
		if (day.kind !== 'normal' || day.date < 5 || day.date > 25) continue;
		const k = `${day.year}-${day.month}`;
		const list = byMonth.get(k) ?? [];
		list.push(day);
		byMonth.set(k, list);
	}
	for (const list of byMonth.values()) {
		for (let j = 0; j < 2 && list.length > 0; j++) {
			const [day] = list.splice(Math.floor(rng.next() * list.length), 1);
			day.kind = 'flash';
		}
	}
	for (const day of days) day.hours = hoursFor(day.kind, day.weekday);
	return days;
}
