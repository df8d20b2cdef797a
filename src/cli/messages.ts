/**
 * What the command line says when something fails: the page's own catalog text (English, as a
 * terminal has no language switch), then DuckDB's or the reader's detail. The catalog is read, not
 * copied: the area files of src/ui/i18n are imported one by one, because its index gathers them
 * with a Vite-only glob that plain Node does not have.
 */
import type { Msg, Lang } from '../lib/msg.ts';
import type { Failure } from '../lib/result.ts';
import { describeDateFormat } from '../ingest/dates/format.ts';
import type { RejectedRow } from '../ingest/quality.ts';
import { messages as app } from '../ui/i18n/app.ts';
import { messages as cli } from '../ui/i18n/cli.ts';
import { messages as charts } from '../ui/i18n/charts.ts';
import { messages as engine } from '../ui/i18n/engine.ts';
import { messages as ingest } from '../ui/i18n/ingest.ts';
import { messages as ingestRead } from '../ui/i18n/ingest-read.ts';
import { messages as contacts } from '../ui/i18n/import-contacts.ts';
import { messages as notebook } from '../ui/i18n/notebook.ts';
import { messages as predict } from '../ui/i18n/predict.ts';

const catalog: Record<string, Msg> = {
	...app,
	...charts,
	...engine,
	...ingest,
	...ingestRead,
	...contacts,
	...notebook,
	...predict,
	...cli
};

/** The catalog's text for a code; unknown codes read as the engine's generic message. */
export function messageOf(
	code: string,
	vars?: Record<string, string | number>,
	lang: Lang = 'en'
): string {
	let text = (catalog[code] ?? catalog['engine.query'])?.[lang] ?? code;
	if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
	return text;
}

/**
 * Failures whose page text gives the page's way out: running out of memory there means the file is
 * too big for a tab, here that DuckDB needs a higher limit or a disk to spill to.
 */
const CLI_CODES: Record<string, string> = {
	'ingest.too-big': 'cli.out-of-memory',
	'engine.memory': 'cli.out-of-memory'
};

/** A failure as the page's error box shows it: what went wrong and what to do, then the detail. */
export function describeFailure(failure: Failure): string {
	const code = CLI_CODES[failure.code] ?? failure.code;
	const text = messageOf(code);
	const said = failure.detail && failure.detail !== text ? `${text}\n  ${failure.detail}` : text;
	// Out of memory also names the statement (its first line), so a run says which step ran out.
	const step = code === 'cli.out-of-memory' ? failure.sql?.trim().split('\n')[0] : undefined;
	return step ? `${said}\n  while running: ${step.slice(0, 120)}` : said;
}

/**
 * Why a row was rejected, as the page's quality report says it: ingest codes (`bad-date`) have
 * messages, a date names the format it was read in, and a row the reader could not split keeps
 * DuckDB's reason.
 */
export function describeRejection(row: RejectedRow): string {
	if (row.format)
		return messageOf('ingest.reject.bad-date-in', {
			value: row.value ?? '',
			format: describeDateFormat(row.format).en
		});
	const code = row.reason.includes('.') ? row.reason : `ingest.reject.${row.reason}`;
	// DuckDB's own words for a row it could not split (too many columns, an unclosed quote).
	return code in catalog ? messageOf(code) : row.reason;
}
