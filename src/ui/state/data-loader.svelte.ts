import type { AppState } from './app.svelte.ts';
import { importFiles, type ImportProgress, type MappingRequest } from '../../ingest/import.ts';
import type { ImportReport } from '../../ingest/quality.ts';
import type { Mapping } from '../../ingest/mapping.ts';
import { createLocalMappingStore } from '../../ingest/mapping.ts';
import { previewSource } from '../../ingest/read/index.ts';
import {
	ensureContactsTableSql,
	importContactList,
	isContactList,
	type ContactImport
} from '../../ingest/contacts.ts';
import { buildSampleFiles } from '../../sample/sample-files.ts';

export interface LoadProgress {
	label: string;
	bytes: number;
	totalBytes: number;
	rows?: number;
	rowsPerSecond?: number;
}

/**
 * Loading data: order files through the importer (asking the column mapper when a layout is
 * unknown), contact lists into campaign_contacts, then a refresh of what the controls offer. A
 * failed file leaves everything loaded before it as it was.
 */
export class DataLoader {
	busy = $state(false);
	progress = $state.raw<LoadProgress | null>(null);
	report = $state.raw<ImportReport | null>(null);
	contacts = $state.raw<ContactImport[]>([]);
	showReport = $state(false);
	/** The mapping question the import dialog is showing, if any. */
	pending = $state.raw<MappingRequest | null>(null);
	#answer: ((m: Mapping | null) => void) | null = null;
	#abort: AbortController | null = null;
	#files: string[] = [];
	/** Always ask for the first file of a layout, so the user sees the decoded preview. */
	#confirmAll = true;
	readonly mappingStore = createLocalMappingStore();

	constructor(private readonly app: AppState) {}

	cancel() {
		this.#abort?.abort();
		this.answer(null);
	}

	/** The dialog's answer: a mapping to import with, or null to skip the file. */
	answer(mapping: Mapping | null) {
		const fn = this.#answer;
		this.#answer = null;
		this.pending = null;
		fn?.(mapping);
	}

	async loadSample() {
		this.progress = { label: this.app.t('sample.generating'), bytes: 0, totalBytes: 0 };
		// Let the progress bar paint before the generator takes the thread for a moment.
		await new Promise((r) => setTimeout(r, 30));
		const s = buildSampleFiles();
		const files = [
			new File([s.orders as BlobPart], s.name, { type: 'text/csv' }),
			new File([s.contacts as BlobPart], s.contactsName, { type: 'text/csv' })
		];
		this.#confirmAll = false;
		try {
			await this.loadFiles(files);
		} finally {
			this.#confirmAll = true;
		}
	}

	async loadFiles(files: File[]) {
		if (this.busy) return;
		this.busy = true;
		this.#abort = new AbortController();
		const signal = this.#abort.signal;
		const app = this.app;
		try {
			const orderFiles: File[] = [];
			const contactFiles: File[] = [];
			for (const f of files) {
				const p = await previewSource(f);
				if (p.ok && isContactList(p.value.header)) contactFiles.push(f);
				else orderFiles.push(f);
			}
			let loaded = false;
			if (orderFiles.length) {
				const answered = new Map<string, Mapping>();
				const r = await importFiles(app.engine, orderFiles, {
					mappingStore: this.mappingStore,
					signal,
					now: new Date(),
					onProgress: (p) => (this.progress = this.#describe(p)),
					mappingFor: (req) => this.#mappingFor(req, answered)
				});
				if (!r.ok) {
					app.notice = { kind: 'error', failure: r.error, text: r.error.detail };
				} else {
					this.report = r.value;
					this.#files.push(...r.value.files.map((f) => f.file));
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
			if (loaded || this.app.data) await app.engine.query(ensureContactsTableSql);
			for (const f of contactFiles) {
				if (!loaded && !this.app.data) {
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
				const c = await importContactList(app.engine, f);
				if (c.ok) {
					this.contacts = [...this.contacts, c.value];
					this.#files.push(f.name);
					loaded = true;
				} else app.notice = { kind: 'error', failure: c.error, text: c.error.detail };
			}
			if (loaded) await app.refreshData([...this.#files]);
		} finally {
			this.busy = false;
			this.progress = null;
			this.#abort = null;
		}
	}

	#mappingFor(req: MappingRequest, answered: Map<string, Mapping>): Promise<Mapping | null> {
		const known = answered.get(req.signature);
		if (known) return Promise.resolve(known);
		if (!this.#confirmAll && (req.preset || req.remembered)) return Promise.resolve(req.proposed);
		return new Promise((resolve) => {
			this.pending = req;
			this.#answer = (m) => {
				if (m) {
					answered.set(req.signature, m);
					if (!req.preset) void this.mappingStore.put(req.signature, m);
				}
				resolve(m);
			};
		});
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
