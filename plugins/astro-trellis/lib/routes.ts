/**
 * Every URL the site has, derived from the published editions in one place: the catch-all
 * page route renders these, the sitemap lists them, and nothing else invents URLs.
 */
import { previousEdition } from '../../editions/index.ts';
import { type Audience, type Competency, editionPrefix, type Layer, layers, type Page, pageUrlPath, type Role, type SiteEdition, sitePaths } from '../../playbook/index.ts';
import { findTrellisState } from './state.ts';

/** Layer listings paginate so that no generated page grows with the size of the site. */
export const layerPageSize = 50;

export type Route =
  | { kind: 'home'; path: string; site: SiteEdition; page: Page | undefined }
  | { kind: 'page'; path: string; site: SiteEdition; page: Page }
  | { kind: 'layer'; path: string; site: SiteEdition; layer: Layer; intro: Page | undefined; pageNumber: number; pageCount: number }
  | { kind: 'competencies'; path: string; site: SiteEdition }
  | { kind: 'competency'; path: string; site: SiteEdition; competency: Competency }
  | { kind: 'levels'; path: string; site: SiteEdition }
  | { kind: 'roles'; path: string; site: SiteEdition }
  | { kind: 'role'; path: string; site: SiteEdition; role: Role }
  | { kind: 'plan'; path: string; site: SiteEdition }
  | { kind: 'changes'; path: string; site: SiteEdition; previous: SiteEdition; editions: readonly SiteEdition[] }
  | { kind: 'health'; path: string; site: SiteEdition }
  | { kind: 'print'; path: string; site: SiteEdition }
  | { kind: 'search'; path: string; site: SiteEdition }
  | { kind: 'missing'; path: string; site: SiteEdition };

/**
 * The ecosystem health report: a route of its own (`src/routes/health.astro`) that the
 * integration injects into internal builds only, for the current edition only, so that a
 * public build holds nothing of it, not even its stylesheet. The sidebar of the current edition
 * links to it; it is in no sitemap or search index: a report for the steering group, not a
 * page to land on from a search.
 */
export const healthPattern = '/health';

/** Whether a build for this audience has the report: every build but a public one. */
export function hasHealthReport(audience: Audience): boolean {
  return audience !== 'public';
}

export function healthRoute(site: SiteEdition): Extract<Route, { kind: 'health' }> {
  return { kind: 'health', path: 'health/', site };
}

/** The report's URL from an edition's pages: only the current edition of an internal build has one. */
export function healthUrl(site: SiteEdition): string | undefined {
  const state = findTrellisState();
  return site.isCurrent && state && hasHealthReport(state.settings.audience) ? `${site.root}${healthRoute(site).path}` : undefined;
}

/** The edition as data, under `catalogue/` beside its pages. */
export const catalogueFiles = ['catalogue.json', 'catalogue.schema.json', 'competencies.csv', 'initiatives.csv', 'roles.csv', 'case.json'] as const;
export type CatalogueFile = (typeof catalogueFiles)[number];

/** A file of an edition's catalogue: `v/2025.2/catalogue/case.json`. */
export interface CatalogueRoute {
  path: string;
  site: SiteEdition;
  file: CatalogueFile;
}

/** The whole edition as one printable page, and the site's feed of editions. */
const printPath = 'print/';
export const changesFeedPath = 'changes.xml';


/**
 * The routes of one edition. `editions` (every edition, newest first; by default those of the
 * build) adds the "What changed" page, which compares the edition with the next older one.
 */
