import type { ImportRecipe } from '../../ingest/recipe.ts';
import type { AppState } from './app.svelte.ts';
import { importFiles, type ImportOptions, type ImportProgress } from '../../ingest/import.ts';
import { dominantCurrency, type ImportReport } from '../../ingest/quality.ts';
import { createLocalMappingStore } from '../../ingest/mapping.ts';
import { now } from '../../lib/clock.ts';
import { nowIso } from '../../notebook/schema.ts';
import { openNotebookStore } from '../../notebook/store.ts';
import { previewSource, type ReadOptions } from '../../ingest/read/index.ts';
import { headerSignature } from '../../ingest/mapping.ts';
import {
	createContactMappingStore,
	ensureContactsTableSql,
	importContactList,
	isContactList,
	rebindContactColumns,
	type ContactFill,
	type ContactImport
} from '../../ingest/contacts.ts';
import type { ContactColumns } from '../../analyses/campaigns/define.ts';
import { buildImportOptions, type DialogSettings, type FilePlan } from '../import/plan.ts';

const KEEP_KEY = 'huitou.keepData';

/** One contact list to import, with the mapping the dialog (or a remembered one) gave it. */
interface ContactJob {
	file: File;
	read: ReadOptions;
	columns?: Partial<ContactColumns>;
	fill?: ContactFill;
	/** Header signature to remember the columns under once the list is in. */
	signature?: string;
}

export interface LoadProgress {
	label: string;
	bytes: number;
	totalBytes: number;
	rows?: number;
	rowsPerSecond?: number;
}

/**
 * Loading data. Order files open the import dialog (decoded preview, detected layout, column
 * mapper), and so do contact lists whose header is not clear; clear contact lists go straight to
 * campaign_contacts; the sample skips the dialog. A failed file
 * leaves everything loaded before it as it was.
 */
export class DataLoader {
	busy = $state(false);
	progress = $state.raw<LoadProgress | null>(null);
	/** The importer's own progress, for the dialog. */
	importProgress = $state.raw<ImportProgress | null>(null);
	report = $state.raw<ImportReport | null>(null);
	contacts = $state.raw<ContactImport[]>([]);
	showReport = $state(false);
	/** Order files waiting in the import dialog. */
	dialogFiles = $state.raw<File[] | null>(null);
	#abort: AbortController | null = null;
	#files: string[] = [];
	/** How each loaded order file was imported, in order: the `.sql` export replays them. */
	recipes = $state.raw<ImportRecipe[]>([]);
	readonly mappingStore = createLocalMappingStore();
	readonly contactStore = createContactMappingStore();
	/** Every file loaded so far, in order, for the opt-in copy kept in this browser. */
	#sources: File[] = [];
	/** How each loaded contact list was read, so a restarted engine reads it the same way. */
	#contactJobs: ContactJob[] = [];
	/** Opt-in: keep the loaded files in IndexedDB so a reload does not need them again. */
	keepData = $state(globalThis.localStorage?.getItem(KEEP_KEY) === '1');
	readonly #store = openNotebookStore();
	readonly planDeps = {
		previewSource,
		mappingStore: this.mappingStore,
		contactStore: this.contactStore
	};

