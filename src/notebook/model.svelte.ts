/**
 * The open notebook as reactive state. The edits themselves live in cells.ts (pure, tested
 * without Svelte); this class holds the current value and tells `onChange` (autosave) after each.
 * The notebook is replaced whole on every edit, so `$state.raw` is enough and cheap.
 */
import type { Globals } from '../analyses/types.ts';
import * as edit from './cells.ts';
import { createId, nowIso, type CellView, type Notebook } from './schema.ts';

export interface NotebookModelOptions {
	/** Called with the new notebook after every edit (not on `load`). */
	onChange?: (nb: Notebook) => void;
	/** Clock and id source, injectable for tests. */
	now?: () => string;
	newId?: () => string;
}

export class NotebookModel {
	notebook = $state.raw<Notebook>() as Notebook;
	readonly #onChange: (nb: Notebook) => void;
	readonly #now: () => string;
	readonly #newId: () => string;

	constructor(initial: Notebook, opts: NotebookModelOptions = {}) {
		this.notebook = initial;
		this.#onChange = opts.onChange ?? (() => {});
		this.#now = opts.now ?? nowIso;
		this.#newId = opts.newId ?? createId;
	}

	/** Names of results that earlier cells publish, for SQL completion and the name field. */
	names = $derived(
		this.notebook.cells.flatMap((c) => (c.kind !== 'markdown' && c.name ? [c.name] : []))
	);

	/** Switches to another notebook without reporting a change (nothing to save). */
	load(nb: Notebook): void {
		this.notebook = nb;
	}

	#apply(next: Notebook): void {
		if (next === this.notebook) return;
		this.notebook = next;
		this.#onChange(next);
	}

	/** Adds a cell and returns its id (or null when the notebook is full). */
	add(cell: edit.NewCell, afterId?: string): string | null {
		if (!edit.canAddCell(this.notebook)) return null;
		const id = this.#newId();
		this.#apply(edit.addCell(this.notebook, cell, id, this.#now(), afterId));
		return id;
	}

	addPreset(analysis: string, afterId?: string): string | null {
		return this.add({ kind: 'preset', analysis, params: {} }, afterId);
	}

	addSql(sql = '', afterId?: string): string | null {
		return this.add({ kind: 'sql', sql }, afterId);
	}

	addMarkdown(text = '', afterId?: string): string | null {
		return this.add({ kind: 'markdown', text }, afterId);
	}

	remove(cellId: string): void {
		this.#apply(edit.removeCell(this.notebook, cellId, this.#now()));
	}

	duplicate(cellId: string): string | null {
		if (!edit.canAddCell(this.notebook)) return null;
		const id = this.#newId();
		this.#apply(edit.duplicateCell(this.notebook, cellId, id, this.#now()));
		return id;
	}

	moveUp(cellId: string): void {
		this.#apply(edit.moveCell(this.notebook, cellId, -1, this.#now()));
	}

	moveDown(cellId: string): void {
		this.#apply(edit.moveCell(this.notebook, cellId, 1, this.#now()));
	}

	collapse(cellId: string, collapsed: boolean): void {
		this.#apply(edit.setCollapsed(this.notebook, cellId, collapsed, this.#now()));
	}

	/** Returns why the name was refused, or null when it was set. */
	rename(cellId: string, name: string | undefined): ReturnType<typeof edit.checkName> {
		const why = name === undefined ? null : edit.checkName(this.notebook, cellId, name);
		if (why === null) this.#apply(edit.renameCell(this.notebook, cellId, name, this.#now()));
		return why;
	}

	setParams(cellId: string, params: Record<string, unknown>): void {
		this.#apply(edit.setParams(this.notebook, cellId, params, this.#now()));
	}

	setSql(cellId: string, sql: string): void {
		this.#apply(edit.setSql(this.notebook, cellId, sql, this.#now()));
	}

	setMayWrite(cellId: string, mayWrite: boolean): void {
		this.#apply(edit.setMayWrite(this.notebook, cellId, mayWrite, this.#now()));
	}

	setText(cellId: string, text: string): void {
		this.#apply(edit.setText(this.notebook, cellId, text, this.#now()));
	}

	setView(cellId: string, view: CellView): void {
		this.#apply(edit.setView(this.notebook, cellId, view, this.#now()));
	}

	/** Remembers the chart picked for one of the cell's queries. */
	setChart(cellId: string, queryId: string, chart: string | undefined): void {
		this.#apply(edit.setQueryChart(this.notebook, cellId, queryId, chart, this.#now()));
	}

	openAsSql(cellId: string, sql: string): void {
		this.#apply(edit.convertToSql(this.notebook, cellId, sql, this.#now()));
	}

	setTitle(title: string): void {
		this.#apply(edit.setTitle(this.notebook, title, this.#now()));
	}

	setGlobals(globals: Globals): void {
		this.#apply(edit.setGlobals(this.notebook, globals, this.#now()));
	}
}
