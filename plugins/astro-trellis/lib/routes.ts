/**
 * Every URL the site has, derived from the published editions in one place: the catch-all
 * page route renders these, the sitemap lists them, and nothing else invents URLs.
 */
import { previousEdition } from '../../editions/index.ts';
import { type Competency, editionPrefix, type Layer, layers, type Page, pageUrlPath, type SiteEdition, sitePaths } from '../../playbook/index.ts';
import { findTrellisState } from './state.ts';

/** Layer listings paginate so that no generated page grows with the size of the site. */
export const layerPageSize = 50;

export type Route =
  | { kind: 'home'; path: string; site: SiteEdition; page: Page | undefined }
  | { kind: 'page'; path: string; site: SiteEdition; page: Page }
  | { kind: 'layer'; path: string; site: SiteEdition; layer: Layer; intro: Page | undefined; pageNumber: number; pageCount: number }
  | { kind: 'competencies'; path: string; site: SiteEdition }
  | { kind: 'competency'; path: string; site: SiteEdition; competency: Competency }
  | { kind: 'changes'; path: string; site: SiteEdition; previous: SiteEdition; editions: readonly SiteEdition[] };

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
  const previous = previousEdition(editions, site);
  if (previous) routes.push({ kind: 'changes', path: `${prefix}${sitePaths.changes}`, site, previous, editions });
  return routes;
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
    case 'changes': {
      const href = changesUrl(other, route.editions);
      return href ? { href, exists: true } : { ...home, exists: false };
    }
  }
}
