/**
 * Imports order files into the canonical tables, one file at a time: read into a staging table,
 * pick the preset or ask for a mapping, build the file's orders in temp tables, report its
 * quality, then merge it in one transaction. Files already loaded are never re-read, and a file
 * that fails leaves the canonical tables exactly as they were.
 */
import type { SqlEngine } from '../engine/types.ts';
import { CUSTOMERS_DDL, ORDER_LINES_DDL, ORDERS_DDL, type CanonicalField } from './canonical.ts';
import {
	buildOrderSql,
	buildParseRowsPieces,
	type LinePieces,
	ONE_ROW_PER_ORDER_PROBE_SQL,
	buildCleanupSql,
	buildPreMergeCleanupSql,
	buildDuplicateCountSql,
	buildFloatIdProbeSql,
	buildMergeSql,
	MERGE_BY_RENAME_SQL,
	DATE_FIELDS,
	INGEST_TABLES,
	type DateField,
	type DateReading
} from './canonicalize.ts';
import { decideDateFormat, type DateShapeCount } from './dates/detect.ts';
import { compileDateFormat, dateOrderOf, type DateFormat } from './dates/format.ts';
import { buildDateOffsetProbeSql, buildDateShapeProbeSql } from './dates/sql.ts';
import {
	headerSignature,
	orderIdModeOf,
	suggestMapping,
	validateMapping,
	type Mapping,
	type MappingStore
} from './mapping.ts';
import {
	bindPresetMapping,
	detectPreset,
	findPreset,
	type Preset,
	type PresetId
} from './presets/index.ts';
import {
	collectFileQuality,
	probeCurrencies,
	collectTotals,
	type FileQuality,
	type ImportFailure,
	type ImportReport,
	type OffsetRule
} from './quality.ts';
import {
	previewSource,
	STAGE_PIECE_BYTES,
	stageSource,
	type ReadOptions,
	type SourcePreview
} from './read/index.ts';
import { LINE_COLUMN } from './read/header.ts';
import type { ImportRecipe } from './recipe.ts';
import { fail, ok, type Failure, type Result } from '../lib/result.ts';
import { ident } from '../lib/sql.ts';

export type ImportSource = Blob & { name: string };

/** What the column mapper is asked to confirm or fill in for one file. */
export interface MappingRequest {
	file: ImportSource;
	preview: SourcePreview;
	/** The detected (or forced) preset, if any. */
	preset: Preset | undefined;
	/** The preset's mapping, else a remembered one for this header, else a suggestion. */
	proposed: Mapping;
	/** Per-field confidence when `proposed` is a suggestion. */
	confidence: Partial<Record<CanonicalField, number>>;
	remembered: boolean;
	signature: string;
}

export interface ImportProgress {
	file: string;
	fileIndex: number;
	fileCount: number;
	phase: 'preview' | 'reading' | 'building' | 'report' | 'merging' | 'done';
	bytes: number;
	totalBytes: number;
	rows: number;
	rowsPerSecond: number;
	/**
	 * The file's paid orders and their customers, as the side panel counts them: known once its
	 * orders are built, so from the quality report on.
	 */
	found?: { orders: number; customers: number };
}

/**
 * How one order file is read and mapped, decided once from its head (by the dialog, a preset or a
 * remembered mapping) and carried unchanged into staging. The data loader keeps it, so a reload
 * after an engine restart reads the file exactly as it was first read.
 */
export interface OrderPlan {
	file: ImportSource;
	/** Reader choices (encoding, delimiter, header row, sheet); the preset's own are added. */
	read: ReadOptions;
	presetId: PresetId | null;
	/** Date order, date format and store time zone included. */
	mapping: Mapping;
	/** The analyst chose the store's time zone: offsets in the data do not override it. */
	fixedTimezone: boolean;
}

/** What every import run needs besides the files: where mappings are kept, cancel, progress. */
export interface ImportRun {
	mappingStore?: MappingStore;
	signal?: AbortSignal;
	onProgress?: (p: ImportProgress) => void;
	/** The import time, for "future date" checks (no clock inside the ingest code). */
	now: Date;
}

