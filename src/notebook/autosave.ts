/**
 * Saves the latest value at most `delayMs` after the first unsaved edit. It does not restart the
 * timer on every keystroke (a plain debounce would never save while the user keeps typing), so a
 * crash loses at most `delayMs` of edits. Leaving the page (pagehide, or the tab becoming hidden,
 * which is the last event mobile browsers reliably fire) saves at once.
 */
import type { Result } from '../lib/result.ts';

export interface Autosaver<T> {
	/** Marks `value` as the latest state to save. */
	schedule(value: T): void;
	/** Saves the pending value now, if any; resolves when every started save has finished. */
	flush(): Promise<void>;
	/** Whether an edit is waiting to be saved. */
	readonly pending: boolean;
	/** Stops listening to the page; a pending value is saved first. */
	dispose(): Promise<void>;
}

export interface AutosaverOptions {
	/** Where to listen for pagehide / visibilitychange; defaults to the page's window and document. */
	window?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
	document?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
		visibilityState?: string;
	};
	/** Every failed save, e.g. 'storage.quota', so the UI can say the work is not saved. */
	onError?: (error: { code: string; detail: string }) => void;
}

export function createAutosaver<T>(
	save: (value: T) => Promise<Result<unknown>>,
	delayMs = 800,
	opts: AutosaverOptions = {}
): Autosaver<T> {
	const win = opts.window ?? (typeof window === 'undefined' ? undefined : window);
	const doc = opts.document ?? (typeof document === 'undefined' ? undefined : document);
	let latest: { value: T } | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	// Saves run one after another so an older value can never land after a newer one.
	let chain: Promise<void> = Promise.resolve();

	function saveNow(): Promise<void> {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		if (latest) {
			const { value } = latest;
			latest = undefined;
			chain = chain.then(async () => {
				const r = await save(value).catch((e: unknown): Result<unknown> => ({
					ok: false,
					error: { code: 'storage.failed', detail: String((e as Error)?.message ?? e) }
				}));
				if (!r.ok) opts.onError?.(r.error);
			});
		}
		return chain;
	}

	const onPageHide = () => void saveNow();
	const onVisibility = () => {
		if (doc?.visibilityState === 'hidden') void saveNow();
	};
	win?.addEventListener('pagehide', onPageHide);
	doc?.addEventListener('visibilitychange', onVisibility);

	return {
		schedule(value) {
			latest = { value };
			timer ??= setTimeout(saveNow, delayMs);
		},
		flush: saveNow,
		get pending() {
			return latest !== undefined;
		},
		async dispose() {
			win?.removeEventListener('pagehide', onPageHide);
			doc?.removeEventListener('visibilitychange', onVisibility);
			await saveNow();
		}
	};
}
