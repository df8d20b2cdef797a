/**
 * Spreadsheet formula injection: Excel, LibreOffice and Sheets run a cell that starts with `=`,
 * `+`, `-` or `@` (and some read a leading tab or CR as whitespace before one). Customer names and
 * product titles are hostile input, so such text gets a leading apostrophe, which spreadsheets
 * show as text. Plain numbers written as text ("-12.5") are left alone: they cannot be formulas.
 */
const TRIGGER = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseFormula(text: string): string {
	return TRIGGER.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
