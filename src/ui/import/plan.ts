/**
 * What the import dialog decides per file before importing: reader overrides, the layout (preset)
 * and the column mapping. Pure functions over plain values, so the dialog stays a thin view and
 * the decisions are testable without a browser.
 */
import type { Failure, Result } from '../../lib/result.ts';
import type { ImportOptions, ImportSource } from '../../ingest/import.ts';
import {
	headerSignature,
	suggestMapping,
	validateMapping,
	type CanonicalField,
	type DateOrder,
	type Mapping,
	type MappingStore
} from '../../ingest/mapping.ts';
import {
	bindPresetMapping,
	detectPreset,
	findPreset,
	type PresetId
} from '../../ingest/presets/index.ts';
import type { ReadOptions, SourcePreview } from '../../ingest/read/index.ts';
import type { OrderStatus } from '../../ingest/canonical.ts';

export interface FilePlan {
	file: ImportSource;
	/** Reader overrides chosen in the preview (encoding, delimiter, sheet). */
	read: ReadOptions;
	preview: SourcePreview | null;
	/** Why the file cannot be previewed (empty, binary, …); it is then left out of the import. */
	failure: Failure | null;
	detectedPresetId: PresetId | null;
	presetId: PresetId | null;
	mapping: Mapping;
	/** Suggestion confidence per field, for unknown layouts. */
	confidence: Partial<Record<CanonicalField, number>>;
	remembered: boolean;
	signature: string;
}

export interface PlanDeps {
	previewSource(file: ImportSource, options: ReadOptions): Promise<Result<SourcePreview>>;
	mappingStore?: MappingStore;
}

const EMPTY_MAPPING = suggestMapping([], []).mapping;

/** Previews a file and proposes a mapping: its preset's, a remembered one, or a suggestion. */
export async function planFile(
	file: ImportSource,
	read: ReadOptions,
	deps: PlanDeps
): Promise<FilePlan> {
	const preview = await deps.previewSource(file, read);
	if (!preview.ok)
		return {
			file,
			read,
			preview: null,
			failure: preview.error,
			detectedPresetId: null,
			presetId: null,
			mapping: EMPTY_MAPPING,
			confidence: {},
			remembered: false,
			signature: ''
		};
	const { header, rows } = preview.value;
	const signature = headerSignature(header);
	const preset = detectPreset(header);
	const base = { file, read, preview: preview.value, failure: null, signature };
	if (preset)
		return {
			...base,
			detectedPresetId: preset.id,
			presetId: preset.id,
			mapping: bindPresetMapping(preset, header),
			confidence: {},
			remembered: false
		};
	const stored = await deps.mappingStore?.get(signature);
	if (stored)
		return {
			...base,
			detectedPresetId: null,
			presetId: null,
			mapping: stored,
			confidence: {},
			remembered: true
		};
	const suggestion = suggestMapping(header, rows);
	return {
		...base,
		detectedPresetId: null,
		presetId: null,
		mapping: suggestion.mapping,
		confidence: suggestion.confidence,
		remembered: false
	};
}

/** Switches the layout; null goes back to a suggestion from names and values. */
export function choosePreset(plan: FilePlan, id: PresetId | null): FilePlan {
	const header = plan.preview?.header ?? [];
	if (id === null) {
		const suggestion = suggestMapping(header, plan.preview?.rows ?? []);
		return {
			...plan,
			presetId: null,
			mapping: suggestion.mapping,
			confidence: suggestion.confidence
		};
	}
	return {
		...plan,
		presetId: id,
		mapping: bindPresetMapping(findPreset(id), header),
		confidence: {}
	};
}

/** Maps a canonical field to a column (undefined = not in this file). */
export function mapField(
	plan: FilePlan,
	field: CanonicalField,
	column: string | undefined
): FilePlan {
	const fields = { ...plan.mapping.fields };
	if (column === undefined) delete fields[field];
	else fields[field] = column;
	return { ...plan, mapping: { ...plan.mapping, fields } };
}

/**
 * The distinct status words in the preview rows' status column, each with the status it maps to
 * (undefined = not recognised, imported as paid).
 */
export function previewStatusWords(
	plan: FilePlan
): { word: string; status: OrderStatus | undefined }[] {
	const column = plan.mapping.fields.status;
	const header = plan.preview?.header ?? [];
	const index = column === undefined ? -1 : header.indexOf(column);
	if (index < 0 || !plan.preview) return [];
	const byKey = new Map(
		Object.entries(plan.mapping.statusMap).map(([w, s]) => [w.trim().toLowerCase(), s])
	);
	const words = [...new Set(plan.preview.rows.map((r) => (r[index] ?? '').trim()))].filter(
		(w) => w !== '' && !plan.mapping.nullTokens.includes(w)
	);
	return words.map((word) => ({ word, status: byKey.get(word.toLowerCase()) }));
}

/** Maps one status word (as written in the file) to a canonical status. */
export function mapStatusWord(plan: FilePlan, word: string, status: OrderStatus): FilePlan {
	const key = word.trim().toLowerCase();
	const statusMap = Object.fromEntries(
		Object.entries(plan.mapping.statusMap).filter(([w]) => w.trim().toLowerCase() !== key)
	);
	statusMap[word.trim()] = status;
	return updateMapping(plan, { statusMap });
}

export function updateMapping(plan: FilePlan, change: Partial<Omit<Mapping, 'fields'>>): FilePlan {
	return { ...plan, mapping: { ...plan.mapping, ...change } };
}

/** Whether the plan can be imported as it stands, with the reason when not. */
export function checkPlan(plan: FilePlan): Result<Mapping> {
	if (plan.failure) return { ok: false, error: plan.failure };
	return validateMapping(plan.mapping, plan.preview?.header ?? []);
}

export interface DialogSettings {
	/** Set when the analyst chose a store time zone; otherwise each preset's default applies. */
	timezoneOffsetMinutes?: number;
	dateOrder?: DateOrder;
}

/**
 * The part of `importFiles`' options the dialog decides: each planned file is imported with its
 * own reader overrides and mapping. Files whose plan failed are left out by the caller.
 */
export function buildImportOptions(
	plans: readonly FilePlan[],
	settings: DialogSettings
): Pick<ImportOptions, 'mappingFor' | 'readFor' | 'presetFor' | 'options'> {
	const planOf = (file: ImportSource) => plans.find((p) => p.file === file);
	return {
		readFor: (file) => planOf(file)?.read ?? {},
		presetFor: (file) => planOf(file)?.presetId ?? null,
		mappingFor: async (request) => {
			const plan = planOf(request.file);
			if (!plan) return null;
			const mapping = settings.dateOrder
				? { ...plan.mapping, dateOrder: settings.dateOrder }
				: plan.mapping;
			return settings.timezoneOffsetMinutes === undefined
				? mapping
				: { ...mapping, timezoneOffsetMinutes: settings.timezoneOffsetMinutes };
		},
		options: { timezoneOffsetMinutes: settings.timezoneOffsetMinutes }
	};
}
