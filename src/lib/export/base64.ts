/**
 * Base64 for bytes, in the page and in Node alike (btoa/atob work on Latin-1 strings only, so
 * bytes go through char codes). `url` selects the URL-safe alphabet without padding, for links.
 */

const CHUNK = 0x8000; // String.fromCharCode spreads its arguments: keep calls below stack limits.

export function bytesToBase64(bytes: Uint8Array, url = false): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += CHUNK)
		bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
	const b64 = btoa(bin);
	return url ? b64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '') : b64;
}

/** Decodes base64 (or base64url); throws on characters outside the alphabet. */
export function base64ToBytes(text: string, url = false): Uint8Array {
	const std = url ? text.replaceAll('-', '+').replaceAll('_', '/') : text;
	const bin = atob(std.padEnd(Math.ceil(std.length / 4) * 4, '='));
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}
