/**
 * Builds the Pagefind index once, after every page is written, through Pagefind's Node API.
 * Only `data-pagefind-body` regions are indexed, so the chrome never pollutes results.
 */
import * as pagefind from 'pagefind';

export async function writeSearchIndex(siteDir: string): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count, ms: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}
