import type { Msg } from '../../analyses/types.ts';

export type Lang = 'en' | 'zh';

/** Picks the text for a language; `{name}` placeholders are filled from `vars`. */
export function tr(msg: Msg, lang: Lang, vars?: Record<string, string | number>): string {
	let s = msg[lang] ?? msg.en;
	if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
	return s;
}

/** Intl locale for a language. */
export const locale = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-US');
