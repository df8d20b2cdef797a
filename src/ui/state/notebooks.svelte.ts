import type { Failure } from '../../lib/result.ts';
import type { Globals } from '../../analyses/types.ts';
import { NotebookModel } from '../../notebook/model.svelte.ts';
import {
	createNotebook,
	copyNotebook,
	createId,
	nowIso,
	parseNotebookText,
	type Notebook
} from '../../notebook/schema.ts';
import { openNotebookStore, type NotebookSummary } from '../../notebook/store.ts';
import { createAutosaver } from '../../notebook/autosave.ts';
import {
	createBuiltinNotebook,
	createBuiltinNotebooks,
	FIRST_BUILTIN_ID,
	isBuiltinId
} from '../../notebook/builtin.ts';
import { message } from '../i18n/index.ts';
import {
	decodeShareFragment,
	encodeShareFragment,
	isShareFragment,
	hasSqlCells
} from '../../notebook/share.ts';
import type { AppState } from './app.svelte.ts';

const CURRENT_KEY = 'huitou.currentNotebook';

/** What "New notebook" opens: nothing yet, so the empty state invites the first cell. */
function emptyNotebook(globals: Globals, lang: 'en' | 'zh'): Notebook {
	return createNotebook({
		id: createId(),
		title: message('notebook.untitled', lang),
		now: nowIso(),
		globals,
		cells: []
	});
}

/** The first view: a short curated notebook; every analysis is one built-in away. */
function starterNotebook(globals: Globals, lang: 'en' | 'zh'): Notebook {
	const nb = createBuiltinNotebook(FIRST_BUILTIN_ID, globals, nowIso(), lang);
	return nb ?? emptyNotebook(globals, lang);
}

/**
 * The notebooks the user keeps: the open one (autosaved to IndexedDB within a second of an edit),
 * the saved list, built-ins, share links and .json files.
 */
export class Notebooks {
	readonly store = openNotebookStore();
	readonly model: NotebookModel;
	list = $state.raw<NotebookSummary[]>([]);
	saveError = $state.raw<Failure | null>(null);
	/** Set when the open notebook came from a link and has SQL the user has not yet agreed to run. */
	untrustedSql = $state(false);
	/** A link's notebook shown but not yet kept in the user's list. */
	fromLink = $state(false);
	readonly #autosaver;

	constructor(private readonly app: AppState) {
		this.#autosaver = createAutosaver((nb: Notebook) => this.store.put(nb), 800, {
			onError: (e) => (this.saveError = e)
		});
		this.model = new NotebookModel(starterNotebook($state.snapshot(app.globals), app.lang), {
			onChange: (nb) => this.#changed(nb)
		});
	}

	#changed(nb: Notebook) {
		if (isBuiltinId(nb.id)) {
			// Editing a built-in keeps the original as shipped: the edit lands in a copy.
			const copy = copyNotebook(nb, createId(), nb.title, nowIso());
			this.model.load(copy);
			nb = copy;
			this.#remember(copy.id);
		}
		if (this.fromLink) return;
		this.saveError = null;
		this.#autosaver.schedule(nb);
		void this.refreshList();
	}

	#remember(id: string) {
		globalThis.localStorage?.setItem(CURRENT_KEY, id);
	}

	async refreshList() {
		const r = await this.store.list();
		if (r.ok) this.list = r.value;
	}

	/** Opens the link's notebook if the URL carries one, else the last one, else a starter. */
	async init(): Promise<void> {
		const hash = globalThis.location?.hash ?? '';
		if (isShareFragment(hash)) {
			const r = decodeShareFragment(hash);
			if (r.ok) {
				this.#open(r.value);
				this.fromLink = true;
				this.untrustedSql = hasSqlCells(r.value);
			} else {
				this.app.notice = { kind: 'error', failure: r.error, text: r.error.detail };
			}
			history.replaceState(null, '', location.pathname + location.search);
		} else {
			// The starter is a built-in: nothing is saved until the user edits it.
			const id = globalThis.localStorage?.getItem(CURRENT_KEY);
			if (id && isBuiltinId(id)) this.openBuiltin(id);
			else if (id) {
				const r = await this.store.get(id);
				if (r.ok) this.#open(r.value);
			}
		}
		await this.refreshList();
	}

	#open(nb: Notebook) {
		this.model.load(nb);
		Object.assign(this.app.globals, structuredClone(nb.globals));
		this.fromLink = false;
		this.untrustedSql = false;
		this.#remember(nb.id);
	}

	async open(id: string) {
		await this.#autosaver.flush();
		const r = await this.store.get(id);
		if (r.ok) this.#open(r.value);
		else this.app.notice = { kind: 'error', failure: r.error, text: r.error.detail };
	}

	openBuiltin(id: string) {
		const nb = createBuiltinNotebook(
			id,
			$state.snapshot(this.app.globals),
			nowIso(),
			this.app.lang
		);
		if (nb) this.#open(nb);
	}

	builtins() {
		return createBuiltinNotebooks($state.snapshot(this.app.globals), nowIso(), this.app.lang);
	}

	async create() {
		await this.#autosaver.flush();
		const nb = emptyNotebook($state.snapshot(this.app.globals), this.app.lang);
		this.#open(nb);
		await this.store.put(nb);
		await this.refreshList();
	}

	/** Keeps a notebook that came from a link in the user's own list. */
	async keepFromLink() {
		this.fromLink = false;
		const nb = copyNotebook(this.model.notebook, createId(), this.model.notebook.title, nowIso());
		this.#open(nb);
		await this.store.put(nb);
		await this.refreshList();
	}

	async rename(id: string, title: string) {
		if (id === this.model.notebook.id) this.model.setTitle(title);
		else await this.store.rename(id, title, nowIso());
		await this.#autosaver.flush();
		await this.refreshList();
	}

	async duplicate(id: string) {
		await this.#autosaver.flush();
		const src = this.list.find((n) => n.id === id);
		const title = message('notebook.copy-title', this.app.lang, {
			title: src?.title ?? this.model.notebook.title
		});
		const r = await this.store.duplicate(id, createId(), title, nowIso());
		if (r.ok) this.#open(r.value);
		await this.refreshList();
	}

	async remove(id: string) {
		await this.store.remove(id);
		await this.refreshList();
		if (id === this.model.notebook.id) {
			const next = this.list[0];
			if (next) await this.open(next.id);
			else await this.create();
		}
	}

	/** A link carrying the notebook (never data) in its fragment, which browsers never send. */
	shareLink(): { ok: true; url: string } | { ok: false; error: Failure } {
		const r = encodeShareFragment(this.model.notebook);
		if (!r.ok) return r;
		return { ok: true, url: `${location.origin}${location.pathname}#${r.value}` };
	}

	toJson(): string {
		return JSON.stringify(this.model.notebook, null, 2);
	}

	/** Opens a notebook from a .json file; a bad file is refused and nothing saved is touched. */
	async importJson(text: string): Promise<Failure | null> {
		const r = parseNotebookText(text);
		if (!r.ok) return r.error;
		const nb = copyNotebook(r.value, createId(), r.value.title, nowIso());
		await this.#autosaver.flush();
		this.#open(nb);
		this.untrustedSql = hasSqlCells(nb);
		await this.store.put(nb);
		await this.refreshList();
		return null;
	}

	flush() {
		return this.#autosaver.flush();
	}
}
