/**
 * The data load under way, if any: files being imported, the sample shop loading, or the data
 * loading again after a Cancel or a crash restarted the engine. The data loader says what it does
 * and when the tables are final; a cell that would read them waits until then
 * (src/notebook/cell-run.svelte.ts), and its placeholder names the step and the figures so far.
 */
import type { ImportProgress } from '../ingest/import.ts';
import type { SampleStep } from '../sample/sample-tables.ts';

export interface DataLoad {
	/** `import`: files added; `sample`: the sample shop; `reload`: the same data again after a restart. */
	kind: 'import' | 'sample' | 'reload';
	/** The importer's step, or the sample's; null before the first is known. */
	step: ImportProgress['phase'] | SampleStep | null;
	/** Rows read of the file being imported. */
	rows?: number;
	/** That file's paid orders and customers, once its orders are built. */
	orders?: number;
	customers?: number;
}

export class DataLoading {
	/** The load under way, null when the tables are final. */
	current = $state.raw<DataLoad | null>(null);
	#settled: Promise<void> = Promise.resolve();
	#settle: () => void = () => undefined;

	/** A load starts, or tells its next step: cells starting from now wait for `end`. */
	show(load: DataLoad): void {
		if (!this.current) this.#settled = new Promise((resolve) => (this.#settle = resolve));
		this.current = load;
	}

	/** The tables are final (loaded, or left as they were by a failure): waiting cells go on. */
	end(): void {
		if (!this.current) return;
		this.current = null;
		this.#settle();
	}

	/** Resolves once no load is under way. */
	settled(): Promise<void> {
		return this.#settled;
	}
}
