/**
 * The browser half of the share-link and notebook-file fuzz (issue 21): seeded mutations of a
 * valid notebook, opened as links and imported as .json files in one page. None may run script
 * (`window.__pwned` stays unset, no dialog opens), send a request off the page's origin, or
 * change the notebooks already saved.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openWatched } from '../helpers/browser.ts';
import { notebookFuzzCases } from '../helpers/notebook-fuzz.ts';
import { savedNotebooks } from '../helpers/notebooks.ts';
import { startE2E, type E2E } from './setup.ts';

const SEED = 20261203;
const CASES = 24;

let e2e: E2E;
beforeAll(async () => {
	e2e = await startE2E();
});
afterAll(async () => {
	await e2e?.close();
});

test(`${CASES} mutated share links and notebook files: no script, no request, saved notebooks kept`, async () => {
	const w = await openWatched(e2e.browser, e2e.server.url);
	const dialogs: string[] = [];
	w.page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	// Notebook files are imported from the side panel, which shows once data is loaded; links are
	// opened after them, each in a fresh page load.
	await w.page.getByTestId('sample').click();
	await w.page.getByTestId('notebooks').waitFor({ timeout: 180_000 });
	// The first visit saves its notebook: that one must come through every case unchanged.
	await expect
		.poll(async () => Object.keys(await savedNotebooks(w.page)).length)
		.toBeGreaterThan(0);
	const saved = await savedNotebooks(w.page);
	const outcomes: Record<string, number> = {};
	const cases = notebookFuzzCases(SEED, CASES).sort((a, b) => a.kind.localeCompare(b.kind));
	for (const c of cases) {
		if (c.kind === 'link') {
			await w.page.goto('about:blank');
			await w.page.goto(`${e2e.server.url}#${c.text}`);
		} else {
			await w.page
				.getByTestId('notebooks')
				.locator('input[type=file]')
				.setInputFiles({
					name: 'notebook.json',
					mimeType: 'application/json',
					buffer: Buffer.from(c.text)
				});
		}
		await w.page.getByTestId('engine-status').waitFor({ timeout: 60_000 });
		await w.page.waitForTimeout(500);
		const refused = await w.page.getByRole('alert').count();
		const key = `${c.kind}: ${refused ? 'refused' : 'opened'}`;
		outcomes[key] = (outcomes[key] ?? 0) + 1;
		expect(await w.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
		const now = await savedNotebooks(w.page);
		// Imported files may add a notebook; nothing saved before changes or goes.
		for (const [id, summary] of Object.entries(saved)) expect(now[id], id).toBe(summary);
	}
	console.log(
		`notebook fuzz in the page: ${CASES} cases (seed ${SEED}):`,
		JSON.stringify(outcomes)
	);
	expect(dialogs).toEqual([]);
	expect(w.offOrigin).toEqual([]);
	await w.context.close();
}, 600_000);
