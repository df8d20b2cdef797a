/**
 * Runs the model fit off the main thread: a module Web Worker in the page, inline where there is
 * no Worker (Node tests). The worker protocol is a discriminated union; errors cross as values.
 */
import { fail, type Result } from '../../lib/result.ts';
import type { FitInput, FitResult } from './fit.ts';
import { fitSafely, type FitRequest, type FitResponse } from './fit-protocol.ts';
/** Fits both models; aborting the signal stops the worker and resolves to 'predict.cancelled'. */
export function runFit(
	input: FitInput,
	opts: { signal?: AbortSignal } = {}
): Promise<Result<FitResult>> {
	const { signal } = opts;
	if (signal?.aborted)
		return Promise.resolve(fail('predict.cancelled', 'cancelled before the fit'));
	if (typeof Worker === 'undefined') return Promise.resolve(fitSafely(input));
	return new Promise((resolve) => {
		const worker = new Worker(new URL('./fit-worker.ts', import.meta.url), { type: 'module' });
		const finish = (r: Result<FitResult>) => {
			worker.terminate();
			signal?.removeEventListener('abort', onAbort);
			resolve(r);
		};
		const onAbort = () => finish(fail('predict.cancelled', 'the fit was cancelled'));
		signal?.addEventListener('abort', onAbort, { once: true });
		worker.onmessage = (e: MessageEvent<FitResponse>) => {
			if (e.data.type === 'fitted') finish(e.data.result);
		};
		worker.onerror = (e) => finish(fail('predict.worker', e.message || 'the fit worker failed'));
		const request: FitRequest = { type: 'fit', input };
		worker.postMessage(request);
	});
}
