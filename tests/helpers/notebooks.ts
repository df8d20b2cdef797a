/**
 * Notebooks for browser tests. An empty one opened from a share link lets a test load the sample
 * without every analysis of the starter notebook running beside what it measures.
 */
import { encodeShareFragment } from '../../src/notebook/share.ts';
import { createNotebook } from '../../src/notebook/schema.ts';

export function emptyNotebookFragment(title = 'Empty'): string {
	const nb = createNotebook({
		id: 'e2e-empty',
		title,
		now: new Date().toISOString(),
		globals: { asOf: '2025-01-01', revenue: 'net', currency: 'CNY' }
	});
	const r = encodeShareFragment(nb);
	if (!r.ok) throw new Error(r.error.detail);
	return r.value;
}
