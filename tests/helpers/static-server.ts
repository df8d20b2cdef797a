/**
 * Serves dist/ under a sub-path, as a static host would, so browser tests prove the build works
 * away from the site root. No compression: the page must not rely on the host for it.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.gz': 'application/gzip'
};

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

export async function serveDist(root: string, base = '/shop/huitou/'): Promise<StaticServer> {
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		if (!url.pathname.startsWith(base)) {
			res.writeHead(404).end('outside the app base');
			return;
		}
		let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
		if (rel.endsWith('/')) rel += 'index.html';
		const file = path.join(root, path.normalize(rel));
		if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
			res.writeHead(404).end('not found');
			return;
		}
		res.writeHead(200, {
			'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
			'Content-Length': statSync(file).size,
			'Cache-Control': 'no-cache'
		});
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				// A browser keeps its connections open; without this, close waits for them.
				server.closeAllConnections();
			})
	};
}
