/**
 * Every text the page shows is in the catalog in both languages: each key a component, model or
 * the command line names with `t('…')`, `message('…')` or `messageOf('…')`, and each notice an
 * analysis can raise (the `'<id>.…'` keys its index.ts names, kept in its describe.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/ui/i18n/index.ts';

const SRC = join(import.meta.dirname, '../../../src');
const sources = (readdirSync(SRC, { recursive: true }) as string[])
	.filter((f) => /\.(ts|svelte)$/.test(f))
	.map((f) => ({ file: f, text: readFileSync(join(SRC, f), 'utf8') }));

describe('the catalog', () => {
	it('has English and Chinese text for every key', () => {
		const missing = Object.entries(catalog)
			.filter(([, msg]) => !msg.en?.trim() || !msg.zh?.trim())
			.map(([key]) => key);
		expect(Object.keys(catalog).length).toBeGreaterThan(300);
		expect(missing).toEqual([]);
	});

	it('holds every key the code names literally', () => {
		const named = sources.flatMap(({ file, text }) =>
			[...text.matchAll(/\b(?:t|message|messageOf)\(\s*'([a-z][\w-]*\.[\w.-]+)'/g)].map(
				(m) => [file, m[1]] as const
			)
		);
		expect(named.length).toBeGreaterThan(150);
		expect(named.filter(([, key]) => !catalog[key]).map(([f, key]) => `${f}: ${key}`)).toEqual([]);
	});

	it('holds every notice an analysis names, from its own describe.ts', async () => {
		const folders = readdirSync(join(SRC, 'analyses'), { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.map((d) => d.name);
		const missing: string[] = [];
		let checked = 0;
		for (const id of folders) {
			const index = readFileSync(join(SRC, 'analyses', id, 'index.ts'), 'utf8');
			const noticesAt = index.indexOf('notices');
			if (noticesAt < 0) continue;
			const { notices = {} } = await import(`../../../src/analyses/${id}/describe.ts`);
			for (const [, key] of index
				.slice(noticesAt)
				.matchAll(new RegExp(`'(${id}\\.[\\w-]+)'`, 'g'))) {
				checked++;
				if (!notices[key] || !catalog[key]) missing.push(key);
			}
		}
		expect(checked).toBeGreaterThan(20);
		expect(missing).toEqual([]);
	});
});
