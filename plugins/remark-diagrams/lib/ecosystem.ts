/**
 * The ecosystem diagram: the competency clusters in the middle, internal initiatives to their
 * left, external and coaching initiatives to their right, a line for each `develops`. Past a
 * few dozen initiatives, lines to single pages become a hairball, so each layer then shows one
 * count per cluster, linking to the layer's list.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { type Cluster, clusters, type Competency, initiativeLayers, type Layer, type Page, type SiteEdition } from '../../playbook/index.ts';
import { layoutColumns } from './columns.ts';
import { legend } from './compact.ts';
import type { DiagramEdge, DiagramGroup, DiagramNode, DiagramSpec, Drawing } from './layout.ts';
import { capitalise, count, joinList } from './text.ts';

interface Ecosystem {
  site: SiteEdition;
  initiatives: Map<Layer, Page[]>;
  clusters: Map<Cluster, Competency[]>;
  /** The published competencies each initiative develops, without repeats. */
  develops: Map<Page, Competency[]>;
}

/** Internal initiatives on the left, the clusters in the middle, external then coaching on the right. */
export function ecosystemDrawing(site: SiteEdition, aggregateAbove: number): Drawing {
  const spec = ecosystemSpec(site, aggregateAbove);
  const clusterIds = spec.groups.filter((group) => group.id.startsWith('cluster:')).map((group) => group.id);
  return layoutColumns(spec, { columns: [['layer:internal'], clusterIds, ['layer:external', 'layer:coaching']], centre: 1 });
}

export function ecosystemSpec(site: SiteEdition, aggregateAbove: number): DiagramSpec {
  const ecosystem = readEcosystem(site);
  const total = [...ecosystem.initiatives.values()].reduce((sum, pages) => sum + pages.length, 0);
  const spec = total > aggregateAbove ? aggregatedSpec(ecosystem) : detailedSpec(ecosystem);
  return { ...spec, kind: 'ecosystem', title: 'The development ecosystem: initiatives and the competencies they develop', directed: false, highlight: true };
}

/**
 * The compact variant: one column per layer, as the drawing has them, each initiative with
 * what it develops, and the catalogue's clusters in the middle. It reflows to any width.
 */
export function ecosystemColumns(spec: DiagramSpec): Element {
  const names = new Map(spec.nodes.map((node) => [node.id, node.label]));
  const column = (group: DiagramGroup, items: Element[]) =>
    h('div', { className: ['diagram-column', ...group.className] }, [
      h('p', { className: ['diagram-column-title'] }, group.href ? h('a', { href: group.href }, group.label) : group.label),
      h('ul', items),
    ]);
  const initiatives = (group: DiagramGroup) =>
    column(group, spec.nodes.filter((node) => node.group === group.id).map((node) => {
      const developed = spec.edges.filter((edge) => edge.source === node.id).flatMap((edge) => names.get(edge.target) ?? []);
      return h('li', [
        h('a', { href: node.href, ...(node.linkLabel ? { ariaLabel: node.linkLabel } : {}) }, node.label),
        ...(developed.length ? [h('span', { className: ['diagram-develops'] }, `Develops ${joinList(developed)}`)] : []),
      ]);
    }));
  const clusterGroups = spec.groups.filter((group) => group.id.startsWith('cluster:'));
  const catalogue = h('div', { className: ['diagram-column', 'diagram-tone-competency'] }, [
    h('p', { className: ['diagram-column-title'] }, 'Competencies'),
    h('ul', clusterGroups.map((group) => h('li', [
      h('span', { className: ['diagram-cluster'] }, group.label),
      h('ul', spec.nodes.filter((node) => node.group === group.id).map((node) => h('li', [h('a', { href: node.href }, node.label)]))),
    ]))),
  ]);
  const layerGroups = spec.groups.filter((group) => group.id.startsWith('layer:'));
  const [internal, ...others] = layerGroups.map((group) => ({ group, element: initiatives(group) }));
  const ordered = internal?.group.id === 'layer:internal' ? [internal.element, catalogue, ...others.map((entry) => entry.element)] : [catalogue, ...[internal, ...others].flatMap((entry) => (entry ? [entry.element] : []))];
  return h('div', { className: ['diagram-columns'] }, ordered);
}

/** The colour of each layer's lines. */
export function ecosystemLegend(spec: DiagramSpec): Element[] {
  const layers = spec.groups.filter((group) => group.id.startsWith('layer:'));
  const items = legend(layers.map((group) => ({ className: [...group.className, 'diagram-swatch-line'], label: group.label.replace(/ \(\d+\)$/, '') })));
  const hint = h('p', { className: ['diagram-hint'] }, 'Point at or tab to an initiative or a competency to pick out its lines.');
  return [...(items as Element[]), hint];
}

function readEcosystem(site: SiteEdition): Ecosystem {
  const initiatives = new Map(initiativeLayers.map((layer) => [layer, site.pagesInLayer(layer)]));
  const byCluster = new Map<Cluster, Competency[]>();
  for (const cluster of clusters) {
    const members = site.competencies.filter((competency) => competency.cluster === cluster).sort((a, b) => a.name.localeCompare(b.name, 'en') || compare(a.id, b.id));
    if (members.length) byCluster.set(cluster, members);
  }
  const develops = new Map<Page, Competency[]>();
  for (const page of [...initiatives.values()].flat()) {
    const ids = [...new Set(page.develops)];
    develops.set(page, ids.flatMap((id) => site.competency(id) ?? []));
  }
  return { site, initiatives, clusters: byCluster, develops };
}

