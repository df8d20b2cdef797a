/**
 * What the "Try sample data" button calls. Building ~60k orders takes about a second of CPU, so
 * in the page it runs in a module Web Worker and the UI stays responsive; where there is no
 * Worker (Node tests) it runs inline. Errors come back as values ('sample.failed').
 */
import { fail, type Result } from '../lib/result.ts';
import type { SampleOptions } from './generate.ts';
import {
	buildSampleFilesSafely,
	type SampleFiles,
	type SampleRequest,
	type SampleResponse
} from './sample-files.ts';

export function loadSampleFiles(options: SampleOptions = {}): Promise<Result<SampleFiles>> {
	if (typeof Worker === 'undefined') return Promise.resolve(buildSampleFilesSafely(options));
	return new Promise((resolve) => {
		const worker = new Worker(new URL('./sample-worker.ts', import.meta.url), { type: 'module' });
		const finish = (r: Result<SampleFiles>) => {
			worker.terminate();
			resolve(r);
		};
		worker.onmessage = (e: MessageEvent<SampleResponse>) => {
			if (e.data.type === 'built') finish(e.data.result);
		};
		worker.onerror = (e) => finish(fail('sample.failed', e.message || 'the sample worker failed'));
		const request: SampleRequest = { type: 'build', options };
		worker.postMessage(request);
	});
}
