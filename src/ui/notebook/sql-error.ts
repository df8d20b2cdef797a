/**
 * Where in the SQL a DuckDB error points. DuckDB ends many messages with the offending line and a
 * caret under the position:
 *
 *     Binder Error: Referenced column "amout" not found in FROM clause!
 *
 *     LINE 2:   amout
 *               ^
 *
 * Long lines are cut and marked with `...`, so the quoted text is looked up in the real line
 * rather than trusting the caret's column alone.
 */

export interface SqlErrorSpan {
	/** Character offsets in the SQL text, `to` exclusive. */
	from: number;
	to: number;
}

const LINE = /^LINE (\d+): (.*)\n( *)\^/m;

export function locateSqlError(sql: string, message: string): SqlErrorSpan | null {
	const m = LINE.exec(message);
	if (!m) return null;
	const lineNo = Number(m[1]);
	const prefix = `LINE ${m[1]}: `.length;
	const lines = sql.split('\n');
	if (lineNo < 1 || lineNo > lines.length) return null;
	const line = lines[lineNo - 1];

	let quoted = m[2];
	let col = m[3].length - prefix;
	if (quoted.startsWith('...')) {
		quoted = quoted.slice(3);
		col -= 3;
	}
	if (quoted.endsWith('...')) quoted = quoted.slice(0, -3);
	const at = line.indexOf(quoted);
	if (at < 0 || col < 0) return null;

	const lineStart = lines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0);
	const start = Math.min(at + col, line.length);
	let end = start;
	while (end < line.length && /[\w."$]/.test(line[end])) end++;
	return {
		from: lineStart + start,
		to: lineStart + Math.max(end, Math.min(start + 1, line.length))
	};
}
