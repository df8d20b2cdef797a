/**
 * Writes sample order files of any size for tests and benchmarks:
 *
 *   npm run sample -- --orders 1000000 --format generic|taobao|shopify --encoding utf8|gbk \
 *     --out FILE [--seed N] [--contacts FILE] [--start YYYY-MM-DD] [--end YYYY-MM-DD]
 *
 * The file is streamed chunk by chunk with backpressure, so even five million orders never sit in
 * memory (measured: 5M orders with a 400 MB heap cap, ~575 MB resident). Sizes: about 300 bytes
 * per order in the generic layout (1M orders ≈ 300 MB, 5M ≈ 1.5 GB) and 200 bytes per order in
 * GBK Taobao (5M ≈ 1.0 GB). The same options give a byte-identical file. GBK is written as GB18030 (its
 * superset, which also encodes `¥`); every character the sample uses is in GBK proper.
 *
 * Past 10M orders a lean file is tiled (see `tileSample`): the generator runs on one core at about
 * 40k orders a second, so 50M orders would take half an hour; copies of a 10M shop, merged in time
 * order by DuckDB, take minutes.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import {
	generateOrders,
	MAX_SAMPLE_ORDERS,
	SAMPLE_DEFAULTS,
	type SampleContact,
	type SampleOptions,
	type SampleOrder
} from '../src/sample/generate.ts';
import {
	formatContacts,
	formatOrders,
	LEAN_HEADER,
	SAMPLE_FORMATS,
	type SampleFormat
} from '../src/sample/formats.ts';

export type SampleEncoding = 'utf8' | 'gbk';

export interface SampleFileOptions extends SampleOptions {
	format: SampleFormat;
	encoding: SampleEncoding;
	out: string;
	/** Also write the campaign contact list here. */
	contacts?: string;
	/** Called about once a second with the orders written so far. */
	onProgress?: (orders: number) => void;
}

export interface SampleFileReport {
	orders: number;
	/** CSV data rows (order lines for generic/shopify, orders for taobao). */
	rows: number;
	bytes: number;
	contacts: number;
	ms: number;
}

const encode = (text: string, encoding: SampleEncoding): Buffer =>
	encoding === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');

async function writeChunks(
	path: string,
	chunks: Iterable<string>,
	encoding: SampleEncoding
): Promise<number> {
	const stream = createWriteStream(path);
	let bytes = 0;
	try {
		for (const chunk of chunks) {
			const buf = encode(chunk, encoding);
			bytes += buf.length;
			if (!stream.write(buf)) await once(stream, 'drain');
		}
		stream.end();
		await once(stream, 'finish');
	} catch (e) {
		stream.destroy();
		throw e;
	}
	return bytes;
}

/** Streams one sample file (and optionally its contacts) to disk; the benchmark calls this too. */
export async function writeSampleFile(options: SampleFileOptions): Promise<SampleFileReport> {
	const started = performance.now();
	const contacts: SampleContact[] = [];
	let orders = 0;
	let rows = 0;
	let lastReport = started;
	const counted = function* (stream: Iterable<SampleOrder>): Generator<SampleOrder> {
		for (const order of stream) {
			orders++;
			rows += options.format === 'taobao' || options.format === 'lean' ? 1 : order.lines.length;
			if (options.onProgress && (orders & 0x3fff) === 0 && performance.now() - lastReport > 1000) {
				lastReport = performance.now();
				options.onProgress(orders);
			}
			yield order;
		}
	};
	const source = counted(generateOrders(options, (c) => contacts.push(c)));
	// Taobao's UTF-8 exports carry a byte-order mark so Excel reads them as UTF-8.
	const bom = options.format === 'taobao' && options.encoding === 'utf8';
	let bytes = await writeChunks(
		options.out,
		formatOrders(source, options.format, { bom }),
		options.encoding
	);
	if (options.contacts)
		bytes += await writeChunks(options.contacts, [formatContacts(contacts)], options.encoding);
	return { orders, rows, bytes, contacts: contacts.length, ms: performance.now() - started };
}

/** The most orders generated in one run; a bigger lean file is tiled from copies of this size. */
const MAX_GENERATED_ORDERS = 10_000_000;

/**
 * Writes `copies` copies of the lean sample `base` to `out` as one shop, in time order: copy k ≥ 1
 * has `-k` after each order id and customer id (a guest stays without one), so every copy is a
 * shop of the base's shape (its customers' cycles, the seasons, the statuses) and the whole holds
 * `copies` times its orders and customers. Copy 0 is the base unchanged. Same base, same bytes:
 * ties in time keep the copy and then the base's row order.
 */
