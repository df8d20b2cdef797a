/**
 * Share links: the notebook (cells, parameters, global filters, chart choices; never data) in the
 * URL fragment, which browsers do not send to servers. Layout: `nb1.<base64url(crc32 ‖ deflate(json))>`.
 *
 * A link is untrusted input: it is size-capped before and during inflation (a small link must not
 * expand into gigabytes), checksummed, parsed without prototype-polluting keys and validated by
 * the notebook schema. Decoding is pure: nothing is saved until the user keeps the notebook.
 */
import { Inflate, deflateSync } from 'fflate';
import { ok, fail, type Result } from '../lib/result.ts';
import { base64ToBytes, bytesToBase64 } from '../lib/export/base64.ts';
import { dropUnsafeKeys, parseNotebook, type Cell, type Notebook, type SqlCell } from './schema.ts';

const TAG = 'nb';
const SHARE_VERSION = 1;
/** Longest fragment we write or read; browsers keep about 2 MB of URL, chat apps far less. */
const MAX_FRAGMENT_CHARS = 200_000;
/** Largest notebook JSON a link may inflate to. */
export const MAX_SHARE_JSON_BYTES = 1_000_000;
/** Input fed to the inflater per step: deflate expands ~1000× at most, so overshoot stays ~1 MB. */
const INFLATE_STEP = 1024;

/** Encodes a notebook as a fragment (without `#`); fails with 'share.too-large' past the cap. */
export function encodeShareFragment(nb: Notebook): Result<string> {
	const json = new TextEncoder().encode(JSON.stringify(nb));
	if (json.length > MAX_SHARE_JSON_BYTES)
		return fail('share.too-large', `${json.length} bytes of notebook`);
	const packed = deflateSync(json, { level: 9 });
	const bytes = new Uint8Array(4 + packed.length);
	new DataView(bytes.buffer).setUint32(0, crc32(json));
	bytes.set(packed, 4);
	const fragment = `${TAG}${SHARE_VERSION}.${bytesToBase64(bytes, true)}`;
	if (fragment.length > MAX_FRAGMENT_CHARS)
		return fail('share.too-large', `${fragment.length} characters of link`);
	return ok(fragment);
}

/** Whether a URL fragment looks like a share link at all (so the page can ignore other anchors). */
export const isShareFragment = (fragment: string): boolean =>
	new RegExp(`^#?${TAG}\\d+\\.`).test(fragment);

/** Decodes a fragment (with or without `#`) into a validated notebook. */
export function decodeShareFragment(fragment: string): Result<Notebook> {
	const text = fragment.replace(/^#/, '').trim();
	if (!text) return fail('share.empty', 'no notebook in the link');
	if (text.length > MAX_FRAGMENT_CHARS)
		return fail('share.too-large', `${text.length} characters of link`);
	const m = /^nb(\d{1,6})\.(.*)$/s.exec(text);
	if (!m) return fail('share.unknown-format', text.slice(0, 20));
	const version = Number(m[1]);
	if (version > SHARE_VERSION)
		return fail('share.newer-version', `link version ${version}, this page reads ${SHARE_VERSION}`);
	if (version < 1) return fail('share.unknown-format', `link version ${version}`);
	const body = m[2];
	if (!/^[A-Za-z0-9_-]*$/.test(body))
		return fail('share.corrupted', 'characters outside base64url');
	// One leftover base64 character cannot encode a byte: the link was cut.
	if (body.length % 4 === 1 || body.length < 8) return fail('share.truncated', 'link too short');

	const bytes = base64ToBytes(body, true);
	const inflated = inflateCapped(bytes.subarray(4), MAX_SHARE_JSON_BYTES);
	if (!inflated.ok) return inflated;
	const expected = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
	if (crc32(inflated.value) !== expected) return fail('share.corrupted', 'checksum mismatch');

	let doc: unknown;
	try {
		const json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.value);
		doc = JSON.parse(json, dropUnsafeKeys);
	} catch (e) {
		return fail('share.corrupted', (e as Error).message);
	}
	return parseNotebook(doc);
}

/** Inflates raw deflate data, refusing output beyond `cap` bytes without producing it all. */
function inflateCapped(data: Uint8Array, cap: number): Result<Uint8Array> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	let done = false;
	const inflater = new Inflate((chunk, final) => {
		chunks.push(chunk);
		size += chunk.length;
		done ||= final;
	});
	try {
		for (let i = 0; i < data.length && !done; i += INFLATE_STEP) {
			const end = Math.min(i + INFLATE_STEP, data.length);
			inflater.push(data.subarray(i, end), end === data.length);
			if (size > cap) return fail('share.too-large', `notebook inflates past ${cap} bytes`);
		}
	} catch (e) {
		const code = (e as { code?: number }).code;
		return code === 0
			? fail('share.truncated', 'compressed data ends early')
			: fail('share.corrupted', (e as Error).message);
	}
	if (!done) return fail('share.truncated', 'compressed data ends early');
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return ok(out);
}

/** The SQL cells of a notebook: a shared notebook shows these and asks before running them. */
export const listSqlCells = (nb: Notebook): SqlCell[] =>
	nb.cells.filter((c: Cell): c is SqlCell => c.kind === 'sql' && c.sql.trim() !== '');

export const hasSqlCells = (nb: Notebook): boolean => listSqlCells(nb).length > 0;

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

/** CRC-32 (IEEE), to tell a damaged link from a valid one that happens to inflate. */
function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
