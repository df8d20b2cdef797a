/**
 * A SQL cell's text cut into statements, the way DuckDB's tokenizer reads quotes and comments
 * (https://duckdb.org/docs/stable/sql/dialect/keywords_and_identifiers, …/literal_types):
 * `'…'` strings (`''` inside, and `E'…'` with backslash escapes), `"…"` identifiers, `$tag$…$tag$`
 * strings, `--` and nested `/* … *\/` comments. A `;` outside them ends a statement.
 *
 * This only cuts and names: whether a statement reads or writes is decided by DuckDB (see
 * sql-cell-run.ts). A cut in the wrong place is safe: every piece is still checked on its own, and
 * DuckDB refuses a piece holding two statements (it runs as a prepared statement).
 */

export interface Statement {
	/** The statement's text, without its `;`. */
	text: string;
	/** Where `text` starts in the cell's text (to point DuckDB's errors at the right line). */
	start: number;
	/** Where its first keyword ends in `text` (`EXPLAIN` is followed by the statement it explains). */
	keywordEnd: number;
	/** Its first keyword in upper case (`SELECT`, `DELETE`, `(` for a parenthesised query). */
	keyword: string;
	/** Its names and keywords in lower case, quotes removed: `"Orders"` and `ORDERS` give `orders`. */
	words: string[];
}

/** Splits `sql` into statements; empty ones (`;;`, comments only) are dropped. */
export function splitStatements(sql: string): Statement[] {
	const out: Statement[] = [];
	let start = 0;
	let words: string[] = [];
	let first = '';
	let firstEnd = 0;
	const end = (at: number) => {
		const raw = sql.slice(start, at);
		const text = raw.trim();
		const lead = raw.length - raw.trimStart().length;
		if (first)
			out.push({
				text,
				start: start + lead,
				keywordEnd: firstEnd - start - lead,
				keyword: first,
				words
			});
		start = at + 1;
		words = [];
		first = '';
	};
	const word = (w: string, to: number) => {
		words.push(w.toLowerCase());
		if (!first) {
			first = w.toUpperCase();
			firstEnd = to;
		}
	};
	let i = 0;
	while (i < sql.length) {
		const ch = sql[i];
		const next = sql[i + 1];
		if (ch === '-' && next === '-') {
			const nl = sql.indexOf('\n', i);
			i = nl < 0 ? sql.length : nl + 1;
		} else if (ch === '/' && next === '*') {
			i = skipBlockComment(sql, i);
		} else if (ch === "'") {
			const escapes = /[eE]/.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? '');
			i = skipQuoted(sql, i, "'", escapes);
		} else if (ch === '"') {
			const close = skipQuoted(sql, i, '"', false);
			word(sql.slice(i + 1, close - 1).replaceAll('""', '"'), close);
			i = close;
		} else if (ch === '$' && /[A-Za-z_$]/.test(next ?? '') && !/\w/.test(sql[i - 1] ?? '')) {
			const tag = /^\$([A-Za-z_]\w*)?\$/.exec(sql.slice(i));
			if (tag) {
				const close = sql.indexOf(tag[0], i + tag[0].length);
				i = close < 0 ? sql.length : close + tag[0].length;
			} else i++;
		} else if (ch === ';') {
			end(i);
			i++;
		} else if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
			const m = /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/.exec(sql.slice(i))!;
			word(m[0], i + m[0].length);
			i += m[0].length;
		} else {
			if (!first && ch === '(') {
				first = '(';
				firstEnd = i;
			}
			i++;
		}
	}
	end(sql.length);
	return out;
}

/** Index after the quote that closes the one at `i` (doubled quotes stay inside). */
function skipQuoted(sql: string, i: number, quote: string, backslash: boolean): number {
	let j = i + 1;
	while (j < sql.length) {
		if (backslash && sql[j] === '\\') j += 2;
		else if (sql[j] === quote && sql[j + 1] === quote) j += 2;
		else if (sql[j] === quote) return j + 1;
		else j++;
	}
	return sql.length;
}

/** Index after the block comment opened at `i`; DuckDB nests them like PostgreSQL. */
function skipBlockComment(sql: string, i: number): number {
	let depth = 0;
	let j = i;
	while (j < sql.length) {
		if (sql[j] === '/' && sql[j + 1] === '*') {
			depth++;
			j += 2;
		} else if (sql[j] === '*' && sql[j + 1] === '/') {
			depth--;
			j += 2;
			if (depth === 0) return j;
		} else j++;
	}
	return sql.length;
}
