/**
 * The import as a whole: bad rows reported with their line numbers, mappings that cannot work,
 * several files merged by order id, and failures that leave loaded data untouched.
 */
import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { importFiles, type ImportProgress } from '../../../src/ingest/import.ts';
import { createLocalMappingStore, createMapping } from '../../../src/ingest/mapping.ts';
import { rejectedRowsCsv } from '../../../src/ingest/quality.ts';
import { ORDER_LINES_DDL } from '../../../src/ingest/canonical.ts';
import { fileOf, resetCanonical, rowsOf, run } from './stage-fixture.ts';

const engine = useTestEngine({ each: resetCanonical });

const NOW = new Date('2025-06-01T00:00:00Z');
const HEADER =
	'order_id,customer_id,order_time,status,order_amount,refund_amount,channel,campaign,province,city,product_id,product_title,category,quantity,line_amount,customer_name,phone,email';
const generic = (name: string, rows: string[]) => fileOf(name, [HEADER, ...rows].join('\n'));
const row = (
	id: string,
	amount: string,
	opts: { time?: string; customer?: string; qty?: string } = {}
) =>
	`${id},${opts.customer ?? 'c' + id},${opts.time ?? '2024-11-11 10:00:00'},paid,${amount},0,web,,浙江省,杭州市,p1,Tea,tea,${opts.qty ?? '1'},${amount},,,`;

const snapshot = async () => ({
	orders: await rowsOf(engine, 'SELECT * FROM orders ORDER BY order_id'),
	lines: await rowsOf(engine, 'SELECT * FROM order_lines ORDER BY order_id, line_no'),
	customers: await rowsOf(engine, 'SELECT * FROM customers ORDER BY customer_id')
});

describe('rejected rows', () => {
	it('lists every unreadable row with its line and reason, and rejects its order whole', async () => {
		const file = generic('bad.csv', [
			row('1', '10'), // line 2: fine
			row('2', '12abc'), // line 3: amount with text
			row('3', '5', { time: '2024-13-45' }), // line 4: impossible date
			row('3', '5'), // line 5: fine, but its order has a rejected row
			row('', '7'), // line 6: no order id
			row('4', '8', { qty: 'two' }), // line 7: quantity with text
			row('5', '9', { time: '' }) // line 8: no time at all → its order has none
		]);
		const result = await importFiles(engine, [file], { now: NOW });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const q = result.value.files[0];
		expect(q.rejected).toEqual([
			{ line: 3, reason: 'bad-amount', column: 'order_amount', value: '12abc' },
			{ line: 4, reason: 'bad-date', column: 'order_time', value: '2024-13-45', format: 'iso' },
			{ line: 5, reason: 'order-has-rejected-row', column: null, value: '3' },
			{ line: 6, reason: 'missing-order-id', column: 'order_id', value: null },
			{ line: 7, reason: 'bad-quantity', column: 'quantity', value: 'two' },
			{ line: 8, reason: 'missing-date', column: null, value: '5' }
		]);
		// 7 rows read, 6 rejected, 1 order loaded.
		expect(q).toMatchObject({ rowsRead: 7, orders: 1, netRevenue: 10 });
		expect((await snapshot()).orders.map((o) => o.order_id)).toEqual(['1']);
		expect(rejectedRowsCsv(result.value)).toBe(
			'file,line,reason,column,value,format\r\n' +
				'bad.csv,3,bad-amount,order_amount,12abc,\r\n' +
				'bad.csv,4,bad-date,order_time,2024-13-45,iso\r\n' +
				'bad.csv,5,order-has-rejected-row,,3,\r\n' +
				'bad.csv,6,missing-order-id,order_id,,\r\n' +
				'bad.csv,7,bad-quantity,quantity,two,\r\n' +
				'bad.csv,8,missing-date,,5,\r\n'
		);
	});

	it('fails a file whose every row is rejected, loading nothing', async () => {
		const result = await importFiles(
			engine,
			[generic('all-bad.csv', [row('1', 'n/a'), row('2', '?')])],
			{
				now: NOW
			}
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.code).toBe('ingest.nothing-loaded');
		expect((await snapshot()).orders).toEqual([]);
	});

	it('flags future dates, dates before 2000, zero amounts and unknown status words', async () => {
		const file = generic('odd.csv', [
			row('1', '0'),
			row('2', '5', { time: '2030-01-01 00:00:00' }),
			row('3', '5', { time: '1999-12-31 23:59:59' }),
			'4,c4,2024-11-11 10:00:00,shipped,5,0,web,,,,p1,Tea,tea,1,5,,,'
		]);
		const result = await importFiles(engine, [file], { now: NOW });
		if (!result.ok) throw new Error(result.error.detail);
		const q = result.value.files[0];
		expect(q.suspicious).toMatchObject({
			zeroAmountOrders: 1,
			futureOrders: 1,
			before2000Orders: 1
		});
		expect(q.unknownStatuses).toEqual([{ word: 'shipped', rows: 1 }]);
		expect(q.warnings.map((w) => w.code)).toContain('ingest.unknown-status');
		// The unknown word counts as paid: net 0 + 5 + 5 + 5.
		expect(q.netRevenue).toBe(15);
		expect(q).toMatchObject({
			firstOrder: '1999-12-31 23:59:59',
			lastOrder: '2030-01-01 00:00:00'
		});
	});
});

