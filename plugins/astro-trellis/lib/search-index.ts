/**
 * Builds one Pagefind bundle per edition, after every page is written, through Pagefind's
 * Node API: `/pagefind/` for the current edition, `/v/<label>/pagefind/` for each older one.
 * A reader searches their own edition without downloading the others' index, and the search
 * page merges the other bundles when asked to search every edition. Each bundle is built
 * from the edition's own folder of the output, so its result URLs are the pages' real paths.
 * Only `data-pagefind-body` regions are indexed, so the chrome never pollutes results.
 */
import fs from 'node:fs';
import * as pagefind from 'pagefind';
import { editionPrefix, type SiteEdition, sitePaths } from '../../playbook/index.ts';

export interface SearchBundleResult {
  label: string;
  pages: number;
  ms: number;
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

/** Called in `astro:build:done`, with the editions this build rendered. */
export async function writeSearchIndexes(siteDir: string, editions: readonly SiteEdition[]): Promise<SearchBundleResult[]> {
  const results: SearchBundleResult[] = [];
  try {
    for (const edition of editions) results.push(await writeBundle(siteDir, edition.label, editionPrefix(edition)));
  } finally {
    await pagefind.close();
  }
  return results;
}

async function writeBundle(siteDir: string, label: string, prefix: string): Promise<SearchBundleResult> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir, glob: editionGlob(siteDir, prefix) });
  if (added.errors.length) throw new Error(`Pagefind could not index edition ${label}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: `${siteDir}/${prefix}${sitePaths.searchBundle}` });
  if (written.errors.length) throw new Error(`Pagefind could not write the index of edition ${label}: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return { label, pages: added.page_count, ms: Math.round(performance.now() - started) };
}

/** Every HTML file of the edition's folder (for the current edition: except older editions, `v/`), as one Pagefind glob. */
function editionGlob(siteDir: string, prefix: string): string {
  const patterns = fs.readdirSync(`${siteDir}/${prefix}`, { withFileTypes: true })
    .filter((entry) => !notSearched.has(entry.name) && !(prefix === '' && notCurrentEdition.has(entry.name)) && plainName.test(entry.name))
    .flatMap((entry) => (entry.isDirectory() ? [`${prefix}${entry.name}/**/*.html`] : entry.name.endsWith('.html') ? [`${prefix}${entry.name}`] : []));
  return patterns.length ? `{${patterns.join(',')}}` : `${prefix}*.html`;
}
