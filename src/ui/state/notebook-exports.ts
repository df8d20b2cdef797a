import type { Notebook } from '../../notebook/schema.ts';
import type { CellQuery } from '../../analyses/types.ts';
import { buildSqlScript } from '../../notebook/sql-script.ts';
import { buildHtmlReport, type ReportSection } from '../../lib/export/html-report.ts';
import { serializeSvg } from '../../lib/export/svg.ts';
import { downloadBlob } from '../../lib/export/download.ts';
import { definitionOf, getAnalysis } from '../../analyses/registry.ts';
import { tableToRows, columnNames } from '../../engine/decode.ts';
import type { AppState } from './app.svelte.ts';
import { now } from '../../lib/clock.ts';

/** Rows per table in the HTML report: a report is read, not re-analysed. */
const REPORT_ROWS = 200;

/** The notebook as a DuckDB CLI script: the way on for data larger than a browser holds. */
export function exportNotebookSql(nb: Notebook, fileName: string): void {
	const script = buildSqlScript(nb, {
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
				title: app.lang === 'zh' ? '笔记' : 'Note',
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
		for (const q of queries) {
			const hit = app.cache.get(q.sql);
			const svg = el?.querySelector<SVGSVGElement>(
				`[data-query-id="${q.id}"] svg:not([class$='-ramp'])`
			);
			const columns =
				q.columns?.map((c) => ({ key: c.key, label: c.label[app.lang], format: c.format })) ??
				(hit ? columnNames(hit.table).map((k) => ({ key: k, label: k })) : []);
			sections.push({
				title: `${analysis ? analysis.title[app.lang] + ' — ' : ''}${q.title[app.lang]}`,
				definition: analysis
					? definitionOf(analysis, cell.kind === 'preset' ? cell.params : {})[app.lang]
					: cell.kind === 'sql'
						? cell.sql
						: '',
				svg: svg ? serializeSvg(svg) : undefined,
				table: hit ? { columns, rows: tableToRows(hit.table, REPORT_ROWS) } : undefined
			});
		}
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
