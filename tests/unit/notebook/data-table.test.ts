import { describe, expect, it } from 'vitest';
import {
	computeWindow,
	moveCursor,
	scrollToRow,
	selectionToTsv,
	sortIndex
} from '../../../src/ui/notebook/data-table.ts';

describe('computeWindow', () => {
	it('renders only the rows in view plus overscan', () => {
		// 100 rows of 20 px in a 200 px viewport scrolled to 400 px: rows 20..29 are visible,
		// 11 counted (a partly shown row at each edge), plus 2 overscan on each side.
		const w = computeWindow({
			scrollTop: 400,
			viewportHeight: 200,
			rowHeight: 20,
			rowCount: 100,
			overscan: 2
		});
		expect(w).toEqual({ start: 18, end: 33, offsetY: 360, spacerHeight: 2000, scale: 1 });
	});

	it('clamps at both ends', () => {
		expect(
			computeWindow({ scrollTop: -50, viewportHeight: 100, rowHeight: 10, rowCount: 5 })
		).toMatchObject({ start: 0, end: 5 });
		const end = computeWindow({
			scrollTop: 1e9,
			viewportHeight: 100,
			rowHeight: 10,
			rowCount: 1000,
			overscan: 0
		});
		expect(end.end).toBe(1000);
		expect(end.start).toBe(990);
	});

	it('keeps the DOM small and reaches the last row for a million rows past the height cap', () => {
		const rowCount = 1_000_000;
		const base = { viewportHeight: 400, rowHeight: 28, rowCount, maxScrollHeight: 10_000_000 };
		const top = computeWindow({ ...base, scrollTop: 0 });
		expect(top.spacerHeight).toBe(10_000_000);
		expect(top.start).toBe(0);
		expect(top.end - top.start).toBeLessThan(40);
		// Scrolled to the bottom: scrollTop = 10M − 400. The last row ends exactly at the spacer's end.
		const bottom = computeWindow({ ...base, scrollTop: 10_000_000 - 400 });
		expect(bottom.end).toBe(rowCount);
		expect(bottom.offsetY + (rowCount - bottom.start) * 28).toBeCloseTo(10_000_000, 6);
		// Halfway down the scrollbar is halfway through the rows.
		const mid = computeWindow({ ...base, scrollTop: (10_000_000 - 400) / 2 });
		expect(Math.abs(mid.start + 6 - rowCount / 2)).toBeLessThan(10);
	});

	it('scrolls a row into view at either edge', () => {
		expect(scrollToRow(5, 0, 100, 20, 1)).toBe(20); // rows 0..4 visible; row 5 ends at 120
		expect(scrollToRow(4, 0, 100, 20, 1)).toBeNull();
		expect(scrollToRow(5, 0, 101, 20, 1)).toBe(19);
		expect(scrollToRow(2, 100, 100, 20, 1)).toBe(40);
		// Scaled 2×: scrollTop 100 shows content from 200; row 2 (40..60) needs scrollTop 20.
		expect(scrollToRow(2, 100, 100, 20, 2)).toBe(20);
		// Row 20 (400..420) at the bottom of a 100 px view: content top 320, scrollTop 160.
		expect(scrollToRow(20, 100, 100, 20, 2)).toBe(160);
	});

	it('brings the last of a million rows into the window', () => {
		const base = { viewportHeight: 400, rowHeight: 28, rowCount: 1_000_000 };
		const { scale } = computeWindow({ ...base, scrollTop: 0 });
		const top = scrollToRow(999_999, 0, 400, 28, scale);
		expect(top).not.toBeNull();
		expect(computeWindow({ ...base, scrollTop: top! }).end).toBe(1_000_000);
	});
});

