/**
 * Charts as standalone files. Plot styles its SVG partly through the page's CSS (fonts, colours
 * from CSS variables), which a saved file does not have, so the styles that shape a chart are
 * copied inline from the computed style of each element before serialising.
 */

const INLINE_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-opacity',
	'stroke-width',
	'stroke-dasharray',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-variant',
	'text-anchor',
	'dominant-baseline',
	'paint-order',
	'visibility',
	'display'
];

/**
 * The chart's own SVG in what Plot drew (where nothing is laid out, as in Node, whose reports cannot
 * place the legend's HTML text the way serializeChart does): a figure holds its legends first, colour ramps and
 * swatches that are SVGs too, so the first SVG of a chart with a series legend is a 15 px swatch.
 */
export function findChartSvg(root: ParentNode): SVGSVGElement | undefined {
	return [...root.querySelectorAll<SVGSVGElement>('svg')].find(
		(svg) => !/-ramp$/.test(svg.getAttribute('class') ?? '') && !svg.closest('[class$="-swatch"]')
	);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A copy of the SVG with the computed styles that shape it written inline. */
function inlineClone(svg: SVGSVGElement): SVGSVGElement {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const from = [svg, ...svg.querySelectorAll('*')];
	const to = [clone, ...clone.querySelectorAll('*')];
	from.forEach((el, i) => {
		const computed = getComputedStyle(el);
		const target = to[i] as SVGElement;
		for (const p of INLINE_PROPERTIES) {
			const value = computed.getPropertyValue(p);
			if (value) target.style.setProperty(p, value);
		}
	});
	return clone;
}

/**
 * A chart as one standalone SVG document, as it is on screen. Plot draws a chart with a legend as
 * a figure: small SVGs and HTML text for the legend above the chart's own SVG. Each SVG is nested
 * where it sits, and each piece of legend text becomes SVG text at its place, so the file holds
 * the legend too (a chart alone would leave its colours unexplained).
 */
export function serializeChart(chart: Element): string {
	const box = chart.getBoundingClientRect();
	const out = document.createElementNS(SVG_NS, 'svg');
	out.setAttribute('xmlns', SVG_NS);
	out.setAttribute('width', String(Math.ceil(box.width)));
	out.setAttribute('height', String(Math.ceil(box.height)));
	out.setAttribute('viewBox', `0 0 ${Math.ceil(box.width)} ${Math.ceil(box.height)}`);
	const svgs =
		chart instanceof SVGSVGElement
			? [chart]
			: [...chart.querySelectorAll<SVGSVGElement>('svg')].filter(
					(s) => !s.parentElement?.closest('svg')
				);
	for (const svg of svgs) {
		const at = svg.getBoundingClientRect();
		const clone = inlineClone(svg);
		clone.setAttribute('x', String(at.left - box.left));
		clone.setAttribute('y', String(at.top - box.top));
		clone.setAttribute('width', String(at.width));
		clone.setAttribute('height', String(at.height));
		if (!clone.getAttribute('viewBox') && svg.width.baseVal.value && svg.height.baseVal.value)
			clone.setAttribute('viewBox', `0 0 ${svg.width.baseVal.value} ${svg.height.baseVal.value}`);
		out.append(clone);
	}
	if (!(chart instanceof SVGSVGElement)) for (const text of htmlText(chart, box)) out.append(text);
	const background = getComputedStyle(svgs.at(-1) ?? chart).backgroundColor;
	if (background && background !== 'rgba(0, 0, 0, 0)') out.style.backgroundColor = background;
	return new XMLSerializer().serializeToString(out);
}

/** The figure's HTML text (legend labels) as SVG text where it is drawn, in its font and colour. */
function htmlText(root: Element, box: DOMRect): SVGTextElement[] {
	const texts: SVGTextElement[] = [];
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const parent = node.parentElement;
		if (!parent || parent.closest('svg, style') || !node.textContent?.trim()) continue;
		const range = document.createRange();
		range.selectNodeContents(node);
		const at = range.getBoundingClientRect();
		if (!at.width) continue;
		const style = getComputedStyle(parent);
		const text = document.createElementNS(SVG_NS, 'text');
		text.setAttribute('x', String(at.left - box.left));
		// The text box holds the line; its baseline is about four fifths down for these fonts.
		text.setAttribute('y', String(at.top - box.top + at.height * 0.8));
		text.setAttribute('fill', style.color);
		text.setAttribute('font-family', style.fontFamily);
		text.setAttribute('font-size', style.fontSize);
		text.setAttribute('font-weight', style.fontWeight);
		text.textContent = node.textContent.trim();
		texts.push(text);
	}
	return texts;
}

/** Renders the chart (with its legend) to a PNG at `scale` × its CSS size, on the page's colour. */
export async function chartToPng(chart: Element, scale = 2): Promise<Blob> {
	const text = serializeChart(chart);
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const box = chart.getBoundingClientRect();
		const width = Math.ceil((box.width || img.naturalWidth) * scale);
		const height = Math.ceil((box.height || img.naturalHeight) * scale);
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('canvas 2d context unavailable');
		ctx.fillStyle = pageBackground(chart);
		ctx.fillRect(0, 0, width, height);
		ctx.drawImage(img, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** The first non-transparent background up the tree, so dark mode exports stay readable. */
function pageBackground(el: Element): string {
	for (let e: Element | null = el; e; e = e.parentElement) {
		const bg = getComputedStyle(e).backgroundColor;
		if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
	}
	return '#ffffff';
}