function detailedSpec(ecosystem: Ecosystem): Omit<DiagramSpec, 'kind' | 'title' | 'directed'> {
  const { site } = ecosystem;
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  for (const [layer, pages] of ecosystem.initiatives) {
    for (const page of pages) {
      nodes.push({ id: `page:${page.id}`, label: page.title, className: [`diagram-tone-${layer}`], href: site.pageUrl(page.id), group: `layer:${layer}` });
      for (const competency of ecosystem.develops.get(page)!) {
        edges.push({ source: `page:${page.id}`, target: `competency:${competency.id}`, className: [`diagram-tone-${layer}`] });
      }
    }
  }
  nodes.push(...competencyNodes(ecosystem));
  const sentences = [summary(ecosystem)];
  for (const [layer, pages] of ecosystem.initiatives) {
    if (!pages.length) continue;
    const clauses = pages.map((page) => {
      const developed = ecosystem.develops.get(page)!.map((competency) => competency.name);
      return `${page.title} ${developed.length ? `develops ${joinList(developed)}` : 'develops no competency of the catalogue'}`;
    });
    sentences.push(`${capitalise(layer)} initiatives: ${clauses.join('; ')}.`);
  }
  return { description: [...sentences, ...uncovered(ecosystem)].join(' '), nodes, groups: groups(ecosystem), edges };
}

function aggregatedSpec(ecosystem: Ecosystem): Omit<DiagramSpec, 'kind' | 'title' | 'directed'> {
  const { site } = ecosystem;
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const sentences = [summary(ecosystem)];
  for (const [layer, pages] of ecosystem.initiatives) {
    const clauses: string[] = [];
    for (const cluster of ecosystem.clusters.keys()) {
      const n = pages.filter((page) => ecosystem.develops.get(page)!.some((competency) => competency.cluster === cluster)).length;
      if (!n) continue;
      const id = `count:${layer}:${cluster}`;
      const linkLabel = `${count(n, `${layer} initiative`)} ${n === 1 ? 'develops' : 'develop'} ${cluster} competencies`;
      nodes.push({ id, label: `${n} ${n === 1 ? 'develops' : 'develop'} ${cluster}`, linkLabel, className: [`diagram-tone-${layer}`], href: site.layerUrl(layer), group: `layer:${layer}` });
      edges.push({ source: id, target: `cluster:${cluster}`, className: [`diagram-tone-${layer}`] });
      clauses.push(`${n} develop ${cluster} competencies`);
    }
    if (clauses.length) sentences.push(`${capitalise(layer)} initiatives: ${clauses.join(', ')}.`);
  }
  nodes.push(...competencyNodes(ecosystem));
  return { description: [...sentences, ...uncovered(ecosystem)].join(' '), nodes, groups: groups(ecosystem, true), edges };
}

/** Layer boxes around the initiatives, cluster boxes around the competencies, in reading order. */
function groups(ecosystem: Ecosystem, withCounts = false): DiagramGroup[] {
  const layerGroup = (layer: Layer): DiagramGroup[] => {
    const pages = ecosystem.initiatives.get(layer)!;
    if (!pages.length) return [];
    const label = `${capitalise(layer)} initiatives${withCounts ? ` (${pages.length})` : ''}`;
    return [{ id: `layer:${layer}`, label, className: [`diagram-tone-${layer}`], href: ecosystem.site.layerUrl(layer) }];
  };
  const clusterGroups = [...ecosystem.clusters.keys()].map((cluster) => ({ id: `cluster:${cluster}`, label: capitalise(cluster), className: ['diagram-tone-competency'] }));
  return [...layerGroup('internal'), ...clusterGroups, ...layerGroup('external'), ...layerGroup('coaching')];
}

function competencyNodes(ecosystem: Ecosystem): DiagramNode[] {
  return [...ecosystem.clusters].flatMap(([cluster, members]) =>
    members.map((competency) => ({ id: `competency:${competency.id}`, label: competency.name, className: ['diagram-tone-competency'], href: ecosystem.site.competencyUrl(competency.id), group: `cluster:${cluster}` })),
  );
}

function summary(ecosystem: Ecosystem): string {
  const pages = [...ecosystem.initiatives.values()].flat();
  const competencies = [...ecosystem.clusters.values()].flat();
  const covered = new Set([...ecosystem.develops.values()].flat());
  const byLayer = [...ecosystem.initiatives].filter(([, layerPages]) => layerPages.length).map(([layer, layerPages]) => `${layerPages.length} ${layer}`);
  const who = pages.length ? `${joinList(byLayer)} initiatives` : 'No initiatives';
  return `${who} develop ${covered.size} of the ${count(competencies.length, 'competency', 'competencies')} in the catalogue, grouped in ${count(ecosystem.clusters.size, 'cluster')}.`;
}

function uncovered(ecosystem: Ecosystem): string[] {
  const covered = new Set([...ecosystem.develops.values()].flat());
  const names = [...ecosystem.clusters.values()].flat().filter((competency) => !covered.has(competency)).map((competency) => competency.name);
  return names.length ? [`No initiative develops ${joinList(names)}.`] : [];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
