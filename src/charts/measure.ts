/**
 * Room for labels, measured before Plot draws: Plot sets its margins from options, not from the
 * text it will draw, so a long label either overlaps its neighbour or is cut at the edge.
 */

/** About how wide a label is drawn at the charts' font size (CJK characters twice as wide). */
export const textWidth = (v: unknown): number =>
	[...String(v ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);

/** Left margin that fits the longest category label. */
export function labelMargin(values: unknown[]): number {
	return Math.min(240, Math.max(56, 16 + Math.max(0, ...values.map(textWidth))));
}

/**
 * Left margin that fits a value axis's widest tick label. Ticks fall between the smallest and
 * largest value (zero included when the axis starts at zero), so a few evenly spaced values stand
 * in for them.
 */
export function tickMargin(values: unknown[], format: (v: number) => string, zero = true): number {
	const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
	if (!numbers.length) return 48;
	const lo = Math.min(zero ? 0 : Infinity, ...numbers);
	const hi = Math.max(zero ? 0 : -Infinity, ...numbers);
	const samples = Array.from({ length: 11 }, (_, i) => lo + ((hi - lo) * i) / 10);
	return Math.min(160, Math.max(40, 18 + Math.max(...samples.map((v) => textWidth(format(v))))));
}
