import { describe, expect, it } from 'vitest';
import { createBuiltinNotebooks, isBuiltinId } from '../../../src/notebook/builtin.ts';
import { parseNotebook } from '../../../src/notebook/schema.ts';

const globals = { asOf: '2024-12-01', revenue: 'net' as const, currency: 'CNY' };
const ANALYSES = [
	'overview',
	'rfm',
	'cohorts',
	'repurchase',
	'tiers',
	'lifecycle',
	'products',
	'timeprefs',
	'whatif',
	'campaigns',
	'predict'
];

describe('built-in notebooks', () => {
	it.each(['en', 'zh'] as const)('are valid notebooks in %s', (lang) => {
		const nbs = createBuiltinNotebooks(globals, '2026-11-26T08:00:00.000Z', lang);
		expect(nbs.map((n) => n.title)).toEqual(
			lang === 'en'
				? ['Store health', 'RFM playbook', 'Campaign review']
				: ['店铺健康度', 'RFM 运营手册', '营销活动复盘']
		);
		for (const nb of nbs) {
			expect(parseNotebook(JSON.parse(JSON.stringify(nb)))).toEqual({ ok: true, value: nb });
			expect(nb.cells[0].kind).toBe('markdown');
			expect(isBuiltinId(nb.id)).toBe(true);
			for (const c of nb.cells) if (c.kind === 'preset') expect(ANALYSES).toContain(c.analysis);
		}
	});

	it('hold the analyses each one promises', () => {
		const presets = createBuiltinNotebooks(globals, '2026-11-26T08:00:00.000Z', 'en').map((nb) =>
			nb.cells.flatMap((c) => (c.kind === 'preset' ? [c.analysis] : []))
		);
		expect(presets).toEqual([
			['overview', 'repurchase', 'lifecycle', 'timeprefs'],
			['rfm', 'tiers', 'whatif', 'predict'],
			['campaigns', 'repurchase']
		]);
		expect(isBuiltinId('my-notebook')).toBe(false);
	});
});
