/** Errors travel as values: every engine and ingest call returns one of these. */
export type Failure = { code: string; detail: string; sql?: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, detail: string, sql?: string): Result<T> => ({
	ok: false,
	error: sql === undefined ? { code, detail } : { code, detail, sql }
});
