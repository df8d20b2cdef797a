/**
 * The import plan of one file: whether it holds orders or a campaign contact list, how it is read
 * (encoding, delimiter, header row, sheet), its layout (preset) and the column mapping of either
 * kind, date order and format, store time zone and currency included. Decided once from the
 * file's head, edited by the import dialog, carried unchanged into staging (`toOrderPlan`,
 * `toContactListPlan`) and kept by the data loader for reloads. Pure functions over plain values.
 */
import type { Failure, Result } from '../lib/result.ts';
import type { ImportSource, OrderPlan } from './import.ts';
import {
	headerSignature,
	suggestMapping,
	validateMapping,
	type Mapping,
	type MappingStore
} from './mapping.ts';
import type { CanonicalField, OrderStatus } from './canonical.ts';
import { bindPresetMapping, detectPreset, findPreset, type PresetId } from './presets/index.ts';
import type { ReadOptions, SourcePreview } from './read/index.ts';
import {
	checkContactMapping,
	looksLikeContactList,
	rebindContactColumns,
	type ContactFill,
	type ContactListPlan,
	type ContactMappingStore
} from './contacts.ts';
import { readGroupWord, suggestContactColumns, type ContactColumns } from './contact-columns.ts';
import { parseAmountText } from './amounts.ts';
import { detectDateFormat, type DateDetection } from './dates/detect.ts';
import { compileDateFormat } from './dates/format.ts';
import { parseDateText } from './dates/parse.ts';

/** What a file holds: orders, or a campaign contact list (who was contacted, who was control). */
export type FileRole = 'orders' | 'contacts';

/** The contact-list side of a plan, kept beside the orders side so switching loses nothing. */
interface ContactPlan {
	columns: Partial<ContactColumns>;
	/** Values for fields the file has no column for. */
	fill: ContactFill;
	/** The columns come from the mapping saved for this header. */
	remembered: boolean;
}

export interface FilePlan {
	file: ImportSource;
	role: FileRole;
	detectedRole: FileRole;
	contact: ContactPlan;
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
	/** The analyst chose the store's time zone (else the preset's default, or the data's offsets). */
	fixedTimezone: boolean;
}

export interface PlanDeps {
	previewSource(file: ImportSource, options: ReadOptions): Promise<Result<SourcePreview>>;
	mappingStore?: MappingStore;
	contactStore?: ContactMappingStore;
}

const EMPTY_MAPPING = suggestMapping([], []).mapping;

/** A file name without its extensions: the campaign of a list that has no campaign column. */
const baseName = (name: string) => name.replace(/(\.[a-z0-9]{1,5})+$/i, '') || name;

/**
 * Previews a file and proposes both readings. Orders: its preset's mapping, a remembered one, or a
 * suggestion. Contact list: the remembered columns or a suggestion from names and values. The
 * role starts as detected: a remembered contact mapping, else a preset or remembered order
 * mapping, else whether the header and values look like a contact list.
 */
export async function planFile(
	file: ImportSource,
	read: ReadOptions,
	deps: PlanDeps
): Promise<FilePlan> {
	const preview = await deps.previewSource(file, read);
	const fill = { campaignId: baseName(file.name) };
	if (!preview.ok)
		return {
			file,
			role: 'orders',
			detectedRole: 'orders',
			contact: { columns: {}, fill, remembered: false },
			read,
			preview: null,
			failure: preview.error,
			detectedPresetId: null,
			presetId: null,
			mapping: EMPTY_MAPPING,
			confidence: {},
			remembered: false,
			signature: '',
			fixedTimezone: false
		};
	const { header, rows } = preview.value;
	const signature = headerSignature(header);
	const storedContact = await deps.contactStore?.get(signature);
	const contact: ContactPlan = {
		columns: storedContact
			? rebindContactColumns(storedContact, header)
			: suggestContactColumns(header, rows),
		fill,
		remembered: storedContact !== undefined
	};
	const orders = await planOrders(header, rows, signature, deps);
	const knownOrders = orders.presetId !== null || orders.remembered;
	const detectedRole: FileRole =
		storedContact || (!knownOrders && looksLikeContactList(header, rows)) ? 'contacts' : 'orders';
	return {
		file,
		read,
		preview: preview.value,
		failure: null,
		signature,
		role: detectedRole,
		detectedRole,
		contact,
		fixedTimezone: false,
		...orders
	};
}