export interface ImportOptions extends ImportRun {
	/**
	 * Called for every file with the proposed mapping; return the mapping to use, or null to skip
	 * the file. Without it, files need a detected preset or a remembered mapping.
	 */
	mappingFor?: (request: MappingRequest) => Promise<Mapping | null>;
	/** Per-file reader overrides. */
	readFor?: (file: ImportSource) => ReadOptions;
	/** The store's time zone, minutes east of UTC, as if chosen in the dialog. */
	timezoneOffsetMinutes?: number;
	/** A platform layout chosen up front (the command line's --preset), instead of detecting one. */
	preset?: PresetId;
}

const STAGING_TABLE = '__ingest_stage';

/** The file's paid orders and their identified customers, once its orders are built. */
const FOUND_SQL = `SELECT count(*) AS orders, count(DISTINCT customer_id) AS customers
FROM ${ident(INGEST_TABLES.orders)} WHERE status = 'paid'`;

/** Creates the canonical tables if this is the first import; keeps them otherwise. */
function buildEnsureTablesSql(): string[] {
	return [ORDERS_DDL, ORDER_LINES_DDL, CUSTOMERS_DDL].map((ddl) =>
		ddl.replace('CREATE OR REPLACE TABLE', 'CREATE TABLE IF NOT EXISTS')
	);
}

async function runAll(engine: SqlEngine, statements: string[]): Promise<Result<void>> {
	for (const sql of statements) {
		const result = await engine.query(sql);
		if (!result.ok) return result;
	}
	return ok(undefined);
}

async function firstRow(engine: SqlEngine, sql: string): Promise<Result<Record<string, unknown>>> {
	const result = await engine.query(sql);
	if (!result.ok) return result;
	return ok((result.value.get(0)?.toJSON() as Record<string, unknown>) ?? {});
}

const cancelled = (): Failure => ({ code: 'ingest.cancelled', detail: 'import cancelled' });

/**
 * Running out of memory while importing says the file is too big for the page (and how to split
 * it), not what to do about a query.
 */
function explainFailure(error: Failure, file: ImportSource): Failure {
	if (error.code !== 'engine.memory' && !/Out of Memory/i.test(error.detail)) return error;
	const mb = (file.size / 1e6).toFixed(0);
	const detail = `${file.name} (${mb} MB): ${error.detail}`;
	// The statement stays with it: which step of the import ran out is what a fix starts from.
	return error.sql === undefined
		? { code: 'ingest.too-big', detail }
		: { code: 'ingest.too-big', detail, sql: error.sql };
}

type ImportResult = { ok: true; value: ImportReport } | { ok: false; error: ImportFailure };

/**
 * Imports the planned files in order into orders / order_lines / customers, de-duplicating by
 * order id (a later file replaces an earlier one's order). Returns a quality report per imported
 * file, the failures, and running totals over everything loaded. Fails only when no file imported.
 */
export function importPlans(
	engine: SqlEngine,
	plans: readonly OrderPlan[],
	run: ImportRun
): Promise<ImportResult> {
	return importEach(
		engine,
		plans.map((plan) => ({ file: plan.file, plan: async () => ok(plan) })),
		run
	);
}

/**
 * Imports files without a plan from the dialog: each is planned from its head by its preset, a
 * remembered mapping, or `mappingFor`, then imported as `importPlans` would.
 */
export function importFiles(
	engine: SqlEngine,
	files: readonly ImportSource[],
	opts: ImportOptions
): Promise<ImportResult> {
	return importEach(
		engine,
		files.map((file) => ({ file, plan: () => planFromHead(file, opts) })),
		opts
	);
}

