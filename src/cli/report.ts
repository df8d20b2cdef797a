/**
 * A notebook's cells run on the native engine as the page runs them (the same queries, base
 * tables, Predict's fit and result names), and the standalone HTML report the page exports, built
 * from those results by the same report builder.
 */
import { definitionOf, getAnalysis } from '../analyses/registry.ts';
import { sharedCtes } from '../analyses/base.ts';
import type { CellQuery, Globals } from '../analyses/types.ts';
import { pickChart, type ChartKind } from '../charts/pick.ts';
import { valueFormats, valueOrder } from '../charts/labels.ts';
import { columnNames, tableToRows, type Row } from '../engine/decode.ts';
import type { SqlEngine } from '../engine/types.ts';
import { buildHtmlReport, type ReportItem, type ReportSection } from '../lib/export/html-report.ts';
import { kpiPeriodLine, kpiTiles } from '../charts/kpis.ts';
import type { Lang } from '../lib/msg.ts';
import type { Failure } from '../lib/result.ts';
import { BaseTables } from '../notebook/base-tables.ts';
import { publishResult, ResultCache, runQueries, type QueryOutcome } from '../notebook/run-cell.ts';
import type { Notebook } from '../notebook/schema.ts';
import { chartSvg } from './charts.ts';
import { describeFailure, messageOf } from './messages.ts';

/** Rows per table in the report, as in the page's: a report is read, not re-analysed. */
const REPORT_ROWS = 200;
/** Rows a chart is drawn from, as in the page. */
const CHART_ROWS = 20_000;
/** Chart width in the report (its body is 1100 px wide less padding). */
const CHART_WIDTH = 1000;

export interface CellRun {
	/** Cell number (1-based) and what it is, for progress lines. */
	label: string;
	outcomes: QueryOutcome[];
	/** Predict's fit, when it fails: the cell then has no queries run. */
	prepareError?: Failure;
	ms: number;
}

/** Runs every cell in order; named results become views later cells can read. */
export async function runNotebook(
	engine: SqlEngine,
	notebook: Notebook,
	globals: Globals,
	log: (line: string) => void
): Promise<Map<string, CellRun>> {
	const cache = new ResultCache();
	const tables = new BaseTables(engine);
	const runs = new Map<string, CellRun>();
	for (const [i, cell] of notebook.cells.entries()) {
		if (cell.kind === 'markdown') continue;
		const t0 = performance.now();
		const label = `cell ${i + 1}/${notebook.cells.length} ${cell.kind === 'preset' ? cell.analysis : 'SQL'}`;
		log(`${label}…`);
		let run: CellRun;
		if (cell.kind === 'preset') {
			const analysis = getAnalysis(cell.analysis);
			if (!analysis) {
				log(`${label}: unknown analysis, skipped`);
				continue;
			}
			const params = { ...analysis.defaults, ...cell.params };
			const queries = analysis.build(params, globals);
			const prepared = analysis.prepare
				? await analysis.prepare(engine, params, globals)
				: undefined;
			if (prepared && !prepared.ok) {
				run = { label, outcomes: [], prepareError: prepared.error, ms: 0 };
			} else {
				const outcomes = await runQueries(engine, queries, cache, {
					fresh: !!analysis.prepare,
					// The analysis' own shared CTEs first: they may read the global ones' tables.
					base: {
						tables,
						shared: [...(analysis.shared?.(params, globals) ?? []), ...sharedCtes(globals)],
						globals
					}
				});
				run = { label, outcomes, ms: 0 };
				if (cell.name && queries[0]) await publishResult(engine, cell.name, queries[0].sql);
			}
		} else {
			const query: CellQuery = { id: 'sql', title: { en: 'SQL', zh: 'SQL' }, sql: cell.sql };
			const outcomes = await runQueries(engine, [query], cache);
			run = { label, outcomes, ms: 0 };
			if (cell.name && outcomes[0]?.result.ok) await publishResult(engine, cell.name, cell.sql);
		}
		run.ms = performance.now() - t0;
		const failed = run.outcomes.filter((o) => !o.result.ok).length + (run.prepareError ? 1 : 0);
		log(`${label}: ${(run.ms / 1000).toFixed(1)} s${failed ? `, ${failed} failed` : ''}`);
		runs.set(cell.id, run);
	}
	return runs;
}