describe('a large file in pieces', () => {
	// Orders of two rows are built by grouping their rows (in pieces by order id), orders of one
	// row straight from it (in pieces by line).
	it.each([
		['orders of two lines', 2],
		['one row per order', 1]
	])(
		'reads and builds %s in pieces to the same orders, lines, customers and rejections',
		async (_, perOrder) => {
			// 120 lines: a bad amount, a bad date, a row without an order id and a customer whose name
			// only a later row gives. Pieces of 600 bytes make about ten statements to stage and ten to
			// parse, and as many for each table built from the parsed rows.
			const rows: string[] = [];
			for (let k = 0; k < 120; k++) {
				const id = String(1000 + Math.floor(k / perOrder));
				if (k === 17) rows.push(row(id, '12abc'));
				else if (k === 40) rows.push(row(id, '5', { time: '2024-13-45' }));
				else if (k === 77) rows.push(row('', '7'));
				else rows.push(row(id, String(10 + (k % 9)), { customer: `c${k % 13}` }));
			}
			rows.push(`2000,c5,2024-11-12 09:00:00,paid,30,0,web,,浙江省,杭州市,p2,Cup,cup,1,30,王五,,`);
			const whole = await importFiles(engine, [generic('whole.csv', rows)], { now: NOW });
			if (!whole.ok) throw new Error(whole.error.detail);
			const once = await snapshot();
			await resetCanonical(engine);
			const phases: ImportProgress[] = [];
			const pieces = await importFiles(engine, [generic('whole.csv', rows)], {
				now: NOW,
				readFor: () => ({ pieceBytes: 600 }),
				onProgress: (p) => phases.push(p)
			});
			if (!pieces.ok) throw new Error(pieces.error.detail);
			expect(await snapshot()).toEqual(once);
			expect(once.orders.length).toBeGreaterThan(50);
			const {
				files: [a]
			} = whole.value;
			const {
				files: [b]
			} = pieces.value;
			expect(b.rejected).toEqual(a.rejected);
			expect(a.rejected.map((r) => r.reason)).toContain('bad-date');
			expect(b).toMatchObject({ rowsRead: a.rowsRead, orders: a.orders, netRevenue: a.netRevenue });
			// While reading, the rows staged so far grow piece by piece.
			const read = phases.filter((p) => p.phase === 'reading').map((p) => p.rows);
			expect(new Set(read).size).toBeGreaterThan(5);
		}
	);
});

