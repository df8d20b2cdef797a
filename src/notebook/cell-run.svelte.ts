/**
 * The run of one cell, whatever its kind: when it starts, where it waits, what it shows, how it
 * stops. A cell states what it would run (`RunRequest`, read again whenever what it reads
 * changes: parameters, controls, the data); this model waits for a data reload to finish, takes
 * the cell's turn in the queue (src/notebook/cell-queue.ts), runs it, and keeps its last value.
 * Components only show `phase` and `value` and forward Run and Cancel.
 *
 * A run nobody waits for any more (new parameters, the cell went away) is dropped: its signal
 * aborts and its value is never shown. A cell stopped with its Cancel waits, instead of starting
 * the same slow work again when the data reloads, until its inputs change or Run is pressed; a
 * cell the last page died running (src/notebook/run-marks.ts) opens stopped the same way.
 */
import { untrack } from 'svelte';
import type { CellQueue } from './cell-queue.ts';
import type { RunMark, RunMarks } from './run-marks.ts';
import type { DataLoad } from './data-load.svelte.ts';
import type { RunStep } from './run-cell.ts';

export type CellPhase =
	/** Nothing to run yet: no data, a SQL cell that runs only on Run, a link's SQL not yet trusted. */
	| { kind: 'idle' }
	/**
	 * Waiting for the data: files being imported, the sample loading, or the data loading again
	 * after a cancel or a crash restarted the engine. `load` is that load's step and figures so
	 * far, live; null while the engine only starts.
	 */
	| { kind: 'reloading'; load: DataLoad | null }
	/** Waiting for its turn: `ahead` turns come before its own. */
	| { kind: 'pending'; ahead: number }
	/** Holding the engine; `step` is what it does now, null until its work says. */
	| { kind: 'running'; step: RunStep | null }
	/** `value` is the last run's. */
	| { kind: 'done' }
	/** Stopped by its Cancel, or `crashed`: the last page died while it ran. Run starts it again. */
	| { kind: 'stopped'; crashed: boolean };

/** What a cell would run now; null when it cannot run (no data, parameters that do not build). */
export interface RunRequest<T> {
	/** The inputs a Cancel holds for: a stopped cell waits until they change, or Run again. */
	key: string;
	/** Whether it starts by itself (on open, new inputs, new data); false: only on Run. */
	auto: boolean;
	/**
	 * The run. `signal` aborts once nobody waits for it; `byHand` when Run started it; `previous`
	 * is the value shown; `show` puts a partial value on screen before the run ends (Predict's fit
	 * before its charts). Undefined keeps the value shown.
	 */
	work(ctx: RunContext<T>): Promise<T | undefined>;
}

interface RunContext<T> {
	signal: AbortSignal;
	byHand: boolean;
	previous: T | null;
	show(value: T): void;
	/** Says what the run does now (its 2nd query of 3, the shared tables): shown while it runs. */
	step(step: RunStep): void;
}

export interface CellRunEnv {
	engine: {
		/** Resolves once no restart (cancel, crash) is under way and the data is loaded again. */
		settled(): Promise<void>;
		/** Whether a restart is under way now. */
		readonly restarting: boolean;
		/** Ends the statement running now (the worker is replaced, the data loads again). */
		cancel(): unknown;
	};
	/** The data load under way (src/notebook/data-load.svelte.ts): a run waits until it ends. */
	data?: {
		readonly current: DataLoad | null;
		settled(): Promise<void>;
	};
	queue: CellQueue;
	marks?: RunMarks;
}

export interface CellRunOptions {
	/** The cell's id: its place in the queue. */
	id: string;
	/** Its position in the notebook, read when it asks for a turn. */
	index: () => number;
	/** Written while it runs, so a tab that dies in it opens with the cell stopped. */
	mark?: RunMark;
}

/** A stop that holds whatever the inputs (a crash: only Run starts the cell again). */
const ANY = Symbol('any inputs');

/** The phase as the run keeps it; a wait for the data reads the load's step when shown. */
type OwnPhase = Exclude<CellPhase, { kind: 'reloading' }> | { kind: 'reloading' };

export class CellRun<T> {
	#phase = $state.raw<OwnPhase>({ kind: 'idle' });
	value = $state.raw<T | null>(null);
	/** Bumped by Run: the effect below sees a run asked for by hand. */
	#asked = $state(0);
	#handled = 0;
	#stop: { key: string | typeof ANY; crashed: boolean } | null = null;
	#request: RunRequest<T> | null = null;
	#current: AbortController | null = null;
	#running = false;

