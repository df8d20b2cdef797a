import type { Msg, Lang } from '../../lib/msg.ts';

/**
 * Every area keeps its catalog beside the others (`./<area>.ts` exporting `messages`), and every
 * analysis keeps the notices its results call for in its own `describe.ts` (exporting `notices`);
 * this merges them. A key missing from the catalog shows as the key itself, which tests catch.
 */
const modules = import.meta.glob<{ messages: Record<string, Msg> }>('./*.ts', { eager: true });
const analysisNotices = import.meta.glob<{ notices?: Record<string, Msg> }>(
	'../../analyses/*/describe.ts',
	{ eager: true }
);
export const catalog: Record<string, Msg> = Object.assign(
	{},
	...Object.entries(modules)
		.filter(([path]) => !/\/(index|core)\.ts$/.test(path))
		.map(([, m]) => m.messages ?? {}),
	...Object.values(analysisNotices).map((m) => m.notices ?? {})
);

export function message(key: string, lang: Lang, vars?: Record<string, string | number>): string {
	const msg = catalog[key];
	let s = msg ? (msg[lang] ?? msg.en) : key;
	if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
	return s;
}
