import { createNotebook, type Notebook } from '../../../src/notebook/schema.ts';

const NOW = '2026-11-26T08:00:00.000Z';
export const LATER = '2026-11-26T09:00:00.000Z';

/** A small valid notebook with one cell of each kind. */
export function sampleNotebook(): Notebook {
	return createNotebook({
		id: 'nb-1',
		title: 'Q4 review',
		now: NOW,
		globals: { asOf: '2024-12-01', revenue: 'net', currency: 'CNY', channels: ['搜索', 'sms'] },
		cells: [
			{ id: 'c1', kind: 'markdown', text: '# Notes\n回头客' },
			{
				id: 'c2',
				kind: 'preset',
				analysis: 'rfm',
				params: { fBreaks: [1, 2, 3, 6], rules: [{ segment: 'Champions', r: '4-5' }] },
				name: 'rfm_segments',
				view: { chart: 'bar', table: true }
			},
			{ id: 'c3', kind: 'sql', sql: 'SELECT segment, count(*) AS n FROM rfm_segments GROUP BY 1' }
		]
	});
}
