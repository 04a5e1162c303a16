/**
 * The route diagram: the steps to a role, top to bottom in the order the core's route gives
 * them, each numbered and linked to its page, coloured by layer, and after them any target no
 * initiative reaches. Stacked rather than laid out by ELK: a route is one sequence, and a
 * column reads on a phone without scrolling sideways.
 */
import type { SiteEdition } from '../../playbook/index.ts';
import { centredLines, type DiagramNode, type Drawing, type PlacedEdge, type PlacedNode, type TextStyle, wrapLabel } from './layout.ts';
import { count, joinList } from './text.ts';

/** Wider than a pathway's boxes: a route has one column, and titles read best on one line. */
const stepStyle: TextStyle = { size: 14, weight: 400, lineHeight: 18, maxWidth: 300 };
const padding = { x: 12, y: 8 };
const gap = 28;

/** Null when `roleId` is not a published role of this edition. */
export function routeDrawing(site: SiteEdition, roleId: string): Drawing | null {
  const role = site.role(roleId);
  const planned = site.roleRoute(roleId);
  if (!role || !planned) return null;
  const { route, from } = planned;
  const levelName = (competency: string, level: number) => site.competency(competency)?.levels[level]?.name ?? '';
  const nodes: DiagramNode[] = route.steps.map((step, index) => {
    const page = step.initiative.page;
    return { id: page.id, label: `${index + 1}. ${page.title}`, className: [`diagram-tone-${page.layer}`], href: site.pageUrl(page.id) };
  });
  for (const target of route.unreachable) {
    const name = site.competency(target.competency)?.name ?? target.competency;
    nodes.push({ id: `gap:${target.competency}`, label: `Not reached: ${name} at ${levelName(target.competency, target.level)}`, className: ['diagram-route-gap'] });
  }
  const start = from ? `From the levels a ${from.name.toLowerCase()} needs, the` : 'The';
  const steps = route.steps.map((step) => step.initiative.page.title);
  const sentences = [steps.length ? `${start} route to ${role.name} takes ${count(steps.length, 'step')}: ${steps.join(', then ')}.` : `${start} route to ${role.name} needs no initiative: every target is already met.`];
  if (route.unreachable.length) {
    const gaps = route.unreachable.map((target) => `${site.competency(target.competency)?.name ?? target.competency} at ${levelName(target.competency, target.level)}`);
    sentences.push(`No initiative develops ${joinList(gaps)}.`);
  }
  const spec = { kind: 'route' as const, title: `Route to ${role.name}`, description: sentences.join(' '), nodes, groups: [], edges: [], directed: true };
  return stack(spec, route.steps.length);
}

/** One column of boxes of equal width; an arrow joins each step to the next. */
function stack(spec: Drawing['spec'], linkedSteps: number): Drawing {
  const measured = spec.nodes.map((node) => {
    const lines = wrapLabel(node.label, stepStyle);
    return { node, lines, height: lines.length * stepStyle.lineHeight + 2 * padding.y, width: Math.ceil(Math.max(...lines.map((line) => line.width))) + 2 * padding.x };
  });
  const width = Math.max(0, ...measured.map((item) => item.width));
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  let y = 0;
  for (const [index, item] of measured.entries()) {
    const box = { x: 0, y, width, height: item.height };
    nodes.push({ ...box, node: item.node, lines: centredLines(box, item.lines, stepStyle) });
    if (index > 0 && index < linkedSteps) {
      const above = nodes[index - 1]!;
      edges.push({ edge: { source: above.node.id, target: item.node.id }, points: [{ x: width / 2, y: above.y + above.height }, { x: width / 2, y }] });
    }
    y += item.height + gap;
  }
  spec.edges = edges.map((placed) => placed.edge);
  return { spec, width, height: Math.max(0, y - gap), groups: [], nodes, edges };
}
