/** Every code the import can return or report has an English and a Chinese message. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { messages } from '../../../src/ui/i18n/ingest.ts';
import { CANONICAL_FIELDS } from '../../../src/ingest/canonical.ts';

const sources = [
	'src/ingest/mapping.ts',
	'src/ingest/canonicalize.ts',
	'src/ingest/quality.ts',
	'src/ingest/import.ts',
	'src/ingest/dates/format.ts',
	...readdirSync('src/ingest/presets').map((f) => path.join('src/ingest/presets', f))
].map((f) => readFileSync(f, 'utf8'));

it('has en and zh text for every ingest code in the source', () => {
	const codes = new Set(
		sources.flatMap((s) => [...s.matchAll(/'(ingest\.[a-z-]+)'/g)].map((m) => m[1]))
	);
	expect(codes.size).toBeGreaterThan(10);
	for (const code of codes) {
		expect(messages[code], code).toBeDefined();
		expect(messages[code].en.length * messages[code].zh.length, code).toBeGreaterThan(0);
	}
});

it('explains every reject reason and labels every field', () => {
	const canonicalize = sources[1];
	const union = canonicalize.slice(
		canonicalize.indexOf('export type RejectReason'),
		canonicalize.indexOf(';', canonicalize.indexOf('export type RejectReason'))
	);
	const reasons = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
	expect(reasons).toContain('bad-date');
	for (const r of reasons) expect(messages[`ingest.reject.${r}`], r).toBeDefined();
	for (const f of CANONICAL_FIELDS) expect(messages[`ingest.field.${f}`], f).toBeDefined();
});
