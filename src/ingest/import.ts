/**
 * Imports order files into the canonical tables, one file at a time: read into a staging table,
 * pick the preset or ask for a mapping, build the file's orders in temp tables, report its
 * quality, then merge it in one transaction. Files already loaded are never re-read, and a file
 * that fails leaves the canonical tables exactly as they were.
 */
import type { SqlEngine } from '../engine/types.ts';
import { CUSTOMERS_DDL, ORDER_LINES_DDL, ORDERS_DDL } from './canonical.ts';
import {
	buildOrderSql,
	buildParseRowsSql,
	ONE_ROW_PER_ORDER_PROBE_SQL,
	buildCleanupSql,
	buildDateOrderProbeSql,
	buildDuplicateCountSql,
	buildMergeSql,
	buildStoreOffsetProbeSql
} from './canonicalize.ts';
import {
	headerSignature,
	suggestMapping,
	validateMapping,
	type CanonicalField,
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
	collectTotals,
	type FileQuality,
	type ImportFailure,
	type ImportReport
} from './quality.ts';
import { previewSource, stageSource, type ReadOptions, type SourcePreview } from './read/index.ts';
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
}

const STAGING_TABLE = '__ingest_stage';

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
	return { code: 'ingest.too-big', detail: `${file.name} (${mb} MB): ${error.detail}` };
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

type Progress = (phase: ImportProgress['phase'], rows?: number, bytes?: number) => void;

function reportProgress(
	file: ImportSource,
	fileIndex: number,
	fileCount: number,
	run: ImportRun
): Progress {
	const started = Date.now();
	return (phase, rows = 0, bytes = 0) => {
		const seconds = Math.max((Date.now() - started) / 1000, 0.001);
		run.onProgress?.({
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
	const dates = await resolveDateOrder(engine, mapping, warnings);
	if (!dates.ok) return dates;
	mapping = dates.value.mapping;
	const tz = plan.fixedTimezone ? mapping.timezoneOffsetMinutes : undefined;
	const offset = await resolveStoreOffset(engine, mapping, preset, tz);
	if (!offset.ok) return offset;
	mapping = offset.value;

	const parsed = await runAll(engine, [buildParseRowsSql(mapping, STAGING_TABLE)]);
	if (!parsed.ok) return parsed;
	const shape = await firstRow(engine, ONE_ROW_PER_ORDER_PROBE_SQL);
	if (!shape.ok) return shape;
	const oneRowPerOrder = shape.value?.one_row === true;
	const built = await runAll(engine, buildOrderSql(mapping, file.name, oneRowPerOrder));
	if (!built.ok) return built;
	if (run.signal?.aborted) return { ok: false, error: cancelled() };

	progress('report', rowCount, file.size);
	const duplicates = await firstRow(engine, buildDuplicateCountSql());
	if (!duplicates.ok) return duplicates;
	const amountColumns = (['order_amount', 'line_amount', 'unit_price'] as const)
		.map((f) => mapping.fields[f])
		.filter((c): c is string => c !== undefined);
	const quality = await collectFileQuality(engine, {
		file: file.name,
		preset: preset?.id ?? null,
		stagingTable: STAGING_TABLE,
		amountColumns,
		currencyColumn: mapping.fields.currency,
		defaultCurrency: mapping.currency,
		duplicatesRemoved: Number(duplicates.value.duplicates ?? 0),
		readerRejected: staged.value.rejected.map((r) => ({
			line: r.line,
			reason: r.reason,
			column: null,
			value: r.raw ?? null
		})),
		dateOrder: dates.value.order,
		dateOrderGuessed: dates.value.guessed,
		storeOffsetMinutes: mapping.timezoneOffsetMinutes,
		warnings,
		now: run.now
	});
	if (!quality.ok) return quality;
	const { rejected } = quality.value;
	if (quality.value.orders === 0 && rowCount > 0)
		return {
			ok: false,
			error: {
				code: 'ingest.nothing-loaded',
				detail: `all ${rowCount} rows were rejected (first: line ${rejected[0]?.line}, ${rejected[0]?.reason})`,
				rejected
			}
		};
	if (run.signal?.aborted) return { ok: false, error: cancelled() };

	progress('merging', rowCount, file.size);
	const merged = await mergeInTransaction(engine);
	if (!merged.ok) return merged;
	progress('done', rowCount, file.size);
	return quality;
}

/** A plan for a file the dialog did not see: its preset, a remembered mapping, or `mappingFor`. */
async function planFromHead(file: ImportSource, opts: ImportOptions): Promise<Result<OrderPlan>> {
	const read = opts.readFor?.(file) ?? {};
	const preview = await previewSource(file, read);
	if (!preview.ok) return preview;
	const { header, rows } = preview.value;
	const preset = detectPreset(header);
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
	const plan = { file, read, presetId: preset?.id ?? null, fixedTimezone: false };
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

/**
 * Decides day/month order for year-last dates from the data: a first part above 12 can only be a
 * day, a second part above 12 only a day too. Both present means the column mixes orders.
 */
async function resolveDateOrder(
	engine: SqlEngine,
	mapping: Mapping,
	warnings: Failure[]
): Promise<Result<{ mapping: Mapping; order: 'ymd' | 'dmy' | 'mdy'; guessed: boolean }>> {
	if (mapping.dateOrder !== 'auto')
		return ok({ mapping, order: mapping.dateOrder, guessed: false });
	const column = mapping.fields.order_time ?? mapping.fields.pay_time;
	if (column === undefined)
		return ok({ mapping, order: mapping.ambiguousDateDefault, guessed: true });
	const probe = await firstRow(engine, buildDateOrderProbeSql(STAGING_TABLE, column));
	if (!probe.ok) return probe;
	const dayFirst = Number(probe.value.first_over_12 ?? 0);
	const monthFirst = Number(probe.value.second_over_12 ?? 0);
	const yearLast = Number(probe.value.year_last ?? 0);
	let order: 'dmy' | 'mdy' = mapping.ambiguousDateDefault;
	let guessed = false;
	if (dayFirst > 0 && monthFirst > 0)
		warnings.push({
			code: 'ingest.mixed-date-order',
			detail: `${dayFirst} dates are day-first and ${monthFirst} month-first; using ${order}`
		});
	else if (dayFirst > 0) order = 'dmy';
	else if (monthFirst > 0) order = 'mdy';
	else guessed = yearLast > 0;
	if (guessed)
		warnings.push({ code: 'ingest.date-order-guessed', detail: `no day above 12; using ${order}` });
	return ok({ mapping: { ...mapping, dateOrder: order }, order, guessed });
}

/** For exports whose times carry an offset, the store is taken to be where most orders were. */
async function resolveStoreOffset(
	engine: SqlEngine,
	mapping: Mapping,
	preset: Preset | undefined,
	override: number | undefined
): Promise<Result<Mapping>> {
	if (override !== undefined) return ok({ ...mapping, timezoneOffsetMinutes: override });
	const column = mapping.fields.order_time;
	if (!preset?.storeOffsetFromData || column === undefined) return ok(mapping);
	const probe = await firstRow(engine, buildStoreOffsetProbeSql(STAGING_TABLE, column));
	if (!probe.ok) return probe;
	const minutes = probe.value.offset_minutes;
	if (minutes === null || minutes === undefined) return ok(mapping);
	return ok({ ...mapping, timezoneOffsetMinutes: Number(minutes) });
}

async function mergeInTransaction(engine: SqlEngine): Promise<Result<void>> {
	const begin = await engine.query('BEGIN TRANSACTION');
	if (!begin.ok) return begin;
	const merged = await runAll(engine, buildMergeSql());
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
