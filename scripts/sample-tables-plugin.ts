/**
 * Vite plugin: ships the one-click sample's tables (src/sample/sample-tables.ts) in the build.
 * `virtual:sample-tables` gives the page the manifest and a URL per table; the build emits each
 * table as an asset under `assets/` (relative URLs, so any sub-path works), the dev server serves
 * them under `/@huitou/`. Built by scripts/sample-tables.ts in a child process, once per change of
 * the code that makes them (cached under node_modules/.cache), so repeated builds cost nothing.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';
import { sampleTableFile, type SampleManifest } from '../src/sample/sample-tables.ts';

const VIRTUAL_ID = 'virtual:sample-tables';
const DEV_PREFIX = '/@huitou/sample/';
/** What the tables are made by: a change to any of these builds them again. */
const INPUTS = [
	'src/sample',
	'src/ingest',
	'src/lib',
	'src/engine/types.ts',
	'scripts/sample-tables.ts',
	'tests/helpers/wasm-engine.ts'
];

function listFiles(entry: string): string[] {
	if (!statSync(entry).isDirectory()) return [entry];
	return readdirSync(entry)
		.sort()
		.flatMap((name) => listFiles(path.join(entry, name)));
}

/** A hash of the inputs and the DuckDB build: the cache directory's name. */
function inputKey(root: string): string {
	const hash = createHash('sha256');
	const require = createRequire(path.join(root, 'package.json'));
	const wasm = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
	hash.update(readFileSync(path.join(path.dirname(wasm), '../package.json')));
	for (const file of INPUTS.flatMap((i) => listFiles(path.join(root, i)))) {
		hash.update(path.relative(root, file));
		hash.update(readFileSync(file));
	}
	return hash.digest('hex').slice(0, 16);
}

async function buildTables(root: string): Promise<string> {
	const dir = path.join(root, 'node_modules/.cache/huitou-sample', inputKey(root));
	if (existsSync(path.join(dir, 'manifest.json'))) return dir;
	const partial = `${dir}.partial-${process.pid}`;
	rmSync(partial, { recursive: true, force: true });
	await promisify(execFile)(
		process.execPath,
		['--import', 'tsx', path.join(root, 'scripts/sample-tables.ts'), '--out', partial],
		{ cwd: root, env: { ...process.env, TZ: 'UTC' } }
	);
	// Whole or not at all: a build stopped half-way leaves no directory that looks done.
	rmSync(dir, { recursive: true, force: true });
	renameSync(partial, dir);
	return dir;
}

export function sampleTables(): Plugin {
	let root = process.cwd();
	let serving = false;
	let built: Promise<string> | null = null;
	const tables = () => (built ??= buildTables(root));
	return {
		name: 'huitou:sample-tables',
		configResolved(config) {
			root = config.root;
			serving = config.command === 'serve';
		},
		resolveId(id) {
			return id === VIRTUAL_ID ? '\0' + VIRTUAL_ID : undefined;
		},
		async load(id) {
			if (id !== '\0' + VIRTUAL_ID) return undefined;
			const dir = await tables();
			const manifest = JSON.parse(
				readFileSync(path.join(dir, 'manifest.json'), 'utf8')
			) as SampleManifest;
			const urls = manifest.tables.map(({ name }) => {
				const file = sampleTableFile(name);
				if (serving)
					return `${JSON.stringify(name)}: new URL(${JSON.stringify(DEV_PREFIX + file)}, location.href).href`;
				const source = readFileSync(path.join(dir, file));
				const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
				const ref = this.emitFile({
					type: 'asset',
					fileName: `assets/${file.replace('.arrow.gz', `-${hash}.arrow.gz`)}`,
					source
				});
				return `${JSON.stringify(name)}: import.meta.ROLLUP_FILE_URL_${ref}`;
			});
			return `export default { manifest: ${JSON.stringify(manifest)}, urls: { ${urls.join(', ')} } };`;
		},
		configureServer(server) {
			server.middlewares.use((req, res, next) => {
				const m = /^\/@huitou\/sample\/(sample-[a-z_]+\.arrow\.gz)$/.exec(req.url ?? '');
				if (!m) return next();
				tables().then(
					(dir) => {
						res.setHeader('Content-Type', 'application/gzip');
						res.end(readFileSync(path.join(dir, m[1])));
					},
					(e: unknown) => next(e)
				);
			});
		}
	};
}
