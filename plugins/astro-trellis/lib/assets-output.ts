/**
 * The files published pages use (images, PDFs, templates), published with the site: copied
 * from the content folder into the build's staging folder after Astro has written the pages,
 * with the smaller copies of large photos that their `srcset` offers. Copies are made with
 * sharp (the image library Astro's own image service uses) and kept in a cache folder by the
 * photo's content, so a later build only copies them. The dev server serves the originals
 * straight from the content folder.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';
import { fileKindInside, type SiteEdition } from '../../playbook/index.ts';
import { addAsset, pageAssets, type PublishedAsset, variantPath } from '../../remark-assets/index.ts';
import { findTrellisState, type PublishedAssets } from './state.ts';

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

export interface AssetsWritten {
  files: number;
  /** Smaller copies written, and how many of those had to be made rather than taken from the cache. */
  copies: number;
  made: number;
  ms: number;
}

export async function writeAssets(siteDir: string, contentDir: string, assets: Iterable<PublishedAsset>, cacheDir: string): Promise<AssetsWritten> {
  const started = performance.now();
  const written = { files: 0, copies: 0, made: 0 };
  for (const asset of assets) {
    // The check found the file; anything else now (a symbolic link, a file deleted since) is not published.
    if (fileKindInside(contentDir, asset.source) !== 'file') continue;
    const source = path.join(contentDir, asset.source);
    copyInto(siteDir, asset.target, source);
    written.files++;
    if (!asset.widths.length) continue;
    const bytes = fs.readFileSync(source);
    const key = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    for (const width of asset.widths) {
      const cached = path.join(cacheDir, `${key}-${width}${path.posix.extname(asset.target)}`);
      if (!fs.existsSync(cached)) {
        fs.mkdirSync(cacheDir, { recursive: true });
        const partial = `${cached}.${process.pid}.partial`;
        await sharp(bytes).rotate().resize({ width }).toFile(partial);
        fs.renameSync(partial, cached);
        written.made++;
      }
      copyInto(siteDir, variantPath(asset.target, width), cached);
      written.copies++;
    }
  }
  return { ...written, ms: Math.round(performance.now() - started) };
}

function copyInto(siteDir: string, target: string, source: string): void {
  const destination = path.join(siteDir, target);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  fs.copyFileSync(source, destination, fs.constants.COPYFILE_FICLONE);
}

/** Under `npm run dev`, a file a rendered page uses is served from the content folder at its published URL. */
export function serveAssets(server: DevServer, contentDir: string): void {
  const base = server.config.base.replace(/\/?$/, '/');
  server.middlewares.use((request, response, next) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const asset = pathname.startsWith(base) ? findTrellisState()?.assets.byTarget.get(pathname.slice(base.length)) : undefined;
    if (!asset || fileKindInside(contentDir, asset.source) !== 'file') return next();
    response.writeHead(200, { 'Content-Type': contentType(asset.target) });
    fs.createReadStream(path.join(contentDir, asset.source)).pipe(response);
  });
}

const contentTypes: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.bmp': 'image/bmp', '.pdf': 'application/pdf', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
};

function contentType(target: string): string {
  return contentTypes[path.posix.extname(target).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The files every published page, competency and role uses, found in their trees before anything is
 * rendered (as remark-assets will rewrite them), so that a page an incremental build copies
 * from Astro's cache still has its files published.
 */
export function collectAssets(editions: readonly SiteEdition[], contentDir: string, responsive: boolean): PublishedAssets {
  const assets: PublishedAssets = { byTarget: new Map(), byEntry: new Map() };
  for (const site of editions) {
    for (const entry of [...site.pages, ...site.competencies, ...site.roles]) {
      const used = pageAssets(entry.source.tree, { site, entry }, { contentDir, responsive });
      if (!used.length) continue;
      assets.byEntry.set(entry.source.path, used);
      for (const asset of used) addAsset(assets.byTarget, asset);
    }
  }
  return assets;
}
