import { createContext } from 'svelte';
import type { BrowserEngine, EngineState } from '../../engine/engine.ts';
import type { DataColumn, Globals } from '../../analyses/types.ts';
import type { Failure } from '../../lib/result.ts';
import type { RejectedRow } from '../../ingest/quality.ts';
import { tableToRows } from '../../engine/decode.ts';
import { dataSummarySql, filterValuesSql, schemaSql } from '../../analyses/data-summary.ts';
import { ResultCache } from '../../notebook/run-cell.ts';
import { BaseTables } from '../../notebook/base-tables.ts';
import { CellQueue } from '../../notebook/cell-queue.ts';
import { RunMarks } from '../../notebook/run-marks.ts';
import { DataLoading } from '../../notebook/data-load.svelte.ts';
import { message } from '../i18n/index.ts';
import { todayIso } from '../../lib/clock.ts';
import type { Lang } from '../../lib/msg.ts';

export interface DataSummary {
	/** Paid orders, as the analyses count them; the other statuses are in `otherOrders`. */
	orders: number;
	otherOrders: { closed: number; cancelled: number; refunded: number };
	/** Customers with at least one paid order. */
	customers: number;
	lines: number;
	unknownOrders: number;
	firstDay: string | null;
	dayAfterLast: string | null;
	contacts: number;
	channels: string[];
	provinces: string[];
	categories: string[];
	files: string[];
}

export type Theme = 'system' | 'light' | 'dark';

const LANG_KEY = 'huitou.lang';
const THEME_KEY = 'huitou.theme';

function initialLang(): Lang {
	const saved = globalThis.localStorage?.getItem(LANG_KEY);
	if (saved === 'en' || saved === 'zh') return saved;
	return globalThis.navigator?.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function initialTheme(): Theme {
	const saved = globalThis.localStorage?.getItem(THEME_KEY);
	return saved === 'light' || saved === 'dark' ? saved : 'system';
}

const defaultGlobals = (asOf: string): Globals => ({
	asOf,
	revenue: 'net',
	currency: 'CNY'
});

/** The page's shared state: language, engine status, what data is loaded, the global controls. */
export class AppState {
	lang = $state<Lang>(initialLang());
	theme = $state<Theme>(initialTheme());
	engineState = $state.raw<EngineState>({ phase: 'idle' });
	data = $state.raw<DataSummary | null>(null);
	/** Bumped whenever the canonical tables change, so cells re-run. */
	dataVersion = $state(0);
	globals = $state<Globals>(defaultGlobals(todayIso()));
	/**
	 * A message for the whole page, shown until dismissed. A failed import's carries the rows it
	 * rejected and whether the dialog can reopen with the same choices; a later import that
	 * succeeds takes it away.
	 */
	notice = $state.raw<{
		kind: 'error' | 'info';
		failure?: Failure;
		text: string;
		import?: { rejected: RejectedRow[]; canReopen: boolean };
	} | null>(null);
	readonly cache = new ResultCache();
	/** The import, sample load or reload under way: cells wait for it and name its step. */
	readonly loading = new DataLoading();
	/** Cells take turns on the engine, visible ones first. */
	readonly cellQueue = new CellQueue();
	/** How many cells wait for their turn, for the header's progress. */
	cellsWaiting = $state(0);
	/** The filtered orders and first orders every preset cell reads, once per set of controls. */
	readonly baseTables: BaseTables;
	/** Which SQL cells are running, kept where a crashed tab leaves it for the next start. */
	readonly runMarks = new RunMarks(globalThis.localStorage);
	/**
	 * Tables and columns for SQL completion, read when a SQL editor is first focused after the data
	 * changed (`loadSchema`): no cell waits for it (on 1M orders it took about 0.5 s of the engine's
	 * time before the first chart when it was read after every import).
	 */
	schema = $state.raw<Record<string, string[]>>({});
	#schemaOf = -1;

	constructor(readonly engine: BrowserEngine) {
		engine.onState((s) => (this.engineState = s));
		this.cellQueue.onChange((n) => (this.cellsWaiting = n));
		this.baseTables = new BaseTables(engine);
		this.cache.onClear(() => this.baseTables.reset());
		engine.onRestart(() => this.baseTables.reset());
	}

	t = (key: string, vars?: Record<string, string | number>): string =>
		message(key, this.lang, vars);

	setLang(lang: Lang) {
		this.lang = lang;
		globalThis.localStorage?.setItem(LANG_KEY, lang);
		document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
	}

	setTheme(theme: Theme) {
		this.theme = theme;
		globalThis.localStorage?.setItem(THEME_KEY, theme);
		if (theme === 'system') delete document.documentElement.dataset.theme;
		else document.documentElement.dataset.theme = theme;
	}

	/** Of the columns a view groups by, those the loaded orders have no value in. */
	missing(needs: readonly DataColumn[] = []): DataColumn[] {
		const values = { channel: 'channels', province: 'provinces', category: 'categories' } as const;
		return needs.filter((c) => this.data !== null && this.data[values[c]].length === 0);
	}

	/** Re-reads counts and filter values after an import; resets the as-of date to the data's. */
	async refreshData(files: string[]): Promise<void> {
		this.cache.clear();
		const s = await this.engine.query(dataSummarySql);
		if (!s.ok) {
			this.notice = { kind: 'error', failure: s.error, text: s.error.detail };
			return;
		}
		const [row] = tableToRows(s.value);
		const values = async (kind: 'channel' | 'province' | 'category') => {
			const r = await this.engine.query(filterValuesSql(kind));
			return r.ok ? tableToRows(r.value).map((x) => String(x.value)) : [];
		};
		this.data = {
			orders: Number(row.orders),
			otherOrders: {
				closed: Number(row.closed_orders),
				cancelled: Number(row.cancelled_orders),
				refunded: Number(row.refunded_orders)
			},
			customers: Number(row.customers),
			lines: Number(row.lines),
			unknownOrders: Number(row.unknown_orders),
			firstDay: (row.first_day as string) ?? null,
			dayAfterLast: (row.day_after_last as string) ?? null,
			contacts: Number(row.contacts),
			channels: await values('channel'),
			provinces: await values('province'),
			categories: await values('category'),
			files
		};
		// Keep the as-of date of an opened notebook when it falls inside the data.
		const { firstDay, dayAfterLast } = this.data;
		const asOf = this.globals.asOf;
		if (dayAfterLast && !(firstDay && asOf > firstDay && asOf <= dayAfterLast))
			this.globals.asOf = dayAfterLast;
		this.dataVersion++;
	}

	/** Reads the tables and columns for SQL completion, once per version of the data. */
	async loadSchema(): Promise<void> {
		const version = this.dataVersion;
		if (this.#schemaOf === version) return;
		this.#schemaOf = version;
		const cols = await this.engine.query(schemaSql);
		if (!cols.ok || this.dataVersion !== version) {
			if (this.#schemaOf === version) this.#schemaOf = -1;
			return;
		}
		const schema: Record<string, string[]> = {};
		for (const r of tableToRows(cols.value))
			(schema[String(r.table_name)] ??= []).push(String(r.column_name));
		this.schema = schema;
	}
}

export const [getApp, setApp] = createContext<AppState>();
