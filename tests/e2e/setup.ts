/**
 * Shared set-up for browser tests: the production build served under a sub-path, one Chromium.
 * `npm run test:e2e` builds dist/ first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { launch } from '../helpers/browser.ts';

export interface E2E {
	server: StaticServer;
	browser: Browser;
	close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
	const dist = path.resolve('dist');
	if (!existsSync(path.join(dist, 'index.html')))
		throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does it).');
	const server = await serveDist(dist);
	const browser = await launch({ baselineWasm: true });
	return {
		server,
		browser,
		async close() {
			await browser.close();
			await server.close();
		}
	};
}
