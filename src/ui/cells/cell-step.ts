/**
 * What a busy cell's placeholder says: the data load it waits for (with the load's step and
 * figures so far), its place in the queue, or what it runs now. Text only; the run's model
 * (src/notebook/cell-run.svelte.ts) knows the step.
 */
import type { CellPhase } from '../../notebook/cell-run.svelte.ts';
import type { DataLoad } from '../../notebook/data-load.svelte.ts';
import type { RunStep } from '../../notebook/run-cell.ts';
import { formatValue } from '../../lib/format.ts';
import type { Lang } from '../../lib/msg.ts';

type T = (key: string, vars?: Record<string, string | number>) => string;

const STEPS: Record<NonNullable<DataLoad['step']>, string> = {
	preview: 'cell.load.step.preview',
	reading: 'cell.load.step.reading',
	building: 'cell.load.step.building',
	report: 'cell.load.step.report',
	merging: 'cell.load.step.merging',
	done: 'cell.load.step.done',
	fetching: 'cell.load.step.fetching',
	engine: 'cell.load.step.engine',
	loading: 'cell.load.step.loading'
};

const LOADS: Record<DataLoad['kind'], string> = {
	import: 'cell.load.import',
	sample: 'cell.load.sample',
	reload: 'cell.load.reload'
};

/**
 * "Waiting for the import: checking quality · 1,200,000 rows read · 412,000 orders from 98,000
 * customers so far".
 */
function loadText(load: DataLoad | null, t: T, lang: Lang): string[] {
	if (!load) return [t('cell.load.engine')];
	const what = t(LOADS[load.kind]);
	const head = load.step ? t('cell.load.with-step', { what, step: t(STEPS[load.step]) }) : what;
	const figures: string[] = [];
	if (load.rows) figures.push(t('progress.rows-read', { n: formatValue(load.rows, 'int', lang) }));
	if (load.orders !== undefined && load.customers !== undefined)
		figures.push(
			t('progress.found', {
				orders: formatValue(load.orders, 'int', lang),
				customers: formatValue(load.customers, 'int', lang)
			})
		);
	return [head, ...figures];
}

function runText(step: RunStep | null, t: T, lang: Lang, idle: string): string {
	if (!step) return idle;
	if (step.kind === 'prepare') return t('cell.step.prepare');
	if (step.kind === 'tables') return t('cell.step.tables');
	return t('cell.step.query', { n: step.n, of: step.of, title: step.title[lang] });
}

/**
 * The step a busy cell names, in parts shown joined by " · " (a step, then its figures; each
 * part is kept on one line where it fits); null when it is not busy. `idle` is what a run says
 * before its work tells a step (a SQL cell's query has none).
 */
export function cellStepParts(phase: CellPhase, t: T, lang: Lang, idle: string): string[] | null {
	switch (phase.kind) {
		case 'reloading':
			return loadText(phase.load, t, lang);
		case 'pending':
			return [t('cell.waiting', { n: phase.ahead })];
		case 'running':
			return [runText(phase.step, t, lang, idle)];
		default:
			return null;
	}
}
