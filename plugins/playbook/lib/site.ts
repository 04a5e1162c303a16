/**
 * What one build publishes of each edition: never drafts (except under `npm run dev`), and
 * in a public build only public pages and competencies. Every page, listing, diagram and
 * search record is made from these views, so nothing unpublished can slip through one of them.
 */
import { type Audience, type Competency, type Edition, type Layer, layers, type Page, type Playbook } from './model.ts';
import { canonicalPageId, editionPrefix, pageUrlPath, sitePaths } from './urls.ts';

export interface SiteOptions {
  /** `public` publishes only `visibility: public` content. Default: `all`. */
  audience: Audience;
  /** Drafts are shown (with a badge) only by the dev server. Default: false. */
  includeDrafts: boolean;
  /** The site's base path, with leading and trailing slash. Default: `/`. */
  base: string;
}

export interface SiteEdition {
  edition: Edition;
  label: string;
  isCurrent: boolean;
  /** URL prefix of the edition: `/` or `/v/2025.2/`, under the base path. */
  root: string;
  pages: Page[];
  competencies: Competency[];
  /** A published page by id, in either spelling of a folder's page (`internal`, `internal/index`). */
  page(id: string): Page | undefined;
  /** A published page by the path of its URL (`team_rituals/onboarding-guide`), as site-absolute links name it. */
  pageAtPath(urlPath: string): Page | undefined;
  competency(id: string): Competency | undefined;
  pageUrl(id: string): string;
  /** Where a file of the playbook folder (`playbook/team/chart.png`, relative to the edition) is published. */
  assetUrl(playbookFile: string): string;
  competencyUrl(id: string): string;
  /** The catalogue of the edition's competencies. */
  competenciesUrl: string;
  /** The search page, shared by every edition (it searches the reader's own by default). */
  searchUrl: string;
  /** The folder of the edition's Pagefind bundle. */
  searchBundleUrl: string;
  layerUrl(layer: Layer): string;
  pagesInLayer(layer: Layer): Page[];
  /** Published pages that name `id` among their prerequisites. */
  followers(id: string): Page[];
  /** Published initiatives that develop a competency, by layer. */
  developers(competencyId: string): Page[];
}

/** Whether a build for `options` publishes the entry: the one definition every stage uses. */
export function isPublished(entry: Page | Competency, options: Pick<SiteOptions, 'audience' | 'includeDrafts'>): boolean {
  if (isDraft(entry) && !options.includeDrafts) return false;
  return options.audience !== 'public' || entry.visibility === 'public';
}

export function isDraft(entry: Page | Competency): boolean {
  return entry.kind === 'page' && entry.status === 'draft';
}

export function siteEditions(playbook: Playbook, options: SiteOptions): SiteEdition[] {
  return playbook.editions.map((edition) => siteEdition(edition, options));
}

export function siteEdition(edition: Edition, options: SiteOptions): SiteEdition {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const root = `${base}${editionPrefix(edition)}`;
  const pages = [...edition.pages.values()].filter((page) => isPublished(page, options)).sort(byId);
  const competencies = [...edition.competencies.values()].filter((c) => isPublished(c, options)).sort(byId);
  const pageById = new Map(pages.map((page) => [page.id, page]));
  const pageByPath = new Map(pages.map((page) => [pageUrlPath(page.id), page]));
  const competencyById = new Map(competencies.map((competency) => [competency.id, competency]));
  const byLayer = new Map<Layer, Page[]>(layers.map((layer) => [layer, []]));
  for (const page of pages) if (pageUrlPath(page.id) !== page.layer && page.id !== 'index') byLayer.get(page.layer)!.push(page);
  const depth = prerequisiteDepths(pageById);
  for (const list of byLayer.values()) list.sort((a, b) => depth.get(a.id)! - depth.get(b.id)! || a.title.localeCompare(b.title, 'en'));
  const followers = indexBy(pages, (page) => page.prerequisites.map(canonicalPageId));
  const developers = indexBy(pages, (page) => page.develops);
  return {
    edition,
    label: edition.label,
    isCurrent: edition.isCurrent,
    root,
    pages,
    competencies,
    page: (id) => pageById.get(canonicalPageId(id)),
    pageAtPath: (urlPath) => pageByPath.get(canonicalPageId(urlPath)),
    competency: (id) => competencyById.get(id),
    pageUrl: (id) => `${root}${sitePaths.page(id)}`,
    assetUrl: (playbookFile) => `${root}${sitePaths.asset(playbookFile.replace(/^playbook\//, ''))}`,
    competencyUrl: (id) => `${root}${sitePaths.competency(id)}`,
    competenciesUrl: `${root}${sitePaths.competencies}`,
    searchUrl: `${base}${sitePaths.search}`,
    searchBundleUrl: `${root}${sitePaths.searchBundle}`,
    layerUrl: (layer) => `${root}${sitePaths.layer(layer)}`,
    pagesInLayer: (layer) => byLayer.get(layer) ?? [],
    followers: (id) => followers.get(id) ?? [],
    developers: (id) => developers.get(id) ?? [],
  };
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One pass over the pages, so per-page lookups never rescan the whole site. */
function indexBy(pages: Page[], keys: (page: Page) => string[]): Map<string, Page[]> {
  const index = new Map<string, Page[]>();
  for (const page of pages) {
    for (const key of new Set(keys(page))) {
      const list = index.get(key);
      if (list) list.push(page);
      else index.set(key, [page]);
    }
  }
  return index;
}

/**
 * How many prerequisites come before each page, at most: layers list pages in the order a
 * leader would take them, then by title. Cycles are the checker's to report; here they stop.
 */
function prerequisiteDepths(pages: Map<string, Page>): Map<string, number> {
  const depths = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    const page = pages.get(id);
    if (!page || visiting.has(id)) return -1;
    visiting.add(id);
    const depth = 1 + Math.max(-1, ...page.prerequisites.map((prerequisite) => depthOf(canonicalPageId(prerequisite))));
    visiting.delete(id);
    depths.set(id, depth);
    return depth;
  };
  for (const id of pages.keys()) depthOf(id);
  return depths;
}
