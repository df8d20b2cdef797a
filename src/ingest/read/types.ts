/** Names shared by the reader's modules; re-exported from index.ts. */
export type EncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type FileKind = 'csv' | 'xlsx' | 'parquet' | 'json' | 'ndjson';