	constructor(private readonly app: AppState) {
		// A restarted engine starts empty: load the same files again, the notebook stays as it is.
		app.engine.onRestart(() => this.#reload());
	}

	async #reload() {
		const files = this.#sources;
		const jobs = this.#contactJobs;
		this.#sources = [];
		this.#contactJobs = [];
		this.#files = [];
		this.recipes = [];
		this.contacts = [];
		if (!files.length) return;
		// Files restored from this browser's copy have no job: a remembered mapping decides.
		const known = jobs.filter((j) => files.includes(j.file));
		const { orders, contacts } = await this.#splitContactLists(
			files.filter((f) => !known.some((j) => j.file === f)),
			true
		);
		await this.#run(orders, [...known, ...contacts], {});
	}

	/**
	 * Contact lists are told apart from order files by their header: a clear one (see
	 * `isContactList`) or, with `useRemembered`, one whose layout was mapped as a list before.
	 */
	async #splitContactLists(
		files: File[],
		useRemembered: boolean
	): Promise<{ orders: File[]; contacts: ContactJob[] }> {
		const orders: File[] = [];
		const contacts: ContactJob[] = [];
		for (const file of files) {
			const p = await previewSource(file);
			if (!p.ok) {
				orders.push(file);
				continue;
			}
			const header = p.value.header;
			const stored = await this.contactStore.get(headerSignature(header));
			const columns = stored && rebindContactColumns(stored, header);
			if (isContactList(header) || (useRemembered && columns))
				contacts.push({ file, read: {}, columns });
			else orders.push(file);
		}
		return { orders, contacts };
	}

	cancel() {
		this.#abort?.abort();
	}

	closeDialog() {
		if (this.busy) return;
		this.dialogFiles = null;
	}

	async loadSample() {
		if (this.busy) return;
		this.busy = true;
		this.progress = { label: this.app.t('sample.generating'), bytes: 0, totalBytes: 0 };
		// Generated in a worker, so the page stays responsive while the shop is built.
		const { loadSampleFiles } = await import('../../sample/load-sample.ts');
		const made = await loadSampleFiles();
		this.busy = false;
		if (!made.ok) {
			this.progress = null;
			this.app.notice = { kind: 'error', failure: made.error, text: made.error.detail };
			return;
		}
		const s = made.value;
		const orders = new File([s.orders as BlobPart], s.name, { type: 'text/csv' });
		const contacts = new File([s.contacts as BlobPart], s.contactsName, { type: 'text/csv' });
		await this.#run([orders], [{ file: contacts, read: {} }], {});
	}

	/**
	 * Files from the picker or a drop. Only clear contact lists skip the dialog; as soon as one
	 * file needs it, every file goes there, so each one's role can be checked and changed.
	 */
	async loadFiles(files: File[]) {
		if (this.busy) return;
		const { orders, contacts } = await this.#splitContactLists(files, false);
		if (orders.length) this.dialogFiles = files;
		else await this.#run([], contacts, {});
	}

	/** The dialog's decision: import these plans with these settings. */
	async importPlans(plans: FilePlan[], settings: DialogSettings) {
		const orders = plans.filter((p) => p.role === 'orders');
		// A layout imported as orders after all is no longer offered as a contact list.
		for (const p of orders) if (p.contact.remembered) await this.contactStore.delete(p.signature);
		const contacts = plans
			.filter((p) => p.role === 'contacts')
			.map((p) => ({
				file: p.file as File,
				read: p.read,
				columns: p.contact.columns,
				fill: p.contact.fill,
				signature: p.signature
			}));
		await this.#run(
			orders.map((p) => p.file as File),
			contacts,
			buildImportOptions(orders, settings)
		);
		if (!this.busy) this.dialogFiles = null;
	}

	async #run(orderFiles: File[], contactJobs: ContactJob[], extra: Partial<ImportOptions>) {
		if (this.busy) return;
		this.busy = true;
		this.#abort = new AbortController();
		const signal = this.#abort.signal;
		const app = this.app;
		try {
			let loaded = false;
			if (orderFiles.length) {
				const r = await importFiles(app.engine, orderFiles, {
					...extra,
					mappingStore: this.mappingStore,
					signal,
					now: now(),
					onProgress: (p) => {
						this.importProgress = p;
						this.progress = this.#describe(p);
					}
				});
				if (!r.ok) {
					app.notice = { kind: 'error', failure: r.error, text: r.error.detail };
				} else {
					this.report = r.value;
					// Money is shown in the data's currency (a UK Shopify export in £, not CN¥).
					app.globals.currency = dominantCurrency(r.value.files) ?? app.globals.currency;
					this.recipes = [
						...this.recipes,
						...r.value.files.flatMap((f) => (f.recipe ? [f.recipe] : []))
					];
					this.#files.push(...r.value.files.map((f) => f.file));
					const done = r.value.files.map((f) => f.file);
					this.#sources.push(...orderFiles.filter((f) => done.includes(f.name)));
					loaded = r.value.files.length > 0;
					const failed = r.value.failures[0];
					if (failed)
						app.notice = {
							kind: 'error',
							failure: { ...failed.error, detail: `${failed.file}: ${failed.error.detail}` },
							text: failed.error.detail
						};
				}
			}
			const hasOrders = loaded || !!app.data;
			if (hasOrders) await app.engine.query(ensureContactsTableSql);
			for (const job of contactJobs) {
				const f = job.file;
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
				const c = await importContactList(app.engine, f, job.read, job.columns, job.fill);
				if (c.ok) {
					this.contacts = [...this.contacts, c.value];
					this.#files.push(f.name);
					this.#sources.push(f);
					this.#contactJobs.push(job);
					if (job.signature && job.columns) await this.contactStore.put(job.signature, job.columns);
					loaded = true;
				} else app.notice = { kind: 'error', failure: c.error, text: c.error.detail };
			}
			if (loaded) {
				await app.refreshData([...this.#files]);
				if (this.keepData) await this.#saveSnapshot();
			}
		} finally {
			this.busy = false;
			this.progress = null;
			this.importProgress = null;
			this.#abort = null;
		}
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

	async #saveSnapshot() {
		if (!this.#sources.length) return;
		const files = await Promise.all(
			this.#sources.map(async (f) => ({
				name: f.name,
				bytes: new Uint8Array(await f.arrayBuffer())
			}))
		);
		const r = await this.#store.saveDataSnapshot(files[0].name, files, nowIso());
		// A full disk is reported, not swallowed: the data stays loaded, only the copy is missing.
		if (!r.ok) this.app.notice = { kind: 'error', failure: r.error, text: r.error.detail };
	}

	/** Re-imports the files kept in this browser, if the user opted in. */
	async restore(): Promise<boolean> {
		if (!this.keepData) return false;
		const r = await this.#store.loadDataSnapshot();
		if (!r.ok || !r.value?.files.length) return false;
		this.#sources = r.value.files.map((f) => new File([f.bytes as BlobPart], f.name));
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
			rowsPerSecond: p.rowsPerSecond
		};
	}
}
