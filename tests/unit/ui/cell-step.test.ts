/**
 * What a busy cell's placeholder says (src/ui/cells/cell-step.ts), in both languages, from the
 * phases its run goes through: the data load it waits for with that load's step and figures, its
 * place in the queue, the shared tables, its query by number and title.
 */
import { describe, expect, it } from 'vitest';
import { cellStepParts } from '../../../src/ui/cells/cell-step.ts';
import { message } from '../../../src/ui/i18n/index.ts';
import type { CellPhase } from '../../../src/notebook/cell-run.svelte.ts';
import type { Lang } from '../../../src/lib/msg.ts';

const say = (phase: CellPhase, lang: Lang = 'en') =>
	cellStepParts(phase, (k, v) => message(k, lang, v), lang, 'Computing…')?.join(' · ') ?? null;

describe('a busy cell names its step', () => {
	it('the import it waits for, with the step and the figures so far', () => {
		const load = {
			kind: 'import',
			step: 'report',
			rows: 1_200_000,
			orders: 412_000,
			customers: 98_000
		} as const;
		expect(say({ kind: 'reloading', load })).toBe(
			'Waiting for the import: checking quality · 1,200,000 rows read · 412,000 orders from 98,000 customers so far'
		);
		expect(say({ kind: 'reloading', load }, 'zh')).toBe(
			'等待导入完成：检查数据质量 · 已读取 1,200,000 行 · 目前 98,000 位顾客的 412,000 笔订单'
		);
		expect(say({ kind: 'reloading', load: { kind: 'import', step: null } })).toBe(
			'Waiting for the import'
		);
	});

	it('the data loading again after a cancel, the sample, or the engine starting', () => {
		expect(say({ kind: 'reloading', load: { kind: 'reload', step: 'loading' } })).toBe(
			'Waiting for your data to load again: loading the sample shop'
		);
		expect(say({ kind: 'reloading', load: { kind: 'reload', step: 'building', rows: 10 } })).toBe(
			'Waiting for your data to load again: building orders · 10 rows read'
		);
		expect(say({ kind: 'reloading', load: null })).toBe('Waiting for DuckDB to start');
	});

	it('its turn, what it runs, and nothing once it is done', () => {
		expect(say({ kind: 'pending', ahead: 3 })).toMatch(/3 ahead/);
		expect(say({ kind: 'running', step: null })).toBe('Computing…');
		expect(say({ kind: 'running', step: { kind: 'tables' } })).toMatch(/^Preparing the tables/);
		const title = { en: 'Revenue by month', zh: '月度收入' };
		expect(say({ kind: 'running', step: { kind: 'query', n: 2, of: 3, title } })).toBe(
			'Running 2 of 3: Revenue by month'
		);
		expect(say({ kind: 'running', step: { kind: 'query', n: 2, of: 3, title } }, 'zh')).toBe(
			'正在运行第 2 项（共 3 项）：月度收入'
		);
		expect(say({ kind: 'done' })).toBeNull();
		expect(say({ kind: 'stopped', crashed: false })).toBeNull();
	});
});
