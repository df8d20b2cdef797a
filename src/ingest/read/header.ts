import type { Failure } from '../../lib/result.ts';
import { MAX_COLUMNS } from './limits.ts';
import { ReadError } from './read-error.ts';

/** The staging table's own column; a source column of that name is renamed like a duplicate. */
export const LINE_COLUMN = '__line';

/**
 * Column names that DuckDB can hold and later steps can address: exact names, except that a
 * repeated name gets " (2)", " (3)"… and an empty one becomes "column N" — each with a warning.
 */
export function dedupeHeader(raw: readonly (string | null | undefined)[]): {
	header: string[];
	warnings: Failure[];
} {
	if (raw.length > MAX_COLUMNS)
		throw new ReadError(
			'read.too-many-columns',
			`${raw.length} columns in the header; at most ${MAX_COLUMNS} are supported`
		);
	const warnings: Failure[] = [];
	const seen = new Set<string>([LINE_COLUMN.toLowerCase()]);
	const header = raw.map((value, i) => {
		let name = value ?? '';
		if (name.trim() === '') {
			name = `column ${i + 1}`;
			warnings.push({ code: 'read.empty-header', detail: `column ${i + 1} has no name` });
		}
		// DuckDB column names are case-insensitive, so "ID" and "id" collide too.
		if (seen.has(name.toLowerCase())) {
			let k = 2;
			while (seen.has(`${name} (${k})`.toLowerCase())) k++;
			warnings.push({
				code: 'read.duplicate-header',
				detail: `"${name}" appears more than once; column ${i + 1} is renamed "${name} (${k})"`
			});
			name = `${name} (${k})`;
		}
		seen.add(name.toLowerCase());
		return name;
	});
	return { header, warnings };
}
