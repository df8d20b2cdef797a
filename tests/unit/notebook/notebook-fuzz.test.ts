/**
 * A seeded fuzz of share links and notebook files: every mutation of a valid notebook is either
 * refused with a message the page can show or read as a notebook that passes the schema again,
 * without throwing and without reaching Object.prototype. The browser half (no script runs, no
 * request leaves, saved notebooks stay) is in tests/e2e/notebook-fuzz.test.ts.
 */
import { expect, test } from 'vitest';
import { notebookFuzzCases } from '../../helpers/notebook-fuzz.ts';
import { decodeShareFragment, encodeShareFragment } from '../../../src/notebook/share.ts';
import { parseNotebook, parseNotebookText } from '../../../src/notebook/schema.ts';
import { messages as notebookMessages } from '../../../src/ui/i18n/notebook.ts';

const SEED = 20261203;
const CASES = 400;

test(`${CASES} mutated links and files: refused with a message or read as a valid notebook`, () => {
	const outcomes: Record<string, number> = {};
	for (const c of notebookFuzzCases(SEED, CASES)) {
		const r = c.kind === 'link' ? decodeShareFragment(c.text) : parseNotebookText(c.text);
		const key = r.ok ? `${c.kind}: read` : `${c.kind}: ${r.error.code}`;
		outcomes[key] = (outcomes[key] ?? 0) + 1;
		if (r.ok) {
			// What was read is a notebook the schema accepts again, and it survives another trip.
			expect(parseNotebook(JSON.parse(JSON.stringify(r.value))).ok).toBe(true);
			const again = encodeShareFragment(r.value);
			if (again.ok) expect(decodeShareFragment(again.value).ok).toBe(true);
		} else {
			expect(notebookMessages[r.error.code], r.error.code).toBeDefined();
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	}
	console.log(`notebook fuzz: ${CASES} cases (seed ${SEED}):`, JSON.stringify(outcomes));
	// Both halves are exercised: some mutations are refused, some still read.
	expect(Object.keys(outcomes).some((k) => k.endsWith('read'))).toBe(true);
	expect(Object.keys(outcomes).some((k) => !k.endsWith('read'))).toBe(true);
});
