/**
 * Headless Chromium for browser tests, through playwright-core and the system's Chromium
 * (npm tools cannot download browsers here). Every request the page makes is recorded; off-origin
 * ones are blocked and reported so a test can fail on them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

function assertChromium(): void {
	if (!existsSync(CHROMIUM_PATH))
		throw new Error(
			`No Chromium at ${CHROMIUM_PATH}. Browser tests need one: on Debian/Ubuntu run ` +
				'`sudo apt-get install -y chromium`, or point CHROMIUM_PATH at an existing Chrome/Chromium binary.'
		);
}

/**
 * `baselineWasm` keeps DuckDB's WebAssembly on V8's baseline compiler (Liftoff). Browser tests
 * open dozens of short-lived pages on a few thousand rows: re-optimising DuckDB's hot functions in
 * each fresh page cost more CPU than it saved (a tenth of the suite's on 2 cores). The benchmark
 * leaves it off, so what it measures is the browser as users have it.
 */
export async function launch(options: { baselineWasm?: boolean } = {}): Promise<Browser> {
	assertChromium();
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
			...(options.baselineWasm ? ['--js-flags=--liftoff-only'] : [])
		]
	});
}

export interface WatchedPage {
	page: Page;
	context: BrowserContext;
	/** Requests that tried to leave the page's origin (blocked). */
	offOrigin: string[];
	/** Every request URL, in order. */
	requests: string[];
	consoleErrors: string[];
	screenshot(name: string): Promise<string>;
}

export async function openWatched(
	browser: Browser,
	url: string,
	options: {
		locale?: string;
		colorScheme?: 'light' | 'dark';
		context?: BrowserContext;
		/** Let the app's service worker install (off by default: see below). */
		serviceWorker?: boolean;
	} = {}
): Promise<WatchedPage> {
	const origin = new URL(url).origin;
	const context =
		options.context ??
		(await browser.newContext({
			locale: options.locale ?? 'en-US',
			colorScheme: options.colorScheme ?? 'light',
			viewport: { width: 1440, height: 960 },
			acceptDownloads: true,
			// Installing it copies the whole build (both DuckDB bundles) into a fresh profile's cache:
			// seconds of CPU per page that only the offline test is about.
			serviceWorkers: options.serviceWorker ? 'allow' : 'block'
		}));
	const offOrigin: string[] = [];
	const requests: string[] = [];
	const consoleErrors: string[] = [];
	await context.route('**/*', (route) => {
		const u = route.request().url();
		if (u.startsWith(origin) || u.startsWith('blob:') || u.startsWith('data:'))
			return route.continue();
		offOrigin.push(u);
		return route.abort('blockedbyclient');
	});
	const page = await context.newPage();
	page.on('request', (r) => requests.push(r.url()));
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(m.text());
	});
	page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
	await page.goto(url);
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	return {
		page,
		context,
		offOrigin,
		requests,
		consoleErrors,
		async screenshot(name) {
			const file = path.join(SCREENSHOT_DIR, `${name}.png`);
			await page.screenshot({ path: file, fullPage: true });
			return file;
		}
	};
}

/**
 * Opens the "All analyses" built-in from the link beside the contents list. The first view after
 * loading is the short Store health notebook; tests that need every analysis go here first.
 */
export async function openAllAnalyses(page: Page): Promise<void> {
	await page.getByTestId('open-all-analyses').click();
	await page.waitForFunction(
		() => document.querySelectorAll('[data-testid=cell][data-cell-kind=preset]').length > 5,
		undefined,
		{ timeout: 30_000 }
	);
}

/**
 * Every cell of the notebook on screen has finished: no placeholder and no "Running…" left, and
 * at least `minCharts` charts drawn.
 */
export async function waitForCellsSettled(
	page: Page,
	{ timeout, minCharts = 0 }: { timeout: number; minCharts?: number }
): Promise<void> {
	await page.waitForFunction(
		(min) =>
			document.querySelectorAll('[data-testid=cell] [aria-busy=true]').length === 0 &&
			![...document.querySelectorAll('[data-testid=cell]')].some((c) =>
				/Running…|运行中…/.test(c.textContent ?? '')
			) &&
			document.querySelectorAll('[data-testid=chart] svg').length >= min,
		minCharts,
		{ timeout }
	);
}
