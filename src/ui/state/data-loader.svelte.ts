import type { ImportRecipe } from '../../ingest/recipe.ts';
import type { AppState } from './app.svelte.ts';
import { importPlans, type ImportProgress, type OrderPlan } from '../../ingest/import.ts';
import { dominantCurrency, type ImportFailure, type ImportReport } from '../../ingest/quality.ts';
import { createLocalMappingStore } from '../../ingest/mapping.ts';
import { now } from '../../lib/clock.ts';
import { nowIso } from '../../notebook/schema.ts';
import { openNotebookStore } from '../../notebook/store.ts';
import { previewSource } from '../../ingest/read/index.ts';
import {
	createContactMappingStore,
	ensureContactsTableSql,
	importContactList,
	isContactList,
	type ContactImport,
	type ContactListPlan
} from '../../ingest/contacts.ts';
import {
	planFile,
	toContactListPlan,
	toOrderPlan,
	type FilePlan,
	type PlanDeps
} from '../../ingest/plan.ts';
import { ImportModel } from '../import/ImportModel.svelte.ts';
import type { DataLoad } from '../../notebook/data-load.svelte.ts';

const KEEP_KEY = 'huitou.keepData';

export interface LoadProgress {
	label: string;
	bytes: number;
	totalBytes: number;
	rows?: number;
	rowsPerSecond?: number;
	/** The file's paid orders and customers, once its orders are built. */
	found?: ImportProgress['found'];
}

/**
 * Loading data. Every file is planned once from its head (src/ingest/plan.ts). Order files open
 * the import dialog with their plans, and so do contact lists whose header is not clear; clear
 * contact lists go straight to campaign_contacts; the sample skips the dialog. A failed file
 * leaves everything loaded before it as it was. The plans of every loaded file are kept, so a
 * restarted engine reads each file exactly as it was first read.
 */
export class DataLoader {
	busy = $state(false);
	progress = $state.raw<LoadProgress | null>(null);
	/** The importer's own progress, for the dialog. */
	importProgress = $state.raw<ImportProgress | null>(null);
	report = $state.raw<ImportReport | null>(null);
	contacts = $state.raw<ContactImport[]>([]);
	showReport = $state(false);
	/** The import dialog, while it is open. */
	dialog = $state.raw<ImportModel | null>(null);
	#abort: AbortController | null = null;
	#files: string[] = [];
	/** How each loaded order file was imported, in order: the `.sql` export replays them. */
	recipes = $state.raw<ImportRecipe[]>([]);
	readonly mappingStore = createLocalMappingStore();
	readonly contactStore = createContactMappingStore();
	/** How each loaded order file was read, in order; a restarted engine reads them the same way. */
	#orderPlans: OrderPlan[] = [];
	/** How each loaded contact list was read. */
	#contactPlans: ContactListPlan[] = [];
	/** Files restored from this browser's copy, planned from their heads on the next reload. */
	#unplanned: File[] = [];
	/** The sample's tables are loaded (first, before any file); a restarted engine loads them again. */
	#sample = $state(false);
	/** The dialog's plans of the last import, to reopen it with the same choices after a failure. */
	#lastDialog: FilePlan[] | null = null;
	/** Opt-in: keep the loaded files in IndexedDB so a reload does not need them again. */
	keepData = $state(globalThis.localStorage?.getItem(KEEP_KEY) === '1');
	readonly #store = openNotebookStore();
	readonly planDeps: PlanDeps = {
		previewSource,
		mappingStore: this.mappingStore,
		contactStore: this.contactStore
	};

