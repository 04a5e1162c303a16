/**
 * The outline of `/print/`, the whole edition as one document: the home page, then each
 * layer in the sidebar's order (its introduction, then its pages in the listing's order),
 * then the competency catalogue by cluster, then the roles ladder by ladder as the roles page
 * lists them. Every published page and role appears exactly once. The anchors are the
 * in-document targets that links to those pages become.
 */
import { clusters, type Competency, type Layer, layers, type Page, type Role, type SiteEdition } from '../../playbook/index.ts';
import type { ExportContext } from './context.ts';

export interface PrintLayer {
  layer: Layer;
  title: string;
  /** The layer's `index` page, shown first. */
  intro?: Page;
  pages: Page[];
}

export interface PrintOutline {
  home?: Page;
  layers: PrintLayer[];
  clusters: { title: string; anchor: string; competencies: Competency[] }[];
  /** Each ladder from its first rung up, the ladders in the roles page's order. */
  roles: Role[];
}

export function printOutline(site: SiteEdition, context: Pick<ExportContext, 'labels'>): PrintOutline {
  const home = site.page('index');
  const placed = new Set(home ? [home.id] : []);
  const take = (page: Page | undefined): Page | undefined => {
    if (!page || placed.has(page.id)) return undefined;
    placed.add(page.id);
    return page;
  };
  const grouped = layers.map((layer) => {
    const intro = take(site.page(layer));
    return { layer, title: context.labels.layers[layer], ...(intro ? { intro } : {}), pages: site.pagesInLayer(layer).filter((page) => take(page)) };
  });
  // A page no listing shows (its id names one layer, its frontmatter another) ends its own layer.
  for (const page of site.pages) if (take(page)) grouped.find((group) => group.layer === page.layer)!.pages.push(page);
  return {
    ...(home ? { home } : {}),
    layers: grouped.filter((group) => group.intro || group.pages.length > 0),
    clusters: clusters
      .map((cluster) => ({ title: context.labels.clusters[cluster], anchor: `cluster-${cluster}`, competencies: site.competencies.filter((c) => c.cluster === cluster) }))
      .filter((group) => group.competencies.length > 0),
    roles: site.ladders().flat(),
  };
}

/** The in-document anchor of a page, competency or layer: `page-internal/leadership-lab`. */
export const printAnchors = {
  page: (id: string) => `page-${id.replace(/[^A-Za-z0-9/_.-]/g, '_')}`,
  competency: (id: string) => `competency-${id}`,
  layer: (layer: Layer) => `layer-${layer}`,
  catalogue: 'catalogue',
  role: (id: string) => `role-${id}`,
  roles: 'roles',
};

export interface PrintTarget {
  /** The id of the page's section, the competency, the role, the layer, the catalogue or the roles in the document. */
  anchor: string;
  /** Whether the ids inside the target carry its anchor in front, so `#heading` can follow it there. */
  prefixesIds: boolean;
}

/** Where each URL path of the edition's pages leads inside the document. */
export function printTargets(site: SiteEdition, outline: PrintOutline): Map<string, PrintTarget> {
  const targets = new Map<string, PrintTarget>([[site.competenciesUrl, { anchor: printAnchors.catalogue, prefixesIds: false }]]);
  for (const page of site.pages) targets.set(site.pageUrl(page.id), { anchor: printAnchors.page(page.id), prefixesIds: true });
  for (const group of outline.layers) targets.set(site.layerUrl(group.layer), { anchor: printAnchors.layer(group.layer), prefixesIds: false });
  for (const competency of site.competencies) targets.set(site.competencyUrl(competency.id), { anchor: printAnchors.competency(competency.id), prefixesIds: true });
  if (outline.roles.length) targets.set(site.rolesUrl, { anchor: printAnchors.roles, prefixesIds: false });
  for (const role of outline.roles) targets.set(site.roleUrl(role.id), { anchor: printAnchors.role(role.id), prefixesIds: true });
  return targets;
}
