/**
 * `npm run bench`: the app against native DuckDB and raw duckdb-wasm on the same files and SQL.
 *
 *   npm run bench                       100k and 1M orders, one row per order (lean layout)
 *   npm run bench -- --big              also 5M orders (~485 MB CSV)
 *   npm run bench -- --format generic   the full generic layout with line items instead
 *   npm run bench -- --sizes 5000,50000 any sizes
 *   npm run bench -- --dist dist        measure an existing production build instead of building
 *   npm run bench -- --no-raw           skip raw duckdb-wasm
 *   npm run bench -- --no-sample        skip the one-click sample
 *   npm run bench -- --report-only      rewrite the README section and chart from bench/results.json
 *
 * Writes bench/results.json, bench/time-vs-size.svg and the README's "## Performance" section.
 * Sample files are kept in bench/data/ (git-ignored) and reused.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBench, type BenchResults } from './bench/run.ts';
import { SAMPLE_FORMATS, type SampleFormat } from '../src/sample/formats.ts';

const RESULTS = 'bench/results.json';

function save(results: BenchResults): void {
	mkdirSync('bench', { recursive: true });
	writeFileSync(RESULTS, JSON.stringify(results, null, '\t') + '\n');
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			big: { type: 'boolean', default: false },
			format: { type: 'string', default: 'lean' },
			sizes: { type: 'string' },
			dist: { type: 'string' },
			'no-raw': { type: 'boolean', default: false },
			'no-sample': { type: 'boolean', default: false },
			'report-only': { type: 'boolean', default: false },
			timeout: { type: 'string', default: '1800' }
		},
		strict: true
	});
	let results: BenchResults;
	if (values['report-only']) results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults;
	else {
		const sizes = values.sizes
			? values.sizes.split(',').map((s) => Number(s.trim()))
			: [100_000, 1_000_000, ...(values.big ? [5_000_000] : [])];
		if (sizes.some((n) => !Number.isInteger(n) || n < 1))
			throw new Error(`--sizes takes whole numbers, e.g. --sizes 100000,1000000`);
		const format = values.format as SampleFormat;
		if (!SAMPLE_FORMATS.includes(format))
			throw new Error(`--format takes one of ${SAMPLE_FORMATS.join(', ')}`);
		results = await runBench({
			sizes,
			format,
			dataDir: 'bench/data',
			raw: !values['no-raw'],
			sample: !values['no-sample'],
			dist: values.dist,
			timeoutMs: Number(values.timeout) * 1000,
			log: (line) => console.log(line),
			onSize: save
		});
		save(results);
		console.log(`wrote ${RESULTS}`);
	}
	// Loaded after the run, so the report can change without re-measuring (--report-only).
	const { writeReport } = await import('./bench/report.ts');
	await writeReport(results, { readme: 'README.md', chart: 'bench/time-vs-size.svg' });
	console.log('wrote README.md (## Performance) and bench/time-vs-size.svg');
}

main().catch((e) => {
	console.error(e instanceof Error ? (e.stack ?? e.message) : e);
	process.exit(1);
});
