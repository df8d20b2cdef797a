/**
 * The whole notebook as one standalone HTML file: each cell's definition once, then its key
 * figures, charts (with their legends) and tables as the screen shows them; no data files, no
 * scripts. Everything from the notebook or the data is escaped, so a customer called
 * `<img src=x onerror=…>` stays text. Charts go in as `<img>` data URLs: an image cannot run
 * script whatever its SVG holds, and the CSP meta forbids scripts and every off-file request.
 */
import { bytesToBase64 } from './base64.ts';
import type { ColumnFormat } from '../column-format.ts';
import type { KpiTile } from '../kpi-tile.ts';
import { formatValue } from '../format.ts';
import type { Lang } from '../msg.ts';

/** One cell of the notebook: its title and definition once, then what each of its queries shows. */
export interface ReportSection {
	title: string;
	definition: string;
	/** Markdown cells: shown as preformatted text, since a report runs no Markdown renderer. */
	note?: string;
	items?: ReportItem[];
}

/** One query's result as the screen shows it: key-figure tiles, a chart, a table. */
export interface ReportItem {
	title: string;
	/** Said instead of a chart or table when the query returned no rows, as the screen says it. */
	empty?: string;
	/** A line above the tiles, e.g. the compared periods. */
	caption?: string;
	/** Tiles as `kpiTiles` makes them for the screen; the report needs no key to tell them apart. */
	tiles?: Omit<KpiTile, 'key'>[];
	/** Serialised SVG (see serializeChart). */
	svg?: string;
	table?: {
		columns: { key: string; label: string; format?: ColumnFormat }[];
		rows: Iterable<Record<string, unknown>>;
	};
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
h3 { font-size: 15px; margin: 16px 0 8px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.tile .label, .tile .change, .tile .when, .caption { color: var(--muted); font-size: 12px; }
.tile .value { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.tile .change.up { color: #15803d; }
.tile .change.down { color: #b91c1c; }
.definition, .empty { color: var(--muted); margin: 0 0 12px; white-space: pre-wrap; }
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
	tr, figure, .tile { break-inside: avoid; }
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

function renderTable(table: NonNullable<ReportItem['table']>, input: ReportInput): string {
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

function renderItem(item: ReportItem, input: ReportInput): string {
	const parts = [`<h3>${escapeHtml(item.title)}</h3>`];
	if (item.empty) parts.push(`<p class="empty">${escapeHtml(item.empty)}</p>`);
	if (item.caption) parts.push(`<p class="caption">${escapeHtml(item.caption)}</p>`);
	if (item.tiles?.length) {
		const tiles = item.tiles.map(
			(t) =>
				`<div class="tile"><div class="label">${escapeHtml(t.label)}</div><div class="value">${escapeHtml(t.value)}</div>${
					t.when ? `<div class="when">${escapeHtml(t.when)}</div>` : ''
				}${
					t.change
						? `<div class="change ${t.direction ?? ''}">${escapeHtml(t.change)}${t.versus ? ` ${escapeHtml(t.versus)}` : ''}</div>`
						: ''
				}</div>`
		);
		parts.push(`<div class="tiles">${tiles.join('')}</div>`);
	}
	if (item.svg) {
		const src = `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(item.svg))}`;
		parts.push(`<figure><img src="${src}" alt="${escapeHtml(item.title)}"></figure>`);
	}
	if (item.table) parts.push(renderTable(item.table, input));
	return `<div class="item">\n${parts.join('\n')}\n</div>`;
}

function renderSection(s: ReportSection, input: ReportInput): string {
	const parts = [`<h2>${escapeHtml(s.title)}</h2>`];
	if (s.definition) parts.push(`<p class="definition">${escapeHtml(s.definition)}</p>`);
	if (s.note) parts.push(`<pre class="note">${escapeHtml(s.note)}</pre>`);
	for (const item of s.items ?? []) parts.push(renderItem(item, input));
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
