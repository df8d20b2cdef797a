/**
 * Charts drawn in Node for unit tests: Plot draws into the `document` it is given, here jsdom's,
 * so a test can read the marks a chart made without a browser.
 */
import { JSDOM } from 'jsdom';
import type { ChartOptions } from '../../src/charts/options.ts';

const { window } = new JSDOM('<!doctype html><body></body>');
// Colour-ramp legends paint a canvas, which jsdom lacks: a blank one stands in (what it paints
// is not under test, the legend's ticks and title are).
Object.assign(window.HTMLCanvasElement.prototype, {
	getContext: () => ({ fillRect: () => undefined }),
	toDataURL: () => 'data:,'
});

export const chartOptions = (more: Partial<ChartOptions> = {}): ChartOptions => ({
	lang: 'en',
	width: 640,
	currency: 'CNY',
	document: window.document,
	words: { latest: 'Latest', best: 'Best', average: 'Average of all', others: 'Others' },
	...more
});

/** The chart's marks by their aria-label (Plot names each mark's group: `bar`, `line`, `cell`, …). */
export function marks(chart: Element, label: string): Element[] {
	return [...chart.querySelectorAll(`g[aria-label="${label}"] > *`)];
}

/** The text of every tick label of an axis (`y-axis tick label`, `x-axis tick label`, …). */
export function texts(chart: Element, label: string): string[] {
	return [...chart.querySelectorAll(`g[aria-label="${label}"] text`)].map(
		(t) => t.textContent ?? ''
	);
}