async function planOrders(
	header: string[],
	rows: string[][],
	signature: string,
	deps: PlanDeps
): Promise<
	Pick<FilePlan, 'detectedPresetId' | 'presetId' | 'mapping' | 'confidence' | 'remembered'>
> {
	const preset = detectPreset(header);
	if (preset)
		return {
			detectedPresetId: preset.id,
			presetId: preset.id,
			mapping: bindPresetMapping(preset, header),
			confidence: {},
			remembered: false
		};
	const stored = await deps.mappingStore?.get(signature);
	if (stored)
		return {
			detectedPresetId: null,
			presetId: null,
			mapping: stored,
			confidence: {},
			remembered: true
		};
	const suggestion = suggestMapping(header, rows);
	return {
		detectedPresetId: null,
		presetId: null,
		mapping: suggestion.mapping,
		confidence: suggestion.confidence,
		remembered: false
	};
}

/** Says what the file holds; the analyst can always override the detection. */
export function chooseRole(plan: FilePlan, role: FileRole): FilePlan {
	return { ...plan, role };
}

/** Maps a contact field to a column (undefined = not in this file). */
export function mapContactField(
	plan: FilePlan,
	field: keyof ContactColumns,
	column: string | undefined
): FilePlan {
	const columns = { ...plan.contact.columns };
	if (column === undefined) delete columns[field];
	else columns[field] = column;
	return { ...plan, contact: { ...plan.contact, columns } };
}

export function fillContact(plan: FilePlan, change: Partial<ContactFill>): FilePlan {
	return { ...plan, contact: { ...plan.contact, fill: { ...plan.contact.fill, ...change } } };
}

/**
 * The distinct group cells in the preview, each with how the import reads it: contacted, control,
 * or undefined (not recognised: the row is skipped and reported). Empty cells are the default
 * group (contacted). No group column: empty list, every row is contacted.
 */
