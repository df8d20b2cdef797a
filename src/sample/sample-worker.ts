/** The sample worker: builds the sample files off the page's main thread (see load-sample.ts). */
import { buildSampleFilesSafely, type SampleRequest, type SampleResponse } from './sample-files.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<SampleRequest>) => {
	if (e.data.type !== 'build') return;
	const response: SampleResponse = {
		type: 'built',
		result: buildSampleFilesSafely(e.data.options)
	};
	// The two byte arrays move to the page instead of being copied.
	const transfer = response.result.ok
		? [response.result.value.orders.buffer, response.result.value.contacts.buffer]
		: [];
	scope.postMessage(response, { transfer });
};
