/* eslint-disable @typescript-eslint/no-explicit-any -- the cases poke at untyped JSON on purpose */
import { describe, expect, it } from 'vitest';
import { LIMITS, parseNotebook, parseNotebookText } from '../../../src/notebook/schema.ts';
import { sampleNotebook } from './fixtures.ts';

/** The sample as plain JSON, the way it arrives from storage, a file or a link. */
const raw = (): Record<string, unknown> => JSON.parse(JSON.stringify(sampleNotebook()));

const codeOf = (input: unknown) => {
	const r = parseNotebook(input);
	return r.ok ? 'ok' : r.error.code;
};

describe('parseNotebook', () => {
	it('accepts a valid notebook and returns the same content', () => {
		const r = parseNotebook(raw());
		expect(r.ok && r.value).toEqual(sampleNotebook());
	});

	it.each([
		['null', null],
		['an array', []],
		['a string', 'huitou.notebook'],
		['another format', { ...raw(), format: 'jupyter' }],
		['a fractional version', { ...raw(), version: 1.5 }],
		['a negative version', { ...raw(), version: -1 }],
		['a string version', { ...raw(), version: '1' }]
	])('rejects %s as notebook.invalid', (_what, input) => {
		expect(codeOf(input)).toBe('notebook.invalid');
	});

	it('refuses a newer version with its own code', () => {
		const r = parseNotebook({ ...raw(), version: 3, cells: 'whatever v3 holds' });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.code).toBe('notebook.newer-version');
			expect(r.error.detail).toContain('3');
		}
	});

	it('rejects a truncated document (cells missing)', () => {
		const doc = raw();
		delete doc.cells;
		expect(codeOf(doc)).toBe('notebook.invalid');
	});

	it('names the failing field in the detail', () => {
		const doc = raw();
		(doc.cells as Record<string, unknown>[])[2].sql = 42;
		const r = parseNotebook(doc);
		expect(!r.ok && r.error.detail).toMatch(/^cells\.2\.sql/);
	});

	it.each([
		['an upper-case cell id', (d: any) => (d.cells[0].id = 'Cell1')],
		['a cell id longer than 40', (d: any) => (d.cells[0].id = 'a'.repeat(41))],
		['duplicate cell ids', (d: any) => (d.cells[1].id = 'c1')],
		['a result name with a space', (d: any) => (d.cells[1].name = 'rfm segments')],
		['a result name with a quote', (d: any) => (d.cells[1].name = 'x";drop')],
		['a reserved result name', (d: any) => (d.cells[1].name = 'orders')],
		['two cells with one name', (d: any) => (d.cells[2].name = 'rfm_segments')],
		['an unknown cell kind', (d: any) => (d.cells[0].kind = 'python')],
		['a non-boolean view flag', (d: any) => (d.cells[1].view.table = 'yes')],
		['a chart choice with markup', (d: any) => (d.cells[1].view.charts = { q: '<svg onload=x>' })],
		['a bad as-of date', (d: any) => (d.globals.asOf = '01/12/2024')],
		['an unknown revenue mode', (d: any) => (d.globals.revenue = 'both')],
		['a lower-case currency', (d: any) => (d.globals.currency = 'cny')],
		['a bad timestamp', (d: any) => (d.updatedAt = 'yesterday')],
		['a title past the limit', (d: any) => (d.title = 'x'.repeat(LIMITS.title + 1))],
		['SQL past the limit', (d: any) => (d.cells[2].sql = 'x'.repeat(LIMITS.sql + 1))],
		[
			'too many cells',
			(d: any) =>
				(d.cells = Array.from({ length: LIMITS.cells + 1 }, (_, i) => ({
					id: `m${i}`,
					kind: 'markdown',
					text: ''
				})))
		],
		[
			'parameters nested deeper than 6 levels',
			(d: any) => (d.cells[1].params.x = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } })
		],
		['a non-finite parameter', (d: any) => (d.cells[1].params.x = Infinity)],
		[
			'too many filter values',
			(d: any) => (d.globals.channels = Array(LIMITS.filterValues + 1).fill('a'))
		]
	])('rejects %s', (_what, mutate) => {
		const doc = raw();
		mutate(doc);
		expect(codeOf(doc)).toBe('notebook.invalid');
	});

	it('keeps hostile text as plain strings', () => {
		const doc = raw();
		doc.title = '<script>alert(1)</script>';
		(doc.cells as any[])[0].text = '<img src=x onerror=alert(1)>';
		const r = parseNotebook(doc);
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.value.title).toBe('<script>alert(1)</script>');
			expect(r.value.cells[0]).toMatchObject({ text: '<img src=x onerror=alert(1)>' });
		}
	});

	it('drops __proto__, constructor and prototype keys from parameters at any depth', () => {
		const text = JSON.stringify(raw()).replace(
			'"params":{',
			'"params":{"__proto__":{"polluted":true},"constructor":{"x":1},"nested":{"__proto__":{"polluted":true},"ok":1},'
		);
		const r = parseNotebook(JSON.parse(text));
		expect(r.ok).toBe(true);
		if (r.ok && r.value.cells[1].kind === 'preset') {
			const params = r.value.cells[1].params;
			expect(Object.keys(params).sort()).toEqual(['fBreaks', 'nested', 'rules']);
			expect(params.nested).toEqual({ ok: 1 });
			expect(Object.getPrototypeOf(params.nested)).toBe(Object.prototype);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('strips unknown keys instead of carrying them along', () => {
		const r = parseNotebook({ ...raw(), data: [{ customer: 'Alice', phone: '138…' }] });
		expect(r.ok && 'data' in r.value).toBe(false);
	});
});

describe('parseNotebookText', () => {
	it('reads a notebook file and drops prototype keys at the top level', () => {
		const text = JSON.stringify(raw()).replace('{', '{"__proto__":{"polluted":true},');
		const r = parseNotebookText(text);
		expect(r.ok && r.value).toEqual(sampleNotebook());
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it.each([
		['not JSON', 'name,amount\nAnn,1'],
		['truncated JSON', JSON.stringify(raw()).slice(0, 120)],
		['an empty file', '']
	])('refuses %s as notebook.invalid', (_what, text) => {
		const r = parseNotebookText(text);
		expect(!r.ok && r.error.code).toBe('notebook.invalid');
	});

	it('refuses a flood of cells quickly, before checking each', () => {
		const doc = raw();
		doc.cells = Array(100_000).fill({ id: 'x', kind: 'markdown', text: '' });
		const r = parseNotebook(doc);
		expect(!r.ok && r.error.detail).toBe('100000 cells, at most 200');
	});
});
