/**
 * The levels diagram: one competency's levels left to right, in the order of proficiency, with
 * an arrow from each to the next, and under each level the published initiatives that develop
 * the competency to it (a plain `develops` item counts as the first level).
 */
import { developedLevel, isInitiative, type Page, routeSequence, type SiteEdition } from '../../playbook/index.ts';
import { centredLines, type DiagramGroup, type DiagramNode, type DiagramSpec, type Drawing, groupLines, groupPadding, measureGroup, measureNode, type PlacedEdge, type PlacedGroup, type PlacedNode, textStyles } from './layout.ts';
import { joinList } from './text.ts';

const gutter = 40;
const nodeGap = 8;

/** Null when `competencyId` is not a published competency with levels. */
export function levelsDrawing(site: SiteEdition, competencyId: string): Drawing | null {
  const competency = site.competency(competencyId);
  if (!competency || competency.levels.length === 0) return null;
  const developers = site.developers(competency.id).filter(isInitiative).sort(inSequence);
  const groups: DiagramGroup[] = [];
  const nodes: DiagramNode[] = [];
  const sentences = [`${competency.name} has ${competency.levels.length} levels, in order of proficiency.`];
  for (const [index, level] of competency.levels.entries()) {
    const group = `level:${index}`;
    groups.push({ id: group, label: level.name, className: ['diagram-tone-competency'] });
    const pages = developers.filter((page) => developedLevel(page, competency) === index);
    for (const page of pages) nodes.push({ id: `${group}:${page.id}`, label: page.title, className: [`diagram-tone-${page.layer}`], href: site.pageUrl(page.id), group });
    if (!pages.length) nodes.push({ id: `${group}:none`, label: 'No initiative yet', className: ['diagram-route-gap'], group });
    sentences.push(pages.length ? `${level.name}: ${joinList(pages.map((page) => page.title))}.` : `${level.name}: no initiative develops it to this level.`);
  }
  const edges = groups.slice(1).map((group, index) => ({ source: groups[index]!.id, target: group.id }));
  const spec: DiagramSpec = { kind: 'levels', title: `Levels of ${competency.name} and the initiatives that develop each`, description: sentences.join(' '), nodes, groups, edges, directed: true };
  return columns(spec);
}

/** A column per level, all as wide as the widest, members stacked inside; arrows between labels. */
function columns(spec: DiagramSpec): Drawing {
  const members = spec.groups.map((group) => spec.nodes.filter((node) => node.group === group.id).map((node) => ({ node, ...measureNode(node) })));
  const labels = spec.groups.map(measureGroup);
  const inner = Math.max(...members.flat().map((member) => member.width), ...labels.map((label) => label.minimumWidth - 2 * groupPadding));
  const drawing: Drawing = { spec, width: 0, height: 0, groups: [], nodes: [], edges: [] };
  for (const [index, group] of spec.groups.entries()) {
    const x = index * (inner + 2 * groupPadding + gutter);
    const { lines, top } = labels[index]!;
    let y = top;
    for (const member of members[index]!) {
      const box = { x: x + groupPadding, y, width: inner, height: member.height };
      drawing.nodes.push({ ...box, node: member.node, lines: centredLines(box, member.lines, textStyles.node) } satisfies PlacedNode);
      y += member.height + nodeGap;
    }
    const box = { x, y: 0, width: inner + 2 * groupPadding, height: y - nodeGap + groupPadding };
    drawing.groups.push({ ...box, group, lines: groupLines(box, lines) } satisfies PlacedGroup);
  }
  drawing.edges = spec.edges.map((edge, index): PlacedEdge => {
    const [left, right] = [drawing.groups[index]!, drawing.groups[index + 1]!];
    const y = Math.round(left.y + groupPadding + textStyles.group.lineHeight / 2);
    return { edge, points: [{ x: left.x + left.width, y }, { x: right.x, y }] };
  });
  drawing.width = Math.max(0, ...drawing.groups.map((group) => group.x + group.width));
  drawing.height = Math.max(0, ...drawing.groups.map((group) => group.y + group.height));
  return drawing;
}

/** Internal, then external, then coaching, as the ecosystem's sequence reads; then by title. */
function inSequence(a: Page, b: Page): number {
  const rank = (page: Page) => (routeSequence as readonly string[]).indexOf(page.layer);
  return rank(a) - rank(b) || a.title.localeCompare(b.title, 'en');
}
