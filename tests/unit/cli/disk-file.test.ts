/**
 * A file past 4 GiB opened from disk: Node 20's `fs.openAsBlob` wrapped a 5.0 GB export's size to
 * 709 MB, so the command line reported the wrong size and its own reads stopped at 709 MB. The file
 * here is sparse (a size on disk of a few bytes), with a marker written at its very end.
 */
import { mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDiskFile } from '../../../src/engine/native.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'huitou-disk-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIVE_GB = 5_000_000_000;

function sparseFile(size: number, head: string, tail: string): string {
	const file = path.join(dir, 'orders.csv');
	writeFileSync(file, head);
	truncateSync(file, size);
	const fd = openSync(file, 'r+');
	writeSync(fd, Buffer.from(tail), 0, tail.length, size - tail.length);
	return file;
}

test('a file above 4 GiB keeps its size and reads to its last byte', async () => {
	const file = await openDiskFile(sparseFile(FIVE_GB, 'order_id,paid_at\n', 'LAST'));
	expect(file.size).toBe(FIVE_GB);
	expect(file.name).toBe('orders.csv');
	expect(await file.slice(0, 9).text()).toBe('order_id,');
	expect(await file.slice(FIVE_GB - 4).text()).toBe('LAST');
	expect(await file.slice(-4).text()).toBe('LAST');
	expect(file.slice(FIVE_GB - 4, FIVE_GB + 100).size).toBe(4);
	expect(file.slice(4_294_967_296, 4_294_967_306).size).toBe(10);
});

test('slices of slices read the right bytes, and the stream is the whole range', async () => {
	const file = await openDiskFile(sparseFile(64, 'abcdefghij', 'WXYZ'));
	const middle = file.slice(2, 8);
	expect(await middle.text()).toBe('cdefgh');
	expect(await middle.slice(1, -1).text()).toBe('defg');
	expect(file.slice(8, 2).size).toBe(0);
	let streamed = 0;
	let last: Uint8Array = new Uint8Array();
	for await (const chunk of file.stream() as unknown as AsyncIterable<Uint8Array>) {
		streamed += chunk.length;
		last = chunk;
	}
	expect(streamed).toBe(64);
	expect(new TextDecoder().decode(last.slice(-4))).toBe('WXYZ');
});
