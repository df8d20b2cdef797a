import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../../src/notebook/schema.ts';

/** A notebook as the version-0 prototype saved it (see src/notebook/migrate.ts). */
const v0 = {
	format: 'huitou.notebook',
	version: 0,
	id: 'old-1',
	name: 'Old notebook',
	created: Date.UTC(2024, 0, 2, 3, 4, 5),
	modified: Date.UTC(2024, 0, 3),
	globals: { asOf: '2024-01-01', revenue: 'gross', currency: 'USD' },
	cells: [
		{ id: 'a', type: 'note', text: 'hello' },
		{
			id: 'b',
			type: 'preset',
			preset: 'cohorts',
			params: { period: 'month' },
			as: 'cohort_tbl',
			chart: 'line',
			hidden: true
		},
		{ id: 'c', type: 'sql', sql: 'SELECT 1' }
	]
};

describe('migration v0 → current', () => {
	it('maps every field of the old shape', () => {
		const r = parseNotebook(v0);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const nb = r.value;
		expect(nb.version).toBe(2);
		expect(nb.title).toBe('Old notebook');
		expect(nb.createdAt).toBe('2024-01-02T03:04:05.000Z');
		expect(nb.updatedAt).toBe('2024-01-03T00:00:00.000Z');
		expect(nb.globals).toEqual({ asOf: '2024-01-01', revenue: 'gross', currency: 'USD' });
		expect(nb.cells[0]).toEqual({ id: 'a', kind: 'markdown', text: 'hello' });
		expect(nb.cells[1]).toMatchObject({
			id: 'b',
			kind: 'preset',
			analysis: 'cohorts',
			params: { period: 'month' },
			name: 'cohort_tbl',
			view: { chart: 'line', collapsed: true }
		});
		expect(nb.cells[2]).toMatchObject({ id: 'c', kind: 'sql', sql: 'SELECT 1' });
	});

	it('validates after migrating: a bad v0 cell is still refused', () => {
		const bad = { ...v0, cells: [{ id: 'a', type: 'shell', text: 'rm -rf' }] };
		const r = parseNotebook(bad);
		expect(!r.ok && r.error.code).toBe('notebook.invalid');
	});

	it('refuses a v0 document whose timestamps are not numbers', () => {
		const r = parseNotebook({ ...v0, created: 'soon' });
		expect(!r.ok && r.error.code).toBe('notebook.invalid');
	});

	it('does not throw on a v0 document with no cells array', () => {
		const r = parseNotebook({ ...v0, cells: null });
		expect(!r.ok && r.error.code).toBe('notebook.invalid');
	});
});

describe('migration v1 → v2', () => {
	it('keeps every cell; SQL cells stay read-only', () => {
		const at = '2024-01-02T03:04:05.000Z';
		const v1 = {
			format: v0.format,
			version: 1,
			id: 'v1',
			title: 'One',
			createdAt: at,
			updatedAt: at
		};
		const cells = [{ id: 'c', kind: 'sql', sql: 'SELECT 1' }];
		const r = parseNotebook({ ...v1, globals: v0.globals, cells });
		expect(r.ok && r.value.version).toBe(2);
		expect(r.ok && r.value.cells[0]).toEqual({ id: 'c', kind: 'sql', sql: 'SELECT 1' });
	});
});