describe('mappings', () => {
	const unknownHeader = 'Bestellnummer,Datum,Betrag,Kunde';
	const unknownFile = () =>
		fileOf('shop.csv', `${unknownHeader}\nB-1,2024-11-11,"12,50",k1\nB-2,2024-11-12,"7,00",k2\n`);

	it('refuses an unknown layout without a mapping', async () => {
		const result = await importFiles(engine, [unknownFile()], { now: NOW });
		expect(!result.ok && result.error.code).toBe('ingest.unknown-layout');
	});

	it('refuses a mapping without a date or customer column, unless unknown customers are accepted', async () => {
		const noDate = await importFiles(engine, [unknownFile()], {
			now: NOW,
			mappingFor: async () =>
				createMapping({ order_id: 'Bestellnummer', order_amount: 'Betrag', customer_id: 'Kunde' })
		});
		expect(!noDate.ok && noDate.error.code).toBe('ingest.mapping-missing-date');
		const fields = { order_id: 'Bestellnummer', order_time: 'Datum', order_amount: 'Betrag' };
		const noCustomer = await importFiles(engine, [unknownFile()], {
			now: NOW,
			mappingFor: async () => createMapping(fields, { decimal: ',' })
		});
		expect(!noCustomer.ok && noCustomer.error.code).toBe('ingest.mapping-missing-customer');
		expect((await snapshot()).orders).toEqual([]);
		const acknowledged = await importFiles(engine, [unknownFile()], {
			now: NOW,
			mappingFor: async () =>
				createMapping(fields, { decimal: ',', unknownCustomersAcknowledged: true })
		});
		if (!acknowledged.ok) throw new Error(acknowledged.error.detail);
		// 12,50 + 7,00 with decimal commas = 19.5, both customers unknown.
		expect(acknowledged.value.totals).toMatchObject({
			orders: 2,
			customers: 0,
			unknownCustomerOrders: 2,
			netRevenue: 19.5
		});
	});

	it('remembers the mapping chosen for a header, so the next export imports without asking', async () => {
		const store = createLocalMappingStore();
		const asked: string[] = [];
		const first = await importFiles(engine, [unknownFile()], {
			now: NOW,
			mappingStore: store,
			mappingFor: async (request) => {
				asked.push(request.signature);
				// The suggestion finds the date by name; the analyst adds the rest.
				expect(request.proposed.fields.order_time).toBe('Datum');
				return {
					...request.proposed,
					fields: {
						order_id: 'Bestellnummer',
						order_time: 'Datum',
						order_amount: 'Betrag',
						customer_id: 'Kunde'
					},
					decimal: ','
				};
			}
		});
		expect(first.ok).toBe(true);
		const second = await importFiles(engine, [unknownFile()], { now: NOW, mappingStore: store });
		if (!second.ok) throw new Error(second.error.detail);
		expect(asked).toHaveLength(1);
		expect(second.value.files[0]).toMatchObject({ orders: 2, customers: 2, duplicatesRemoved: 2 });
	});
	it('remembers a hand-made mapping even when the import then fails', async () => {
		const store = createLocalMappingStore();
		const fields = {
			order_id: 'Bestellnummer',
			order_time: 'Datum',
			order_amount: 'Kunde', // by mistake: text, so every row is rejected
			customer_id: 'Kunde'
		};
		const failed = await importFiles(engine, [unknownFile()], {
			now: NOW,
			mappingStore: store,
			mappingFor: async (request) => ({ ...request.proposed, fields, decimal: ',' })
		});
		expect(!failed.ok && failed.error.code).toBe('ingest.nothing-loaded');
		const retry: { remembered: boolean; amount?: string }[] = [];
		await importFiles(engine, [unknownFile()], {
			now: NOW,
			mappingStore: store,
			mappingFor: async (request) => {
				retry.push({
					remembered: request.remembered,
					amount: request.proposed.fields.order_amount
				});
				return null;
			}
		});
		expect(retry).toEqual([{ remembered: true, amount: 'Kunde' }]);
	});
});

