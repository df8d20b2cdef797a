/**
 * The saved and shared notebook document. Everything that arrives from outside (IndexedDB, a
 * `.json` file, a share link) is untrusted: it is migrated to the current version, then parsed
 * against this schema, and only the parsed value is used.
 */
import * as v from 'valibot';
import { ok, fail, type Result } from '../lib/result.ts';
import type { Globals } from '../analyses/types.ts';
import { migrateNotebook } from './migrate.ts';

const NOTEBOOK_FORMAT = 'huitou.notebook';
const NOTEBOOK_VERSION = 2;

/** Bounds: a notebook is a few dozen cells of text; anything far beyond is not one of ours. */
export const LIMITS = {
	cells: 200,
	sql: 100_000,
	markdown: 20_000,
	title: 200,
	filterValues: 500,
	filterValue: 200,
	paramKeys: 50,
	paramDepth: 6,
	paramString: 2_000,
	paramArray: 1_000,
	paramBytes: 50_000
} as const;

const ID_PATTERN = /^[a-z0-9-]{1,40}$/;
/** Result names become view names that later SQL cells write unquoted: `FROM rfm_segments`. */
export const NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;
/** Names a cell may not take: the canonical tables, and the CTE every analysis defines. */
export const RESERVED_NAMES = new Set([
	'orders',
	'order_lines',
	'customers',
	'campaign_contacts',
	'f_orders'
]);
/** Keys that would reach Object.prototype if a later step copied them with plain assignment. */
const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const id = v.pipe(v.string(), v.regex(ID_PATTERN));
const resultName = v.pipe(
	v.string(),
	v.regex(NAME_PATTERN),
	v.check((n) => !RESERVED_NAMES.has(n), 'reserved table name')
);
const filterList = v.pipe(
	v.array(v.pipe(v.string(), v.maxLength(LIMITS.filterValue))),
	v.maxLength(LIMITS.filterValues)
);

const GlobalsSchema = v.object({
	asOf: isoDate,
	from: v.optional(isoDate),
	to: v.optional(isoDate),
	channels: v.optional(filterList),
	provinces: v.optional(filterList),
	categories: v.optional(filterList),
	revenue: v.picklist(['net', 'gross']),
	currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/))
});

const chartId = v.pipe(v.string(), v.regex(ID_PATTERN));
const ViewSchema = v.object({
	/** The chart picked for the cell's (first) result, e.g. 'bar' or 'line'. */
	chart: v.optional(chartId),
	/** Per query of a preset cell (several results), query id → chart picked. */
	charts: v.optional(
		v.pipe(
			v.record(v.pipe(v.string(), v.regex(ID_PATTERN)), chartId),
			v.check((m) => Object.keys(m).length <= 20, 'too many chart choices')
		)
	),
	table: v.optional(v.boolean()),
	collapsed: v.optional(v.boolean())
});

/**
 * Parameter values are whatever an analysis's form produces: JSON numbers, strings, booleans,
 * lists and rule tables. They are bounded in depth and size and copied without unsafe keys.
 */
function cleanParamValue(value: unknown, depth: number): unknown {
	if (depth > LIMITS.paramDepth) throw new Error('parameters nested too deeply');
	if (value === null || typeof value === 'boolean') return value;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error('parameter is not a finite number');
		return value;
	}
	if (typeof value === 'string') {
		if (value.length > LIMITS.paramString) throw new Error('parameter text too long');
		return value;
	}
	if (Array.isArray(value)) {
		if (value.length > LIMITS.paramArray) throw new Error('parameter list too long');
		return value.map((x) => cleanParamValue(x, depth + 1));
	}
	if (typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, x] of Object.entries(value)) {
			if (UNSAFE_KEYS.has(k)) continue;
			out[k] = cleanParamValue(x, depth + 1);
		}
		return out;
	}
	throw new Error(`parameter of type ${typeof value}`);
}

const ParamsSchema = v.pipe(
	v.record(v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/)), v.unknown()),
	v.check((p) => Object.keys(p).length <= LIMITS.paramKeys, 'too many parameters'),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		try {
			const out = cleanParamValue(dataset.value, 0) as Record<string, unknown>;
			if (JSON.stringify(out).length > LIMITS.paramBytes) throw new Error('parameters too large');
			return out;
		} catch (e) {
			addIssue({ message: (e as Error).message });
			return NEVER;
		}
	})
);

const PresetCellSchema = v.object({
	id,
	kind: v.literal('preset'),
	analysis: id,
	params: ParamsSchema,
	name: v.optional(resultName),
	view: v.optional(ViewSchema)
});
const SqlCellSchema = v.object({
	id,
	kind: v.literal('sql'),
	sql: v.pipe(v.string(), v.maxLength(LIMITS.sql)),
	/**
	 * The owner let this cell change data (its own tables in `scratch`, never the canonical ones).
	 * Such a cell runs on an explicit Run only. Since version 2; absent means read-only.
	 */
	mayWrite: v.optional(v.literal(true)),
	name: v.optional(resultName),
	view: v.optional(ViewSchema)
});
const MarkdownCellSchema = v.object({
	id,
	kind: v.literal('markdown'),
	text: v.pipe(v.string(), v.maxLength(LIMITS.markdown)),
	view: v.optional(ViewSchema)
});
const CellSchema = v.variant('kind', [PresetCellSchema, SqlCellSchema, MarkdownCellSchema]);

