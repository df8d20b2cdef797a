import { scoreDecoding, type DecodingScore, type LegacyEncoding } from './score-decoding.ts';
import type { EncodingCandidate, EncodingConfidence, EncodingName } from './types.ts';

export interface DetectedEncoding {
	encoding: EncodingName;
	confidence: EncodingConfidence;
	/** Other encodings the sample also reads in, best first (see SourcePreview). */
	alternatives: EncodingCandidate[];
	/** Bytes of a BOM to skip. */
	bomLength: number;
	/** Invalid UTF-8 sequences in the sample of a file that is otherwise UTF-8 (mixed encodings). */
	invalidUtf8: number;
}

/**
 * Names the text encoding of a sample of the file's start. `complete` says the sample is the
 * whole file; otherwise a multi-byte character cut at the sample's end is not held against UTF-8.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
	const found = (encoding: EncodingName, confidence: EncodingConfidence, bom = 0) => ({
		encoding,
		confidence,
		alternatives: [],
		bomLength: bom,
		invalidUtf8: 0
	});
	if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
		return found('utf-8', 'bom', 3);
	if (sample[0] === 0xff && sample[1] === 0xfe) return found('utf-16le', 'bom', 2);
	if (sample[0] === 0xfe && sample[1] === 0xff) return found('utf-16be', 'bom', 2);

	const utf16 = detectUtf16ByNuls(sample);
	if (utf16) return found(utf16, 'certain');

	const body = complete ? sample : sample.subarray(0, completeUtf8Length(sample));
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(body);
		return found('utf-8', 'certain');
	} catch {
		// not valid UTF-8: mixed, or a legacy code page; decided below
	}
	const { valid, invalid } = countUtf8Sequences(body);
	// Mostly UTF-8 with a few bad bytes (e.g. one row pasted from a GBK file): keep UTF-8 and say
	// so. GBK text is the other way round: only pairs like C2–DF + 80–BF pass as UTF-8 (~1 in 7).
	if (valid >= 4 && invalid * 3 <= valid)
		return { ...found('utf-8', 'guess'), invalidUtf8: invalid };
	return detectLegacyEncoding(sample, complete);
}

const LEGACY: LegacyEncoding[] = ['gb18030', 'big5', 'windows-1252'];
/** A plausible reading: nearly every character is a common one. */
const PLAUSIBLE = 0.9;
/** A reading this plausible is a real alternative, so the best one is only a guess. */
const RIVAL = 0.6;
/** Fewer non-ASCII characters than this are too little evidence to be sure. */
const MIN_CHARACTERS = 8;

/**
 * GB18030, Big5 or Windows-1252, by decoding the sample in each and scoring how plausible the
 * text then is. Certain only when the best reading is plausible, rests on enough characters, and
 * every other reading fails or looks like mojibake.
 */
function detectLegacyEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
	const scores = LEGACY.map((e) => scoreDecoding(sample, e, complete))
		.filter((s): s is DecodingScore => s !== undefined)
		// Stable sort: on a tie the order of LEGACY decides (the Chinese platforms' GBK first).
		.sort((a, b) => b.score - a.score);
	const [best, ...others] = scores;
	const certain =
		best.score >= PLAUSIBLE &&
		best.characters >= MIN_CHARACTERS &&
		others.every((o) => o.score < RIVAL);
	return {
		encoding: best.encoding,
		confidence: certain ? 'certain' : 'guess',
		alternatives: others
			.filter((o) => o.score > 0)
			.map((o) => ({ encoding: o.encoding, score: Math.round(o.score * 100) / 100 })),
		bomLength: 0,
		invalidUtf8: 0
	};
}

/**
 * UTF-16 text of mostly ASCII (headers, digits, dates) has a NUL in every other byte: at odd
 * offsets for little-endian, even ones for big-endian. Excel's "Unicode text" has no BOM sometimes.
 */
function detectUtf16ByNuls(sample: Uint8Array): EncodingName | undefined {
	const n = Math.min(sample.length, 4096) & ~1;
	if (n < 4) return undefined;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < n; i += 2) {
		if (sample[i] === 0) even++;
		if (sample[i + 1] === 0) odd++;
	}
	const pairs = n / 2;
	if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
	if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
	return undefined;
}

/** Length without a UTF-8 sequence cut off at the end (at most 3 bytes are dropped). */
export function completeUtf8Length(bytes: Uint8Array): number {
	const end = bytes.length;
	for (let back = 1; back <= Math.min(3, end); back++) {
		const b = bytes[end - back];
		if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
		const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
		return need > back ? end - back : end;
	}
	return end;
}

/** Well-formed multi-byte UTF-8 sequences and invalid bytes, for telling "mixed" from "not UTF-8". */
function countUtf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
	let valid = 0;
	let invalid = 0;
	for (let i = 0; i < bytes.length;) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		const need =
			b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
		let ok = need > 0 && i + need < bytes.length;
		for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
		if (ok) {
			valid++;
			i += need + 1;
		} else {
			invalid++;
			i++;
		}
	}
	return { valid, invalid };
}
