/** The fit worker: one request, one answer (protocol in fit-protocol.ts). */
import { fitSafely, type FitRequest, type FitResponse } from './fit-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<FitRequest>) => {
	if (e.data.type !== 'fit') return;
	const response: FitResponse = { type: 'fitted', result: fitSafely(e.data.input) };
	scope.postMessage(response);
};
