import type { Notebook } from '../../notebook/schema.ts';
import type { CellQuery } from '../../analyses/types.ts';
import { buildSqlScript } from '../../notebook/sql-script.ts';
import type { ImportRecipe } from '../../ingest/recipe.ts';
import {
	buildHtmlReport,
	type ReportItem,
	type ReportSection
} from '../../lib/export/html-report.ts';
import { serializeChart } from '../../lib/export/svg.ts';
import { kpiPeriodLine, kpiTiles } from '../../charts/kpis.ts';
import { downloadBlob } from '../../lib/export/download.ts';
import { definitionOf, getAnalysis } from '../../analyses/registry.ts';
import { tableToRows, columnNames } from '../../engine/decode.ts';
import type { AppState } from './app.svelte.ts';
import { now } from '../../lib/clock.ts';

/** Rows per table in the HTML report: a report is read, not re-analysed. */
const REPORT_ROWS = 200;

/**
 * The notebook as a DuckDB CLI script: the way on for data larger than a browser holds. It
 * imports the loaded files as they were imported here (`imports`, from their quality reports).
 */
export function exportNotebookSql(
	nb: Notebook,
	fileName: string,
	imports: readonly ImportRecipe[]
): void {
	const script = buildSqlScript(nb, {
		imports,
		sqlFor: (cell) => {
			const a = getAnalysis(cell.analysis);
			if (!a) return `-- unknown analysis ${cell.analysis}`;
			return a.build({ ...a.defaults, ...cell.params }, nb.globals).map((q) => q.sql);
		}
	});
	downloadBlob(new Blob([script], { type: 'application/sql' }), fileName);
}

/**
 * The notebook as one standalone HTML file, with charts as drawn on the page and tables from the
 * results already computed (nothing is re-run, no data file is included).
 */
export function exportNotebookHtml(app: AppState, notebook: Notebook, fileName: string): void {
	const sections: ReportSection[] = [];
	for (const cell of notebook.cells) {
		const el = document.getElementById(`cell-${cell.id}`);
		if (cell.kind === 'markdown') {
			sections.push({
				title: app.t('report.note'),
				definition: '',
				note: cell.text
			});
			continue;
		}
		const analysis = cell.kind === 'preset' ? getAnalysis(cell.analysis) : undefined;
		const queries: CellQuery[] =
			cell.kind === 'preset'
				? (analysis?.build({ ...analysis.defaults, ...cell.params }, app.globals) ?? [])
				: [{ id: 'sql', title: { en: 'SQL', zh: 'SQL' }, sql: cell.sql }];
		sections.push({
			title: analysis?.title[app.lang] ?? (cell.kind === 'sql' ? cell.name || 'SQL' : ''),
			definition: analysis
				? definitionOf(analysis, cell.kind === 'preset' ? cell.params : {})[app.lang]
				: cell.kind === 'sql'
					? cell.sql
					: '',
			items: queries.map((q) => reportItem(app, q, el))
		});
	}
	const html = buildHtmlReport({
		title: notebook.title,
		lang: app.lang,
		subtitle: `${app.t('globals.asOf')} ${app.globals.asOf} · ${now().toISOString().slice(0, 16).replace('T', ' ')}`,
		currency: app.globals.currency,
		sections
	});
	downloadBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), fileName);
}

/**
 * One query as the screen shows it: key figures as tiles, the chart as drawn (with its legend),
 * and the result table (a chart's rows too, so the numbers behind it can be read).
 */
function reportItem(app: AppState, q: CellQuery, cell: HTMLElement | null): ReportItem {
	const hit = app.cache.get(q.sql);
	const item: ReportItem = { title: q.title[app.lang] };
	if (!hit) return item;
	if (hit.table.numRows === 0) {
		item.empty = app.t('cell.noRows');
		return item;
	}
	if (q.chart?.kind === 'kpis') {
		const [row] = tableToRows(hit.table, 1);
		const options = {
			lang: app.lang,
			currency: app.globals.currency,
			versus: (period: string) => app.t('kpi.versus', { period })
		};
		if (row) {
			item.caption = kpiPeriodLine(row, q.chart, options) ?? undefined;
			item.tiles = kpiTiles(row, q.chart, options);
		}
		return item;
	}
	const chart = cell?.querySelector(`[data-query-id="${q.id}"] [data-testid=chart] > *`);
	if (chart) item.svg = serializeChart(chart);
	const columns =
		q.columns?.map((c) => ({ key: c.key, label: c.label[app.lang], format: c.format })) ??
		columnNames(hit.table).map((k) => ({ key: k, label: k }));
	item.table = { columns, rows: tableToRows(hit.table, REPORT_ROWS) };
	return item;
}
