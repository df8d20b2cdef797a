import { describe, expect, it } from 'vitest';
import { buildHtmlReport } from '../../../src/lib/export/html-report.ts';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';

const report = () =>
	buildHtmlReport({
		title: `Report ${HOSTILE}`,
		subtitle: 'As of 2024-12-01',
		lang: 'zh',
		sections: [
			{
				title: HOSTILE,
				definition: `Customers with ≥ 2 orders ÷ customers. ${HOSTILE}`,
				items: [
					{
						title: HOSTILE,
						svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(3)</script><text>顾客</text></svg>',
						table: {
							columns: [
								{ key: 'name', label: HOSTILE },
								{ key: 'revenue', label: '销售额', format: 'money' },
								{ key: 'share', label: '占比', format: 'percent' }
							],
							rows: [{ name: HOSTILE, revenue: 234.5, share: 0.117 }]
						}
					},
					{
						title: '关键指标',
						tiles: [
							{ label: '客户数', value: '2,896', change: '▼ 17.7%', direction: 'down' },
							{ label: '复购率', value: '5.6%' }
						]
					}
				]
			},
			{ title: 'Note', definition: '', note: `# heading\n${HOSTILE}` }
		]
	});

describe('buildHtmlReport', () => {
	it('is a standalone document with a strict CSP and no script element', () => {
		const html = report();
		expect(html.startsWith('<!doctype html>')).toBe(true);
		expect(html).toContain('<html lang="zh-CN">');
		expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
		expect(html).not.toMatch(/<script/i);
		// no event-handler attribute in any tag (attribute values removed: they hold escaped text)
		for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi))
			expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+=/i);
		expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i); // nothing fetched from elsewhere
	});

	it('escapes hostile text everywhere it appears', () => {
		const html = report();
		const escaped =
			'&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;&quot;&#39;&amp;';
		// title tag, h1, section h2, definition, item h3, chart alt text, column header, cell, note
		expect(html.split(escaped).length - 1).toBe(9);
	});

	it('embeds charts as data-URL images, whose scripts never run', () => {
		const html = report();
		const m = /<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="[^"]*">/.exec(html);
		expect(m).not.toBeNull();
		const svg = new TextDecoder().decode(Uint8Array.from(atob(m![1]), (c) => c.charCodeAt(0)));
		expect(svg).toContain('<text>顾客</text>');
	});

	it('formats table values for the language', () => {
		const html = report();
		expect(html).toContain('<td class="num">¥234.50</td>');
		expect(html).toContain('<td class="num">11.7%</td>');
	});

	it('shows a cell’s definition once, then each query’s key figures as tiles', () => {
		const html = report();
		expect(html.split('Customers with ≥ 2 orders').length - 1).toBe(1);
		expect(html).toContain(
			'<div class="tile"><div class="label">客户数</div><div class="value">2,896</div><div class="change down">▼ 17.7%</div></div>'
		);
		expect(html).toContain(
			'<div class="tile"><div class="label">复购率</div><div class="value">5.6%</div></div>'
		);
	});

	it('has print styles', () => {
		expect(report()).toContain('@media print');
	});
});
