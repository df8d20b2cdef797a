/**
 * NotebookModel wires the pure edits (cells.ts, tested there) to state and autosave. What breaks
 * without it: an edit that does not reach `onChange` is never saved; `load` must not trigger a
 * save of what was just read.
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { NotebookModel } from '../../../src/notebook/model.svelte.ts';
import type { Notebook } from '../../../src/notebook/schema.ts';
import { LATER, sampleNotebook } from './fixtures.ts';

function setup() {
	const changes: Notebook[] = [];
	let n = 0;
	const model = new NotebookModel(sampleNotebook(), {
		onChange: (nb) => changes.push(nb),
		now: () => LATER,
		newId: () => `new-${++n}`
	});
	return { model, changes };
}

describe('NotebookModel', () => {
	it('reports every edit once, with the new notebook', () => {
		const { model, changes } = setup();
		expect(model.addSql('SELECT 1', 'c1')).toBe('new-1');
		model.moveDown('new-1');
		model.setSql('new-1', 'SELECT 2');
		model.collapse('c2', true);
		model.setTitle('Renamed');
		expect(changes).toHaveLength(5);
		expect(changes.at(-1)).toBe(model.notebook);
		expect(model.notebook.cells.map((c) => c.id)).toEqual(['c1', 'c2', 'new-1', 'c3']);
		expect(model.notebook.updatedAt).toBe(LATER);
	});

	it('does not report no-op edits or loads', () => {
		const { model, changes } = setup();
		model.moveUp('c1'); // already first
		model.remove('missing');
		model.load(sampleNotebook());
		expect(changes).toHaveLength(0);
	});

	it('returns why a name was refused, and keeps the old one', () => {
		const { model, changes } = setup();
		expect(model.rename('c3', 'rfm_segments')).toBe('notebook.name-taken');
		expect(model.rename('c3', 'by_segment')).toBeNull();
		expect(changes).toHaveLength(1);
		expect(model.names).toEqual(['rfm_segments', 'by_segment']);
	});

	it('derives result names from the current notebook', () => {
		const { model } = setup();
		expect(model.names).toEqual(['rfm_segments']);
		model.duplicate('c2');
		flushSync();
		expect(model.names).toEqual(['rfm_segments', 'rfm_segments_2']);
	});
});
