/**
 * The platform presets and their detection from a file's header. Adding a platform is one file
 * here and one line in PRESETS.
 */
import { findCurrencyColumn, normalizeColumnName, type Mapping } from '../mapping.ts';
import type { CanonicalField } from '../canonical.ts';
import type { Preset, PresetId } from './types.ts';
import { amazon } from './amazon.ts';
import { douyin } from './douyin.ts';
import { generic } from './generic.ts';
import { jd } from './jd.ts';
import { pinduoduo } from './pinduoduo.ts';
import { shopify } from './shopify.ts';
import { taobao } from './taobao.ts';
import { tiktok } from './tiktok.ts';
import { uci } from './uci.ts';
import { woocommerce } from './woocommerce.ts';

export type { Preset, PresetId } from './types.ts';

export const PRESETS: readonly Preset[] = [
	generic,
	taobao,
	jd,
	pinduoduo,
	douyin,
	tiktok,
	shopify,
	woocommerce,
	amazon,
	uci
];

export function findPreset(id: PresetId): Preset {
	const preset = PRESETS.find((p) => p.id === id);
	if (!preset) throw new Error(`unknown preset ${id}`);
	return preset;
}

export interface PresetMatch {
	preset: Preset;
	/** Share of the preset's identifying columns present in the header (1 = all). */
	score: number;
}

/**
 * Every preset with at least half of its identifying columns in the header, best first: a full
 * match ranks above a partial one, and among full matches the one that names more columns wins.
 * Only a full match is applied without asking; partial ones are offered in the column mapper.
 */
export function rankPresets(header: readonly string[]): PresetMatch[] {
	const names = new Set(header.map(normalizeColumnName));
	return PRESETS.map((preset) => ({
		preset,
		score:
			preset.required.filter((c) => namesOf(preset, c).some((n) => names.has(n))).length /
			preset.required.length
	}))
		.filter((m) => m.score >= 0.5)
		.sort((a, b) => b.score - a.score || b.preset.required.length - a.preset.required.length);
}

/** A preset column's normalised name and those of its aliases. */
function namesOf(preset: Preset, column: string): string[] {
	return [column, ...(preset.aliases?.[column] ?? [])].map(normalizeColumnName);
}

/** The preset whose identifying columns are all in the header, if any. */
export function detectPreset(header: readonly string[]): Preset | undefined {
	const best = rankPresets(header)[0];
	return best && best.score === 1 ? best.preset : undefined;
}

/**
 * The preset's mapping bound to this file's header: each column is looked up ignoring case,
 * spaces and punctuation (a BOM or `Order  ID` still match) and columns the file lacks are left
 * unmapped, so an export with fewer optional columns still imports.
 */
export function bindPresetMapping(preset: Preset, header: readonly string[]): Mapping {
	const byName = new Map<string, string>();
	for (const column of header) {
		const key = normalizeColumnName(column);
		if (!byName.has(key)) byName.set(key, column);
	}
	const fields: Partial<Record<CanonicalField, string>> = {};
	for (const [field, column] of Object.entries(preset.mapping.fields) as [
		CanonicalField,
		string
	][]) {
		const actual = namesOf(preset, column)
			.map((n) => byName.get(n))
			.find((c) => c !== undefined);
		if (actual !== undefined) fields[field] = actual;
	}
	// Exports of one platform spell it differently (WooCommerce: `Order Currency`, `currency`).
	const currency = fields.currency ?? findCurrencyColumn(header);
	if (currency !== undefined) fields.currency = currency;
	return { ...preset.mapping, fields };
}
