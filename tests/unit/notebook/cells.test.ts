import { describe, expect, it } from 'vitest';
import * as edit from '../../../src/notebook/cells.ts';
import { LIMITS, parseNotebook } from '../../../src/notebook/schema.ts';
import { LATER, sampleNotebook } from './fixtures.ts';

const ids = (nb: { cells: { id: string }[] }) => nb.cells.map((c) => c.id);

describe('cell edits', () => {
	it('adds at the end or after a given cell, and stamps updatedAt', () => {
		const nb = sampleNotebook();
		const end = edit.addCell(nb, { kind: 'sql', sql: '' }, 'n1', LATER);
		expect(ids(end)).toEqual(['c1', 'c2', 'c3', 'n1']);
		expect(end.updatedAt).toBe(LATER);
		const after = edit.addCell(nb, { kind: 'markdown', text: '' }, 'n2', LATER, 'c1');
		expect(ids(after)).toEqual(['c1', 'n2', 'c2', 'c3']);
		expect(ids(nb)).toEqual(['c1', 'c2', 'c3']); // the input is untouched
	});

	it('stops adding at the cell limit', () => {
		let nb = sampleNotebook();
		for (let i = nb.cells.length; i < LIMITS.cells; i++)
			nb = edit.addCell(nb, { kind: 'markdown', text: '' }, `m${i}`, LATER);
		expect(nb.cells.length).toBe(LIMITS.cells);
		expect(edit.addCell(nb, { kind: 'markdown', text: '' }, 'over', LATER)).toBe(nb);
	});

	it('removes, and ignores unknown ids', () => {
		const nb = sampleNotebook();
		expect(ids(edit.removeCell(nb, 'c2', LATER))).toEqual(['c1', 'c3']);
		expect(edit.removeCell(nb, 'nope', LATER)).toBe(nb);
	});

	it('duplicates right after the original with a fresh result name', () => {
		const nb = edit.duplicateCell(sampleNotebook(), 'c2', 'c2b', LATER);
		expect(ids(nb)).toEqual(['c1', 'c2', 'c2b', 'c3']);
		expect(nb.cells[2]).toMatchObject({ kind: 'preset', name: 'rfm_segments_2' });
		// a deep copy: editing the copy's params leaves the original alone
		const copy = nb.cells[2];
		if (copy.kind === 'preset') (copy.params.fBreaks as number[]).push(99);
		expect(nb.cells[1]).toMatchObject({ params: { fBreaks: [1, 2, 3, 6] } });
		expect(parseNotebook(nb).ok).toBe(true);
	});

	it('moves up and down within bounds', () => {
		const nb = sampleNotebook();
		expect(ids(edit.moveCell(nb, 'c3', -1, LATER))).toEqual(['c1', 'c3', 'c2']);
		expect(ids(edit.moveCell(nb, 'c1', 1, LATER))).toEqual(['c2', 'c1', 'c3']);
		expect(edit.moveCell(nb, 'c1', -1, LATER)).toBe(nb);
		expect(edit.moveCell(nb, 'c3', 1, LATER)).toBe(nb);
	});

	it('collapses and merges view settings', () => {
		const nb = edit.setCollapsed(sampleNotebook(), 'c2', true, LATER);
		expect(nb.cells[1].view).toEqual({ chart: 'bar', table: true, collapsed: true });
	});

	it('remembers a chart per query and survives validation', () => {
		let nb = edit.setQueryChart(sampleNotebook(), 'c2', 'segments', 'dot', LATER);
		nb = edit.setQueryChart(nb, 'c2', 'movement', 'heatmap', LATER);
		nb = edit.setQueryChart(nb, 'c2', 'movement', undefined, LATER);
		expect(nb.cells[1].view).toEqual({ chart: 'bar', table: true, charts: { segments: 'dot' } });
		const parsed = parseNotebook(JSON.parse(JSON.stringify(nb)));
		expect(parsed.ok && parsed.value.cells[1].view).toEqual(nb.cells[1].view);
	});

	it('renames only to free, valid names', () => {
		const nb = sampleNotebook();
		expect(edit.checkName(nb, 'c3', 'rfm_segments')).toBe('notebook.name-taken');
		expect(edit.checkName(nb, 'c2', 'rfm_segments')).toBeNull(); // its own name
		expect(edit.checkName(nb, 'c3', 'orders')).toBe('notebook.name-reserved');
		expect(edit.checkName(nb, 'c3', 'Top Customers')).toBe('notebook.name-pattern');
		expect(edit.renameCell(nb, 'c3', 'rfm_segments', LATER)).toBe(nb);
		expect(edit.renameCell(nb, 'c3', 'by_segment', LATER).cells[2]).toMatchObject({
			name: 'by_segment'
		});
		expect('name' in edit.renameCell(nb, 'c2', undefined, LATER).cells[1]).toBe(false);
	});

	it('sets params, SQL and text only on cells of the matching kind', () => {
		const nb = sampleNotebook();
		expect(edit.setParams(nb, 'c2', { k: 1 }, LATER).cells[1]).toMatchObject({ params: { k: 1 } });
		expect(edit.setParams(nb, 'c3', { k: 1 }, LATER).cells[2]).not.toHaveProperty('params');
		expect(edit.setSql(nb, 'c3', 'SELECT 2', LATER).cells[2]).toMatchObject({ sql: 'SELECT 2' });
		expect(edit.setText(nb, 'c1', 'new', LATER).cells[0]).toMatchObject({ text: 'new' });
	});

	it('opens a preset cell as SQL, keeping its id, name and view', () => {
		const nb = edit.convertToSql(sampleNotebook(), 'c2', 'SELECT 42', LATER);
		expect(nb.cells[1]).toEqual({
			id: 'c2',
			kind: 'sql',
			sql: 'SELECT 42',
			name: 'rfm_segments',
			view: { chart: 'bar', table: true }
		});
	});

	it('finds a free name', () => {
		let nb = sampleNotebook();
		expect(edit.freeName(nb, 'x')).toBe('x');
		expect(edit.freeName(nb, 'rfm_segments')).toBe('rfm_segments_2');
		nb = edit.renameCell(nb, 'c3', 'rfm_segments_2', LATER);
		expect(edit.freeName(nb, 'rfm_segments')).toBe('rfm_segments_3');
	});
});
