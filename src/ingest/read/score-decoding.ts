/**
 * How plausible a legacy encoding's reading of some bytes is. GB18030, Big5 and Windows-1252 all
 * decode most byte soup without error, so a clean decode is not evidence enough: what counts is
 * whether the characters that come out are the ones people write in that encoding.
 */
import { createDecoder } from './text-decoder.ts';
import type { EncodingName } from './types.ts';

export type LegacyEncoding = Extract<EncodingName, 'gb18030' | 'big5' | 'windows-1252'>;

export interface DecodingScore {
	encoding: LegacyEncoding;
	/** Share (0–1) of the decoded non-ASCII characters that are plausible in this encoding. */
	score: number;
	/** Non-ASCII characters decoded: how much evidence the score rests on. */
	characters: number;
}

/**
 * Decodes `bytes` as `encoding` and scores the result, or undefined when they are not valid in
 * it. `complete` false: a multi-byte character cut at the end of the sample is not an error.
 */
export function scoreDecoding(
	bytes: Uint8Array,
	encoding: LegacyEncoding,
	complete: boolean
): DecodingScore | undefined {
	if (encoding === 'windows-1252') {
		// Every byte decodes (the five unassigned ones to C1 controls, which score nothing).
		return { encoding, ...scoreWestern(createDecoder(encoding).decode(bytes)) };
	}
	let text: string;
	try {
		text = new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: !complete });
	} catch {
		return undefined;
	}
	return { encoding, ...scoreCjk(text, commonCharacters(encoding)) };
}

/** Share of non-ASCII characters in the set of common characters and punctuation. */
function scoreCjk(
	text: string,
	common: ReadonlySet<string>
): { score: number; characters: number } {
	let characters = 0;
	let plausible = 0;
	for (const c of text) {
		if (c.charCodeAt(0) < 0x80) continue;
		characters++;
		if (common.has(c)) plausible++;
	}
	return { score: characters === 0 ? 1 : plausible / characters, characters };
}

const WESTERN_SYMBOL = /[\p{L}€£¥¢©®°±·«»‘’“”–—…•™¡¿½¼¾µ§\u00a0]/u;

/**
 * Western text has accented letters and a few symbols, alone or in pairs between ASCII (`café`,
 * `Größe`, `€5`). A CJK text read as Windows-1252 gives runs of two bytes per character, so
 * longer runs, and C1 controls, are what a wrong guess looks like.
 */
function scoreWestern(text: string): { score: number; characters: number } {
	let characters = 0;
	let plausible = 0;
	for (const run of text.matchAll(/[^\p{ASCII}]+/gu)) {
		const chars = [...run[0]];
		characters += chars.length;
		if (chars.length <= 2) plausible += chars.filter((c) => WESTERN_SYMBOL.test(c)).length;
	}
	return { score: characters === 0 ? 1 : plausible / characters, characters };
}

/**
 * Byte ranges whose characters make up nearly all real text in each encoding, decoded once by the
 * platform's own decoder so the sets match it exactly: GB2312's punctuation (row A1), full-width
 * forms (A3) and its 6,763 hanzi (B0–F7) for GB18030; Big5's symbols (A1–A3) and its 5,401
 * frequent characters (A440–C67E, 常用字) for Big5. The less frequent Big5 and GBK-only
 * characters are left out: they are where the other encoding's bytes land when misread.
 */
const COMMON_RANGES: Record<
	'gb18030' | 'big5',
	{ leads: [number, number][]; trails: [number, number][]; extra: string; last?: number }
> = {
	gb18030: {
		leads: [
			[0xa1, 0xa1],
			[0xa3, 0xa3],
			[0xb0, 0xf7]
		],
		trails: [[0xa1, 0xfe]],
		// ¥ is a four-byte sequence in GB18030, but written on the amounts of many Chinese exports.
		extra: '¥'
	},
	big5: {
		leads: [[0xa1, 0xc6]],
		trails: [
			[0x40, 0x7e],
			[0xa1, 0xfe]
		],
		extra: '',
		last: 0xc67e
	}
};

const commonCache = new Map<'gb18030' | 'big5', Set<string>>();

function commonCharacters(encoding: 'gb18030' | 'big5'): Set<string> {
	const cached = commonCache.get(encoding);
	if (cached) return cached;
	const { leads, trails, extra, last } = COMMON_RANGES[encoding];
	const bytes: number[] = [];
	for (const [from, to] of leads)
		for (let lead = from; lead <= to; lead++)
			for (const [low, high] of trails)
				for (let trail = low; trail <= high; trail++)
					if (last === undefined || lead * 256 + trail <= last) bytes.push(lead, trail);
	const decoded = new TextDecoder(encoding).decode(Uint8Array.from(bytes));
	const set = new Set([...decoded, ...extra]);
	set.delete('\uFFFD');
	commonCache.set(encoding, set);
	return set;
}
