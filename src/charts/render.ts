import * as Plot from '@observablehq/plot';
import type { ChartSpec, ColumnFormat, Msg } from '../analyses/types.ts';
import type { Row } from '../engine/decode.ts';
import { formatValue, tickFormat, type Lang } from '../lib/format.ts';
import { orderedDomain } from './labels.ts';

/** Options a chart needs from its surroundings; charts never query. */
export interface ChartOptions {
	lang: Lang;
	width: number;
	currency?: string;
	/** Display names of result columns (legend titles, tooltips), in the user's language. */
	labels?: Record<string, string>;
	/** The order of a column's values on an axis, where it is not the rows' order. */
	order?: Record<string, unknown[]>;
	/** Called with the datum under the pointer when the user clicks (drill-down). */
	onSelect?: (row: Row) => void;
	/** Where Plot creates elements; the page's own by default, a light DOM in Node (src/cli). */
	document?: Document;
}

const ACCENT = 'var(--accent, #c2410c)';
const t = (m: Msg, lang: Lang) => m[lang] ?? m.en;

/** Categorical x values keep the order they came in (SQL already sorted them). */
const domainOf = (rows: Row[], key: string) => orderedDomain(rows, key);
const isTemporal = (rows: Row[], key: string) => rows.some((r) => r[key] instanceof Date);

