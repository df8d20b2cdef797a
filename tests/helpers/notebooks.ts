/**
 * Notebooks for browser tests. An empty one opened from a share link lets a test load the sample
 * without every analysis of the starter notebook running beside what it measures.
 */
import type { Page } from 'playwright-core';
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

/** The notebooks saved in this profile's IndexedDB, as id → title + cell count. */
export function savedNotebooks(page: Page) {
	return page.evaluate(
		() =>
			new Promise<Record<string, string>>((resolve, reject) => {
				const open = indexedDB.open('huitou');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const out: Record<string, string> = {};
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names, 'readonly');
					for (const name of names) {
						const req = tx.objectStore(name).getAll();
						req.onsuccess = () => {
							for (const v of req.result as { id?: string; title?: string; cells?: unknown[] }[])
								if (v?.id) out[`${name}/${v.id}`] = `${v.title} (${v.cells?.length ?? '-'} cells)`;
						};
					}
					tx.oncomplete = () => resolve(out);
					tx.onerror = () => reject(tx.error);
				};
			})
	);
}