	constructor(private readonly app: AppState) {
		// A restarted engine starts empty: load the same files again, the notebook stays as it is.
		app.engine.onRestart(() => this.#reload());
	}

	async #reload() {
		const orders = this.#orderPlans;
		const contacts = this.#contactPlans;
		const unplanned = await this.#planAll(this.#unplanned);
		this.#orderPlans = [];
		this.#contactPlans = [];
		this.#unplanned = [];
		this.#files = [];
		this.recipes = [];
		this.contacts = [];
		const sample = this.#sample;
		this.#sample = false;
		// Files restored from this browser's copy: a remembered mapping or a preset decides.
		await this.#run(
			[...orders, ...unplanned.filter((p) => p.role === 'orders').map(toOrderPlan)],
			[...contacts, ...unplanned.filter((p) => p.role === 'contacts').map(toContactListPlan)],
			sample,
			true
		);
	}

	/** Whether the sample shop is loaded (the side panel says how it is kept). */
	get sampleLoaded(): boolean {
		return this.#sample;
	}

	#planAll(files: File[]): Promise<FilePlan[]> {
		return Promise.all(files.map((f) => planFile(f, {}, this.planDeps)));
	}

	cancel() {
		this.#abort?.abort();
	}

	closeDialog() {
		if (this.busy) return;
		this.dialog = null;
	}

	/** Reopens the dialog of the last import with every choice it had (after a failure). */
	reopenDialog() {
		if (this.busy || !this.#lastDialog) return;
		this.dialog = new ImportModel(this.#lastDialog, this.planDeps);
	}

	/**
	 * The sample's tables, shipped with the app: fetched while the engine starts, so a click during
	 * the start waits only for the engine, and the progress line says which.
	 */
	async loadSample() {
		await this.#run([], [], true);
	}

	/**
	 * Files from the picker or a drop, planned once from their heads. Only clear contact lists
	 * skip the dialog; as soon as one file needs it, every file goes there, so each one's role can
	 * be checked and changed.
	 */
	async loadFiles(files: File[]) {
		// Files dropped while a load finishes (the notebook shows before the loader is done) wait
		// for it instead of being ignored.
		while (this.busy) await new Promise((done) => setTimeout(done, 100));
		const plans = await this.#planAll(files);
		const clear = plans.every((p) => p.preview && isContactList(p.preview.header));
		if (clear) await this.#run([], plans.map(toContactListPlan));
		else this.dialog = new ImportModel(plans, this.planDeps);
	}

	/** The dialog's decision: import its plans, each as the role it was given. */
	async importPlans(plans: FilePlan[]) {
		this.#lastDialog = plans;
		const orders = plans.filter((p) => p.role === 'orders');
		// A layout imported as orders after all is no longer offered as a contact list.
		for (const p of orders) if (p.contact.remembered) await this.contactStore.delete(p.signature);
		const contacts = plans.filter((p) => p.role === 'contacts').map(toContactListPlan);
		await this.#run(orders.map(toOrderPlan), contacts);
		if (!this.busy) this.dialog = null;
	}

	/** `reload`: the same data again, after a restart or from this browser's copy. */
	async #run(
		orderPlans: OrderPlan[],
		contactPlans: ContactListPlan[],
		sample = false,
		reload = false
	) {
		if (this.busy) return;
		this.busy = true;
		this.#abort = new AbortController();
		const signal = this.#abort.signal;
		const app = this.app;
		const shown = app.notice;
		// Cells wait until the tables are final, and name the step meanwhile.
		const kind = reload ? 'reload' : sample ? 'sample' : 'import';
		app.loading.show({ kind, step: null });
		try {
			let loaded = false;
			if (sample) loaded = await this.#loadSampleTables(kind);
			if (orderPlans.length) {
				const r = await importPlans(app.engine, orderPlans, {
					mappingStore: this.mappingStore,
					signal,
					now: now(),
					onProgress: (p) => {
						this.importProgress = p;
						this.progress = this.#describe(p);
						app.loading.show({
							kind,
							step: p.phase,
							rows: p.rows,
							orders: p.found?.orders,
							customers: p.found?.customers
						});
					}
				});
				if (!r.ok) this.#fail(orderPlans[0].file.name, r.error);
				else {
					this.report = r.value;
					// Money is shown in the data's currency (a UK Shopify export in £, not CN¥).
					app.globals.currency = dominantCurrency(r.value.files) ?? app.globals.currency;
					this.recipes = [
						...this.recipes,
						...r.value.files.flatMap((f) => (f.recipe ? [f.recipe] : []))
					];
					const done = r.value.files.map((f) => f.file);
					this.#files.push(...done);
					this.#orderPlans.push(...orderPlans.filter((p) => done.includes(p.file.name)));
					loaded = done.length > 0;
					const failed = r.value.failures[0];
					if (failed) this.#fail(failed.file, failed.error);
				}
			}
			const hasOrders = loaded || !!app.data;
			if (hasOrders) await app.engine.query(ensureContactsTableSql);
			for (const plan of contactPlans) {
				const f = plan.file;
				if (!hasOrders) {
					app.notice = {
						kind: 'error',
						failure: { code: 'campaigns.import.orders-first', detail: f.name },
						text: f.name
					};
					break;
				}
				this.progress = {
					label: app.t('data.loading', { name: f.name }),
					bytes: 0,
					totalBytes: f.size
				};
				const c = await importContactList(app.engine, f, plan.read, plan.columns, plan.fill);
				if (c.ok) {
					this.contacts = [...this.contacts, c.value];
					this.#files.push(f.name);
					this.#contactPlans.push(plan);
					if (plan.signature && plan.columns)
						await this.contactStore.put(plan.signature, plan.columns);
					loaded = true;
				} else this.#fail(f.name, c.error);
			}
			if (loaded) {
				// An import that went through takes the place of an earlier one's error.
				if (app.notice === shown && shown?.import) app.notice = null;
				// The tables are final: cells go on as the new data's figures are read.
				app.loading.end();
				await app.refreshData([...this.#files]);
				if (this.keepData) await this.#saveSnapshot();
			}
		} finally {
			app.loading.end();
			this.busy = false;
			this.progress = null;
			this.importProgress = null;
			this.#abort = null;
		}
	}

	/** The sample's tables and what its import reported; false (with the error shown) if it failed. */
	async #loadSampleTables(kind: DataLoad['kind']): Promise<boolean> {
		const app = this.app;
		const [{ default: source }, { fetchGzip, loadSampleTables }] = await Promise.all([
			import('virtual:sample-tables'),
			import('../../sample/sample-tables.ts')
		]);
		const r = await loadSampleTables(app.engine, source, fetchGzip, (step) => {
			// Waiting for the engine is only worth saying while it is still starting.
			const shown = step === 'engine' && app.engineState.phase === 'ready' ? 'loading' : step;
			this.progress = { label: app.t(`sample.step.${shown}`), bytes: 0, totalBytes: 0 };
			app.loading.show({ kind, step: shown });
		});
		if (!r.ok) {
			app.notice = { kind: 'error', failure: r.error, text: r.error.detail };
			return false;
		}
		const { report, contacts, files } = r.value;
		this.report = report;
		app.globals.currency = dominantCurrency(report.files) ?? app.globals.currency;
		this.recipes = [...this.recipes, ...report.files.flatMap((f) => (f.recipe ? [f.recipe] : []))];
		this.contacts = [...this.contacts, ...contacts];
		this.#files.push(...files);
		this.#sample = true;
		return true;
	}

	/** A file that failed: its error, the rows it rejected, and a way back to the dialog. */
	#fail(file: string, error: ImportFailure) {
		const { rejected = [], ...failure } = error;
		this.app.notice = {
			kind: 'error',
			failure: { ...failure, detail: `${file}: ${error.detail}` },
			text: error.detail,
			import: { rejected, canReopen: this.#lastDialog !== null }
		};
	}

	/** Turns the opt-in copy on or off; off forgets the stored files at once. */
	async setKeepData(on: boolean) {
		this.keepData = on;
		globalThis.localStorage?.setItem(KEEP_KEY, on ? '1' : '0');
		if (on) await this.#saveSnapshot();
		else await this.forgetData();
	}

	async forgetData() {
		const r = await this.#store.forgetData();
		if (!r.ok) this.app.notice = { kind: 'error', failure: r.error, text: r.error.detail };
	}

	/**
	 * Stores the loaded files. The sample is stored as a mark only: it ships with the page, so a
	 * reload loads it again from there instead of keeping a second copy of it in this browser.
	 */
	async #saveSnapshot() {
		const sources = [
			...this.#orderPlans.map((p) => p.file),
			...this.#contactPlans.map((p) => p.file),
			...this.#unplanned
		];
		if (!sources.length && !this.#sample) return;
		const files = await Promise.all(
			sources.map(async (f) => ({
				name: f.name,
				bytes: new Uint8Array(await f.arrayBuffer())
			}))
		);
		const name = files[0]?.name ?? 'sample';
		const r = await this.#store.saveDataSnapshot(name, files, nowIso(), this.#sample);
		// A full disk is reported, not swallowed: the data stays loaded, only the copy is missing.
		if (!r.ok) this.app.notice = { kind: 'error', failure: r.error, text: r.error.detail };
	}

	/** Re-imports the files kept in this browser, if the user opted in. */
	async restore(): Promise<boolean> {
		if (!this.keepData) return false;
		const r = await this.#store.loadDataSnapshot();
		if (!r.ok || !r.value || !(r.value.files.length || r.value.sample)) return false;
		this.#unplanned = r.value.files.map((f) => new File([f.bytes as BlobPart], f.name));
		// The sample was not stored: it loads again from the page, first, as it was loaded.
		this.#sample = !!r.value.sample;
		await this.#reload();
		return true;
	}

	#describe(p: ImportProgress): LoadProgress {
		const of = p.fileCount > 1 ? ` (${p.fileIndex + 1}/${p.fileCount})` : '';
		return {
			label: `${this.app.t(`import.phase.${p.phase}`)} ${p.file}${of}`,
			bytes: p.bytes,
			totalBytes: p.totalBytes,
			rows: p.rows,
			rowsPerSecond: p.rowsPerSecond,
			found: p.found
		};
	}
}
