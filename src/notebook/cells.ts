/**
 * Edits to a notebook as pure functions: each takes a notebook and returns a new one (the input is
 * never changed), with `updatedAt` set to the caller's `now`. NotebookModel wraps them with state.
 * An edit that names a missing cell returns the notebook unchanged.
 */
import type { Globals } from '../analyses/types.ts';
import type { Cell, CellView, MarkdownCell, Notebook, PresetCell, SqlCell } from './schema.ts';
import { LIMITS, NAME_PATTERN, RESERVED_NAMES } from './schema.ts';

/** A cell as the user adds it, before it has an id. */
export type NewCell = Omit<PresetCell, 'id'> | Omit<SqlCell, 'id'> | Omit<MarkdownCell, 'id'>;

const touch = (nb: Notebook, cells: Cell[], now: string): Notebook => ({
	...nb,
	cells,
	updatedAt: now
});

const indexOf = (nb: Notebook, cellId: string): number =>
	nb.cells.findIndex((c) => c.id === cellId);

function mapCell(nb: Notebook, cellId: string, now: string, fn: (c: Cell) => Cell): Notebook {
	const i = indexOf(nb, cellId);
	if (i < 0) return nb;
	const cells = nb.cells.slice();
	cells[i] = fn(cells[i]);
	return touch(nb, cells, now);
}

/** Whether another cell may be added (the schema caps the count). */
export const canAddCell = (nb: Notebook): boolean => nb.cells.length < LIMITS.cells;

/** Inserts a cell after `afterId` (or at the end). */
export function addCell(
	nb: Notebook,
	cell: NewCell,
	id: string,
	now: string,
	afterId?: string
): Notebook {
	if (!canAddCell(nb)) return nb;
	const at = afterId === undefined ? nb.cells.length : indexOf(nb, afterId) + 1 || nb.cells.length;
	const cells = nb.cells.slice();
	cells.splice(at, 0, { ...cell, id } as Cell);
	return touch(nb, cells, now);
}

export function removeCell(nb: Notebook, cellId: string, now: string): Notebook {
	if (indexOf(nb, cellId) < 0) return nb;
	return touch(
		nb,
		nb.cells.filter((c) => c.id !== cellId),
		now
	);
}

/** Copies a cell right after itself. Its result name gets a free suffix: names are unique. */
export function duplicateCell(nb: Notebook, cellId: string, newId: string, now: string): Notebook {
	const i = indexOf(nb, cellId);
	if (i < 0 || !canAddCell(nb)) return nb;
	const copy = { ...structuredClone(nb.cells[i]), id: newId };
	if (copy.kind !== 'markdown' && copy.name) copy.name = freeName(nb, copy.name);
	const cells = nb.cells.slice();
	cells.splice(i + 1, 0, copy);
	return touch(nb, cells, now);
}

/** Moves a cell one place up (-1) or down (+1). */
export function moveCell(nb: Notebook, cellId: string, by: -1 | 1, now: string): Notebook {
	const i = indexOf(nb, cellId);
	const j = i + by;
	if (i < 0 || j < 0 || j >= nb.cells.length) return nb;
	const cells = nb.cells.slice();
	[cells[i], cells[j]] = [cells[j], cells[i]];
	return touch(nb, cells, now);
}

export function setView(nb: Notebook, cellId: string, view: CellView, now: string): Notebook {
	return mapCell(nb, cellId, now, (c) => ({ ...c, view: { ...c.view, ...view } }));
}

/** Remembers the chart picked for one query of a cell (`undefined` goes back to the default). */
export function setQueryChart(
	nb: Notebook,
	cellId: string,
	queryId: string,
	chart: string | undefined,
	now: string
): Notebook {
	return mapCell(nb, cellId, now, (c) => {
		const charts = { ...c.view?.charts };
		if (chart === undefined) delete charts[queryId];
		else charts[queryId] = chart;
		return { ...c, view: { ...c.view, charts } };
	});
}

export const setCollapsed = (nb: Notebook, cellId: string, collapsed: boolean, now: string) =>
	setView(nb, cellId, { collapsed }, now);

/** Why a result name cannot be used, or null when it can. */
export function checkName(
	nb: Notebook,
	cellId: string,
	name: string
): 'notebook.name-pattern' | 'notebook.name-reserved' | 'notebook.name-taken' | null {
	if (!NAME_PATTERN.test(name)) return 'notebook.name-pattern';
	if (RESERVED_NAMES.has(name)) return 'notebook.name-reserved';
	const taken = nb.cells.some((c) => c.id !== cellId && c.kind !== 'markdown' && c.name === name);
	return taken ? 'notebook.name-taken' : null;
}

/** Sets or clears (`undefined`) the name later cells use to query this cell's result. */
export function renameCell(
	nb: Notebook,
	cellId: string,
	name: string | undefined,
	now: string
): Notebook {
	if (name !== undefined && checkName(nb, cellId, name) !== null) return nb;
	return mapCell(nb, cellId, now, (c) => {
		if (c.kind === 'markdown') return c;
		const next = { ...c };
		if (name === undefined) delete next.name;
		else next.name = name;
		return next;
	});
}

export const setParams = (
	nb: Notebook,
	cellId: string,
	params: Record<string, unknown>,
	now: string
): Notebook => mapCell(nb, cellId, now, (c) => (c.kind === 'preset' ? { ...c, params } : c));

export const setSql = (nb: Notebook, cellId: string, sql: string, now: string): Notebook =>
	mapCell(nb, cellId, now, (c) => (c.kind === 'sql' ? { ...c, sql } : c));

/** Lets a SQL cell change data (its own tables), or makes it read-only again. */
export const setMayWrite = (
	nb: Notebook,
	cellId: string,
	mayWrite: boolean,
	now: string
): Notebook =>
	mapCell(nb, cellId, now, (c) => {
		if (c.kind !== 'sql') return c;
		const { mayWrite: _was, ...rest } = c;
		return mayWrite ? { ...rest, mayWrite: true } : rest;
	});

export const setText = (nb: Notebook, cellId: string, text: string, now: string): Notebook =>
	mapCell(nb, cellId, now, (c) => (c.kind === 'markdown' ? { ...c, text } : c));

/** Replaces a preset cell by a SQL cell holding its generated query ("open as SQL"). */
export const convertToSql = (nb: Notebook, cellId: string, sql: string, now: string): Notebook =>
	mapCell(nb, cellId, now, (c) =>
		c.kind === 'preset' ? { id: c.id, kind: 'sql', sql, name: c.name, view: c.view } : c
	);

export const setTitle = (nb: Notebook, title: string, now: string): Notebook => ({
	...nb,
	title: title.slice(0, LIMITS.title),
	updatedAt: now
});

export const setGlobals = (nb: Notebook, globals: Globals, now: string): Notebook => ({
	...nb,
	globals,
	updatedAt: now
});

/** `base`, or `base_2`, `base_3`, … whichever no cell uses yet. */
export function freeName(nb: Notebook, base: string): string {
	const used = new Set(nb.cells.flatMap((c) => (c.kind !== 'markdown' && c.name ? [c.name] : [])));
	if (!used.has(base)) return base;
	const stem = base.replace(/_\d+$/, '').slice(0, 56);
	for (let n = 2; ; n++) if (!used.has(`${stem}_${n}`)) return `${stem}_${n}`;
}
