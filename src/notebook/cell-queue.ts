/**
 * Which cell runs next. DuckDB runs one statement at a time, so cells that all start at once
 * would otherwise run in the order they asked, top to bottom, and the cell on screen waits for
 * every cell above it. Cells take turns here instead: one cell holds the engine for its run, and
 * the next turn goes to a visible cell first (the one nearest the top), then to the rest in
 * document order. A cell scrolled into view while waiting moves to the front.
 */
interface Waiting {
	id: string;
	index: number;
	resolve: (release: (() => void) | null) => void;
}

export class CellQueue {
	#waiting: Waiting[] = [];
	#visible = new Set<string>();
	#busy = false;
	#listeners = new Set<(waiting: number) => void>();

	/** Cells waiting for their turn (the running one not counted). */
	get waiting(): number {
		return this.#waiting.length;
	}

	/** Called with the number of waiting cells whenever it changes. */
	onChange(fn: (waiting: number) => void): () => void {
		this.#listeners.add(fn);
		return () => this.#listeners.delete(fn);
	}

	/** Whether a cell is in or near the viewport; a waiting visible cell goes first. */
	setVisible(id: string, visible: boolean): void {
		if (visible === this.#visible.has(id)) return;
		if (visible) this.#visible.add(id);
		else this.#visible.delete(id);
		// The order changed: a waiting cell's place in line (see `ahead`) did too.
		if (this.#waiting.length) this.#changed();
	}

	/**
	 * How many turns come before a waiting cell's: the running cell and the waiting cells that go
	 * first. Null when the cell is not waiting.
	 */
	ahead(id: string): number | null {
		const me = this.#waiting.find((w) => w.id === id);
		if (!me) return null;
		return this.#waiting.filter((w) => this.#before(w, me)).length + (this.#busy ? 1 : 0);
	}

	/** Whether `a` takes its turn before `b`: visible cells first, then the one nearest the top. */
	#before(a: Waiting, b: Waiting): boolean {
		const rank = (w: Waiting) => (this.#visible.has(w.id) ? 0 : 1);
		return rank(a) < rank(b) || (rank(a) === rank(b) && a.index < b.index);
	}

	/**
	 * Waits for the cell's turn and resolves with the function that ends it, or with null when
	 * `signal` aborts first (the controls changed, the cell went away): it then never runs.
	 */
	acquire(id: string, index: number, signal?: AbortSignal): Promise<(() => void) | null> {
		if (signal?.aborted) return Promise.resolve(null);
		return new Promise((resolve) => {
			const entry: Waiting = { id, index, resolve };
			this.#waiting.push(entry);
			signal?.addEventListener(
				'abort',
				() => {
					const at = this.#waiting.indexOf(entry);
					if (at < 0) return;
					this.#waiting.splice(at, 1);
					this.#changed();
					resolve(null);
				},
				{ once: true }
			);
			this.#changed();
			this.#next();
		});
	}

	#next(): void {
		if (this.#busy || this.#waiting.length === 0) return;
		let best = 0;
		for (let i = 1; i < this.#waiting.length; i++)
			if (this.#before(this.#waiting[i], this.#waiting[best])) best = i;
		const [turn] = this.#waiting.splice(best, 1);
		this.#busy = true;
		this.#changed();
		let released = false;
		turn.resolve(() => {
			if (released) return;
			released = true;
			this.#busy = false;
			this.#next();
		});
	}

	#changed(): void {
		for (const fn of this.#listeners) fn(this.#waiting.length);
	}
}
