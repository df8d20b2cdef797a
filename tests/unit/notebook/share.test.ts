import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../src/lib/export/base64.ts';
import {
	decodeShareFragment,
	encodeShareFragment,
	hasSqlCells,
	isShareFragment,
	listSqlCells,
	MAX_SHARE_JSON_BYTES
} from '../../../src/notebook/share.ts';
import { sampleNotebook } from './fixtures.ts';

const encode = (nb = sampleNotebook()): string => {
	const r = encodeShareFragment(nb);
	if (!r.ok) throw new Error(r.error.code);
	return r.value;
};

const codeOf = (fragment: string) => {
	const r = decodeShareFragment(fragment);
	return r.ok ? 'ok' : r.error.code;
};

/** Builds a fragment the way encodeShareFragment does, from arbitrary JSON text. */
function craft(json: string): string {
	const bytes = new TextEncoder().encode(json);
	const packed = deflateSync(bytes);
	const out = new Uint8Array(4 + packed.length);
	new DataView(out.buffer).setUint32(0, crc32(bytes));
	out.set(packed, 4);
	return `nb1.${bytesToBase64(out, true)}`;
}

// Independent bitwise CRC-32 (no table), so the test does not reuse the code it checks.
function crc32(bytes: Uint8Array): number {
	let c = ~0;
	for (const b of bytes) {
		c ^= b;
		for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
	}
	return ~c >>> 0;
}

describe('share links', () => {
	it('round-trips a notebook, with or without the leading #', () => {
		const fragment = encode();
		expect(fragment).toMatch(/^nb1\.[A-Za-z0-9_-]+$/);
		expect(isShareFragment(`#${fragment}`)).toBe(true);
		for (const f of [fragment, `#${fragment}`]) {
			const r = decodeShareFragment(f);
			expect(r.ok && r.value).toEqual(sampleNotebook());
		}
	});

	it('is compact: the sample fits in a few hundred characters', () => {
		expect(encode().length).toBeLessThan(600);
	});

	it('rejects the link cut at every length', () => {
		const fragment = encode();
		for (let keep = 'nb1.'.length; keep < fragment.length; keep++)
			expect(codeOf(fragment.slice(0, keep)), `cut at ${keep}`).toBe('share.truncated');
	});

	it('rejects the link with any one character changed', () => {
		const fragment = encode();
		for (let i = 'nb1.'.length; i < fragment.length; i++) {
			const changed =
				fragment.slice(0, i) + (fragment[i] === 'A' ? 'B' : 'A') + fragment.slice(i + 1);
			expect(['share.corrupted', 'share.truncated'], `changed at ${i}`).toContain(codeOf(changed));
		}
		expect(codeOf(fragment.slice(0, 10) + '!' + fragment.slice(11))).toBe('share.corrupted');
	});

	it('rejects a payload whose checksum does not match', () => {
		const good = craft(JSON.stringify(sampleNotebook()));
		// Same compressed data under a different checksum: base64 chars 4..9 hold the CRC's bytes.
		const bad = good.slice(0, 4) + (good[4] === 'A' ? 'B' : 'A') + good.slice(5);
		expect(codeOf(good)).toBe('ok');
		expect(codeOf(bad)).toBe('share.corrupted');
	});

	it('rejects valid deflate that is not JSON', () => {
		expect(codeOf(craft('not json {'))).toBe('share.corrupted');
	});

	it('passes schema failures through with the notebook codes', () => {
		const nb = JSON.parse(JSON.stringify(sampleNotebook()));
		expect(codeOf(craft(JSON.stringify({ ...nb, version: 7 })))).toBe('notebook.newer-version');
		expect(codeOf(craft(JSON.stringify({ ...nb, cells: [{ id: 'X', kind: 'sql' }] })))).toBe(
			'notebook.invalid'
		);
	});

	it('refuses a newer link format and unknown prefixes', () => {
		expect(codeOf('nb2.AAAAAAAA')).toBe('share.newer-version');
		expect(codeOf('section-2')).toBe('share.unknown-format');
		expect(codeOf('#')).toBe('share.empty');
	});

	it('caps inflation: a tiny zip bomb is refused without inflating it all', () => {
		// 5 MB of spaces compresses to ~5 kB; the cap is 1 MB.
		const bomb = craft(`{"a":"${' '.repeat(5_000_000)}"}`);
		expect(bomb.length).toBeLessThan(200_000);
		expect(codeOf(bomb)).toBe('share.too-large');
	});

	it('refuses an oversized link before decoding it', () => {
		expect(codeOf(`nb1.${'A'.repeat(300_000)}`)).toBe('share.too-large');
	});

	it('refuses to encode a notebook past the cap', () => {
		const nb = sampleNotebook();
		nb.cells = Array.from({ length: 20 }, (_, i) => ({
			id: `s${i}`,
			kind: 'sql' as const,
			sql: `-- ${i}\n` + 'x'.repeat(60_000)
		}));
		const r = encodeShareFragment(nb);
		expect(JSON.stringify(nb).length).toBeGreaterThan(MAX_SHARE_JSON_BYTES);
		expect(!r.ok && r.error.code).toBe('share.too-large');
	});

	it('ignores prototype-polluting keys in a hostile payload', () => {
		const nb = JSON.parse(JSON.stringify(sampleNotebook()));
		const json = JSON.stringify(nb).replace(
			'{"format"',
			'{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"format"'
		);
		const r = decodeShareFragment(craft(json));
		expect(r.ok).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
	});

	it('keeps hostile text as text', () => {
		const nb = sampleNotebook();
		nb.title = '"><script>alert(1)</script>';
		const r = decodeShareFragment(encode(nb));
		expect(r.ok && r.value.title).toBe('"><script>alert(1)</script>');
	});

	it('lists the SQL cells a recipient must approve', () => {
		const nb = sampleNotebook();
		expect(hasSqlCells(nb)).toBe(true);
		expect(listSqlCells(nb).map((c) => c.id)).toEqual(['c3']);
		nb.cells = nb.cells.filter((c) => c.kind !== 'sql');
		expect(hasSqlCells(nb)).toBe(false);
	});
});
