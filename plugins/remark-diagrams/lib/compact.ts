/**
 * Compact variants, for screens too narrow for a drawing to stay readable: HTML that reflows to
 * any width. A directed diagram becomes numbered steps, each holding the nodes that come at
 * that point of the sequence; a legend names the colours.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { DiagramNode, DiagramSpec } from './layout.ts';

/**
 * Step n holds the nodes whose longest chain of predecessors has n - 1 links: a pathway's
 * prerequisites come in earlier steps than the pages that need them.
 */
export function stepsList(spec: DiagramSpec): Element {
  const ids = new Set(spec.nodes.map((node) => node.id));
  const before = new Map<string, string[]>(spec.nodes.map((node) => [node.id, []]));
  for (const edge of spec.edges) if (ids.has(edge.source) && ids.has(edge.target)) before.get(edge.target)!.push(edge.source);
  const ranks = new Map<string, number>();
  const rankOf = (id: string, visiting: Set<string>): number => {
    const known = ranks.get(id);
    if (known !== undefined) return known;
    // A cycle (which the checker refuses in pathways, and frameworks may draw) stops the count.
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const rank = 1 + Math.max(-1, ...before.get(id)!.map((other) => rankOf(other, visiting)));
    visiting.delete(id);
    ranks.set(id, rank);
    return rank;
  };
  const steps: DiagramNode[][] = [];
  for (const node of spec.nodes) (steps[rankOf(node.id, new Set())] ??= []).push(node);
  return h('ol', { className: ['diagram-steps'] }, steps.filter(Boolean).map((nodes) => h('li', [h('ul', { className: ['diagram-step'] }, nodes.map(chip))])));
}

export function chip(node: DiagramNode): Element {
  const className = ['diagram-chip', ...node.className, ...(node.current ? ['diagram-chip-current'] : [])];
  const label: ElementContent = node.href ? h('a', { href: node.href, ...(node.linkLabel ? { ariaLabel: node.linkLabel } : {}) }, node.label) : { type: 'text', value: node.label };
  return h('li', { className }, node.current ? [h('strong', [label])] : [label]);
}

/** What each colour stands for; nothing when there is only one. */
export function legend(items: { className: string[]; label: string }[]): ElementContent[] {
  if (items.length < 2) return [];
  return [
    h('ul', { className: ['diagram-legend'] }, items.map((item) => h('li', [h('span', { className: ['diagram-swatch', ...item.className], ariaHidden: 'true' }), item.label]))),
  ];
}

/** The legend of a spec's groups, in their order. */
export function groupLegend(spec: DiagramSpec): ElementContent[] {
  return legend(spec.groups.map((group) => ({ className: group.className, label: group.label })));
}