describe('several files', () => {
	it('merges by order id, the later file winning, without reloading earlier files', async () => {
		const a = generic('2024-10.csv', [row('1', '10'), row('2', '20')]);
		const b = generic('2024-11.csv', [row('2', '25', { qty: '2' }), row('3', '30')]);
		const first = await importFiles(engine, [a], { now: NOW });
		expect(first.ok).toBe(true);
		const second = await importFiles(engine, [b], { now: NOW });
		if (!second.ok) throw new Error(second.error.detail);
		expect(second.value.files.map((f) => [f.file, f.duplicatesRemoved])).toEqual([
			['2024-11.csv', 1]
		]);
		const { orders, lines } = await snapshot();
		// Order 2 now comes from the November file (25, quantity 2); 10 + 25 + 30 = 65.
		expect(orders.map((o) => [o.order_id, o.gross_amount, o.source_file])).toEqual([
			['1', 10, '2024-10.csv'],
			['2', 25, '2024-11.csv'],
			['3', 30, '2024-11.csv']
		]);
		expect(lines.map((l) => [l.order_id, l.quantity])).toEqual([
			['1', 1],
			['2', 2],
			['3', 1]
		]);
		expect(second.value.totals).toMatchObject({
			orders: 3,
			lines: 3,
			customers: 3,
			netRevenue: 65
		});
		// Nothing of the import stays behind but the canonical tables.
		expect(
			await rowsOf(
				engine,
				"SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, '__ingest')"
			)
		).toEqual([]);
	});

	it('imports several files in one call and reports each', async () => {
		const a = generic('a.csv', [row('1', '10'), row('2', '20')]);
		const b = generic('b.csv', [row('2', '21')]);
		const result = await importFiles(engine, [a, b], { now: NOW });
		if (!result.ok) throw new Error(result.error.detail);
		expect(result.value.files.map((f) => [f.file, f.orders, f.duplicatesRemoved])).toEqual([
			['a.csv', 2, 0],
			['b.csv', 1, 1]
		]);
		expect(result.value.totals.netRevenue).toBe(31);
	});

	it('a second file that fails while merging leaves the first file’s tables exactly as they were', async () => {
		const first = await importFiles(engine, [generic('ok.csv', [row('1', '10'), row('2', '20')])], {
			now: NOW
		});
		expect(first.ok).toBe(true);
		// order_lines with a rule the second file breaks, so the merge fails after it has already
		// deleted and inserted orders inside the transaction. Made after the first file, whose own
		// tables became the canonical ones.
		await run(engine, 'CREATE TABLE kept_lines AS SELECT * FROM order_lines');
		await run(
			engine,
			ORDER_LINES_DDL.replace(
				'line_amount DOUBLE NOT NULL',
				'line_amount DOUBLE NOT NULL CHECK (quantity < 100)'
			)
		);
		await run(engine, 'INSERT INTO order_lines SELECT * FROM kept_lines; DROP TABLE kept_lines');
		const before = await snapshot();
		const second = await importFiles(
			engine,
			[generic('huge.csv', [row('2', '99'), row('3', '5', { qty: '500' })])],
			{
				now: NOW
			}
		);
		expect(second.ok).toBe(false);
		expect(await snapshot()).toEqual(before);
		// The engine is usable afterwards: a good file still imports.
		const third = await importFiles(engine, [generic('more.csv', [row('4', '4')])], { now: NOW });
		expect(third.ok && third.value.totals.orders).toBe(3);
	});

	it('reports a failed file next to the ones that imported', async () => {
		const good = generic('good.csv', [row('1', '10')]);
		const empty = fileOf('empty.csv', '');
		const result = await importFiles(engine, [good, empty], { now: NOW });
		if (!result.ok) throw new Error(result.error.detail);
		expect(result.value.files.map((f) => f.file)).toEqual(['good.csv']);
		expect(result.value.failures.map((f) => [f.file, f.error.code])).toEqual([
			['empty.csv', 'read.empty']
		]);
	});

	it('stops when cancelled and loads nothing', async () => {
		const controller = new AbortController();
		controller.abort();
		const result = await importFiles(engine, [generic('a.csv', [row('1', '10')])], {
			now: NOW,
			signal: controller.signal
		});
		expect(!result.ok && result.error.code).toBe('ingest.cancelled');
		expect((await snapshot()).orders).toEqual([]);
	});

	it('reports progress through every phase with the row count', async () => {
		const seen: ImportProgress[] = [];
		await importFiles(engine, [generic('a.csv', [row('1', '10'), row('2', '20')])], {
			now: NOW,
			onProgress: (p) => seen.push(p)
		});
		expect([...new Set(seen.map((p) => p.phase))]).toEqual([
			'preview',
			'reading',
			'building',
			'report',
			'merging',
			'done'
		]);
		expect(seen.at(-1)).toMatchObject({ file: 'a.csv', rows: 2, fileIndex: 0, fileCount: 1 });
	});

	it('merges with only the tables the merge reads left: the staged and parsed rows are gone', async () => {
		let left: Promise<Record<string, unknown>[]> | undefined;
		await importFiles(engine, [generic('trim.csv', [row('1', '10'), row('2', '20')])], {
			now: NOW,
			// The test engine answers at once: this runs between the trim and the merge.
			onProgress: (p) => {
				if (p.phase === 'merging')
					left ??= rowsOf(
						engine,
						`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_\\_ingest%' ESCAPE '\\' ORDER BY 1`
					);
			}
		});
		expect((await left)?.map((r) => r.table_name)).toEqual([
			'__ingest_customers',
			'__ingest_lines',
			'__ingest_netted',
			'__ingest_orders'
		]);
		expect(await rowsOf(engine, 'SELECT count(*)::INT AS n FROM orders')).toEqual([{ n: 2 }]);
	});

	it('counts the paid orders and their customers from the quality report on, for the side panel', async () => {
		const seen: ImportProgress[] = [];
		const rows = [row('1', '10'), row('2', '20', { customer: 'c1' }), row('3', '30')];
		const refunded = row('4', '40').replace(',paid,', ',refunded,');
		await importFiles(engine, [generic('found.csv', [...rows, refunded])], {
			now: NOW,
			onProgress: (p) => seen.push(p)
		});
		const found = (phase: ImportProgress['phase']) =>
			seen.filter((p) => p.phase === phase).map((p) => p.found);
		expect(found('building').every((f) => f === undefined)).toBe(true);
		// Orders 1–3 are paid, by customers c1 (twice) and c3; order 4 was refunded.
		for (const phase of ['report', 'merging', 'done'] as const)
			expect(found(phase)).toEqual([{ orders: 3, customers: 2 }]);
	});
});

