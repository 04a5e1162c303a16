/**
 * Builds one Pagefind bundle per edition, after every page is written, through Pagefind's
 * Node API: `/pagefind/` for the current edition, `/v/<label>/pagefind/` for each older one.
 * A reader searches their own edition without downloading the others' index, and the search
 * page merges the other bundles when asked to search every edition. Each bundle is built
 * from the edition's own folder of the output, so its result URLs are the pages' real paths.
 * Only `data-pagefind-body` regions are indexed, so the chrome never pollutes results.
 * An edition whose indexed pages did not change since the last build gets the bundle that
 * build wrote, from the cache folder (`trellis-search/`), rather than being indexed again.
 * Beside each bundle, `search-terms.json` lists the edition's titles, tags and competency
 * names, from which the search boxes offer "did you mean" when a search finds nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { editionPrefix, type SiteEdition, sitePaths } from '../../playbook/index.ts';
import { hashFolder } from './edition-cache.ts';

export interface SearchBundleResult {
  label: string;
  pages: number;
  ms: number;
  /** True when the pages it indexes were the same as in the last build, and its bundle was copied. */
  reused: boolean;
}

/** Top-level output folders that never hold the current edition's pages. */
const notCurrentEdition = new Set(['v', 'pagefind', '_astro']);
/**
 * Folders of every edition with nothing to search: the print edition repeats every page (and
 * is megabytes long in a large playbook), the catalogue is data.
 */
const notSearched = new Set(['print', 'catalogue', 'pagefind']);
/** Page ids are lowercase words and hyphens; any other name (from `public/`) is no page folder. */
const plainName = /^[A-Za-z0-9._-]+$/;

/**
 * Called in `astro:build:done`, with the editions this build rendered. With a cache folder, an
 * edition whose indexed pages are byte for byte those of the last build gets that build's
 * bundle back instead of being indexed again (Pagefind cannot update an index in place).
 */
export async function writeSearchIndexes(siteDir: string, editions: readonly SiteEdition[], cacheDir: string | null = null): Promise<SearchBundleResult[]> {
  const results: SearchBundleResult[] = [];
  try {
    for (const edition of editions) {
      results.push(await writeBundle(siteDir, edition.label, editionPrefix(edition), cacheDir));
      writeTerms(siteDir, edition);
    }
  } finally {
    await pagefind.close();
  }
  return results;
}

async function writeBundle(siteDir: string, label: string, prefix: string, cacheDir: string | null): Promise<SearchBundleResult> {
  const started = performance.now();
  const bundleDir = `${siteDir}/${prefix}${sitePaths.searchBundle}`;
  const tops = editionTops(siteDir, prefix);
  const cached = cacheDir ? path.join(cacheDir, label.replace(/[^A-Za-z0-9.-]/g, '_')) : null;
  const fingerprint = cached ? indexedPagesDigest(siteDir, prefix, tops) : null;
  if (cached && fingerprint && isKeptBundleOf(cached, fingerprint.digest)) {
    fs.cpSync(path.join(cached, 'bundle'), bundleDir, { recursive: true });
    return { label, pages: fingerprint.pages, ms: Math.round(performance.now() - started), reused: true };
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir, glob: editionGlob(prefix, tops) });
  if (added.errors.length) throw new Error(`Pagefind could not index edition ${label}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: bundleDir });
  if (written.errors.length) throw new Error(`Pagefind could not write the index of edition ${label}: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  if (cached && fingerprint) keepBundle(cached, bundleDir, fingerprint.digest);
  return { label, pages: added.page_count, ms: Math.round(performance.now() - started), reused: false };
}

/** The top-level files and folders of the edition's folder that hold its pages (for the current edition: not older editions, `v/`). */
function editionTops(siteDir: string, prefix: string): fs.Dirent[] {
  return fs.readdirSync(`${siteDir}/${prefix}`, { withFileTypes: true })
    .filter((entry) => !notSearched.has(entry.name) && !(prefix === '' && notCurrentEdition.has(entry.name)) && plainName.test(entry.name))
    .filter((entry) => entry.isDirectory() || entry.name.endsWith('.html'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every HTML file of the edition's folder, as one Pagefind glob. */
function editionGlob(prefix: string, tops: readonly fs.Dirent[]): string {
  const patterns = tops.map((entry) => (entry.isDirectory() ? `${prefix}${entry.name}/**/*.html` : `${prefix}${entry.name}`));
  return patterns.length ? `{${patterns.join(',')}}` : `${prefix}*.html`;
}

/** What Pagefind would read: every HTML file the glob names, by path and bytes, and Pagefind's version. */
function indexedPagesDigest(siteDir: string, prefix: string, tops: readonly fs.Dirent[]): { digest: string; pages: number } {
  const hash = createHash('sha256').update(`trellis-search 1\0${pagefindVersion()}\0`);
  let pages = 0;
  for (const top of tops) {
    const at = path.join(siteDir, prefix, top.name);
    const files = top.isDirectory() ? fs.readdirSync(at, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).sort().map((name) => path.join(at, name)) : [at];
    for (const file of files) {
      hash.update(`${path.relative(siteDir, file)}\0`).update(fs.readFileSync(file)).update('\0');
      pages++;
    }
  }
  return { digest: hash.digest('hex'), pages };
}

function pagefindVersion(): string {
  const manifest = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  return fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '' : '';
}

/**
 * Whether the kept bundle indexes these pages and is whole: its fingerprint names the pages'
 * digest and the digest of the bundle's own files, which must still match.
 */
function isKeptBundleOf(cached: string, pagesDigest: string): boolean {
  let fingerprint: string;
  try {
    fingerprint = fs.readFileSync(path.join(cached, 'fingerprint'), 'utf8');
  } catch {
    return false;
  }
  const [pages, bundle] = fingerprint.split('\n');
  return pages === pagesDigest && bundle === bundleDigest(path.join(cached, 'bundle'));
}

function bundleDigest(folder: string): string {
  const hash = createHash('sha256');
  hashFolder(hash, folder);
  return hash.digest('hex');
}

/** The bundle beside the digests of the pages it indexes and of its files; the fingerprint is written last, so a half-copied bundle is never trusted. */
function keepBundle(cached: string, bundleDir: string, pagesDigest: string): void {
  fs.rmSync(cached, { recursive: true, force: true });
  fs.cpSync(bundleDir, path.join(cached, 'bundle'), { recursive: true });
  fs.writeFileSync(path.join(cached, 'fingerprint.partial'), `${pagesDigest}\n${bundleDigest(path.join(cached, 'bundle'))}`);
  fs.renameSync(path.join(cached, 'fingerprint.partial'), path.join(cached, 'fingerprint'));
}

/** One entry per title, competency name and tag; a tag leads to a search, the others to their page. */
function writeTerms(siteDir: string, edition: SiteEdition): void {
  const terms: { t: string; u?: string }[] = [];
  const tags = new Set<string>();
  for (const page of edition.pages) {
    terms.push({ t: page.title, u: edition.pageUrl(page.id) });
    for (const tag of page.tags) tags.add(tag.replace(/[-_]+/g, ' '));
  }
  for (const competency of edition.competencies) terms.push({ t: competency.name, u: edition.competencyUrl(competency.id) });
  for (const tag of [...tags].sort()) terms.push({ t: tag });
  fs.writeFileSync(path.join(siteDir, editionPrefix(edition), 'search-terms.json'), JSON.stringify(terms));
}
