/**
 * Chinese text reads as Chinese: full-width punctuation beside Chinese characters, and one term
 * per concept across every catalog, analysis description and built-in notebook.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/ui/i18n/index.ts';
import { createBuiltinNotebooks } from '../../../src/notebook/builtin.ts';

const analysisTexts = import.meta.glob('../../../src/analyses/*/{describe,params}.ts', {
	eager: true
});

/** Every `zh` string reachable from a module's exports, with where it was found. */
function collectZh(value: unknown, where: string, out: [string, string][], depth = 0): void {
	if (depth > 8 || value === null || typeof value !== 'object') return;
	for (const [k, v] of Object.entries(value)) {
		if (k === 'zh' && typeof v === 'string') out.push([where, v]);
		else collectZh(v, `${where}.${k}`, out, depth + 1);
	}
}

const texts: [string, string][] = [];
for (const [key, msg] of Object.entries(catalog)) if (msg.zh) texts.push([key, msg.zh]);
for (const [path, mod] of Object.entries(analysisTexts)) collectZh(mod, path, texts);
for (const nb of createBuiltinNotebooks({ asOf: '', revenue: 'net', currency: 'CNY' }, '', 'zh'))
	for (const c of nb.cells) if (c.kind === 'markdown') texts.push([nb.id, c.text]);

const CJK = '[\\u3400-\\u9fff]';
/** ASCII , ; : ! ? ( ) touching a Chinese character, or a . between two of them. */
const halfWidth = new RegExp(`${CJK}[,;:!?()]|[,;:!?()]${CJK}|${CJK}\\.${CJK}`);

/** Variants of a term the page settles on, and the term it uses instead. */
const VARIANTS: Record<string, string> = {
	重复购买率: '复购率',
	回购: '复购',
	销售额: '收入'
};

describe('Chinese text', () => {
	it('is found', () => {
		expect(texts.length).toBeGreaterThan(300);
	});

	it('uses full-width punctuation beside Chinese characters', () => {
		const bad = texts.filter(([, t]) => halfWidth.test(t)).map(([w, t]) => `${w}: ${t}`);
		expect(bad).toEqual([]);
	});

	it('names each concept with one term', () => {
		const bad = texts.flatMap(([w, t]) =>
			Object.entries(VARIANTS)
				.filter(([variant]) => t.includes(variant))
				.map(([variant, term]) => `${w}: ${variant} → ${term}`)
		);
		expect(bad).toEqual([]);
	});
});