async function importEach(
	engine: SqlEngine,
	items: readonly { file: ImportSource; plan: () => Promise<Result<OrderPlan>> }[],
	run: ImportRun
): Promise<ImportResult> {
	const ensured = await runAll(engine, buildEnsureTablesSql());
	if (!ensured.ok) return ensured;
	const report: ImportReport['files'] = [];
	const failures: ImportReport['failures'] = [];
	for (const [index, { file, plan }] of items.entries()) {
		if (run.signal?.aborted) {
			failures.push({ file: file.name, error: cancelled() });
			continue;
		}
		const progress = reportProgress(file, index, items.length, run);
		progress('preview');
		const planned = await plan();
		const result = planned.ok ? await importOne(engine, planned.value, progress, run) : planned;
		await engine.query(`DROP TABLE IF EXISTS ${ident(STAGING_TABLE)}`);
		await engine.query(buildCleanupSql());
		if (result.ok) report.push(result.value);
		else failures.push({ file: file.name, error: explainFailure(result.error, file) });
	}
	if (report.length === 0 && failures.length > 0) return { ok: false, error: failures[0].error };
	const totals = await collectTotals(engine);
	if (!totals.ok) return totals;
	return ok({ files: report, failures, totals: totals.value });
}

type Progress = (
	phase: ImportProgress['phase'],
	rows?: number,
	bytes?: number,
	found?: ImportProgress['found']
) => void;

function reportProgress(
	file: ImportSource,
	fileIndex: number,
	fileCount: number,
	run: ImportRun
): Progress {
	const started = Date.now();
	let counted: ImportProgress['found'];
	return (phase, rows = 0, bytes = 0, found) => {
		const seconds = Math.max((Date.now() - started) / 1000, 0.001);
		counted = found ?? counted;
		run.onProgress?.({
			...(counted && { found: counted }),
			file: file.name,
			fileIndex,
			fileCount,
			phase,
			bytes,
			totalBytes: file.size,
			rows,
			rowsPerSecond: Math.round(rows / seconds)
		});
	};
}

