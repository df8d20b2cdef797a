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
 * The chart's own SVG in what Plot drew: a figure holds its legends first, colour ramps and
 * swatches that are SVGs too, so the first SVG of a chart with a series legend is a 15 px swatch.
 */
export function findChartSvg(root: ParentNode): SVGSVGElement | undefined {
	return [...root.querySelectorAll<SVGSVGElement>('svg')].find(
		(svg) => !/-ramp$/.test(svg.getAttribute('class') ?? '') && !svg.closest('[class$="-swatch"]')
	);
}

/** The SVG as a standalone document string with inline styles and explicit size. */
export function serializeSvg(svg: SVGSVGElement): string {
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
	const box = svg.getBoundingClientRect();
	if (!clone.getAttribute('width')) clone.setAttribute('width', String(Math.ceil(box.width)));
	if (!clone.getAttribute('height')) clone.setAttribute('height', String(Math.ceil(box.height)));
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	const background = getComputedStyle(svg).backgroundColor;
	if (background && background !== 'rgba(0, 0, 0, 0)') clone.style.backgroundColor = background;
	return new XMLSerializer().serializeToString(clone);
}

/** Renders the SVG to a PNG at `scale` × its CSS size, on the page's background colour. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const text = serializeSvg(svg);
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const box = svg.getBoundingClientRect();
		const width = Math.ceil((box.width || img.naturalWidth) * scale);
		const height = Math.ceil((box.height || img.naturalHeight) * scale);
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('canvas 2d context unavailable');
		ctx.fillStyle = pageBackground(svg);
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
