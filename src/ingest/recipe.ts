/**
 * How a file was imported, kept with its quality report: how it was read and the mapping as it
 * was finally applied (date order and store time zone resolved from the data). The `.sql` export
 * replays it in the DuckDB CLI, so a file too big for the page gives the page's tables there.
 */
import {
	buildCleanupSql,
	buildMergeSql,
	buildOrderSql,
	buildParseRowsSql
} from './canonicalize.ts';
import type { Mapping } from './mapping.ts';
import { LINE_COLUMN } from './read/header.ts';
import { buildStageCsvSql } from './read/stage-delimited.ts';
import type { EncodingName, FileKind } from './read/types.ts';
import { ident } from '../lib/sql.ts';

export interface ImportRecipe {
	file: string;
	preset: string | null;
	fileKind: FileKind;
	compressed: boolean;
	encoding: EncodingName;
	delimiter?: string;
	header: string[];
	/** Line of the column header (title lines above it are skipped). */
	headerRow: number;
	/** Data records dropped after the header (TikTok Shop's row of descriptions). */
	skipRows: number[];
	mapping: Mapping;
	oneRowPerOrder: boolean;
}

/** What `iconv` calls each encoding the page converts to UTF-8 before DuckDB reads it. */
const ICONV_NAMES: Record<Exclude<EncodingName, 'utf-8'>, string> = {
	gb18030: 'GB18030',
	big5: 'BIG5',
	'utf-16le': 'UTF-16LE',
	'utf-16be': 'UTF-16BE',
	'windows-1252': 'WINDOWS-1252'
};

const STAGE = '__ingest_stage';

/** Shell-quoted, for the commands the script tells the user to run. */
const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** The UTF-8 copy a transcoded file is read from, beside the original. */
const utf8CopyName = (file: string): string =>
	`${file.replace(/(\.(csv|tsv|txt))?(\.gz)?$/i, '')}.utf8.csv`;

/**
 * The statements that import one file as the page did, and the steps before them that only exist
 * in JS (transcoding, XLSX, JSON and Parquet reading) as instructions: `run` is empty when the
 * file cannot be read by SQL alone.
 */
export function buildReplaySql(recipe: ImportRecipe): { notes: string[]; run: string[] } {
	const notes: string[] = [];
	const huitou = `huitou db ${shellQuote(recipe.file)} --out shop.duckdb`;
	if (recipe.fileKind !== 'csv') {
		notes.push(
			`${recipe.file} is ${recipe.fileKind.toUpperCase()}, which the page reads in JS, not SQL.`,
			`Load it with the command line instead:  ${huitou}`,
			'then run this script on shop.duckdb without the import part.'
		);
		return { notes, run: [] };
	}
	let path = recipe.file;
	let compressed = recipe.compressed;
	if (recipe.encoding !== 'utf-8') {
		path = utf8CopyName(recipe.file);
		const source = shellQuote(recipe.file);
		const unpack = recipe.compressed ? `gunzip -c ${source} | iconv` : `iconv`;
		notes.push(
			`${recipe.file} is ${recipe.encoding.toUpperCase()}, which DuckDB does not read: convert it first,`,
			`  ${unpack} -f ${ICONV_NAMES[recipe.encoding]} -t UTF-8 ${recipe.compressed ? '' : `${source} `}> ${shellQuote(path)}`,
			`or load it with the command line:  ${huitou}`
		);
		compressed = false;
	}
	const m = recipe.mapping;
	notes.push(
		`${recipe.file}: ${recipe.preset ? `preset ${recipe.preset}` : 'mapped by hand'}, ${recipe.encoding}, ` +
			`dates ${m.dateOrder}, store time UTC${m.timezoneOffsetMinutes >= 0 ? '+' : '-'}${Math.abs(m.timezoneOffsetMinutes) / 60}`
	);
	const run = [
		buildStageCsvSql({
			table: STAGE,
			path,
			header: recipe.header,
			headerLine: recipe.headerRow,
			delimiter: recipe.delimiter ?? ',',
			strict: false,
			compressed
		}),
		...(recipe.skipRows.length
			? [
					`DELETE FROM ${STAGE} WHERE ${ident(LINE_COLUMN)} IN (${recipe.skipRows.map((r) => r + recipe.headerRow).join(', ')})`
				]
			: []),
		buildParseRowsSql(m, STAGE),
		...buildOrderSql(m, recipe.file, recipe.oneRowPerOrder),
		'BEGIN TRANSACTION',
		...buildMergeSql(),
		'COMMIT',
		`DROP TABLE ${ident(STAGE)}`,
		...buildCleanupSql().split(';\n')
	];
	return { notes, run };
}