async function importOne(
	engine: SqlEngine,
	plan: OrderPlan,
	progress: Progress,
	run: ImportRun
): Promise<{ ok: true; value: FileQuality } | { ok: false; error: ImportFailure }> {
	const { file } = plan;
	const preset = plan.presetId ? findPreset(plan.presetId) : undefined;
	if (run.signal?.aborted) return { ok: false, error: cancelled() };

	progress('reading');
	const staged = await stageSource(engine, file, STAGING_TABLE, {
		...preset?.read,
		...plan.read,
		signal: run.signal,
		onProgress: (p) => progress('reading', p.rows ?? 0, p.bytes)
	});
	if (!staged.ok) return staged;
	// Checked against the header as staged, so a plan never reads a column the file lacks.
	const valid = validateMapping(plan.mapping, staged.value.header);
	if (!valid.ok) return valid;
	let mapping = valid.value;
	// Remembered now, not after the merge: a hand-made mapping is worth keeping even when the
	// import then fails on the data (a wrong decimal mark, a bad date), so the retry starts from it.
	if (!preset && run.mappingStore)
		await run.mappingStore.put(headerSignature(staged.value.header), mapping);
	const rowCount = staged.value.rowCount;
	if (run.signal?.aborted) return { ok: false, error: cancelled() };

	progress('building', rowCount, file.size);
	const warnings: Failure[] = [...staged.value.warnings];
	const tz = plan.fixedTimezone ? mapping.timezoneOffsetMinutes : undefined;
	const dates = await resolveDates(engine, mapping, preset, tz, warnings);
	if (!dates.ok) return dates;
	const { readings, reported } = dates.value;
	mapping = { ...mapping, timezoneOffsetMinutes: dates.value.storeOffsetMinutes };

	const floatIdFields = await findFloatIdFields(engine, mapping, warnings);
	if (!floatIdFields.ok) return floatIdFields;
	const count = Math.ceil(file.size / (plan.read.pieceBytes ?? STAGE_PIECE_BYTES));
	const lastLine =
		count > 1
			? await firstRow(engine, `SELECT max(${LINE_COLUMN})::DOUBLE AS n FROM ${STAGING_TABLE}`)
			: ok({ n: 0 });
	if (!lastLine.ok) return lastLine;
	const pieces: LinePieces = { lastLine: Number(lastLine.value?.n ?? 0), count };
	const parsed = await runAll(
		engine,
		buildParseRowsPieces(
			mapping,
			STAGING_TABLE,
			{ fileLabel: file.name, floatIdFields: floatIdFields.value, dates: readings },
			pieces
		)
	);
	if (!parsed.ok) return parsed;
	const amountColumns = (['order_amount', 'line_amount', 'unit_price'] as const)
		.map((f) => mapping.fields[f])
		.filter((c): c is string => c !== undefined);
	const currencies = await probeCurrencies(
		engine,
		STAGING_TABLE,
		amountColumns,
		mapping.fields.currency
	);
	if (!currencies.ok) return currencies;
	// Nothing reads the file's text from here on: its memory goes to the statements that follow.
	const unstaged = await engine.query(`DROP TABLE ${STAGING_TABLE}`);
	if (!unstaged.ok) return unstaged;
	const shape = await firstRow(engine, ONE_ROW_PER_ORDER_PROBE_SQL);
	if (!shape.ok) return shape;
	const oneRowPerOrder = shape.value?.one_row === true;
	const built = await runAll(engine, buildOrderSql(mapping, file.name, oneRowPerOrder, pieces));
	if (!built.ok) return built;
	if (run.signal?.aborted) return { ok: false, error: cancelled() };

	// Counted now, for the figures the user watches during the quality report and the merge.
	const found = run.onProgress
		? await firstRow(engine, FOUND_SQL)
		: ok<Record<string, unknown>>({});
	if (!found.ok) return found;
	progress('report', rowCount, file.size, {
		orders: Number(found.value.orders ?? 0),
		customers: Number(found.value.customers ?? 0)
	});
	const duplicates = await firstRow(engine, buildDuplicateCountSql());
	if (!duplicates.ok) return duplicates;
	const quality = await collectFileQuality(engine, {
		file: file.name,
		preset: preset?.id ?? null,
		currencies: currencies.value,
		defaultCurrency: mapping.currency,
		duplicatesRemoved: Number(duplicates.value.duplicates ?? 0),
		readerRejected: staged.value.rejected.map((r) => ({
			line: r.line,
			reason: r.reason,
			column: null,
			value: r.raw ?? null
		})),
		dateOrder: reported.order,
		dateOrderGuessed: reported.guessed,
		dateFormat: reported.format,
		offsetRule: reported.offsetRule,
		offsetsSeen: reported.offsetsSeen,
		storeOffsetMinutes: mapping.timezoneOffsetMinutes,
		generatedOrderIds: orderIdModeOf(mapping),
		warnings,
		now: run.now
	});
	if (!quality.ok) return quality;
	// A file of returns only (refunds of orders loaded earlier) loads no order and is fine.
	if (quality.value.orders === 0 && quality.value.returns.lines === 0 && rowCount > 0) {
		const { rejected } = quality.value;
		const first = rejected[0];
		const why = first?.format ? `"${first.value}" is not a date in ${first.format}` : first?.reason;
		return {
			ok: false,
			error: {
				code: 'ingest.nothing-loaded',
				detail: `all ${rowCount} rows were rejected (first: line ${first?.line}, ${why})`,
				rejected
			}
		};
	}
	if (run.signal?.aborted) return { ok: false, error: cancelled() };

	const trimmed = await engine.query(buildPreMergeCleanupSql(STAGING_TABLE));
	if (!trimmed.ok) return trimmed;
	progress('merging', rowCount, file.size);
	const merged = await mergeInTransaction(engine);
	if (!merged.ok) return merged;
	progress('done', rowCount, file.size);
	const read = staged.value;
	const recipe: ImportRecipe = {
		file: file.name,
		preset: preset?.id ?? null,
		fileKind: read.fileKind,
		compressed: read.compressed,
		encoding: read.encoding,
		delimiter: read.delimiter,
		header: read.header,
		headerRow: read.headerRow,
		skipRows: { ...preset?.read, ...plan.read }.skipRows ?? [],
		mapping,
		oneRowPerOrder
	};
	return ok({ ...quality.value, recipe });
}

