/**
 * The whole notebook as one standalone HTML file: charts and tables as they are, no data files,
 * no scripts. Everything from the notebook or the data is escaped, so a customer called
 * `<img src=x onerror=…>` stays text. Charts go in as `<img>` data URLs: an image cannot run
 * script whatever its SVG holds, and the CSP meta forbids scripts and every off-file request.
 */
import { bytesToBase64 } from './base64.ts';
import type { ColumnFormat } from '../../analyses/types.ts';
import { formatValue, type Lang } from '../format.ts';

export interface ReportSection {
	title: string;
	definition: string;
	/** Serialised SVG (see serializeSvg). */
	svg?: string;
	table?: {
		columns: { key: string; label: string; format?: ColumnFormat }[];
		rows: Iterable<Record<string, unknown>>;
	};
	/** Markdown cells: shown as preformatted text, since a report runs no Markdown renderer. */
	note?: string;
}

export interface ReportInput {
	title: string;
	lang: Lang;
	sections: ReportSection[];
	/** A line under the title, e.g. data set, as-of date and export time. */
	subtitle?: string;
	currency?: string;
}

const CSP =
	"default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

const STYLE = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #5b6470; --line: #d8dde3; --head: #f3f5f7; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
	color: var(--fg); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
.subtitle { color: var(--muted); margin: 0 0 24px; }
section { margin: 0 0 32px; break-inside: avoid-page; }
h2 { font-size: 18px; margin: 0 0 4px; }
.definition { color: var(--muted); margin: 0 0 12px; white-space: pre-wrap; }
.note { white-space: pre-wrap; font: inherit; margin: 0; }
figure { margin: 0 0 12px; }
figure img { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num { text-align: right; }
@media print {
	body { padding: 0; max-width: none; font-size: 11px; }
	section { break-inside: auto; }
	thead { display: table-header-group; }
	tr, figure { break-inside: avoid; }
}`;

function escapeHtml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

const NUMERIC = new Set<ColumnFormat>(['int', 'number', 'money', 'percent', 'days']);

function renderTable(table: NonNullable<ReportSection['table']>, input: ReportInput): string {
	const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
	const body: string[] = [];
	for (const row of table.rows) {
		const cells = table.columns.map((c) => {
			const text = escapeHtml(formatValue(row[c.key], c.format, input.lang, input.currency));
			const numeric = c.format ? NUMERIC.has(c.format) : typeof row[c.key] === 'number';
			return numeric ? `<td class="num">${text}</td>` : `<td>${text}</td>`;
		});
		body.push(`<tr>${cells.join('')}</tr>`);
	}
	return `<table><thead><tr>${head}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function renderSection(s: ReportSection, input: ReportInput): string {
	const parts = [`<h2>${escapeHtml(s.title)}</h2>`];
	if (s.definition) parts.push(`<p class="definition">${escapeHtml(s.definition)}</p>`);
	if (s.note) parts.push(`<pre class="note">${escapeHtml(s.note)}</pre>`);
	if (s.svg) {
		const src = `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(s.svg))}`;
		parts.push(`<figure><img src="${src}" alt="${escapeHtml(s.title)}"></figure>`);
	}
	if (s.table) parts.push(renderTable(s.table, input));
	return `<section>\n${parts.join('\n')}\n</section>`;
}

export function buildHtmlReport(input: ReportInput): string {
	const lang = input.lang === 'zh' ? 'zh-CN' : 'en';
	return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${STYLE}
</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
${input.subtitle ? `<p class="subtitle">${escapeHtml(input.subtitle)}</p>\n` : ''}${input.sections.map((s) => renderSection(s, input)).join('\n')}
</body>
</html>
`;
}
