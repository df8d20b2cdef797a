import type { EncodingName } from './types.ts';

/** What the reader needs of a decoder: TextDecoder's `decode` with `stream`. */
export interface ChunkDecoder {
	decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

/**
 * A decoder for `encoding`. Windows-1252 is mapped here, because Node's TextDecoder (20.x,
 * small ICU path) decodes it as ISO-8859-1: 0x80 comes out as U+0080 instead of €. Browsers
 * follow the WHATWG table, which this is.
 */
export function createDecoder(encoding: EncodingName): ChunkDecoder {
	if (encoding !== 'windows-1252') return new TextDecoder(encoding);
	return {
		decode(bytes) {
			if (!bytes) return '';
			const codes = new Uint16Array(bytes.length);
			for (let i = 0; i < bytes.length; i++) {
				const b = bytes[i];
				codes[i] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] : b;
			}
			let text = '';
			for (let i = 0; i < codes.length; i += 0x8000)
				text += String.fromCharCode(...codes.subarray(i, i + 0x8000));
			return text;
		}
	};
}

/** Windows-1252 bytes 0x80–0x9F (WHATWG index); the five unassigned bytes map to C1 controls. */
const WINDOWS_1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
	0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
	0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178
];
