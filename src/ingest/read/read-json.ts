import type { RejectedRow } from './types.ts';
import { cellText } from './cell-text.ts';
import { ReadError } from './read-error.ts';

export interface JsonRows {
	header: string[];
	rows: { line: number; cells: (string | null)[] }[];
	rejected: RejectedRow[];
}

/**
 * A JSON array of objects, or NDJSON (one object per line). Columns are the keys in order of
 * first appearance. Line numbers: NDJSON the line in the file; a JSON array the element's
 * number + 1, as if a header were line 1.
 */
export function parseJsonRows(text: string, kind: 'json' | 'ndjson'): JsonRows {
	const objects: { line: number; value: unknown }[] = [];
	const rejected: RejectedRow[] = [];
	if (kind === 'json') {
		let parsed: unknown;
		try {
			parsed = JSON.parse(text, keepDigits);
		} catch (e) {
			throw new ReadError('read.json-invalid', String((e as Error)?.message ?? e));
		}
		if (!Array.isArray(parsed))
			throw new ReadError('read.json-shape', 'the file is JSON but not an array of objects');
		parsed.forEach((value, i) => objects.push({ line: i + 2, value }));
	} else {
		const lines = text.split(/\r?\n/);
		lines.forEach((raw, i) => {
			if (raw.trim() === '') return;
			try {
				objects.push({ line: i + 1, value: JSON.parse(raw, keepDigits) });
			} catch (e) {
				rejected.push({
					line: i + 1,
					reason: `invalid JSON: ${(e as Error).message}`,
					raw: clip(raw)
				});
			}
		});
	}
	const columns = new Map<string, number>();
	const rows: JsonRows['rows'] = [];
	for (const { line, value } of objects) {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) {
			rejected.push({ line, reason: 'not a JSON object', raw: clip(JSON.stringify(value) ?? '') });
			continue;
		}
		const cells: (string | null)[] = [];
		for (const [key, v] of Object.entries(value)) {
			let c = columns.get(key);
			if (c === undefined) columns.set(key, (c = columns.size));
			cells[c] = cellText(v);
		}
		rows.push({ line, cells });
	}
	rejected.sort((a, b) => a.line - b.line);
	return { header: [...columns.keys()], rows, rejected };
}

const clip = (s: string) => (s.length > 1000 ? `${s.slice(0, 1000)}…` : s);

/**
 * Integers past 2^53 (order ids!) lose digits as JS numbers. Where JSON.parse passes the source
 * text to the reviver (Chromium 114+, Node 21+) we keep the digits as written.
 */
function keepDigits(this: unknown, _key: string, value: unknown, context?: { source?: string }) {
	return typeof value === 'number' &&
		!Number.isSafeInteger(value) &&
		context?.source &&
		/^-?\d+$/.test(context.source)
		? context.source
		: value;
}