export async function tileSample(base: string, copies: number, out: string): Promise<number> {
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const spill = mkdtempSync(path.join(tmpdir(), 'huitou-sample-'));
	const instance = await DuckDBInstance.create(':memory:', {
		memory_limit: '4GB',
		temp_directory: spill
	});
	const connection = await instance.connect();
	const suffix = (column: string) =>
		`CASE WHEN k = 0 OR ${column} IS NULL THEN ${column} ELSE ${column} || '-' || k END AS ${column}`;
	try {
		const reader = await connection.runAndReadAll(
			`COPY (SELECT ${suffix('order_id')}, ${suffix('customer_id')}, * EXCLUDE (order_id, customer_id, k, line) ` +
				`FROM (SELECT *, row_number() OVER () AS line FROM read_csv(${sqlText(base)}, header=true, all_varchar=true, auto_detect=false, ` +
				`columns={${LEAN_HEADER.map((c) => `'${c}': 'VARCHAR'`).join(', ')}})), range(${copies}) AS t(k) ` +
				`ORDER BY order_time, k, line) TO ${sqlText(out)} (HEADER, DELIMITER ',')`
		);
		return Number(reader.getRowsJS()[0]?.[0] ?? 0);
	} finally {
		connection.closeSync();
		instance.closeSync();
		rmSync(spill, { recursive: true, force: true });
	}
}
const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A lean file past MAX_GENERATED_ORDERS: a base shop written beside `out`, then tiled. */
async function writeTiledSample(options: SampleFileOptions): Promise<SampleFileReport> {
	const started = performance.now();
	const copies = Math.ceil(options.orders! / MAX_GENERATED_ORDERS);
	const base = `${options.out}.base.csv`;
	try {
		await writeSampleFile({ ...options, orders: Math.round(options.orders! / copies), out: base });
		const rows = await tileSample(base, copies, options.out);
		const bytes = statSync(options.out).size;
		return { orders: rows, rows, bytes, contacts: 0, ms: performance.now() - started };
	} finally {
		rmSync(base, { force: true });
	}
}

const USAGE = `usage: npm run sample -- --out FILE [--orders N] [--format ${SAMPLE_FORMATS.join('|')}]
       [--encoding utf8|gbk] [--seed N] [--contacts FILE] [--start YYYY-MM-DD] [--end YYYY-MM-DD]
defaults: --orders ${SAMPLE_DEFAULTS.orders} --format generic --encoding utf8 --seed ${SAMPLE_DEFAULTS.seed}`;

/** Reads the command line; an error message (with usage) when it is not usable. */
export function parseSampleArgs(argv: string[]): SampleFileOptions | string {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				orders: { type: 'string' },
				format: { type: 'string', default: 'generic' },
				encoding: { type: 'string', default: 'utf8' },
				out: { type: 'string' },
				seed: { type: 'string' },
				contacts: { type: 'string' },
				start: { type: 'string' },
				end: { type: 'string' }
			},
			strict: true
		}));
	} catch (e) {
		return `${(e as Error).message}\n${USAGE}`;
	}
	if (!values.out) return `--out is required\n${USAGE}`;
	const format = values.format as SampleFormat;
	if (!SAMPLE_FORMATS.includes(format)) return `unknown --format ${values.format}\n${USAGE}`;
	const encoding = values.encoding === 'gb18030' ? 'gbk' : values.encoding;
	if (encoding !== 'utf8' && encoding !== 'gbk')
		return `unknown --encoding ${values.encoding}\n${USAGE}`;
	const orders = values.orders === undefined ? SAMPLE_DEFAULTS.orders : Number(values.orders);
	if (!Number.isInteger(orders) || orders < 1 || orders > MAX_SAMPLE_ORDERS)
		return `--orders must be a whole number from 1 to ${MAX_SAMPLE_ORDERS}\n${USAGE}`;
	if (
		orders > MAX_GENERATED_ORDERS &&
		(format !== 'lean' || encoding !== 'utf8' || values.contacts)
	)
		return `past ${MAX_GENERATED_ORDERS} orders only --format lean in utf8 without --contacts is written\n${USAGE}`;
	const seed = values.seed === undefined ? SAMPLE_DEFAULTS.seed : Number(values.seed);
	if (!Number.isInteger(seed)) return `--seed must be a whole number\n${USAGE}`;
	return {
		orders,
		seed,
		format,
		encoding,
		out: values.out,
		...(values.contacts ? { contacts: values.contacts } : {}),
		...(values.start ? { start: values.start } : {}),
		...(values.end ? { end: values.end } : {})
	};
}

async function main(): Promise<void> {
	const options = parseSampleArgs(process.argv.slice(2));
	if (typeof options === 'string') {
		console.error(options);
		process.exit(1);
	}
	const write = options.orders! > MAX_GENERATED_ORDERS ? writeTiledSample : writeSampleFile;
	const report = await write({
		...options,
		onProgress: (n) => process.stderr.write(`\r${n.toLocaleString('en-US')} orders…`)
	});
	const seconds = report.ms / 1000;
	process.stderr.write('\r');
	console.log(
		`${options.out}: ${report.orders.toLocaleString('en-US')} orders, ` +
			`${report.rows.toLocaleString('en-US')} rows, ${(report.bytes / 1e6).toFixed(1)} MB ` +
			`(${options.format}, ${options.encoding}) in ${seconds.toFixed(1)} s — ` +
			`${Math.round(report.rows / seconds).toLocaleString('en-US')} rows/s` +
			(options.contacts ? `; ${report.contacts} contacts → ${options.contacts}` : '')
	);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((e) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	});
}