const NotebookSchema = v.pipe(
	v.object({
		format: v.literal(NOTEBOOK_FORMAT),
		version: v.literal(NOTEBOOK_VERSION),
		id,
		title: v.pipe(v.string(), v.maxLength(LIMITS.title)),
		createdAt: v.pipe(v.string(), v.isoTimestamp()),
		updatedAt: v.pipe(v.string(), v.isoTimestamp()),
		globals: GlobalsSchema,
		cells: v.pipe(v.array(CellSchema), v.maxLength(LIMITS.cells))
	}),
	v.check((nb) => new Set(nb.cells.map((c) => c.id)).size === nb.cells.length, 'duplicate cell id'),
	v.check((nb) => {
		const names = nb.cells.flatMap((c) => (c.kind !== 'markdown' && c.name ? [c.name] : []));
		return new Set(names).size === names.length;
	}, 'two cells share a result name')
);

export type CellView = v.InferOutput<typeof ViewSchema>;
export type PresetCell = v.InferOutput<typeof PresetCellSchema>;
export type SqlCell = v.InferOutput<typeof SqlCellSchema>;
export type MarkdownCell = v.InferOutput<typeof MarkdownCellSchema>;
export type Cell = PresetCell | SqlCell | MarkdownCell;
export type Notebook = Omit<v.InferOutput<typeof NotebookSchema>, 'globals' | 'cells'> & {
	globals: Globals;
	cells: Cell[];
};

/**
 * Validates a notebook from anywhere outside this page's memory. Older versions are migrated
 * first; a newer version is refused, since dropping fields we do not know would lose the user's
 * work when it is saved back.
 */
export function parseNotebook(input: unknown): Result<Notebook> {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		return fail('notebook.invalid', 'not an object');
	const doc = input as Record<string, unknown>;
	if (doc.format !== NOTEBOOK_FORMAT) return fail('notebook.invalid', 'not a huitou notebook');
	const version = doc.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
		return fail('notebook.invalid', 'version is not a whole number');
	if (version > NOTEBOOK_VERSION)
		return fail(
			'notebook.newer-version',
			`notebook version ${version}, this page reads up to ${NOTEBOOK_VERSION}`
		);
	// Refuse a flood of cells before validating each one.
	if (Array.isArray(doc.cells) && doc.cells.length > LIMITS.cells)
		return fail('notebook.invalid', `${doc.cells.length} cells, at most ${LIMITS.cells}`);
	const migrated = migrateNotebook(doc, version);
	if (!migrated.ok) return migrated;
	const parsed = v.safeParse(NotebookSchema, migrated.value);
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const path = v.getDotPath(issue);
		return fail('notebook.invalid', path ? `${path}: ${issue.message}` : issue.message);
	}
	return ok(parsed.output as Notebook);
}

/** Largest notebook file read: 200 cells of 100k SQL each, with room for JSON overhead. */
const MAX_NOTEBOOK_TEXT = 25_000_000;
/** A JSON.parse reviver that drops keys which could reach Object.prototype in later copies. */
export const dropUnsafeKeys = (key: string, value: unknown): unknown =>
	UNSAFE_KEYS.has(key) ? undefined : value;

/** Parses a notebook `.json` file's text (size-capped, unsafe keys dropped), then validates it. */
export function parseNotebookText(text: string): Result<Notebook> {
	if (text.length > MAX_NOTEBOOK_TEXT)
		return fail('notebook.invalid', `${text.length} characters, at most ${MAX_NOTEBOOK_TEXT}`);
	let doc: unknown;
	try {
		doc = JSON.parse(text, dropUnsafeKeys);
	} catch (e) {
		return fail('notebook.invalid', (e as Error).message);
	}
	return parseNotebook(doc);
}

/** A new empty notebook. `now` is an ISO timestamp: the caller owns the clock. */
export function createNotebook(opts: {
	id: string;
	title: string;
	now: string;
	globals: Globals;
	cells?: Cell[];
}): Notebook {
	return {
		format: NOTEBOOK_FORMAT,
		version: NOTEBOOK_VERSION,
		id: opts.id,
		title: opts.title,
		createdAt: opts.now,
		updatedAt: opts.now,
		globals: opts.globals,
		cells: opts.cells ?? []
	};
}

/** A copy under a new id and title, e.g. when duplicating or keeping a shared notebook. */
export function copyNotebook(nb: Notebook, id: string, title: string, now: string): Notebook {
	return { ...structuredClone(nb), id, title, createdAt: now, updatedAt: now };
}

/** A fresh id for a notebook or cell, matching ID_PATTERN. */
export const createId = (): string => crypto.randomUUID();

/** The current time as stored in notebooks. */
export const nowIso = (): string => new Date().toISOString();