	/**
	 * Must be made where effects may be (a component's setup, or `$effect.root` in a test): it
	 * follows `request` for as long as that lives.
	 */
	constructor(
		private readonly env: CellRunEnv,
		private readonly opts: CellRunOptions,
		request: () => RunRequest<T> | null
	) {
		if (opts.mark && env.marks?.died(opts.mark)) {
			this.#stop = { key: ANY, crashed: true };
			this.#phase = { kind: 'stopped', crashed: true };
		}
		$effect(() => {
			const req = request();
			const asked = this.#asked;
			untrack(() => this.#consider(req, asked));
		});
		// Torn down with its cell: a run still waiting for its turn leaves the queue.
		$effect(() => () => this.#current?.abort());
	}

	/** Where the run is; while it waits for the data, with the load's step and figures so far. */
	get phase(): CellPhase {
		const p = this.#phase;
		return p.kind === 'reloading' ? { kind: 'reloading', load: this.env.data?.current ?? null } : p;
	}

	/** Whether it is on its way: a Cancel applies. */
	get busy(): boolean {
		const k = this.#phase.kind;
		return k === 'reloading' || k === 'pending' || k === 'running';
	}

	/** Run (or Run again): starts now, also a cell that runs only on Run or was stopped. */
	run = (): void => {
		this.#stop = null;
		this.#asked++;
	};

	/**
	 * The user's Cancel. A run that holds the engine is ended there (the engine restarts); one
	 * still waiting just leaves the queue. Either way the cell waits for new inputs or Run.
	 */
	stop = (): void => {
		this.#stop = { key: this.#request?.key ?? ANY, crashed: false };
		this.#phase = { kind: 'stopped', crashed: false };
		this.#current?.abort();
		this.#current = null;
		if (this.#running) this.env.engine.cancel();
	};

	/** Whether the cell is in or near the viewport: visible cells take their turns first. */
	setVisible = (visible: boolean): void => this.env.queue.setVisible(this.opts.id, visible);

	#consider(req: RunRequest<T> | null, asked: number): void {
		const byHand = asked !== this.#handled;
		this.#handled = asked;
		this.#request = req;
		if (!req) {
			this.#drop();
			if (!this.#stop) this.#phase = this.value === null ? { kind: 'idle' } : { kind: 'done' };
			return;
		}
		const stop = this.#stop;
		if (stop && !byHand && (stop.key === ANY || stop.key === req.key)) {
			this.#drop();
			this.#phase = { kind: 'stopped', crashed: stop.crashed };
			return;
		}
		this.#stop = null;
		// A cell that runs only on Run keeps what it shows (and a run by hand under way).
		if (!req.auto && !byHand) {
			if (!this.#current) this.#phase = this.value === null ? { kind: 'idle' } : { kind: 'done' };
			return;
		}
		this.#drop();
		const ctrl = new AbortController();
		this.#current = ctrl;
		void this.#go(req, ctrl, byHand);
	}

	/** Drops the run under way, if any: nobody waits for it any more. */
	#drop(): void {
		this.#current?.abort();
		this.#current = null;
	}

	async #go(req: RunRequest<T>, ctrl: AbortController, byHand: boolean): Promise<void> {
		const { signal } = ctrl;
		const { queue, marks } = this.env;
		const { id, mark } = this.opts;
		const mine = () => !signal.aborted && this.#current === ctrl;
		let release: (() => void) | null = null;
		while (!release) {
			this.#phase = { kind: 'reloading' };
			// An import, or the data loading again after a cancel or a crash, ends first: never
			// read the tables half-loaded.
			await this.#dataSettled();
			if (!mine()) return;
			// One cell at a time, the ones on screen first. While it waits, it says how many
			// turns come before its own.
			const turn = queue.acquire(id, this.opts.index(), signal);
			const place = () => {
				const ahead = queue.ahead(id);
				if (ahead !== null && mine()) this.#phase = { kind: 'pending', ahead };
			};
			const unwatch = queue.onChange(place);
			place();
			release = await turn;
			unwatch();
			if (!release) return;
			if (!mine()) {
				release();
				return;
			}
			// A load or a restart began while it waited (files added, another cell's Cancel): its
			// turn goes to the next, and it waits for the data again.
			if (this.env.data?.current || this.env.engine.restarting) {
				release();
				release = null;
			}
		}
		this.#running = true;
		this.#phase = { kind: 'running', step: null };
		if (mark) marks?.begin(mark);
		try {
			const value = await req.work({
				signal,
				byHand,
				previous: this.value,
				show: (v) => {
					if (mine()) this.value = v;
				},
				step: (step) => {
					if (mine()) this.#phase = { kind: 'running', step };
				}
			});
			if (!mine()) return;
			if (value !== undefined) this.value = value;
			this.#phase = { kind: 'done' };
			this.#current = null;
		} finally {
			if (mark) marks?.end(mark);
			this.#running = false;
			release();
		}
	}

	/** Resolves once no engine restart and no data load is under way. */
	async #dataSettled(): Promise<void> {
		const { engine, data } = this.env;
		for (;;) {
			await engine.settled();
			if (!data?.current) return;
			await data.settled();
		}
	}
}
