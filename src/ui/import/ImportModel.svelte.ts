import type { Lang } from '../../lib/msg.ts';
import type { Failure } from '../../lib/result.ts';
import type { Mapping, OrderIdMode } from '../../ingest/mapping.ts';
import type { CanonicalField, OrderStatus } from '../../ingest/canonical.ts';
import type { PresetId } from '../../ingest/presets/index.ts';
import type { ReadOptions } from '../../ingest/read/index.ts';
import type { ContactColumns } from '../../ingest/contact-columns.ts';
import type { ContactFill } from '../../ingest/contacts.ts';
import {
	checkPlan,
	choosePreset,
	chooseRole,
	chooseTimezone,
	fillContact,
	mapContactField,
	mapField,
	mapStatusWord,
	planFile,
	previewGroupWords,
	previewDateFormat,
	previewReadings,
	previewStatusWords,
	updateMapping,
	type FilePlan,
	type FileRole,
	type PlanDeps
} from '../../ingest/plan.ts';

/**
 * The import dialog's state: one plan per file (src/ingest/plan.ts), the file shown, and whether
 * a preview is being read. The dialog's views read it and call its methods; the plans it holds
 * are what the data loader imports and keeps, so reopening the dialog with them restores every
 * choice.
 */
export class ImportModel {
	plans = $state.raw<FilePlan[]>([]);
	selected = $state(0);
	/** A file's head is being read again after a reader choice changed. */
	loading = $state(false);
	readonly plan = $derived<FilePlan | undefined>(this.plans[this.selected]);
	readonly checks = $derived(this.plans.map(checkPlan));
	/** Files that could be read; the ones that could not are left out of the import. */
	readonly importable = $derived(this.plans.filter((p) => !p.failure));
	readonly ready = $derived(
		this.importable.length > 0 &&
			this.plans.every((p, i) => p.failure !== null || this.checks[i].ok)
	);
	/** Why Import is disabled: the first readable file that cannot be imported as it stands. */
	readonly blocker = $derived.by((): { file: string; error: Failure } | null => {
		const i = this.plans.findIndex((p, j) => p.failure === null && !this.checks[j].ok);
		const check = this.checks[i];
		if (i < 0 || check.ok) return null;
		return { file: this.plans[i].file.name, error: check.error };
	});
	readonly statusWords = $derived(this.plan ? previewStatusWords(this.plan) : []);
	readonly groupWords = $derived(this.plan ? previewGroupWords(this.plan) : []);
	/** The date format the preview's values suggest, named beside the format picker. */
	readonly dateDetection = $derived(this.plan ? previewDateFormat(this.plan) : null);
	/** The preview's dates and amounts as the import reads them, beside their text. */
	readonly readings = $derived(this.plan?.role === 'orders' ? previewReadings(this.plan) : []);
	/** Every file is a contact list: the dialog is titled for lists. */
	readonly onlyContacts = $derived(
		this.plans.length > 0 && this.plans.every((p) => p.role === 'contacts')
	);
	#reads = 0;

	constructor(
		plans: FilePlan[],
		private readonly deps: PlanDeps
	) {
		this.plans = plans;
	}

	select(index: number) {
		this.selected = index;
	}

	/**
	 * Reads the shown file's head again with a changed reader choice (encoding, delimiter, header
	 * row, sheet); its plan is decided anew from what that reading shows. Only the latest of
	 * several quick changes is kept.
	 */
	async reread(change: Partial<ReadOptions>) {
		const plan = this.plan;
		if (!plan) return;
		const read = ++this.#reads;
		this.loading = true;
		const next = await planFile(plan.file, { ...plan.read, ...change }, this.deps);
		if (read !== this.#reads) return;
		this.#replace(plan, next);
		this.loading = false;
	}

	chooseRole(role: FileRole) {
		this.#edit((p) => chooseRole(p, role));
	}

	choosePreset(id: PresetId | null) {
		this.#edit((p) => choosePreset(p, id));
	}

	mapField(field: CanonicalField, column: string | undefined) {
		this.#edit((p) => mapField(p, field, column));
	}

	mapStatusWord(word: string, status: OrderStatus) {
		this.#edit((p) => mapStatusWord(p, word, status));
	}

	updateMapping(change: Partial<Omit<Mapping, 'fields'>>) {
		this.#edit((p) => updateMapping(p, change));
	}

	/** How orders are told apart when no column holds an order id. */
	chooseOrderIdMode(mode: OrderIdMode) {
		this.updateMapping({ orderIdMode: mode });
	}

	/** A named format or a typed pattern; undefined decides from the data again. */
	chooseDateFormat(format: string | undefined) {
		this.updateMapping({ dateFormat: format });
	}

	chooseTimezone(minutes: number) {
		this.#edit((p) => chooseTimezone(p, minutes));
	}

	mapContactField(field: keyof ContactColumns, column: string | undefined) {
		this.#edit((p) => mapContactField(p, field, column));
	}

	fillContact(change: Partial<ContactFill>) {
		this.#edit((p) => fillContact(p, change));
	}

	#edit(change: (plan: FilePlan) => FilePlan) {
		if (this.plan) this.#replace(this.plan, change(this.plan));
	}

	#replace(old: FilePlan, next: FilePlan) {
		this.plans = this.plans.map((p) => (p === old ? next : p));
	}
}

/** What each part of the dialog that shows one file's plan is given. */
export interface PlanPanelProps {
	model: ImportModel;
	plan: FilePlan;
	lang: Lang;
	busy: boolean;
}