/** A plan for a file the dialog did not see: its preset, a remembered mapping, or `mappingFor`. */
async function planFromHead(file: ImportSource, opts: ImportOptions): Promise<Result<OrderPlan>> {
	const read = opts.readFor?.(file) ?? {};
	const preview = await previewSource(file, read);
	if (!preview.ok) return preview;
	const { header, rows } = preview.value;
	const preset = opts.preset ? findPreset(opts.preset) : detectPreset(header);
	const signature = headerSignature(header);
	let proposed: Mapping;
	let confidence: Partial<Record<CanonicalField, number>> = {};
	let remembered = false;
	if (preset) proposed = bindPresetMapping(preset, header);
	else {
		const stored = await opts.mappingStore?.get(signature);
		if (stored) {
			proposed = stored;
			remembered = true;
		} else {
			const suggestion = suggestMapping(header, rows);
			proposed = suggestion.mapping;
			confidence = suggestion.confidence;
		}
	}
	const tz = opts.timezoneOffsetMinutes;
	if (tz !== undefined) proposed = { ...proposed, timezoneOffsetMinutes: tz };
	const plan = { file, read, presetId: preset?.id ?? null, fixedTimezone: tz !== undefined };
	if (opts.mappingFor) {
		const answer = await opts.mappingFor({
			file,
			preview: preview.value,
			preset,
			proposed,
			confidence,
			remembered,
			signature
		});
		if (answer === null) return { ok: false, error: cancelled() };
		return ok({ ...plan, mapping: answer });
	}
	if (!preset && !remembered)
		return fail(
			'ingest.unknown-layout',
			`no preset matches the header of ${file.name}: ${header.slice(0, 8).join(', ')}`
		);
	return ok({ ...plan, mapping: proposed });
}

/** How the date columns are read, and what the quality report says about it. */
interface ResolvedDates {
	readings: Partial<Record<DateField, DateReading>>;
	storeOffsetMinutes: number;
	/** For the order time column (else the payment time column). */
	reported: {
		format: DateFormat;
		order: 'ymd' | 'dmy' | 'mdy';
		guessed: boolean;
		offsetRule: OffsetRule;
		offsetsSeen: number[];
	};
}

const ID_COLUMNS = ['order_id', 'customer_id', 'product_id'] as const;

/**
 * The id fields whose every value is an integer written as `N.0` (a float column from pandas or
 * Excel): they are read as `N`, so customer 17850 of this export meets 17850 of the next. Each
 * such column adds an `ingest.float-ids` warning naming it and how many ids it rewrote.
 */
async function findFloatIdFields(
	engine: SqlEngine,
	mapping: Mapping,
	warnings: Failure[]
): Promise<Result<CanonicalField[]>> {
	const fields = ID_COLUMNS.filter((f) => mapping.fields[f] !== undefined);
	if (fields.length === 0) return ok([]);
	const columns = fields.map((f) => mapping.fields[f] as string);
	const probe = await firstRow(engine, buildFloatIdProbeSql(STAGING_TABLE, columns));
	if (!probe.ok) return probe;
	const found: CanonicalField[] = [];
	fields.forEach((field, i) => {
		const floats = Number(probe.value[`float_${i}`] ?? 0);
		if (floats === 0 || floats !== Number(probe.value[`n_${i}`] ?? 0)) return;
		found.push(field);
		warnings.push({
			code: 'ingest.float-ids',
			detail: `${columns[i]}: ${floats} ids written as N.0, read as N`
		});
	});
	return ok(found);
}

/**
 * Decides each date column's format (the analyst's, else from the shapes of all its values) and
 * its offset rule: when the explicit offsets of a column differ (daylight saving), each time
 * keeps its own wall-clock reading, since shifting by another row's offset would move it by an
 * hour; one offset throughout is converted to the store's zone. For exports whose times carry an
 * offset (Shopify, Amazon), the store is taken to be where most orders were.
 */
