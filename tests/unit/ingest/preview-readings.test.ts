/** The dialog's preview shows each amount cell as the import reads it (src/ingest/plan.ts). */
import { expect, it } from 'vitest';
import {
	checkPlan,
	planFile,
	previewDateFormat,
	previewReadings,
	updateMapping
} from '../../../src/ingest/plan.ts';
import { previewSource } from '../../../src/ingest/read/index.ts';
import { fileOf } from './stage-fixture.ts';

it('shows what the import reads from each amount cell of the preview, and which it cannot', async () => {
	let plan = await planFile(
		fileOf(
			'eu.csv',
			'order_id;customer_id;order_time;amount\n1;a;2024-01-01;1.234,50\n2;b;2024-01-02;€7\n'
		),
		{},
		{ previewSource }
	);
	expect(plan.mapping).toMatchObject({ fields: { order_amount: 'amount' }, decimal: ',' });
	expect(previewReadings(plan).map((r) => r[3])).toEqual([
		{ text: '1234.5', ok: true },
		{ text: '7 EUR', ok: true }
	]);
	// Read with a decimal point, 1.234,50 is no amount: the preview says so before importing.
	plan = updateMapping(plan, { decimal: '.' });
	expect(previewReadings(plan).map((r) => r[3]?.ok)).toEqual([false, true]);
	expect(previewReadings(plan)[0].slice(0, 3)).toEqual([
		null,
		null,
		{ text: '2024-01-01', ok: true }
	]);
});

it('reads two-digit-year dates month first when the column says so, and names the format', async () => {
	const plan = await planFile(
		fileOf(
			'invoices.csv',
			'InvoiceNo,InvoiceDate,Amount,Customer\n1,12/1/09 7:45,5,a\n2,12/13/09 14:05,6,b\n'
		),
		{},
		{ previewSource }
	);
	expect(plan.mapping.fields.order_time).toBe('InvoiceDate');
	expect(previewDateFormat(plan)?.format).toBe('M/D/YY H:mm');
	expect(previewReadings(plan).map((r) => r[1])).toEqual([
		{ text: '2009-12-01 07:45:00', ok: true },
		{ text: '2009-12-13 14:05:00', ok: true }
	]);
	// Typed day first, 12/13/09 is no date: the preview says so before importing.
	const dayFirst = updateMapping(plan, { dateFormat: 'D/M/YY H:mm' });
	expect(previewReadings(dayFirst).map((r) => r[1]?.ok)).toEqual([true, false]);
	expect(checkPlan(updateMapping(plan, { dateFormat: 'QQ' })).ok).toBe(false);
});
