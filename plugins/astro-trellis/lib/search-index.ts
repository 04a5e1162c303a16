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

export interface SearchBundle {
  /** The edition's label, for the build log. */
  label: string;
  /** The edition's folder in the output: `` for the current edition, `v/2025.2/` for an older one. */
  prefix: string;
}

export interface SearchBundleResult {
  label: string;
  pages: number;
  ms: number;
}

/** Top-level output folders that never hold the current edition's pages. */
const notCurrentEdition = new Set(['v', 'pagefind', '_astro']);
/** Page ids are lowercase words and hyphens; any other name (from `public/`) is no page folder. */
const plainName = /^[A-Za-z0-9._-]+$/;

export async function writeSearchIndexes(siteDir: string, bundles: readonly SearchBundle[]): Promise<SearchBundleResult[]> {
  const results: SearchBundleResult[] = [];
  try {
    for (const bundle of bundles) results.push(await writeBundle(siteDir, bundle));
  } finally {
    await pagefind.close();
  }
  return results;
}

async function writeBundle(siteDir: string, bundle: SearchBundle): Promise<SearchBundleResult> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir, glob: bundle.prefix ? `${bundle.prefix}**/*.html` : currentEditionGlob(siteDir) });
  if (added.errors.length) throw new Error(`Pagefind could not index edition ${bundle.label}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: `${siteDir}/${bundle.prefix}pagefind` });
  if (written.errors.length) throw new Error(`Pagefind could not write the index of edition ${bundle.label}: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return { label: bundle.label, pages: added.page_count, ms: Math.round(performance.now() - started) };
}

/** Every HTML file of the output except older editions (`v/`), as one Pagefind glob. */
function currentEditionGlob(siteDir: string): string {
  const patterns = fs.readdirSync(siteDir, { withFileTypes: true })
    .filter((entry) => !notCurrentEdition.has(entry.name) && plainName.test(entry.name))
    .flatMap((entry) => (entry.isDirectory() ? [`${entry.name}/**/*.html`] : entry.name.endsWith('.html') ? [entry.name] : []));
  return patterns.length ? `{${patterns.join(',')}}` : '*.html';
}
