/**
 * Draws a laid-out diagram as inline SVG. Colours come only from classes
 * (src/styles/diagrams.css), text is real `<text>` so that search indexes it, and every value
 * from the playbook passes through hastscript, which escapes it.
 */
import type { Element, ElementContent } from 'hast';
import { type Properties, s } from 'hastscript';
import { type Drawing, type PlacedEdge, type PlacedGroup, type PlacedNode, type TextLine, textStyles } from './layout.ts';

/** Room around the drawing for strokes that straddle the outermost boxes. */
const margin = 4;
export const fontFamily = 'Inter, system-ui, sans-serif';

/** The SVG's natural width, margin included. */
export function svgWidth(drawing: Drawing): number {
  return drawing.width + 2 * margin;
}

/**
 * The SVG of one laid-out diagram, drawn at its natural size (the site's CSS may shrink it to
 * fit). `id` must be unique in the page; the title, description and arrowhead ids derive from it.
 */
export function drawingToSvg(drawing: Drawing, id: string): Element {
  const { spec } = drawing;
  const linked = [...drawing.nodes, ...drawing.groups].some((placed) => 'node' in placed ? placed.node.href : placed.group.href);
  const width = drawing.width + 2 * margin;
  const height = drawing.height + 2 * margin;
  // Links inside `role="img"` would be hidden from screen readers yet still take focus, so a
  // diagram with links is a labelled group whose links are read out by their text.
  const labelling = linked
    ? { role: 'group', ariaLabelledBy: `${id}-title`, ariaDescribedBy: `${id}-desc` }
    : { role: 'img', ariaLabelledBy: `${id}-title ${id}-desc` };
  const arrowId = spec.directed ? id : null;
  return s('svg', { className: ['diagram-svg'], width, height, viewBox: `0 0 ${width} ${height}`, fontFamily, fontSize: textStyles.node.size, ...labelling }, [
    s('title', { id: `${id}-title` }, spec.title),
    s('desc', { id: `${id}-desc` }, spec.description),
    ...(arrowId ? [arrowhead(arrowId)] : []),
    s('g', { transform: `translate(${margin} ${margin})` }, [
      ...layer({ className: ['diagram-groups'] }, drawing.groups.map(drawGroup)),
      ...(spec.highlight
        ? layer({ className: ['diagram-stars'] }, drawStars(drawing, arrowId))
        : [
            ...layer({ className: ['diagram-edges'], ariaHidden: 'true' }, drawing.edges.map((edge) => drawEdge(edge, arrowId))),
            ...layer({ className: ['diagram-edge-labels'], fontSize: textStyles.edge.size }, drawing.edges.flatMap(drawEdgeLabel)),
            ...layer({ className: ['diagram-nodes'] }, drawing.nodes.map(drawNode)),
          ]),
    ]),
  ]);
}

/**
 * Each node in a `<g>` with its own lines, so that CSS alone can pick them out when the node
 * is hovered or focused (`:has()`). A line belongs to its source; its target holds a hidden
 * copy (an echo) that shows only while the target is picked out. Nodes with lines of their
 * own come first, so the ends of every line lie under the boxes drawn after them.
 */
function drawStars(drawing: Drawing, arrowId: string | null): Element[] {
  const outgoing = new Map<string, PlacedEdge[]>();
  const incoming = new Map<string, PlacedEdge[]>();
  for (const edge of drawing.edges) {
    outgoing.set(edge.edge.source, [...(outgoing.get(edge.edge.source) ?? []), edge]);
    incoming.set(edge.edge.target, [...(incoming.get(edge.edge.target) ?? []), edge]);
  }
  const order = [...drawing.nodes].sort((a, b) => Number(!outgoing.has(a.node.id)) - Number(!outgoing.has(b.node.id)));
  return order.map((placed) => s('g', { className: ['diagram-star'] }, [
    ...(outgoing.get(placed.node.id) ?? []).map((edge) => drawEdge(edge, arrowId)),
    ...(incoming.get(placed.node.id) ?? []).map((edge) => drawEdge(edge, arrowId, ['diagram-edge-echo'])),
    drawNode(placed),
  ]));
}

/** A `<g>` of one kind of element, drawn in order: groups under edges under nodes. Left out when empty. */
function layer(properties: Properties, children: Element[]): Element[] {
  return children.length ? [s('g', properties, children)] : [];
}

function arrowhead(id: string): Element {
  return s('defs', [
    s('marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto' }, [
      s('path', { className: ['diagram-arrowhead'], d: 'M0,0L10,5L0,10z' }),
    ]),
  ]);
}

function drawGroup(placed: PlacedGroup): Element {
  const { group } = placed;
  const label = textLines(placed.lines, 'start');
  return s('g', { className: ['diagram-group', ...group.className] }, [
    s('rect', { className: ['diagram-group-box'], x: placed.x, y: placed.y, width: placed.width, height: placed.height, rx: 6 }),
    group.href ? s('a', { href: group.href, className: ['diagram-group-label'] }, label) : s('g', { className: ['diagram-group-label'] }, label),
  ]);
}

function drawNode(placed: PlacedNode): Element {
  const { node } = placed;
  const className = ['diagram-node', ...node.className, ...(node.current ? ['diagram-node-current'] : [])];
  const content = [
    s('rect', { className: ['diagram-node-box'], x: placed.x, y: placed.y, width: placed.width, height: placed.height, rx: 4 }),
    ...textLines(placed.lines, 'middle'),
  ];
  const weight = node.current ? { fontWeight: textStyles.current.weight } : {};
  if (!node.href) return s('g', { className, ...weight }, content);
  return s('a', { href: node.href, className, ...weight, ...(node.linkLabel ? { ariaLabel: node.linkLabel } : {}) }, content);
}

function drawEdge(placed: PlacedEdge, arrowId: string | null, extra: string[] = []): Element {
  const d = placed.curved ? sCurve(placed.points) : placed.points.map((point, index) => `${index ? 'L' : 'M'}${point.x} ${point.y}`).join('');
  return s('path', { className: ['diagram-edge', ...(placed.edge.className ?? []), ...extra], d, ...(arrowId ? { markerEnd: `url(#${arrowId}-arrow)` } : {}) });
}

/** Leaves and arrives horizontally, so that it never bends back over the boxes it joins. */
function sCurve(points: PlacedEdge['points']): string {
  const [from, to] = [points[0]!, points.at(-1)!];
  const middle = (from.x + to.x) / 2;
  return `M${from.x} ${from.y}C${middle} ${from.y} ${middle} ${to.y} ${to.x} ${to.y}`;
}

function drawEdgeLabel(placed: PlacedEdge): Element[] {
  const { label } = placed;
  if (!label) return [];
  return [
    s('g', { className: ['diagram-edge-label'] }, [
      s('rect', { className: ['diagram-edge-label-box'], x: label.x, y: label.y, width: label.width, height: label.height, rx: 2 }),
      ...textLines(label.lines, 'middle'),
    ]),
  ];
}

/**
 * One `<text>` per line, with a line break between them: SVG ignores it, but text extraction
 * (search, accessible names) then reads "Leadership lab", not "Leadershiplab".
 */
function textLines(lines: TextLine[], anchor: 'start' | 'middle'): ElementContent[] {
  const texts: ElementContent[] = [];
  for (const [index, line] of lines.entries()) {
    if (index) texts.push({ type: 'text', value: '\n' });
    texts.push(s('text', { x: line.x, y: line.y, ...(anchor === 'middle' ? { textAnchor: 'middle' } : {}) }, line.text));
  }
  return texts;
}
