/**
 * Seeded mutations of a valid notebook, for the fuzz of share links and notebook files: fields
 * dropped, retyped, swapped for hostile text or huge values, cells duplicated or mixed up, keys
 * that reach for Object.prototype. The mutated document is then written as a correctly packed
 * share link or a .json file (so it gets past the checksum and reaches the schema), or its link's
 * characters are damaged.
 */
import { createRandom, type Random } from '../../src/sample/random.ts';
import { createNotebook, type Notebook } from '../../src/notebook/schema.ts';
import { encodeShareFragment } from '../../src/notebook/share.ts';

/** Text that would run script or load something if it were ever treated as markup. */
const HOSTILE = [
	'<img src=x onerror="window.__pwned=1">',
	'<script>window.__pwned=1</script>',
	'"><svg onload="window.__pwned=1">',
	'javascript:window.__pwned=1',
	'=HYPERLINK("http://evil.test","x")',
	'![x](http://evil.test/x.png)',
	'<iframe src="http://evil.test"></iframe>',
	'{{constructor.constructor("window.__pwned=1")()}}'
];

/** A notebook with every kind of cell, as a user would save it. */
function validNotebook(): Notebook {
	const nb = createNotebook({
		id: 'fuzz-base',
		title: 'Fuzz base',
		now: '2025-01-01T00:00:00.000Z',
		globals: { asOf: '2025-01-01', revenue: 'net', currency: 'CNY' }
	});
	return {
		...nb,
		cells: [
			{ id: 'm1', kind: 'markdown', text: '## Notes\n\nA *note*.' },
			{ id: 'p1', kind: 'preset', analysis: 'overview', params: {} },
			{
				id: 'p2',
				kind: 'preset',
				analysis: 'rfm',
				params: { scoring: 'quintiles' },
				name: 'rfm_x'
			},
			{ id: 's1', kind: 'sql', sql: 'SELECT count(*) AS n FROM orders', name: 'n_orders' }
		]
	} as Notebook;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const paths = (value: Json, at: (string | number)[] = []): (string | number)[][] => {
	if (value === null || typeof value !== 'object') return [at];
	const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
	return [at, ...keys.flatMap((k) => paths((value as Record<string, Json>)[k], [...at, k]))];
};

function replacement(r: Random): Json {
	switch (r.int(0, 7)) {
		case 0:
			return r.pick(HOSTILE);
		case 1:
			return null;
		case 2:
			return r.pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER, 0.5]);
		case 3:
			return 'x'.repeat(r.pick([1, 1000, 200_000]));
		case 4:
			return [];
		case 5:
			return {
				__proto__: { polluted: true },
				constructor: { prototype: { polluted: true } }
			} as Json;
		case 6:
			return r.chance(0.5);
		default:
			return r.pick(HOSTILE) + r.pick(HOSTILE);
	}
}

/** One to three mutations of the notebook's JSON tree. */
function mutateNotebook(nb: Notebook, r: Random): Json {
	const doc = JSON.parse(JSON.stringify(nb)) as Json;
	for (let n = r.int(1, 3); n > 0; n--) {
		const all = paths(doc).filter((p) => p.length > 0);
		const path = r.pick(all);
		const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string, Json>)[k], doc);
		const key = path[path.length - 1];
		const holder = parent as Record<string, Json>;
		const kind = r.int(0, 3);
		if (kind === 0 && Array.isArray(parent)) parent.splice(Number(key), 1);
		else if (kind === 0) delete holder[key];
		else if (kind === 1 && Array.isArray(parent)) parent.push(parent[Number(key)]);
		else holder[key] = replacement(r);
	}
	return doc;
}

/** What a case hands to the page: a share link fragment (without `#`) or a notebook file's text. */
export interface FuzzCase {
	kind: 'link' | 'file';
	text: string;
}

/** `count` seeded cases: mutated documents as packed links and files, and damaged links. */
export function notebookFuzzCases(seed: number, count: number): FuzzCase[] {
	const r = createRandom(seed);
	const base = validNotebook();
	const good = encodeShareFragment(base);
	if (!good.ok) throw new Error(good.error.detail);
	const cases: FuzzCase[] = [];
	while (cases.length < count) {
		const doc = mutateNotebook(base, r);
		const roll = r.int(0, 4);
		if (roll === 0) {
			// Damaged characters: the checksum or the inflater must refuse them.
			const chars = [...good.value];
			for (let n = r.int(1, 4); n > 0; n--)
				chars[r.int(4, chars.length - 1)] = r.pick([...'AZaz09-_~%.']);
			cases.push({ kind: 'link', text: chars.join('') });
		} else if (roll === 1) cases.push({ kind: 'file', text: JSON.stringify(doc) });
		else if (roll === 2) {
			// Hostile text where the schema allows any text, so the notebook opens and shows it.
			const hostile = { ...base, title: r.pick(HOSTILE) } as Notebook;
			hostile.cells = base.cells.map((c) =>
				c.kind === 'markdown' ? { ...c, text: `${r.pick(HOSTILE)}\n\n${r.pick(HOSTILE)}` } : c
			);
			const packed = encodeShareFragment(hostile);
			if (!packed.ok) continue;
			cases.push(
				r.chance(0.5)
					? { kind: 'link', text: packed.value }
					: { kind: 'file', text: JSON.stringify(hostile) }
			);
		} else {
			const packed = encodeShareFragment(doc as unknown as Notebook);
			if (packed.ok) cases.push({ kind: 'link', text: packed.value });
		}
	}
	return cases;
}
