/**
 * What one build publishes of each edition: never drafts (except under `npm run dev`), and
 * in a public build only public pages and competencies. Every page, listing, diagram and
 * search record is made from these views, so nothing unpublished can slip through one of them.
 */
import { type Audience, type Competency, type Edition, type Layer, layers, type Page, type Playbook } from './model.ts';

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
  page(id: string): Page | undefined;
  competency(id: string): Competency | undefined;
  pageUrl(id: string): string;
  competencyUrl(id: string): string;
  layerUrl(layer: Layer): string;
  pagesInLayer(layer: Layer): Page[];
}

export function isPublished(entry: Page | Competency, options: SiteOptions): boolean {
  if (entry.kind === 'page' && entry.status === 'draft' && !options.includeDrafts) return false;
  return options.audience !== 'public' || entry.visibility === 'public';
}

export function siteEditions(playbook: Playbook, options: SiteOptions): SiteEdition[] {
  return playbook.editions.map((edition) => siteEdition(edition, options));
}

export function siteEdition(edition: Edition, options: SiteOptions): SiteEdition {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const root = edition.isCurrent ? base : `${base}v/${edition.label}/`;
  const pages = [...edition.pages.values()].filter((page) => isPublished(page, options)).sort(byId);
  const competencies = [...edition.competencies.values()].filter((c) => isPublished(c, options)).sort(byId);
  const pageById = new Map(pages.map((page) => [page.id, page]));
  const competencyById = new Map(competencies.map((competency) => [competency.id, competency]));
  const byLayer = new Map<Layer, Page[]>(layers.map((layer) => [layer, []]));
  for (const page of pages) if (page.id !== page.layer && page.id !== 'index') byLayer.get(page.layer)!.push(page);
  for (const list of byLayer.values()) list.sort((a, b) => a.title.localeCompare(b.title, 'en'));
  return {
    edition,
    label: edition.label,
    isCurrent: edition.isCurrent,
    root,
    pages,
    competencies,
    page: (id) => pageById.get(id),
    competency: (id) => competencyById.get(id),
    pageUrl: (id) => (id === 'index' ? root : `${root}${id}/`),
    competencyUrl: (id) => `${root}competencies/${id}/`,
    layerUrl: (layer) => `${root}${layer}/`,
    pagesInLayer: (layer) => byLayer.get(layer) ?? [],
  };
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
