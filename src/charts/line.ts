import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './spec.ts';
import type { Row } from '../engine/decode.ts';
import { formatValue, tickFormat } from '../lib/format.ts';
import { axisLabel } from './axis-label.ts';
import { orderedDomain } from './labels.ts';
import { tickMargin } from './measure.ts';
import { ACCENT, frame, labelOf, msg, textOf, type ChartOptions } from './options.ts';

export type LineSpec = Extract<ChartSpec, { kind: 'bar' | 'line' | 'area' | 'dot' }>;

const defaults = {
	height: 300,
	strokeWidth: 2,
	/** Dots on a line mark its points; a dot chart's dots are the data. */
	lineDot: 2.5,
	dot: 4,
	areaOpacity: 0.25,
	/**
	 * Beyond this many series a palette repeats its colours and no line can be told apart, so a
	 * few are picked out (latest, best, average) and the rest drawn in grey.
	 */
	maxColoured: 6,
	/** Highlighted lines: the latest in the accent colour, the best in a colour apart from it. */
	latest: ACCENT,
	best: '#0f766e',
	average: 'currentColor',
	others: '#9ca3af',
	othersOpacity: 0.45
};

/**
 * A value over x: a line (`line`), a filled line (`area`) or points (`dot`), one per
 * `spec.series` value. Many series show the latest, the best and their average in colour over the
 * others in grey.
 */
export function lineChart(
	rows: Row[],
	spec: LineSpec,
	o: ChartOptions
): HTMLElement | SVGSVGElement {
	const fmt = (v: unknown, f: LineSpec['yFormat']) => formatValue(v, f, o.lang, o.currency);
	const yTick = tickFormat(spec.yFormat, o.lang, o.currency);
	const series = spec.series;
	const seriesNames = series ? orderedDomain(rows, series, o.order?.[series]) : [];
	const many = spec.kind === 'line' && seriesNames.length > defaults.maxColoured;
	const seriesLabel = series ? (o.labels?.[series] ?? series) : '';
	const seriesText = labelOf(o, series);
	// A labelled x (periods named in words) is written as its labels, in their order.
	const xText = labelOf(o, spec.x);
	const tip = Plot.tip(
		rows,
		Plot.pointer({
			x: spec.x,
			y: spec.y,
			...(series ? { channels: { [seriesLabel]: series } } : {}),
			format: {
				...(series ? { [seriesLabel]: seriesText ?? true } : {}),
				x: xText ?? ((v: unknown) => fmt(v, spec.xFormat)),
				y: (v: unknown) => fmt(v, spec.yFormat)
			}
		})
	);
	const highlight = many ? pickSeries(rows, spec, seriesNames) : undefined;
	const marks: Plot.Markish[] = highlight
		? highlightMarks(rows, spec, highlight, seriesLabel, o)
		: seriesMarks(rows, spec, series ?? ACCENT);
	return Plot.plot({
		...frame(o),
		height: defaults.height,
		marginLeft: tickMargin(
			rows.map((r) => r[spec.y]),
			yTick,
			spec.kind !== 'dot'
		),
		x: {
			label: axisLabel(msg(spec.xLabel, o.lang), spec.xFormat, o),
			grid: false,
			tickFormat:
				xText ?? (spec.xFormat ? tickFormat(spec.xFormat, o.lang, o.currency) : undefined),
			...(xText && rows.some((r) => typeof r[spec.x] === 'string')
				? { domain: orderedDomain(rows, spec.x, o.order?.[spec.x]) }
				: {})
		},
		y: {
			label: axisLabel(msg(spec.yLabel, o.lang), spec.yFormat, o),
			tickFormat: yTick,
			grid: true,
			zero: spec.kind !== 'dot'
		},
		color: highlight
			? {
					legend: true,
					...legendOf(highlight, seriesLabel, series as string, o)
				}
			: series
				? // Cohorts named "2024-03" would read to Plot as dates given as text, and it warns.
					{
						legend: true,
						type: 'categorical' as const,
						label: seriesLabel,
						...(seriesText ? { domain: seriesNames, tickFormat: seriesText } : {})
					}
				: undefined,
		marks: [...marks, tip]
	});
}

function seriesMarks(rows: Row[], spec: LineSpec, stroke: string): Plot.Markish[] {
	const { x, y } = spec;
	return [
		spec.kind === 'area'
			? Plot.areaY(rows, {
					x,
					y,
					fill: stroke,
					fillOpacity: defaults.areaOpacity,
					stroke: undefined
				})
			: null,
		spec.kind !== 'dot'
			? Plot.lineY(rows, { x, y, stroke, strokeWidth: defaults.strokeWidth })
			: null,
		Plot.dot(rows, { x, y, fill: stroke, r: spec.kind === 'dot' ? defaults.dot : defaults.lineDot })
	];
}