/** The failures of a run, for the summary and the exit code. */
export const failuresOf = (runs: Map<string, CellRun>): { label: string; error: Failure }[] =>
	[...runs.values()].flatMap((run) => [
		...(run.prepareError ? [{ label: run.label, error: run.prepareError }] : []),
		...run.outcomes.flatMap((o) =>
			o.result.ok ? [] : [{ label: run.label, error: o.result.error }]
		)
	]);

/** Result columns that hold numbers, as a SQL cell's chart picker sees them. */
const fieldsOf = (rows: Row[], names: string[]) =>
	names.map((name) => ({ name, numeric: rows.some((r) => typeof r[name] === 'number') }));

/** One query as the page's report shows it: key-figure tiles, or the chart and the table. */
function queryItem(
	outcome: QueryOutcome,
	lang: Lang,
	currency: string,
	sqlChart: ChartKind | undefined
): ReportItem {
	const q = outcome.query;
	const title = q.title[lang];
	if (!outcome.result.ok) return { title, empty: describeFailure(outcome.result.error) };
	const table = outcome.result.value;
	if (table.numRows === 0) return { title, empty: messageOf('cell.noRows', undefined, lang) };
	if (q.chart?.kind === 'kpis') {
		const [row] = tableToRows(table, 1);
		const options = {
			lang,
			currency,
			versus: (period: string) => messageOf('kpi.versus', { period }, lang)
		};
		return {
			title,
			caption: kpiPeriodLine(row, q.chart, options) ?? undefined,
			tiles: kpiTiles(row, q.chart, options)
		};
	}
	const names = columnNames(table);
	const columns =
		q.columns?.map((c) => ({ key: c.key, label: c.label[lang], format: c.format })) ??
		names.map((k) => ({ key: k, label: k }));
	const chartRows = tableToRows(table, CHART_ROWS);
	const spec = sqlChart ? pickChart(sqlChart, fieldsOf(chartRows, names)) : q.chart;
	const svg =
		spec && chartRows.length
			? chartSvg(spec, chartRows, {
					lang,
					width: CHART_WIDTH,
					currency,
					labels: Object.fromEntries(columns.map((c) => [c.key, c.label])),
					order: q.valueLabels ? valueOrder(q.valueLabels) : undefined,
					formats: valueFormats(q.valueLabels, lang)
				})
			: undefined;
	return { title, svg, table: { columns, rows: tableToRows(table, REPORT_ROWS) } };
}

/** The page's HTML report for a notebook whose cells ran in `runs`. */
export function buildNotebookReport(
	notebook: Notebook,
	runs: Map<string, CellRun>,
	globals: Globals,
	lang: Lang,
	exportedAt: Date
): string {
	const sections: ReportSection[] = [];
	for (const cell of notebook.cells) {
		if (cell.kind === 'markdown') {
			sections.push({
				title: messageOf('report.note', undefined, lang),
				definition: '',
				note: cell.text
			});
			continue;
		}
		const run = runs.get(cell.id);
		if (!run) continue;
		const analysis = cell.kind === 'preset' ? getAnalysis(cell.analysis) : undefined;
		const definition = analysis
			? definitionOf(analysis, cell.kind === 'preset' ? cell.params : {})[lang]
			: cell.kind === 'sql'
				? cell.sql
				: '';
		const title = analysis?.title[lang] ?? (cell.kind === 'sql' ? cell.name || 'SQL' : '');
		const sqlChart = cell.kind === 'sql' ? (cell.view?.chart as ChartKind | undefined) : undefined;
		sections.push({
			title,
			definition,
			note: run.prepareError ? describeFailure(run.prepareError) : undefined,
			items: run.outcomes.map((o) => queryItem(o, lang, globals.currency, sqlChart))
		});
	}
	return buildHtmlReport({
		title: notebook.title,
		lang,
		subtitle: `${messageOf('globals.asOf', undefined, lang)} ${globals.asOf} · ${exportedAt.toISOString().slice(0, 16).replace('T', ' ')}`,
		currency: globals.currency,
		sections
	});
}