export function previewGroupWords(
	plan: FilePlan
): { word: string; group: 'contacted' | 'control' | undefined }[] {
	const column = plan.contact.columns.group;
	const index = column === undefined ? -1 : (plan.preview?.header.indexOf(column) ?? -1);
	if (index < 0 || !plan.preview) return [];
	const words = [...new Set(plan.preview.rows.map((r) => (r[index] ?? '').trim()))];
	return words.map((word) => ({ word, group: readGroupWord(word) }));
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

/** What the import reads from one preview cell, shown beside its text; `ok` false: it cannot. */
export interface CellReading {
	text: string;
	ok: boolean;
}

/** Reads one cell; `column` holds the preview's values of its column (for date detection). */
type CellReader = (text: string, mapping: Mapping, column: readonly string[]) => CellReading;

const readAmount: CellReader = (text, mapping) => {
	const { value, currency } = parseAmountText(text, mapping.decimal);
	if (value === null) return { text, ok: false };
	return { text: currency ? `${value} ${currency}` : String(value), ok: true };
};

const readDate: CellReader = (text, mapping, column) => {
	const parsed = parseDateText(text, mapping.dateFormat ?? detectDates(mapping, column).format);
	if (!parsed) return { text, ok: false };
	const { local, offsetMinutes } = parsed;
	const offset = offsetMinutes === null ? '' : ` ${formatOffset(offsetMinutes)}`;
	return { text: local.replace(/ 00:00:00$/, '') + offset, ok: true };
};

/** `UTC+8`, `UTC−5:30`: how the dialog writes an offset. */
export const formatOffset = (minutes: number) =>
	`UTC${minutes < 0 ? '−' : '+'}${Math.floor(Math.abs(minutes) / 60)}${Math.abs(minutes) % 60 ? ':' + String(Math.abs(minutes) % 60).padStart(2, '0') : ''}`;

const detectDates = (mapping: Mapping, column: readonly string[]): DateDetection =>
	detectDateFormat(column, {
		order: mapping.dateOrder,
		ambiguousDefault: mapping.ambiguousDateDefault
	});

/** The fields whose cells the preview shows as read; a field joins with one line here. */
const READERS: Partial<Record<CanonicalField, CellReader>> = {
	order_time: readDate,
	pay_time: readDate,
	order_amount: readAmount,
	refund_amount: readAmount,
	line_amount: readAmount,
	unit_price: readAmount
};

const columnValues = (plan: FilePlan, column: string | undefined): string[] => {
	const index = column === undefined ? -1 : (plan.preview?.header.indexOf(column) ?? -1);
	return index < 0 ? [] : (plan.preview?.rows ?? []).map((r) => (r[index] ?? '').trim());
};

/**
 * The date format the preview's order times suggest (payment times when there are none), for the
 * dialog to name beside its format picker; null without a date column.
 */
export function previewDateFormat(plan: FilePlan): DateDetection | null {
	const column = plan.mapping.fields.order_time ?? plan.mapping.fields.pay_time;
	const values = columnValues(plan, column).filter((v) => v !== '');
	return values.length ? detectDates(plan.mapping, values) : null;
}

/**
 * Per preview row and column, what the import will read from the cell of a mapped date or amount
 * column (null for other columns and empty cells), so a wrong date format or decimal mark shows
 * before importing.
 */
export function previewReadings(plan: FilePlan): (CellReading | null)[][] {
	const header = plan.preview?.header ?? [];
	const readers = header.map((column) => {
		const field = (Object.keys(READERS) as CanonicalField[]).find(
			(f) => plan.mapping.fields[f] === column
		);
		const read = field && READERS[field];
		return read && { read, values: columnValues(plan, column) };
	});
	return (plan.preview?.rows ?? []).map((row) =>
		header.map((_, i) => {
			const text = (row[i] ?? '').trim();
			const reader = readers[i];
			return reader && text !== '' && !plan.mapping.nullTokens.includes(text)
				? reader.read(text, plan.mapping, reader.values)
				: null;
		})
	);
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
export function checkPlan(plan: FilePlan): Result<Mapping | ContactColumns> {
	if (plan.failure) return { ok: false, error: plan.failure };
	const header = plan.preview?.header ?? [];
	if (plan.role === 'contacts')
		return checkContactMapping(plan.contact.columns, header, plan.contact.fill);
	const format = plan.mapping.dateFormat;
	const compiled = format === undefined ? null : compileDateFormat(format);
	if (compiled && !compiled.ok) return compiled;
	return validateMapping(plan.mapping, header);
}

/** The store's time zone, minutes east of UTC, as the analyst chose it. */
export function chooseTimezone(plan: FilePlan, minutes: number): FilePlan {
	return {
		...plan,
		fixedTimezone: true,
		mapping: { ...plan.mapping, timezoneOffsetMinutes: minutes }
	};
}

/** What the importer reads an order file by: the plan as the dialog left it. */
export function toOrderPlan(plan: FilePlan): OrderPlan {
	return {
		file: plan.file,
		read: plan.read,
		presetId: plan.presetId,
		mapping: plan.mapping,
		fixedTimezone: plan.fixedTimezone
	};
}

/** What the importer reads a contact list by, with the header to remember its columns under. */
export function toContactListPlan(plan: FilePlan): ContactListPlan {
	return {
		file: plan.file,
		read: plan.read,
		columns: plan.contact.columns,
		fill: plan.contact.fill,
		signature: plan.signature
	};
}