describe('sorting', () => {
	it('sorts an index stably, keeping nulls last when descending', () => {
		const values = [5, null, 7, 5, 1];
		expect([...sortIndex(5, (i) => values[i], 'asc')]).toEqual([4, 0, 3, 2, 1]);
		expect([...sortIndex(5, (i) => values[i], 'desc')]).toEqual([2, 0, 3, 4, 1]);
	});

	it('sorts text naturally and dates by time, ties in row order', () => {
		const names = ['b', 'a10', null, 'a2', 'b'];
		expect([...sortIndex(5, (i) => names[i], 'asc')]).toEqual([3, 1, 0, 4, 2]);
		expect([...sortIndex(5, (i) => names[i], 'desc')]).toEqual([0, 4, 1, 3, 2]);
		// Chinese by pinyin under zh-CN: 北京 (bei) < 上海 (shang) < 深圳 (shen)
		const cities = ['深圳', '北京', '上海'];
		expect([...sortIndex(3, (i) => cities[i], 'asc', 'zh-CN')]).toEqual([1, 2, 0]);
		const d = (day: number) => new Date(Date.UTC(2024, 0, day));
		const dates = [d(3), d(1), undefined, d(2)];
		expect([...sortIndex(4, (i) => dates[i], 'desc')]).toEqual([0, 3, 1, 2]);
	});

	it('reads each value once, not once per comparison', () => {
		let reads = 0;
		sortIndex(1000, (i) => (reads++, (i * 7919) % 1000), 'asc');
		expect(reads).toBe(1000);
	});
});

describe('moveCursor', () => {
	const size = { rows: 100, cols: 4, pageRows: 10 };
	it.each([
		['ArrowDown', false, { row: 6, col: 2 }],
		['ArrowUp', false, { row: 4, col: 2 }],
		['ArrowRight', false, { row: 5, col: 3 }],
		['ArrowLeft', false, { row: 5, col: 1 }],
		['PageDown', false, { row: 15, col: 2 }],
		['PageUp', false, { row: 0, col: 2 }],
		['Home', false, { row: 5, col: 0 }],
		['End', false, { row: 5, col: 3 }],
		['Home', true, { row: 0, col: 0 }],
		['End', true, { row: 99, col: 3 }],
		['ArrowDown', true, { row: 99, col: 2 }]
	])('%s (ctrl %s) from row 5, col 2', (key, ctrl, to) => {
		expect(moveCursor({ row: 5, col: 2 }, key, ctrl, size)).toEqual(to);
	});

	it('stays inside the grid and ignores other keys', () => {
		expect(moveCursor({ row: 99, col: 3 }, 'ArrowDown', false, size)).toEqual({ row: 99, col: 3 });
		expect(moveCursor({ row: 0, col: 0 }, 'ArrowLeft', false, size)).toEqual({ row: 0, col: 0 });
		expect(moveCursor({ row: 0, col: 0 }, 'x', false, size)).toBeNull();
	});
});

describe('selectionToTsv', () => {
	const columns = [
		{ key: 'name', label: 'Name' },
		{ key: 'n', label: 'Orders' },
		{ key: 'd', label: 'First' }
	];
	const data = [
		{ name: 'Ann\tB', n: 3, d: new Date(Date.UTC(2024, 0, 2)) },
		{ name: 'line\nbreak', n: null, d: new Date(Date.UTC(2024, 0, 2, 13, 5)) }
	];
	it('copies the selected block with a header, raw values and no stray separators', () => {
		const out = selectionToTsv(
			columns,
			{ from: 0, to: 1 },
			{ from: 0, to: 2 },
			(r, k) => data[r][k as 'n']
		);
		expect(out.rows).toBe(2);
		expect(out.text).toBe(
			'Name\tOrders\tFirst\nAnn B\t3\t2024-01-02\nline break\t\t2024-01-02 13:05:00'
		);
	});

	it('copies only the selected columns', () => {
		const out = selectionToTsv(
			columns,
			{ from: 1, to: 1 },
			{ from: 1, to: 1 },
			(r, k) => data[r][k as 'n']
		);
		expect(out.text).toBe('Orders\n');
	});
});
