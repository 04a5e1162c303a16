/**
 * The site's URL scheme and the spelling of page ids, in one place: the loader, the checker's
 * link rules, the reference plugin, the published views and the routes all derive their paths
 * from these functions, so a URL the check accepts is a URL the build writes.
 */
import type { Layer } from './model.ts';

/** Sections of every edition that the generator writes itself; no page may take their URLs. */
export const generatedSections = ['competencies', 'v', 'search', '404', 'changes'] as const;

/** Page ids that would take a generated URL. */
const reservedPageId = /^(competencies|v)(\/|$)|^search$|^404$|^changes$/;

export function isReservedPageId(id: string): boolean {
  return reservedPageId.test(id);
}

/**
 * `internal/index` and `internal` name the same page: a folder's `index` file stands for the
 * folder. The home page keeps the id `index`.
 */
export function canonicalPageId(id: string): string {
  return id.endsWith('/index') ? id.slice(0, -'/index'.length) : id;
}

/** The id of the page in a file, from its path under `playbook/`. */
export function pageIdOf(relativePath: string): string {
  return canonicalPageId(relativePath.replace(/\.mdx?$/, ''));
}

/** An edition's folder in the site: `` for the current edition, `v/2025.2/` for an older one. */
export function editionPrefix(edition: { isCurrent: boolean; label: string }): string {
  return edition.isCurrent ? '' : `v/${edition.label}/`;
}

/** Paths below an edition's prefix, each ending with `/` (or empty for the home page). */
export const sitePaths = {
  page: (id: string): string => (id === 'index' ? '' : `${canonicalPageId(id)}/`),
  competencies: 'competencies/',
  competency: (id: string): string => `competencies/${id}/`,
  layer: (layer: Layer, pageNumber = 1): string => (pageNumber === 1 ? `${layer}/` : `${layer}/page/${pageNumber}/`),
  changes: 'changes/',
  search: 'search/',
  searchBundle: 'pagefind/',
};
