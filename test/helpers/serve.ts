/**
 * A tiny static file server for the browser tests: serves a built site from 127.0.0.1 on a
 * free port, as any static host would (folder URLs serve their index.html, unknown paths get
 * the site's 404.html with status 404), with the content types Pagefind needs in a browser.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface StaticServer {
  /** The site's origin, without a trailing slash: `http://127.0.0.1:40123`. */
  origin: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // Pagefind's own files: gzip-compressed index fragments and its WebAssembly module.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export async function serveStatic(siteDir: string): Promise<StaticServer> {
  const root = path.resolve(siteDir);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = resolveFile(root, decodeURIComponent(url.pathname));
    if (file === 'redirect') {
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const status = file ? 200 : 404;
    const served = file ?? path.join(root, '404.html');
    response.writeHead(status, { 'Content-Type': contentTypes[path.extname(served)] ?? 'application/octet-stream' });
    response.end(request.method === 'HEAD' ? undefined : fs.readFileSync(served));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

/** The file a URL path names inside `root`; never anything outside it. */
function resolveFile(root: string, urlPath: string): string | 'redirect' | null {
  const target = path.resolve(root, `.${path.posix.normalize(urlPath)}`);
  if (target !== root && !target.startsWith(`${root}${path.sep}`)) return null;
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat?.isFile()) return target;
  if (!stat?.isDirectory()) return null;
  if (!urlPath.endsWith('/')) return 'redirect';
  const index = path.join(target, 'index.html');
  return fs.existsSync(index) ? index : null;
}
