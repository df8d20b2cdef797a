/**
 * Files from the command line into the canonical tables, through the page's own importer: the
 * same reader (stageSource), presets, encodings, date formats and quality report. What the page's
 * import dialog asks, a file answers here: a platform export by its header, any other layout by
 * the mapping remembered next to it (`<file>.huitou.json`) or given with `--mapping`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { openDiskFile } from '../engine/native.ts';
import type { SqlEngine } from '../engine/types.ts';
import { ensureContactsTableSql, importContactList, isContactList } from '../ingest/contacts.ts';
import { importFiles, type ImportProgress, type MappingRequest } from '../ingest/import.ts';
import { isMapping, type DateOrder, type Mapping } from '../ingest/mapping.ts';
import type { PresetId } from '../ingest/presets/index.ts';
import type { ImportReport } from '../ingest/quality.ts';
import { previewSource, type EncodingName, type ReadOptions } from '../ingest/read/index.ts';
import { fail, ok, type Failure, type Result } from '../lib/result.ts';
import { messageOf } from './messages.ts';

export interface LoadOptions {
	preset?: PresetId;
	encoding?: EncodingName;
	dateOrder?: DateOrder;
	/** A mapping file for every file without a detected preset (else each file's own). */
	mappingFile?: string;
	now: Date;
	log: (line: string) => void;
}

export interface LoadOutcome {
	report: ImportReport | null;
	/** Every file that failed, orders or contact list, with why. */
	failures: { file: string; error: Failure }[];
	contactLists: { file: string; rows: number; campaigns: number }[];
}

const MAPPING_FORMAT = 'huitou.mapping';

/** Where a file's mapping is remembered: beside it, so next month's export finds it. */
const mappingFileFor = (file: string): string => `${file}.huitou.json`;

/** A mapping file: `{format, version, mapping}` as written here, checked before it is used. */
function readMappingFile(file: string): Result<Mapping> {
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
			format?: unknown;
			mapping?: unknown;
		};
		if (parsed.format !== MAPPING_FORMAT || !isMapping(parsed.mapping))
			return fail('cli.bad-mapping', file);
		return ok(parsed.mapping);
	} catch (e) {
		return fail('cli.bad-mapping', `${file}: ${(e as Error).message}`);
	}
}

function writeMappingFile(file: string, mapping: Mapping): void {
	writeFileSync(file, JSON.stringify({ format: MAPPING_FORMAT, version: 1, mapping }, null, '\t'));
}

/** Progress lines: one per phase of each file, so a long read shows it is alive. */
function progressLogger(log: (line: string) => void): (p: ImportProgress) => void {
	let last = '';
	return (p) => {
		const key = `${p.fileIndex}:${p.phase}`;
		if (key === last) return;
		last = key;
		const rows = p.rows ? ` ${p.rows.toLocaleString('en-US')} rows` : '';
		log(`[${p.fileIndex + 1}/${p.fileCount}] ${p.file}: ${p.phase}${rows}`);
	};
}

/**
 * Imports order files, then contact lists (told apart by their header, as the page does). The
 * canonical tables hold every file that imported; `failures` says which did not, and why.
 */
export async function loadFiles(
	engine: SqlEngine,
	paths: string[],
	opts: LoadOptions
): Promise<LoadOutcome> {
	const failures: LoadOutcome['failures'] = [];
	const read: ReadOptions = {
		...(opts.encoding ? { encoding: opts.encoding } : {}),
		// Native DuckDB reads a UTF-8 file where it lies and spills to disk: no page-sized bound.
		maxFileBytes: Number.MAX_SAFE_INTEGER
	};
	const given = opts.mappingFile ? readMappingFile(opts.mappingFile) : undefined;
	if (given && !given.ok)
		return {
			report: null,
			failures: [{ file: opts.mappingFile!, error: given.error }],
			contactLists: []
		};

	const orders: File[] = [];
	const contacts: File[] = [];
	const pathOf = new Map<Blob, string>();
	for (const path of paths) {
		if (!existsSync(path)) {
			failures.push({ file: path, error: { code: 'cli.missing-file', detail: path } });
			continue;
		}
		const file = await openDiskFile(path);
		pathOf.set(file, path);
		const preview = await previewSource(file, read);
		if (preview.ok && isContactList(preview.value.header)) contacts.push(file);
		else orders.push(file);
	}

	/** Files left without a mapping: a suggestion was written next to each. */
	const suggested = new Set<string>();
	let report: ImportReport | null = null;
	if (orders.length) {
		/** The mapping for a file: given, remembered beside it, a preset's, else written out. */
		const mappingOf = async (request: MappingRequest): Promise<Mapping | null> => {
			if (given?.ok && !opts.preset) return given.value;
			const path = pathOf.get(request.file)!;
			const sidecar = mappingFileFor(path);
			if (!opts.preset && existsSync(sidecar)) {
				const remembered = readMappingFile(sidecar);
				if (remembered.ok) return remembered.value;
				failures.push({ file: request.file.name, error: remembered.error });
				suggested.add(request.file.name);
				return null;
			}
			if (request.preset) return request.proposed;
			writeMappingFile(sidecar, request.proposed);
			failures.push({
				file: request.file.name,
				error: {
					code: 'ingest.unknown-layout',
					detail: `${request.preview.header.slice(0, 8).join(', ')}\n${messageOf('cli.mapping-suggested')}\n  ${sidecar}`
				}
			});
			suggested.add(request.file.name);
			return null;
		};
		const imported = await importFiles(engine, orders, {
			now: opts.now,
			preset: opts.preset,
			readFor: () => read,
			onProgress: progressLogger(opts.log),
			mappingFor: async (request) => {
				const chosen = await mappingOf(request);
				return chosen && opts.dateOrder ? { ...chosen, dateOrder: opts.dateOrder } : chosen;
			}
		});
		if (imported.ok) {
			report = imported.value;
			// A file skipped for want of a mapping reads as "cancelled" to the importer: its own
			// failure above says why.
			failures.push(...report.failures.filter((f) => !suggested.has(f.file)));
		} else if (imported.error.code !== 'ingest.cancelled' || suggested.size === 0) {
			// No file imported: the importer returns the first file's failure.
			const first = orders.find((f) => !suggested.has(f.name));
			failures.push({ file: first?.name ?? '', error: imported.error });
		}
	}

	const contactLists: LoadOutcome['contactLists'] = [];
	for (const file of contacts) {
		opts.log(`${file.name}: campaign contact list`);
		const r = await importContactList(engine, file, read);
		if (r.ok)
			contactLists.push({ file: file.name, rows: r.value.rows, campaigns: r.value.campaigns });
		else failures.push({ file: file.name, error: r.error });
	}
	// As the page does after an import: the cells read the contact table whether or not a list came.
	await engine.query(ensureContactsTableSql);
	return { report, failures, contactLists };
}
