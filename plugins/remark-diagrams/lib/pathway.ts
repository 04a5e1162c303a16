/**
 * The pathway diagram: the pages that come before a page through `prerequisites`, and the
 * pages that build on it, left to right, with the page itself highlighted.
 */
import { canonicalPageId, type Page, type SiteEdition } from '../../playbook/index.ts';
import type { DiagramEdge, DiagramNode, DiagramSpec, Drawing } from './layout.ts';
import { count, joinList } from './text.ts';

/** Pages that name each page as a prerequisite: built once per edition, read by every pathway. */
export type Dependants = Map<string, Page[]>;

export function dependantsOf(site: SiteEdition): Dependants {
  const dependants: Dependants = new Map();
  for (const page of site.pages) {
    for (const id of prerequisitesOf(page, site)) {
      const list = dependants.get(id) ?? [];
      list.push(page);
      dependants.set(id, list);
    }
  }
  return dependants;
}

/** Null when `fromId` is not a published page of this edition. */
export function pathwaySpec(site: SiteEdition, fromId: string, dependants: Dependants, maxPages: number): DiagramSpec | null {
  const start = site.page(canonicalPageId(fromId));
  if (!start) return null;
  const before = reach(start, (page) => prerequisitesOf(page, site).map((id) => site.page(id)!));
  const after = reach(start, (page) => dependants.get(page.id) ?? []);
  const nearest = [...before, ...after].sort((a, b) => a.distance - b.distance).slice(0, maxPages - 1);
  const included = new Set([start, ...nearest.map((entry) => entry.page)]);
  const order = topologicalOrder(included, site);
  const edges: DiagramEdge[] = order.flatMap((page) => prerequisitesOf(page, site).filter((id) => included.has(site.page(id)!)).map((id) => ({ source: id, target: page.id })));
  const nodes: DiagramNode[] = order.map((page) => ({
    id: page.id,
    label: page.title,
    className: [`diagram-tone-${page.layer}`],
    href: site.pageUrl(page.id),
    ...(page === start ? { current: true } : {}),
  }));
  const hidden = before.length + after.length - nearest.length;
  return { kind: 'pathway', title: `Pathway through ${start.title}`, description: describe(order, edges, start, hidden, site), nodes, groups: [], edges, directed: true, boxesFitBold: true };
}

/** The same for every page of one track: the key under which their pathways share a layout. */
export function pathwayShape(spec: DiagramSpec): string {
  return JSON.stringify([spec.nodes.map((node) => node.id), spec.edges.map((edge) => [edge.source, edge.target])]);
}

/** A shared layout, drawn for one page: its own title, description and highlighted node. */
export function withPage(layout: Drawing, spec: DiagramSpec): Drawing {
  const nodes = new Map(spec.nodes.map((node) => [node.id, node]));
  return { ...layout, spec, nodes: layout.nodes.map((placed) => ({ ...placed, node: nodes.get(placed.node.id)! })) };
}

/** Published prerequisites only: drafts and, in a public build, internal pages are not drawn. */
function prerequisitesOf(page: Page, site: SiteEdition): string[] {
  return [...new Set(page.prerequisites.map(canonicalPageId))].filter((id) => site.page(id));
}

/** Breadth first, so that when a pathway is cut short the nearest steps stay. */
function reach(start: Page, next: (page: Page) => Page[]): { page: Page; distance: number }[] {
  const seen = new Set([start]);
  const found: { page: Page; distance: number }[] = [];
  let frontier = [start];
  for (let distance = 1; frontier.length; distance++) {
    const following: Page[] = [];
    for (const page of frontier) {
      for (const neighbour of [...next(page)].sort(byId)) {
        if (seen.has(neighbour)) continue;
        seen.add(neighbour);
        following.push(neighbour);
        found.push({ page: neighbour, distance });
      }
    }
    frontier = following;
  }
  return found;
}

/** Prerequisites first; ties, and any cycle the checker would have refused, in id order. */
function topologicalOrder(pages: Set<Page>, site: SiteEdition): Page[] {
  const remaining = [...pages].sort(byId);
  const placed = new Set<Page>();
  const order: Page[] = [];
  while (remaining.length) {
    const index = remaining.findIndex((page) => prerequisitesOf(page, site).every((id) => placed.has(site.page(id)!) || !pages.has(site.page(id)!)));
    const [page] = remaining.splice(Math.max(index, 0), 1);
    placed.add(page!);
    order.push(page!);
  }
  return order;
}

function describe(order: Page[], edges: DiagramEdge[], start: Page, hidden: number, site: SiteEdition): string {
  if (order.length === 1) return `${start.title} is highlighted; no page comes before or after it.`;
  const sentences = [`${start.title} is highlighted; the ${count(order.length - 1, 'other page')} shown come before or after it.`];
  const next = (page: Page) => edges.filter((edge) => edge.source === page.id).map((edge) => site.page(edge.target)!);
  const previousCount = (page: Page) => edges.filter((edge) => edge.target === page.id).length;
  const told = new Set<Page>();
  for (const page of order) {
    if (told.has(page) || !next(page).length) continue;
    // "A leads to B, which leads to C": a chain reads as one sentence, as long as it does not branch.
    let sentence = page.title;
    let current = page;
    for (;;) {
      told.add(current);
      const following = next(current);
      sentence += `${current === page ? '' : ', which'} leads to ${joinList(following.map((other) => other.title))}`;
      const [only] = following;
      if (following.length !== 1 || told.has(only!) || !next(only!).length || previousCount(only!) !== 1) break;
      current = only!;
    }
    sentences.push(`${sentence}.`);
  }
  if (hidden) sentences.push(`${count(hidden, 'more page')} further along ${hidden === 1 ? 'is' : 'are'} not shown.`);
  return sentences.join(' ');
}

function byId(a: Page, b: Page): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
