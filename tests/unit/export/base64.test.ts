import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../src/lib/export/base64.ts';

describe('base64', () => {
	it('matches known encodings, padded and URL-safe', () => {
		const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00]);
		expect(bytesToBase64(bytes)).toBe('+/+/AA==');
		expect(bytesToBase64(bytes, true)).toBe('-_-_AA');
		expect([...base64ToBytes('-_-_AA', true)]).toEqual([...bytes]);
	});

	it('round-trips more bytes than one String.fromCharCode call takes', () => {
		// 100 000 bytes span several 32 768-byte chunks; a pattern that uses every byte value.
		const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 131) & 0xff);
		expect(base64ToBytes(bytesToBase64(bytes, true), true)).toEqual(bytes);
		expect(Buffer.from(bytesToBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
	});

	it('throws on characters outside the alphabet', () => {
		expect(() => base64ToBytes('ab$d')).toThrow();
	});
});
