/**
 * "Running cell X", written before a SQL cell runs and removed when it ends. A mark still there
 * when the page starts means the tab died during that cell (a query that took all its memory):
 * the notebook then opens with that cell stopped, instead of running it into the same crash on
 * every start. localStorage, because it is written synchronously: the mark is on disk before the
 * query leaves for the engine, so a crash cannot beat it.
 */

const KEY = 'huitou.runningCells';

export interface RunMark {
	notebook: string;
	cell: string;
}

export class RunMarks {
	/** The marks found at start: cells the last page died running, until they run again. */
	readonly #died: RunMark[];

	constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
		this.#died = this.#read();
	}

	#read(): RunMark[] {
		try {
			const marks: unknown = JSON.parse(this.storage?.getItem(KEY) ?? '[]');
			return Array.isArray(marks)
				? marks.filter(
						(m): m is RunMark => typeof m?.notebook === 'string' && typeof m?.cell === 'string'
					)
				: [];
		} catch {
			return [];
		}
	}

	#write(marks: RunMark[]): void {
		this.storage?.setItem(KEY, JSON.stringify(marks));
	}

	/** Whether the last page died while this cell ran (and it has not run since). */
	died(mark: RunMark): boolean {
		return this.#died.some((m) => same(m, mark));
	}

	/** Before the cell's query leaves for the engine. */
	begin(mark: RunMark): void {
		this.#write([...this.#read().filter((m) => !same(m, mark)), mark]);
	}

	/** When it ended, however: the cell is no longer one that died. */
	end(mark: RunMark): void {
		this.#write(this.#read().filter((m) => !same(m, mark)));
		const at = this.#died.findIndex((m) => same(m, mark));
		if (at >= 0) this.#died.splice(at, 1);
	}
}

const same = (a: RunMark, b: RunMark) => a.notebook === b.notebook && a.cell === b.cell;
