/**
 * Upgrades stored notebooks one version at a time, so a notebook saved by any earlier page opens
 * in this one. Each step maps shape only; the result is validated by schema.ts afterwards, so a
 * step may pass odd values through and let validation name them.
 *
 * Version 1 → 2 only adds a field (a SQL cell's `mayWrite`): the page refuses notebooks newer
 * than itself, so a page that does not know the flag cannot save a notebook without it.
 *
 * Version 0 is the draft format of the first prototype:
 * `{ format, version: 0, id, name, created: epochMs, modified: epochMs, globals,
 *    cells: [{ id, type: 'preset' | 'sql' | 'note', preset?, params?, sql?, text?, as?,
 *              chart?, hidden? }] }`.
 */
import { ok, fail, type Result } from '../lib/result.ts';

type Doc = Record<string, unknown>;

const isRecord = (x: unknown): x is Doc => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Epoch milliseconds to an ISO timestamp; anything else is left for validation to reject. */
const toIso = (ms: unknown): unknown =>
	typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) < 8.64e15
		? new Date(ms).toISOString()
		: ms;

function migrateCellV0(cell: unknown): unknown {
	if (!isRecord(cell)) return cell;
	const view: Doc = {};
	if (cell.chart !== undefined) view.chart = cell.chart;
	if (cell.hidden !== undefined) view.collapsed = cell.hidden;
	const common: Doc = { id: cell.id };
	if (Object.keys(view).length) common.view = view;
	switch (cell.type) {
		case 'preset':
			return {
				...common,
				kind: 'preset',
				analysis: cell.preset,
				params: cell.params ?? {},
				name: cell.as
			};
		case 'sql':
			return { ...common, kind: 'sql', sql: cell.sql, name: cell.as };
		case 'note':
			return { ...common, kind: 'markdown', text: cell.text };
		default:
			return { ...common, kind: cell.type };
	}
}

function migrateV0(doc: Doc): Doc {
	return {
		format: doc.format,
		version: 1,
		id: doc.id,
		title: doc.name,
		createdAt: toIso(doc.created),
		updatedAt: toIso(doc.modified),
		globals: doc.globals,
		cells: Array.isArray(doc.cells) ? doc.cells.map(migrateCellV0) : doc.cells
	};
}

/** Version 2 added the SQL cell's optional `mayWrite`; a version 1 notebook only reads. */
const migrateV1 = (doc: Doc): Doc => ({ ...doc, version: 2 });

/** Step `i` upgrades version `i` to `i + 1`. */
const STEPS: ((doc: Doc) => Doc)[] = [migrateV0, migrateV1];

/** Brings `doc` (at `version`) up to the current version. */
export function migrateNotebook(doc: Doc, version: number): Result<Doc> {
	let out = doc;
	for (let i = version; i < STEPS.length; i++) {
		try {
			out = STEPS[i](out);
		} catch (e) {
			return fail(
				'notebook.invalid',
				`migration from version ${i} failed: ${(e as Error).message}`
			);
		}
	}
	return ok(out);
}
