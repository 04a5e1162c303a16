/**
 * The site's URL scheme and the spelling of page ids, in one place: the loader, the checker's
 * link rules, the reference plugin, the published views and the routes all derive their paths
 * from these functions, so a URL the check accepts is a URL the build writes.
 */
import type { Layer } from './model.ts';

/** Pages every edition has that the generator writes itself (besides the home page). */
export const generatedPageIds = ['404', 'search', 'changes'] as const;
/**
 * Files every edition's folder holds beside its pages; a page named like one (`sitemap.xml.md`)
 * would be a folder of that name. `playbook.pdf` is written by `npm run pdf`.
 */
const generatedFileNames = ['sitemap.xml', 'changes.xml', 'search-terms.json', 'playbook.pdf'];
/**
 * Every URL the generator's own pages own, whether or not a given build writes them: the plan
 * builder is written only for an edition with roles, and the health, print and catalogue pages
 * belong to other parts of Trellis. A page may take none of them.
 */
const reservedPageIds: readonly string[] = [...generatedPageIds, 'plan', 'health', 'print', ...generatedFileNames];
/**
 * Sections whose every URL the generator owns: the catalogue, the roles, the older editions and
 * the search bundle.
 */
const reservedSections: readonly string[] = ['competencies', 'roles', 'catalogue', 'v', 'pagefind'];
/** Competency ids whose URL is a generated page of the catalogue: the levels grid. */
const reservedCompetencyIds: readonly string[] = ['levels'];

/** Whether a page id would take one of the generator's own URLs (`Search.md` would take `/search/`). */
export function isReservedPageId(id: string): boolean {
  const path = pageUrlPath(id);
  return reservedPageIds.includes(path) || reservedSections.includes(path.split('/')[0]!);
}

/** Whether a competency id would take the URL of a generated page of the catalogue. */
export function isReservedCompetencyId(id: string): boolean {
  return reservedCompetencyIds.includes(id);
}

/**
 * The path of a page's URL, without slashes at either end: each segment of the id lowercased,
 * its spaces turned into hyphens (`Team_Rituals/Onboarding Guide` → `team_rituals/onboarding-guide`),
 * so that a handbook's file names keep working and its URLs stay easy to read and type. Two
 * pages whose ids differ only in this way would share a URL, which the loader refuses.
 */
export function pageUrlPath(id: string): string {
  return canonicalPageId(id).split('/').map((segment) => segment.toLowerCase().replace(/ /g, '-')).join('/');
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
  page: (id: string): string => (id === 'index' ? '' : `${pageUrlPath(id)}/`),
  /** A file of the playbook folder (an image, a PDF), by its path under `playbook/`, as pages are: `Team/Org Chart.png` → `team/org-chart.png`. */
  asset: (playbookPath: string): string => pageUrlPath(playbookPath),
  competencies: 'competencies/',
  competency: (id: string): string => `competencies/${id}/`,
  levels: 'competencies/levels/',
  roles: 'roles/',
  role: (id: string): string => `roles/${id}/`,
  plan: 'plan/',
  layer: (layer: Layer, pageNumber = 1): string => (pageNumber === 1 ? `${layer}/` : `${layer}/page/${pageNumber}/`),
  changes: 'changes/',
  search: 'search/',
  searchBundle: 'pagefind/',
};