export function editionRoutes(site: SiteEdition, editions: readonly SiteEdition[] = findTrellisState()?.editions ?? [site]): Route[] {
  const prefix = editionPrefix(site);
  const routes: Route[] = [{ kind: 'home', path: prefix, site, page: site.page('index') }];
  for (const page of site.pages) {
    if (page.id === 'index' || isLayerIntro(page)) continue;
    routes.push({ kind: 'page', path: `${prefix}${sitePaths.page(page.id)}`, site, page });
  }
  for (const layer of layers) {
    const intro = site.pageAtPath(layer);
    const count = site.pagesInLayer(layer).length;
    if (!count && !intro) continue;
    const pageCount = Math.max(1, Math.ceil(count / layerPageSize));
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
      const path = `${prefix}${sitePaths.layer(layer, pageNumber)}`;
      routes.push({ kind: 'layer', path, site, layer, intro: intro && isLayerIntro(intro) ? intro : undefined, pageNumber, pageCount });
    }
  }
  routes.push({ kind: 'competencies', path: `${prefix}${sitePaths.competencies}`, site });
  for (const competency of site.competencies) {
    routes.push({ kind: 'competency', path: `${prefix}${sitePaths.competency(competency.id)}`, site, competency });
  }
  // Written only when there is something to show, so a playbook without levels or roles builds as before.
  if (site.hasLevels) routes.push({ kind: 'levels', path: `${prefix}${sitePaths.levels}`, site });
  if (site.roles.length) {
    routes.push({ kind: 'roles', path: `${prefix}${sitePaths.roles}`, site }, { kind: 'plan', path: `${prefix}${sitePaths.plan}`, site });
    for (const role of site.roles) routes.push({ kind: 'role', path: `${prefix}${sitePaths.role(role.id)}`, site, role });
  }
  const previous = previousEdition(editions, site);
  if (previous) routes.push({ kind: 'changes', path: `${prefix}${sitePaths.changes}`, site, previous, editions });
  routes.push({ kind: 'print', path: `${prefix}${printPath}`, site });
  // The current edition's search page is a route of its own (`/search/`), outside the sitemap.
  if (!site.isCurrent) routes.push({ kind: 'search', path: `${prefix}${sitePaths.search}`, site });
  return routes;
}

export function catalogueRoutes(site: SiteEdition): CatalogueRoute[] {
  return catalogueFiles.map((file) => ({ path: `${editionPrefix(site)}catalogue/${file}`, site, file }));
}

export function catalogueUrl(site: SiteEdition, file: CatalogueFile): string {
  return `${site.root}catalogue/${file}`;
}

export function printUrl(site: SiteEdition): string {
  return `${site.root}${printPath}`;
}

/**
 * An edition's search page: `/search/` for the current one, `/v/<label>/search/` for an older
 * one, which keeps that edition's banner, sidebar and switcher around its results.
 */
export function searchPageUrl(site: SiteEdition): string {
  return site.isCurrent ? site.searchUrl : `${site.root}${sitePaths.search}`;
}

/** The edition's "What changed" page, when it has an older edition to compare with. */
export function changesUrl(site: SiteEdition, editions: readonly SiteEdition[]): string | undefined {
  return previousEdition(editions, site) ? `${site.root}${sitePaths.changes}` : undefined;
}

/** `internal/index.mdx` (or `Internal/index.md`) introduces the generated `/internal/` page rather than having its own. */
export function isLayerIntro(page: Page | undefined): boolean {
  return !!page && (layers as readonly string[]).includes(pageUrlPath(page.id));
}

export const layerTitles: Record<Layer, string> = {
  internal: 'Internal programmes',
  external: 'External partnerships',
  coaching: 'Coaching',
  governance: 'Governance',
  measurement: 'Measurement',
  guide: 'Guides',
};

export const clusterTitles = { strategy: 'Strategy', culture: 'Culture', risk: 'Risk', people: 'People', execution: 'Execution' } as const;

/** The same place in another edition when it exists there, else that edition's home. */
export function sameRouteIn(route: Route, other: SiteEdition): { href: string; exists: boolean } {
  const home = { href: other.root, exists: route.kind === 'home' };
  switch (route.kind) {
    case 'home':
      return home;
    case 'page':
      return other.page(route.page.id) ? { href: other.pageUrl(route.page.id), exists: true } : { ...home, exists: false };
    case 'layer':
      return other.pagesInLayer(route.layer).length || other.pageAtPath(route.layer) ? { href: other.layerUrl(route.layer), exists: true } : { ...home, exists: false };
    case 'competencies':
      return { href: `${other.root}${sitePaths.competencies}`, exists: true };
    case 'competency':
      return other.competency(route.competency.id) ? { href: other.competencyUrl(route.competency.id), exists: true } : { ...home, exists: false };
    case 'levels':
      return other.hasLevels ? { href: other.levelsUrl, exists: true } : { ...home, exists: false };
    case 'roles':
    case 'plan':
      return other.roles.length ? { href: route.kind === 'roles' ? other.rolesUrl : other.planUrl, exists: true } : { ...home, exists: false };
    case 'role':
      return other.role(route.role.id) ? { href: other.roleUrl(route.role.id), exists: true } : { ...home, exists: false };
    case 'changes': {
      const href = changesUrl(other, route.editions);
      return href ? { href, exists: true } : { ...home, exists: false };
    }
    case 'health':
      return other.isCurrent ? { href: `${other.root}${route.path}`, exists: true } : { ...home, exists: false };
    case 'print':
      return { href: printUrl(other), exists: true };
    case 'search':
      return { href: searchPageUrl(other), exists: true };
    case 'missing':
      return { ...home, exists: false };
  }
}
