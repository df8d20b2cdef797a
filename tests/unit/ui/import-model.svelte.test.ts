/**
 * ImportModel holds the dialog's plans. What breaks without it: an edit that lands on another
 * file's plan, a slow re-read that overwrites a later one, a plan that reopens without the
 * choices it was left with.
 */
import { flushSync } from 'svelte';
import { expect, it } from 'vitest';
import { ImportModel } from '../../../src/ui/import/ImportModel.svelte.ts';
import { planFile, toOrderPlan, type PlanDeps } from '../../../src/ingest/plan.ts';
import { previewSource } from '../../../src/ingest/read/index.ts';
import { fileOf } from '../ingest/stage-fixture.ts';

const deps: PlanDeps = { previewSource };
const till = fileOf(
	'till.csv',
	'shop;demo;by;wang\nref;when;paid;who\nT1;2024-03-01 10:00;12.50;ann\nT2;2024-03-02 11:00;7.50;bo\n'
);
const other = fileOf('other.csv', 'order_id,customer_id,order_time,amount\n1,c1,2024-03-01,10\n');

async function open(): Promise<ImportModel> {
	return new ImportModel([await planFile(till, {}, deps), await planFile(other, {}, deps)], deps);
}

it('edits only the shown file, and says why Import is disabled', async () => {
	const model = await open();
	expect(model.blocker?.file).toBe('till.csv');
	expect(model.ready).toBe(false);
	await model.reread({ headerRow: 2 });
	flushSync();
	expect(model.plan?.preview?.header).toEqual(['ref', 'when', 'paid', 'who']);
	model.mapField('order_id', 'ref');
	model.mapField('order_time', 'when');
	model.mapField('order_amount', 'paid');
	model.mapField('customer_id', 'who');
	model.chooseTimezone(60);
	flushSync();
	expect(model.blocker).toBeNull();
	expect(model.ready).toBe(true);
	model.select(1);
	expect(model.plan?.file).toBe(other);
	expect(model.plan?.fixedTimezone).toBe(false);
	expect(toOrderPlan(model.plans[0])).toMatchObject({
		read: { headerRow: 2 },
		fixedTimezone: true,
		mapping: { timezoneOffsetMinutes: 60, fields: { order_id: 'ref', customer_id: 'who' } }
	});
});

it('keeps the latest of two quick re-reads', async () => {
	const model = await open();
	const slow = model.reread({ headerRow: 1 });
	const fast = model.reread({ headerRow: 2 });
	await Promise.all([slow, fast]);
	expect(model.plan?.read.headerRow).toBe(2);
	expect(model.loading).toBe(false);
});

it('reopens with the plans it was left with', async () => {
	const model = await open();
	await model.reread({ headerRow: 2 });
	model.mapField('order_id', 'ref');
	const again = new ImportModel(model.plans, deps);
	expect(again.plan?.read.headerRow).toBe(2);
	expect(again.plan?.mapping.fields.order_id).toBe('ref');
});
