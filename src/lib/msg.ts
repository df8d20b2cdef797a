/** A language the page speaks. */
export type Lang = 'en' | 'zh';

/** Text in both languages. Every label and definition the user sees is one of these. */
export type Msg = Record<Lang, string>;
