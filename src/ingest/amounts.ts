/**
 * Money as exports write it: `¥1,234.50`, `1.234,50 €`, `US$12`, `(12.00)`, `HK$120`, `88元`.
 * One table of currency marks serves the preview (in JS, here) and the import (in SQL, see
 * canonicalize.ts and quality.ts), so both strip and name the same currencies.
 */

/**
 * Currency marks, most specific first (`HK$` before `$`), as RE2 and JS patterns alike, with the
 * ISO 4217 code each means. `¥` is 'YEN': Chinese and Japanese shops both write it, so the file
 * decides (see `resolveYen`).
 */
export const CURRENCY_MARKS: readonly (readonly [pattern: string, code: string])[] = [
	['HK\\$|HKD', 'HKD'],
	['NT\\$|NTD|TWD', 'TWD'],
	['US\\$|USD', 'USD'],
	['JPY|円', 'JPY'],
	['RMB|CNY|元', 'CNY'],
	['[¥￥]', 'YEN'],
	['€|EUR', 'EUR'],
	['£|GBP', 'GBP'],
	['\\$', 'USD']
];

/** Codes and marks written before the number (`US$12`) or after it (`88元`, `12 EUR`). */
const CODE_BEFORE = 'RMB|CNY|USD|EUR|GBP|HKD|TWD|NTD|JPY|US\\$|HK\\$|NT\\$';
const CODE_AFTER = 'RMB|CNY|USD|EUR|GBP|HKD|TWD|NTD|JPY|元|円';
/** A case-insensitive pattern for the codes at either end of an amount, for RE2 and JS. */
export const AMOUNT_CODES_PATTERN = `^(${CODE_BEFORE})|(${CODE_AFTER})$`;
/** Symbols and spaces dropped anywhere in an amount, as a character class. */
export const AMOUNT_SYMBOLS_CLASS = '[¥￥$€£\\s\\x{3000}\\x{00A0}]';

const codes = new RegExp(AMOUNT_CODES_PATTERN, 'gi');
const symbols = new RegExp(AMOUNT_SYMBOLS_CLASS.replaceAll('\\x{', '\\u{'), 'gu');
const marks = CURRENCY_MARKS.map(([pattern, code]) => [new RegExp(pattern, 'i'), code] as const);

/** The ISO code of the first currency mark in `text`, 'YEN' for ¥, or null. */
function findCurrencyMark(text: string): string | null {
	return marks.find(([re]) => re.test(text))?.[1] ?? null;
}

/** ¥ means JPY only when the file says JPY somewhere (a currency column, a `JPY` amount). */
export function resolveYen(code: string, fileSaysJpy: boolean): string {
	return code === 'YEN' ? (fileSaysJpy ? 'JPY' : 'CNY') : code;
}

export interface ParsedAmount {
	/** The number, or null when the text is not an amount (the import rejects such a row). */
	value: number | null;
	/** ISO 4217 code of the currency the text carries, or null when it names none. */
	currency: string | null;
}

/**
 * Reads an amount cell the way the import's SQL does (`parseNumber` in canonicalize.ts): codes at
 * either end and symbols dropped; a leading or trailing minus or brackets for negatives; thousands
 * grouped by the mark that is not `decimal`. `yen` says what ¥ means in this file.
 */
export function parseAmountText(
	text: string,
	decimal: '.' | ',',
	yen: 'CNY' | 'JPY' = 'CNY'
): ParsedAmount {
	const mark = findCurrencyMark(text);
	const currency = mark === null ? null : resolveYen(mark, yen === 'JPY');
	return { value: parseAmountValue(text, decimal), currency };
}

function parseAmountValue(text: string, decimal: '.' | ','): number | null {
	const plain = decimal === '.' ? PLAIN_POINT : PLAIN_COMMA;
	if (plain.test(text)) return Number(text.trim());
	const bare = text.replace(codes, '').replace(symbols, '');
	const negative = bare.startsWith('-') || bare.endsWith('-') || /^\(.*\)$/.test(bare);
	const digits = bare.replace(/^[+(-]+|[)-]+$/g, '');
	const valid = decimal === '.' ? VALID_POINT : VALID_COMMA;
	if (!valid.test(digits)) return null;
	const normalized =
		decimal === '.' ? digits.replaceAll(',', '') : digits.replaceAll('.', '').replace(',', '.');
	const value = Number(normalized);
	return Number.isFinite(value) ? (negative ? -value : value) : null;
}

/** What DuckDB's cast to DOUBLE takes as it is (the SQL's shortcut for plain numbers). */
const PLAIN_POINT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const PLAIN_COMMA = /^\s*[+-]?\d+([eE][+-]?\d+)?\s*$/;
const VALID_POINT = /^(\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d*)?|\.\d+)$/;
const VALID_COMMA = /^(\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d*)?|,\d+)$/;
