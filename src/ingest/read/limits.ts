/**
 * How much the browser can take. duckdb-wasm addresses at most 4 GB; the staged table needs
 * roughly the file's size again, and a transcoded or decompressed copy lives in JS memory beside it.
 */

/** Largest file we try at all (a UTF-8 CSV is registered without a copy, so this is the table's bound). */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;
/** Largest UTF-8 buffer we build in JS when a file must be decompressed or transcoded first. */
export const MAX_BUFFER_BYTES = 1024 ** 3;
/** Largest JSON file (decompressed): parsed whole in JS, which needs several times its size. */
export const MAX_PARSED_BYTES = 128 * 1024 ** 2;
/** Largest XLSX file: zipped XML, unpacked and parsed whole in JS (about 10× the file size). */
export const MAX_XLSX_BYTES = 48 * 1024 ** 2;
/**
 * Cells (rows × columns) of a delimited file past which an import may not fit in the page's
 * memory: 5M orders × 9 columns (45M cells) import with room to spare, while 7M line rows × 18
 * columns (the generic layout at 5M orders) do not.
 */
export const LARGE_FILE_CELLS = 60_000_000;
/** More columns than any order export has; beyond this the header is almost surely not a header. */
export const MAX_COLUMNS = 2000;
/** DuckDB rejects a CSV line longer than this (its default is 2 MB); a 1 MB cell fits easily. */
export const MAX_LINE_BYTES = 16 * 1024 ** 2;
/** Rows searched for the column header when the file opens with title lines. */
export const HEADER_SEARCH_ROWS = 30;
/** Data rows shown in a preview. */
export const PREVIEW_ROWS = 20;
/** Bytes decoded for detection and preview; grown when the header alone is longer. */
export const SAMPLE_BYTES = 256 * 1024;
export const MAX_SAMPLE_BYTES = 8 * 1024 ** 2;
/** Rows per Arrow batch when XLSX, Parquet or JSON rows are inserted. */
export const ARROW_BATCH_ROWS = 50_000;
/** Rejected rows returned in full; beyond this a warning gives the total. */
export const MAX_REJECTED_LISTED = 100_000;
