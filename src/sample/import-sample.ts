/**
 * Imports the generated sample shop the way the page once did on "Try sample data": the order CSV
 * planned from its head and imported, then the campaign contact list. The build runs it once
 * (scripts/sample-tables.ts) and ships the tables it leaves; see sample-tables.ts.
 */
import type { SqlEngine } from '../engine/types.ts';
import { ensureContactsTableSql, importContactList } from '../ingest/contacts.ts';
import { importPlans } from '../ingest/import.ts';
import { planFile, toOrderPlan } from '../ingest/plan.ts';
import { previewSource } from '../ingest/read/index.ts';
import { fail, ok, type Result } from '../lib/result.ts';
import type { SampleManifest } from './sample-tables.ts';
import { buildSampleFiles } from './sample-files.ts';

/** The sample's report, contact import and file names; its rows are left in the engine's tables. */
export async function importSample(
	engine: SqlEngine,
	now: Date
): Promise<Result<Omit<SampleManifest, 'tables'>>> {
	const s = buildSampleFiles();
	const orders = new File([s.orders as BlobPart], s.name, { type: 'text/csv' });
	const contacts = new File([s.contacts as BlobPart], s.contactsName, { type: 'text/csv' });
	const plan = await planFile(orders, {}, { previewSource });
	const imported = await importPlans(engine, [toOrderPlan(plan)], { now });
	if (!imported.ok) return fail(imported.error.code, imported.error.detail);
	const failed = imported.value.failures[0];
	if (failed) return fail(failed.error.code, `${failed.file}: ${failed.error.detail}`);
	const ensured = await engine.query(ensureContactsTableSql);
	if (!ensured.ok) return ensured;
	const list = await importContactList(engine, contacts, {});
	if (!list.ok) return list;
	return ok({ report: imported.value, contacts: [list.value], files: [s.name, s.contactsName] });
}
