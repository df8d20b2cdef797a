import { describe, expect, it } from 'vitest';
import { listContents } from '../../../src/ui/state/contents.ts';
import type { Cell } from '../../../src/notebook/schema.ts';

describe('listContents', () => {
	const cells: Cell[] = [
		{ id: 'a', kind: 'markdown', text: '## Store health\n\nHow the store is doing.' },
		{ id: 'b', kind: 'preset', analysis: 'rfm', params: {} },
		{ id: 'c', kind: 'markdown', text: 'Just a remark, no heading.' },
		{ id: 'd', kind: 'sql', sql: 'SELECT 1', name: 'top_buyers' },
		{ id: 'e', kind: 'sql', sql: 'SELECT 2' }
	];

	it('names each cell as its header does, and leaves out notes without a heading', () => {
		expect(listContents(cells, 'en')).toEqual([
			{ target: 'cell-a', title: 'Store health' },
			{ target: 'cell-b', title: 'RFM segments' },
			{ target: 'cell-d', title: 'SQL → top_buyers' },
			{ target: 'cell-e', title: 'SQL query' }
		]);
	});

	it('speaks the page language', () => {
		expect(listContents(cells, 'zh').map((e) => e.title)).toContain('SQL 查询');
	});
});
