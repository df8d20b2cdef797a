import type { Failure } from '../lib/result.ts';

/**
 * Turns a DuckDB error message into a Failure with a code the UI can explain. The detail keeps
 * DuckDB's own words; the code picks the catalog hint (see src/ui/i18n).
 */
export function classifyEngineError(message: string, sql?: string): Failure {
	const detail = message.replace(/^Error:\s*/, '');
	const base = sql === undefined ? {} : { sql };
	if (
		/Permission Error|file system operations are disabled|not in allowed_directories|configuration has been locked/i.test(
			detail
		)
	)
		return { code: 'engine.sandbox', detail, ...base };
	if (/not in the catalog|extension/i.test(detail) && /parquet|json|icu|httpfs/i.test(detail))
		return { code: 'engine.extension', detail, ...base };
	if (/INTERRUPT|interrupted|cancel/i.test(detail))
		return { code: 'engine.cancelled', detail, ...base };
	// Past the memory limit DuckDB says "Out of Memory Error"; an allocation the wasm heap cannot
	// serve at all surfaces as a failed malloc or std::bad_alloc.
	if (/out of memory|memory limit|malloc|failed to allocate|bad_alloc/i.test(detail))
		return { code: 'engine.memory', detail, ...base };
	if (/Parser Error|syntax error/i.test(detail)) return { code: 'engine.syntax', detail, ...base };
	if (/Catalog Error/i.test(detail)) return { code: 'engine.catalog', detail, ...base };
	if (/Binder Error/i.test(detail)) return { code: 'engine.binder', detail, ...base };
	if (/Conversion Error|Invalid Input/i.test(detail))
		return { code: 'engine.conversion', detail, ...base };
	return { code: 'engine.query', detail, ...base };
}
