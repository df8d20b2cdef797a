/**
 * Text that stays readable on a coloured cell: black or white, whichever contrasts more with the
 * cell by WCAG 2 relative luminance (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). The
 * cell's colour is the same in both themes, so the choice is too; the theme's text colour would
 * be white on pale cells in the dark theme and black on dark ones in the light theme.
 */

const DARK_TEXT = '#111111';
const LIGHT_TEXT = '#ffffff';

/** Relative luminance of `rgb(r, g, b)` or `#rrggbb`; null for anything else. */
export function luminance(color: string): number | null {
	const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color);
	const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
	const parts = rgb
		? rgb.slice(1, 4).map(Number)
		: hex
			? hex.slice(1, 4).map((h) => parseInt(h, 16))
			: null;
	if (!parts) return null;
	const [r, g, b] = parts.map((c) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two luminances (1 to 21). */
export const contrastRatio = (a: number, b: number): number =>
	(Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** The text colour, dark or light, that contrasts more with a cell of this colour. */
export function textOn(color: string): string {
	const l = luminance(color);
	if (l === null) return 'currentColor';
	const dark = luminance(DARK_TEXT) as number;
	return contrastRatio(l, dark) >= contrastRatio(l, 1) ? DARK_TEXT : LIGHT_TEXT;
}
