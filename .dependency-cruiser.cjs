/**
 * The layers of src/ and what each may import (`npm run layers`, part of `npm test`). A layer
 * imports only the layers listed for it, so every import runs downward:
 *
 *   lib ← engine ← ingest ← analyses ← notebook ← charts ← ui
 *
 * lib is the floor (results, SQL quoting, formats, messages, exports); sample (the built-in demo
 * orders) sits on ingest, and the notebook names its loading steps while cells wait for it; cli is the command line's top floor beside ui: it may use every layer
 * but ui, and nothing imports it.
 */
const LAYERS = {
	lib: [],
	engine: ['lib'],
	ingest: ['lib', 'engine'],
	sample: ['lib', 'engine', 'ingest'],
	analyses: ['lib', 'engine', 'ingest'],
	notebook: ['lib', 'engine', 'ingest', 'sample', 'analyses'],
	charts: ['lib', 'engine', 'ingest', 'analyses', 'notebook'],
	ui: ['lib', 'engine', 'ingest', 'sample', 'analyses', 'notebook', 'charts'],
	cli: ['lib', 'engine', 'ingest', 'sample', 'analyses', 'notebook', 'charts']
};

/**
 * Imports that run against the layers on purpose, each narrowed to the files that need it.
 */
const EXCEPTIONS = {
	// Analyses say which chart each query wants, so they name the chart spec's type. The spec is
	// the charts' input vocabulary and imports only lib; a type import leaves no code behind.
	analyses: ['^src/charts/spec[.]ts$'],
	notebook: ['^src/charts/spec[.]ts$'],
	// The command line prints the page's catalog text for an error code. The area catalogs are
	// plain text in both languages that import only lib (see the rule below); their index is not
	// read, since it gathers them with a Vite-only glob.
	cli: ['^src/ui/i18n/(?!index[.]ts$)[^/]+[.]ts$']
};

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
	name: `layer-${layer}`,
	severity: 'error',
	comment: `src/${layer} may import only ${allowed.length ? allowed.join(', ') : 'itself'} (layers import downward)`,
	from: { path: `^src/${layer}/` },
	to: {
		path: '^src/',
		pathNot: [`^src/(${[layer, ...allowed].join('|')})/`, ...(EXCEPTIONS[layer] ?? [])]
	}
}));

module.exports = {
	forbidden: [
		...layerRules,
		{
			name: 'exceptions-stay-small',
			severity: 'error',
			comment: 'The files other layers are allowed to reach past the order import only src/lib',
			from: { path: ['^src/charts/spec[.]ts$', '^src/ui/i18n/(?!index[.]ts$)[^/]+[.]ts$'] },
			to: { path: '^src/', pathNot: ['^src/lib/', '^src/ui/i18n/'] }
		},
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'Files that import each other in a loop cannot be read or tested one at a time',
			from: {},
			to: { circular: true }
		},
		{
			name: 'only-engine-imports-duckdb',
			severity: 'error',
			comment:
				'src/engine is the one place that talks to DuckDB (wasm in the page, native in the CLI)',
			from: { path: '^src/', pathNot: '^src/engine/' },
			to: { path: 'node_modules/@duckdb/' }
		},
		{
			name: 'only-charts-import-plot',
			severity: 'error',
			comment: 'src/charts is the one place that draws with Observable Plot',
			from: { path: '^src/', pathNot: '^src/charts/' },
			to: { path: 'node_modules/@observablehq/plot' }
		},
		{
			name: 'nothing-imports-the-entry-points',
			severity: 'error',
			comment: 'src/main.ts starts the page and src/cli the command line; nothing builds on them',
			from: { path: '^src/', pathNot: '^src/cli/' },
			to: { path: ['^src/main[.]ts$', '^src/cli/'] }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		tsConfig: { fileName: 'tsconfig.json' },
		// Type-only imports count: a type from a higher layer ties the lower one to it all the same.
		tsPreCompilationDeps: true,
		enhancedResolveOptions: {
			extensions: ['.ts', '.js', '.svelte'],
			conditionNames: ['import', 'svelte', 'browser', 'default']
		}
	}
};
