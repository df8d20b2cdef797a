/** What the first bytes say a file is; extensions lie (a `.csv` may be gzip, XLSX or a photo). */
export type Container = 'gzip' | 'zip' | 'parquet' | 'xls' | 'text';

const startsWith = (bytes: Uint8Array, magic: number[]) =>
	bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

export function detectContainer(head: Uint8Array): Container {
	if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
	if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet'; // "PAR1"
	if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls'; // OLE2
	return 'text';
}

/**
 * True when decoded text holds control characters no export contains (NUL aside from UTF-16,
 * which is decoded before this check): a binary file renamed `.csv`.
 */
export function looksBinary(text: string): boolean {
	let control = 0;
	const n = Math.min(text.length, 64 * 1024);
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) {
			if (c === 0) return true;
			control++;
		}
	}
	return control > Math.max(2, n * 0.01);
}

/** JSON array, NDJSON, or delimited text, from the first non-blank character. */
export function detectTextKind(text: string): 'json' | 'ndjson' | 'csv' {
	const first = text.replace(/^\uFEFF/, '').trimStart()[0];
	if (first === '[') return 'json';
	if (first === '{') return 'ndjson';
	return 'csv';
}