describe('hostile input', () => {
	it('keeps script tags and spreadsheet formulas verbatim as text, also as column names', async () => {
		const header =
			'<script>alert(1)</script>,"x""; DROP TABLE orders; --","=HYPERLINK(""http://evil.test"")",amount,who';
		const text = `${header}\n"=HYPERLINK(""http://evil.test"",""click"")",2024-11-11 10:00,<img src=x onerror=alert(1)>,5,=1+1\n`;
		const result = await importFiles(engine, [fileOf('hostile.csv', text)], {
			now: NOW,
			mappingFor: async () =>
				createMapping({
					order_id: '<script>alert(1)</script>',
					order_time: 'x"; DROP TABLE orders; --',
					campaign: '=HYPERLINK("http://evil.test")',
					order_amount: 'amount',
					customer_id: 'who'
				})
		});
		if (!result.ok) throw new Error(`${result.error.code} ${result.error.detail}`);
		const { orders } = await snapshot();
		expect(orders.map((o) => [o.order_id, o.campaign, o.customer_id, o.gross_amount])).toEqual([
			['=HYPERLINK("http://evil.test","click")', '<img src=x onerror=alert(1)>', '=1+1', 5]
		]);
		// In the CSV download a formula is defused with a leading apostrophe.
		const csv = rejectedRowsCsv({
			files: [
				{
					...result.value.files[0],
					rejected: [
						{
							line: 9,
							reason: 'bad-date',
							column: 'c',
							value: '=HYPERLINK("x")',
							format: '=D/M/YYYY'
						}
					]
				}
			]
		});
		expect(csv.split('\r\n')[1]).toBe('hostile.csv,9,bad-date,c,"\'=HYPERLINK(""x"")",\'=D/M/YYYY');
	});
});
