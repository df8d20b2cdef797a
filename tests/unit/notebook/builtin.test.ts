import { describe, expect, it } from 'vitest';
import {
	ALL_ANALYSES_ID,
	createBuiltinNotebook,
	createBuiltinNotebooks,
	FIRST_BUILTIN_ID,
	isBuiltinId
} from '../../../src/notebook/builtin.ts';
import { parseNotebook } from '../../../src/notebook/schema.ts';
import { analyses } from '../../../src/analyses/registry.ts';
import { predict } from '../../../src/analyses/predict/index.ts';
import type { Analysis } from '../../../src/analyses/types.ts';

// predict is not in the registry: its queries read tables a JS fitting step writes first
// (runPredict), so the page runs it as a special cell. Its SQL still builds from defaults.
const known = new Map<string, Analysis>([...analyses, predict as Analysis].map((a) => [a.id, a]));

const globals = { asOf: '2024-12-01', revenue: 'net' as const, currency: 'CNY' };

describe('built-in notebooks', () => {
	it.each(['en', 'zh'] as const)('are valid notebooks in %s', (lang) => {
		const nbs = createBuiltinNotebooks(globals, '2026-11-26T08:00:00.000Z', lang);
		expect(nbs.map((n) => n.title)).toEqual(
			lang === 'en'
				? ['Store health', 'RFM playbook', 'Campaign review', 'All analyses']
				: ['店铺健康度', 'RFM 运营手册', '营销活动复盘', '全部分析']
		);
		for (const nb of nbs) {
			expect(parseNotebook(JSON.parse(JSON.stringify(nb)))).toEqual({ ok: true, value: nb });
			expect(nb.cells[0].kind).toBe('markdown');
			expect(isBuiltinId(nb.id)).toBe(true);
			for (const c of nb.cells) {
				if (c.kind !== 'preset') continue;
				// Every cell opens: the analysis exists and builds SQL from its defaults.
				const analysis = known.get(c.analysis);
				expect(analysis, c.analysis).toBeDefined();
				const queries = analysis!.build({ ...analysis!.defaults, ...c.params }, globals);
				expect(queries.length, c.analysis).toBeGreaterThan(0);
			}
		}
	});

	it('hold the analyses each one promises', () => {
		const presets = createBuiltinNotebooks(globals, '2026-11-26T08:00:00.000Z', 'en').map((nb) =>
			nb.cells.flatMap((c) => (c.kind === 'preset' ? [c.analysis] : []))
		);
		expect(presets).toEqual([
			['overview', 'repurchase', 'lifecycle', 'timeprefs'],
			['rfm', 'tiers', 'whatif', 'predict'],
			['campaigns', 'repurchase'],
			analyses.map((a) => a.id)
		]);
		expect(isBuiltinId('my-notebook')).toBe(false);
	});

	it('open on Store health, with every analysis one built-in away', () => {
		const first = createBuiltinNotebook(
			FIRST_BUILTIN_ID,
			globals,
			'2026-11-26T08:00:00.000Z',
			'zh'
		);
		expect(first?.title).toBe('店铺健康度');
		const all = createBuiltinNotebook(ALL_ANALYSES_ID, globals, '2026-11-26T08:00:00.000Z', 'en');
		expect(all?.cells.filter((c) => c.kind === 'preset')).toHaveLength(analyses.length);
		expect(createBuiltinNotebook('my-notebook', globals, '2026-11-26T08:00:00.000Z', 'en')).toBe(
			undefined
		);
	});
});