async function resolveDates(
	engine: SqlEngine,
	mapping: Mapping,
	preset: Preset | undefined,
	override: number | undefined,
	warnings: Failure[]
): Promise<Result<ResolvedDates>> {
	const readings: ResolvedDates['readings'] = {};
	let reported: ResolvedDates['reported'] | undefined;
	for (const field of DATE_FIELDS) {
		const column = mapping.fields[field];
		if (column === undefined) continue;
		let format = mapping.dateFormat;
		let guessed = false;
		if (format === undefined) {
			const shapes = await allRows(
				engine,
				buildDateShapeProbeSql(STAGING_TABLE, column, mapping.nullTokens)
			);
			if (!shapes.ok) return shapes;
			const decision = decideDateFormat(shapes.value.map(shapeCountOf), {
				order: mapping.dateOrder,
				ambiguousDefault: mapping.ambiguousDateDefault
			});
			format = decision.format;
			guessed = decision.ambiguous;
			if (!reported && decision.mixedOrder)
				warnings.push({
					code: 'ingest.mixed-date-order',
					detail: `day-first and month-first dates in ${column}; using ${format}`
				});
			else if (!reported && decision.ambiguous)
				warnings.push({
					code: 'ingest.date-order-guessed',
					detail: `no day above 12 in ${column}; using ${format}`
				});
		}
		const compiled = compileDateFormat(format);
		if (!compiled.ok) return compiled;
		let offsetsSeen: number[] = [];
		if (compiled.value.kind === 'text' && compiled.value.parts.includes('tz')) {
			const offsets = await allRows(
				engine,
				buildDateOffsetProbeSql(STAGING_TABLE, column, compiled.value, mapping.nullTokens)
			);
			if (!offsets.ok) return offsets;
			offsetsSeen = offsets.value.map((r) => Number(r.offset_minutes));
		}
		const keepWallClock = offsetsSeen.length > 1;
		readings[field] = { format, compiled: compiled.value, keepWallClock };
		reported ??= {
			format,
			order: dateOrderOf(format),
			guessed,
			offsetRule: keepWallClock ? 'wall-clock' : offsetsSeen.length === 1 ? 'single' : 'none',
			offsetsSeen
		};
	}
	const fromData = preset?.storeOffsetFromData ? reported?.offsetsSeen[0] : undefined;
	return ok({
		readings,
		storeOffsetMinutes: override ?? fromData ?? mapping.timezoneOffsetMinutes,
		reported: reported ?? {
			format: 'iso',
			order: 'ymd',
			guessed: false,
			offsetRule: 'none',
			offsetsSeen: []
		}
	});
}

const shapeCountOf = (r: Record<string, unknown>): DateShapeCount => ({
	shape: String(r.shape) as DateShapeCount['shape'],
	separators: r.separators === null ? null : String(r.separators),
	yearDigits: r.year_digits === null ? null : Number(r.year_digits),
	count: Number(r.count),
	firstOver12: Number(r.first_over_12),
	secondOver12: Number(r.second_over_12),
	withTime: Number(r.with_time),
	withSeconds: Number(r.with_seconds),
	withAmPm: Number(r.with_am_pm)
});

async function allRows(engine: SqlEngine, sql: string): Promise<Result<Record<string, unknown>[]>> {
	const result = await engine.query(sql);
	if (!result.ok) return result;
	return ok(result.value.toArray().map((r) => r.toJSON() as Record<string, unknown>));
}

async function mergeInTransaction(engine: SqlEngine): Promise<Result<void>> {
	const byRename = await firstRow(engine, MERGE_BY_RENAME_SQL);
	if (!byRename.ok) return byRename;
	const begin = await engine.query('BEGIN TRANSACTION');
	if (!begin.ok) return begin;
	const merged = await runAll(engine, buildMergeSql(byRename.value?.by_rename === true));
	if (!merged.ok) {
		await engine.query('ROLLBACK');
		return merged;
	}
	const commit = await engine.query('COMMIT');
	if (!commit.ok) {
		await engine.query('ROLLBACK');
		return commit;
	}
	return ok(undefined);
}