interface Highlight {
	latest: unknown;
	best: unknown;
	/** The mean of the series at each x where any has a value. */
	average: Row[];
}

/**
 * The latest series with a line to draw (the last in order: cohorts come oldest first), the best (furthest above the
 * average over the x values it has, so a young series is not judged on points it cannot have yet)
 * and the average of all at each x.
 */
export function pickSeries(rows: Row[], spec: LineSpec, names: unknown[]): Highlight {
	const series = spec.series as string;
	const byX = new Map<unknown, { key: Row[string]; sum: number; n: number }>();
	for (const r of rows) {
		const v = r[spec.y];
		if (typeof v !== 'number' || !Number.isFinite(v)) continue;
		const k = r[spec.x] instanceof Date ? (r[spec.x] as Date).getTime() : r[spec.x];
		const cell = byX.get(k) ?? { key: r[spec.x], sum: 0, n: 0 };
		cell.sum += v;
		cell.n += 1;
		byX.set(k, cell);
	}
	const mean = (x: unknown) => {
		const c = byX.get(x instanceof Date ? x.getTime() : x);
		return c ? c.sum / c.n : 0;
	};
	const lead = new Map<unknown, { sum: number; n: number }>();
	for (const r of rows) {
		const v = r[spec.y];
		if (typeof v !== 'number' || !Number.isFinite(v)) continue;
		const s = lead.get(r[series]) ?? { sum: 0, n: 0 };
		s.sum += v - mean(r[spec.x]);
		s.n += 1;
		lead.set(r[series], s);
	}
	let best: unknown = names[0];
	let bestLead = -Infinity;
	for (const [name, s] of lead) if (s.sum / s.n > bestLead) [best, bestLead] = [name, s.sum / s.n];
	// A series with one point draws no line (the newest cohort, a month old): the latest is the
	// newest that has two.
	const drawn = names.filter((n) => (lead.get(n)?.n ?? 0) >= 2);
	return {
		latest: drawn.at(-1) ?? names.at(-1),
		best,
		average: [...byX.values()].map((c) => ({ [spec.x]: c.key, [spec.y]: c.sum / c.n }))
	};
}

/** The legend entry of each highlighted line and of the grey ones (latest and best may coincide). */
function rolesOf(h: Highlight, seriesLabel: string, series: string, o: ChartOptions) {
	const w = o.words;
	const same = h.latest === h.best;
	const name = (v: unknown) => textOf(o, series, v);
	const latest = same
		? `${w.latest}, ${w.best}: ${name(h.latest)}`
		: `${w.latest}: ${name(h.latest)}`;
	return {
		latest,
		best: same ? latest : `${w.best}: ${name(h.best)}`,
		average: w.average,
		others: `${w.others} (${seriesLabel})`
	};
}

/** A colour legend of the roles, each in its line's colour. */
function legendOf(h: Highlight, seriesLabel: string, series: string, o: ChartOptions) {
	const roles = rolesOf(h, seriesLabel, series, o);
	const entries = new Map([
		[roles.latest, defaults.latest],
		[roles.best, defaults.best],
		[roles.average, defaults.average],
		[roles.others, defaults.others]
	]);
	return { label: seriesLabel, domain: [...entries.keys()], range: [...entries.values()] };
}

function highlightMarks(
	rows: Row[],
	spec: LineSpec,
	h: Highlight,
	seriesLabel: string,
	o: ChartOptions
): Plot.Markish[] {
	const { x, y } = spec;
	const series = spec.series as string;
	const roles = rolesOf(h, seriesLabel, series, o);
	const role = (name: unknown) => (name === h.latest ? roles.latest : roles.best);
	const picked = rows.filter((r) => r[series] === h.latest || r[series] === h.best);
	return [
		Plot.lineY(rows, {
			x,
			y,
			z: series,
			stroke: defaults.others,
			strokeOpacity: defaults.othersOpacity,
			strokeWidth: 1
		}),
		Plot.lineY(h.average, {
			x,
			y,
			stroke: () => roles.average,
			strokeWidth: defaults.strokeWidth,
			strokeDasharray: '5,3'
		}),
		Plot.lineY(picked, {
			x,
			y,
			z: series,
			stroke: (d: Row) => role(d[series]),
			strokeWidth: defaults.strokeWidth + 0.5
		}),
		Plot.dot(picked, { x, y, fill: (d: Row) => role(d[series]), r: defaults.lineDot })
	];
}
