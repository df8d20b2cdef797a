/** The dialog's preview shows each amount cell as the import reads it (src/ingest/plan.ts). */
import { expect, it } from 'vitest';
import { planFile, previewReadings, updateMapping } from '../../../src/ingest/plan.ts';
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
	expect(previewReadings(plan)[0].slice(0, 3)).toEqual([null, null, null]);
});
