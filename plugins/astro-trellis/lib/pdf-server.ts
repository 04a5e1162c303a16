/**
 * A static server on 127.0.0.1 for `npm run pdf`: Chromium prints the built site from it, so
 * that `/_astro/…` styles and `/fonts/…` resolve as they do on the real host (a `file://` URL
 * would look for them at the root of the disk). Paths are served under the site's base path,
 * nothing outside the output folder is ever read, and a page may be rewritten on its way out.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface PrintServer {
  /** `http://127.0.0.1:40123`. */
  origin: string;
  /** Rewrites the HTML of one URL path (`/print/`) from now on. */
  rewrite(urlPath: string, change: ((html: string) => string) | undefined): void;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
};

export async function servePrintSite(siteDir: string, base: string): Promise<PrintServer> {
  const root = path.resolve(siteDir);
  const rewrites = new Map<string, (html: string) => string>();
  const server = http.createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = urlPath.startsWith(base) ? fileFor(root, `/${urlPath.slice(base.length)}`) : null;
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const change = rewrites.get(urlPath);
    response.writeHead(200, { 'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
    response.end(change ? change(fs.readFileSync(file, 'utf8')) : fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rewrite: (urlPath, change) => (change ? rewrites.set(urlPath, change) : rewrites.delete(urlPath)),
    close: () => new Promise((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

/** The file a URL path names inside `root` (a folder's `index.html`); never anything outside it. */
function fileFor(root: string, urlPath: string): string | null {
  const target = path.resolve(root, `.${path.posix.normalize(urlPath)}`);
  if (target !== root && !target.startsWith(`${root}${path.sep}`)) return null;
  const file = urlPath.endsWith('/') ? path.join(target, 'index.html') : target;
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
}