/** About how wide a label is drawn at the charts' font size (CJK characters twice as wide). */
const textWidth = (v: unknown) =>
	[...String(v ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);

/** Left margin that fits the longest category label. */
function labelMargin(values: unknown[]): number {
	return Math.min(240, Math.max(56, 16 + Math.max(0, ...values.map(textWidth))));
}

/** Renders a ChartSpec over rows into an element (SVG figure). Text from data is set as text by Plot. */
export function renderChart(
	spec: ChartSpec,
	rows: Row[],
	o: ChartOptions
): HTMLElement | SVGSVGElement {
	if (spec.kind === 'kpis') throw new Error('kpis are rendered by the KPI view, not Plot');
	const label = (key: string) => o.labels?.[key] ?? key;
	const fmtValue = (v: unknown, f: ColumnFormat | undefined) =>
		formatValue(v, f, o.lang, o.currency);
	const base = {
		document: o.document,
		width: o.width,
		marginLeft: 64,
		marginBottom: 48,
		style: {
			background: 'transparent',
			color: 'currentColor',
			fontSize: '12px',
			overflow: 'visible'
		}
	};
	let figure: HTMLElement | SVGSVGElement;
	switch (spec.kind) {
		case 'bar': {
			// Which column holds the numbers decides the orientation's roles, so a spec may name the
			// value as x or as y; yFormat is always the value's format.
			const numeric = (k: string) => rows.some((r) => typeof r[k] === 'number');
			const valueKey = spec.horizontal && numeric(spec.x) && !numeric(spec.y) ? spec.x : spec.y;
			const catKey = valueKey === spec.x ? spec.y : spec.x;
			const valueLabel = t(valueKey === spec.x ? spec.xLabel : spec.yLabel, o.lang);
			const catLabel = t(valueKey === spec.x ? spec.yLabel : spec.xLabel, o.lang);
			const valueTick = tickFormat(spec.yFormat, o.lang, o.currency);
			const cats = domainOf(rows, catKey);
			const grouped = !!spec.series && !spec.stacked;
			const fill = spec.series ?? ACCENT;
			const tip = {
				format: {
					[spec.horizontal ? 'x' : 'y']: (v: number) => fmtValue(v, spec.yFormat),
					...(grouped ? { fx: false, fy: false } : {})
				}
			};
			const color = spec.series
				? { legend: true, label: label(spec.series), domain: domainOf(rows, spec.series) }
				: undefined;
			if (spec.horizontal) {
				figure = Plot.plot({
					...base,
					marginLeft: labelMargin(cats),
					height: Math.max(160, cats.length * (grouped ? 40 : 26) + 60),
					x: { label: valueLabel, tickFormat: valueTick, grid: true },
					// Category names label themselves; a rotated axis title would sit on top of them.
					y: grouped ? { axis: null } : { label: null, domain: cats },
					fy: grouped ? { label: null, domain: cats } : undefined,
					color,
					marks: [
						Plot.barX(rows, {
							x: valueKey,
							y: grouped ? spec.series : catKey,
							fy: grouped ? catKey : undefined,
							fill,
							tip
						}),
						Plot.ruleX([0])
					]
				});
			} else {
				const temporal = isTemporal(rows, catKey);
				const crowded = cats.length > 12;
				figure = Plot.plot({
					...base,
					height: 300,
					marginBottom: crowded ? 64 : 48,
					x: grouped
						? { axis: null }
						: {
								label: catLabel,
								type: 'band',
								domain: temporal ? undefined : cats,
								tickRotate: crowded ? -45 : 0,
								tickFormat: temporal ? (d: Date) => d.toISOString().slice(0, 7) : undefined
							},
					fx: grouped ? { label: catLabel, domain: cats } : undefined,
					y: { label: valueLabel, tickFormat: valueTick, grid: true },
					color,
					marks: [
						Plot.barY(rows, {
							x: grouped ? spec.series : catKey,
							fx: grouped ? catKey : undefined,
							y: valueKey,
							fill,
							tip
						}),
						Plot.ruleY([0])
					]
				});
			}
			break;
		}
		case 'line':
		case 'area':
		case 'dot': {
			const yTick = tickFormat(spec.yFormat, o.lang, o.currency);
			const stroke = spec.series ?? ACCENT;
			const marks: Plot.Markish[] = [];
			if (spec.kind === 'area')
				marks.push(
					Plot.areaY(rows, {
						x: spec.x,
						y: spec.y,
						fill: stroke,
						fillOpacity: 0.25,
						stroke: undefined
					})
				);
			if (spec.kind !== 'dot')
				marks.push(Plot.lineY(rows, { x: spec.x, y: spec.y, stroke, strokeWidth: 2 }));
			marks.push(
				Plot.dot(rows, { x: spec.x, y: spec.y, fill: stroke, r: spec.kind === 'dot' ? 4 : 2.5 })
			);
			marks.push(
				Plot.tip(
					rows,
					Plot.pointer({
						x: spec.x,
						y: spec.y,
						stroke: spec.series,
						format: {
							x: (v: unknown) => fmtValue(v, spec.xFormat),
							y: (v: unknown) => fmtValue(v, spec.yFormat)
						}
					})
				)
			);
			figure = Plot.plot({
				...base,
				height: 300,
				x: {
					label: t(spec.xLabel, o.lang),
					grid: false,
					tickFormat: spec.xFormat ? tickFormat(spec.xFormat, o.lang, o.currency) : undefined
				},
				y: {
					label: t(spec.yLabel, o.lang),
					tickFormat: yTick,
					grid: true,
					zero: spec.kind !== 'dot'
				},
				color: spec.series ? { legend: true, label: label(spec.series) } : undefined,
				marks
			});
			break;
		}
		case 'heatmap': {
			const xs = orderedDomain(rows, spec.x, o.order?.[spec.x]);
			const ys = orderedDomain(rows, spec.y, o.order?.[spec.y]);
			const fmt = (v: unknown) => formatValue(v, spec.fillFormat, o.lang, o.currency);
			const marginLeft = labelMargin(ys);
			// Column labels wider than their column (segment names) are slanted, not overlapped.
			const column = (o.width - marginLeft - 20) / Math.max(1, xs.length);
			const widest = Math.max(0, ...xs.map(textWidth));
			const slanted = xs.length > 14 || widest > column - 6;
			const tickSpace = slanted ? Math.min(120, 20 + 0.64 * widest) : 0;
			figure = Plot.plot({
				...base,
				marginLeft,
				marginTop: 40 + tickSpace,
				height: Math.max(200, ys.length * 28 + 80) + tickSpace,
				padding: 0.04,
				x: {
					label: t(spec.xLabel, o.lang),
					labelAnchor: 'right',
					domain: xs,
					tickRotate: slanted ? -40 : 0,
					axis: 'top'
				},
				y: { label: t(spec.yLabel, o.lang), domain: ys },
				color: {
					scheme: 'oranges',
					legend: true,
					label: t(spec.fillLabel, o.lang),
					tickFormat: tickFormat(spec.fillFormat, o.lang, o.currency)
				},
				marks: [
					Plot.cell(rows, {
						x: spec.x,
						y: spec.y,
						fill: spec.fill,
						inset: 0.5,
						tip: { format: { fill: (v: unknown) => fmt(v) } }
					}),
					...(spec.text && xs.length <= 26
						? [
								Plot.text(rows, {
									x: spec.x,
									y: spec.y,
									text: (d: Row) => (d[spec.fill] === null ? '' : fmt(d[spec.fill])),
									fill: 'currentColor',
									fontSize: 10
								})
							]
						: [])
				]
			});
			break;
		}
		case 'histogram': {
			const marker = spec.marker;
			figure = Plot.plot({
				...base,
				height: 280,
				x: { label: t(spec.xLabel, o.lang) },
				y: { label: t(spec.yLabel, o.lang), grid: true },
				marks: [
					spec.raw
						? Plot.rectY(rows, {
								...Plot.binX({ y: 'count' }, { x: spec.x }),
								fill: ACCENT,
								tip: true
							})
						: Plot.rectY(rows, {
								x1: spec.x,
								x2: (d: Row) => Number(d[spec.x]) + Number(d.bin_width ?? 1),
								y: spec.y,
								fill: ACCENT,
								inset: 0.5,
								tip: true
							}),
					Plot.ruleY([0]),
					...(marker !== undefined && rows.length && rows[0][marker] !== undefined
						? [Plot.ruleX([rows[0][marker]], { stroke: 'currentColor', strokeDasharray: '4,3' })]
						: [])
				]
			});
			break;
		}
		case 'quadrant': {
			const marks: Plot.Markish[] = [];
			const first = rows[0] ?? {};
			// Name only the biggest points when there are many, so the labels stay readable.
			const size = spec.size;
			const labelled =
				rows.length > 20 && size
					? [...rows].sort((a, b) => Number(b[size]) - Number(a[size])).slice(0, 15)
					: rows;
			const xSplit = spec.xSplitColumn ? Number(first[spec.xSplitColumn]) : spec.xSplit;
			const ySplit = spec.ySplitColumn ? Number(first[spec.ySplitColumn]) : spec.ySplit;
			if (xSplit !== undefined && Number.isFinite(xSplit))
				marks.push(Plot.ruleX([xSplit], { strokeDasharray: '4,3', strokeOpacity: 0.6 }));
			if (ySplit !== undefined && Number.isFinite(ySplit))
				marks.push(Plot.ruleY([ySplit], { strokeDasharray: '4,3', strokeOpacity: 0.6 }));
			marks.push(
				Plot.dot(rows, {
					x: spec.x,
					y: spec.y,
					r: spec.size,
					fill: spec.color ?? ACCENT,
					fillOpacity: 0.7,
					stroke: 'white',
					tip: true
				}),
				Plot.text(labelled, {
					x: spec.x,
					y: spec.y,
					text: spec.label,
					dy: -12,
					fontSize: 10,
					fill: 'currentColor'
				})
			);
			figure = Plot.plot({
				...base,
				height: 420,
				x: { label: t(spec.xLabel, o.lang), tickFormat: tickFormat('percent', o.lang), grid: true },
				y: { label: t(spec.yLabel, o.lang), tickFormat: tickFormat('percent', o.lang), grid: true },
				r: { range: [3, 22] },
				color: spec.color ? { legend: true } : undefined,
				marks
			});
			break;
		}
		case 'errorbars': {
			figure = Plot.plot({
				...base,
				height: Math.max(200, domainOf(rows, spec.x).length * 36 + 80),
				marginLeft: labelMargin(domainOf(rows, spec.x)),
				y: { label: null, domain: domainOf(rows, spec.x) },
				x: { label: t(spec.yLabel, o.lang), tickFormat: tickFormat('percent', o.lang), grid: true },
				marks: [
					Plot.ruleX([0], { strokeDasharray: '4,3' }),
					Plot.link(rows, {
						y1: spec.x,
						y2: spec.x,
						x1: spec.low,
						x2: spec.high,
						stroke: ACCENT,
						strokeWidth: 2
					}),
					Plot.dot(rows, { y: spec.x, x: spec.y, fill: ACCENT, r: 5, tip: true })
				]
			});
			break;
		}
	}
	if (o.onSelect) {
		const select = o.onSelect;
		figure.style.cursor = 'pointer';
		figure.addEventListener('click', () => {
			const v = (figure as unknown as { value?: Row | null }).value;
			if (v) select(v);
		});
	}
	return figure;
}
