/**
 * Lays out any diagram with ELK's layered algorithm: labels are wrapped and measured first,
 * so that ELK sizes every box, group and edge label from real text and nothing overlaps.
 */
import type { ELK as ElkEngine, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk.bundled.js';
import { capHeight, measureText, wrapText } from './measure.ts';

export interface DiagramNode {
  /** Unique within its diagram. */
  id: string;
  label: string;
  /** Classes besides `diagram-node`, such as its tone: `diagram-tone-internal`. */
  className: string[];
  href?: string;
  /** Name of the link for assistive technology, when the label alone would be ambiguous. */
  linkLabel?: string;
  /** Drawn heavier, with bold text: the page a pathway is about. */
  current?: boolean;
  /** Id of the group drawn around the node. */
  group?: string;
}

export interface DiagramGroup {
  id: string;
  label: string;
  className: string[];
  href?: string;
}

export interface DiagramEdge {
  /** A node id, or a group id for an edge that concerns the whole group. */
  source: string;
  target: string;
  label?: string;
}

export interface DiagramSpec {
  kind: 'ecosystem' | 'pathway' | 'framework' | 'route' | 'levels';
  title: string;
  /** The diagram told in sentences, for `<desc>`. */
  description: string;
  nodes: DiagramNode[];
  groups: DiagramGroup[];
  edges: DiagramEdge[];
  /** Arrowheads show an order; ecosystem lines only pair initiatives with competencies. */
  directed: boolean;
  /**
   * Size every box for bold text, so that which node is highlighted does not change the layout
   * and the pages of one pathway can share it. Default: false.
   */
  boxesFitBold?: boolean;
}

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

/** One line of a label: `x` is where it is anchored (its centre, or its start for groups). */
export interface TextLine extends Point {
  text: string;
  width: number;
}

export interface PlacedNode extends Box {
  node: DiagramNode;
  lines: TextLine[];
}

export interface PlacedGroup extends Box {
  group: DiagramGroup;
  lines: TextLine[];
}

export interface PlacedEdge {
  edge: DiagramEdge;
  /** A polyline; with `curved`, two points joined by a horizontal S-curve. */
  points: Point[];
  curved?: boolean;
  label?: Box & { lines: TextLine[] };
}

export interface Drawing {
  spec: DiagramSpec;
  width: number;
  height: number;
  groups: PlacedGroup[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export interface TextStyle {
  size: number;
  weight: number;
  lineHeight: number;
  /** Widest a line may be before it wraps. */
  maxWidth: number;
}

/** Sizes in px; src/styles/diagrams.css states the same sizes for the text of every diagram. */
export const textStyles = {
  node: { size: 14, weight: 400, lineHeight: 18, maxWidth: 168 },
  current: { size: 14, weight: 600, lineHeight: 18, maxWidth: 168 },
  group: { size: 14, weight: 600, lineHeight: 18, maxWidth: 240 },
  edge: { size: 12, weight: 400, lineHeight: 16, maxWidth: 120 },
} satisfies Record<string, TextStyle>;

const nodePadding = { x: 12, y: 8 };
export const groupPadding = 12;
const edgeLabelPadding = { x: 4, y: 1 };

const rootOptions: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.spacing.nodeNode': '16',
  'elk.spacing.edgeNode': '12',
  'elk.spacing.edgeEdge': '8',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/**
 * ELK is loaded on the first layout, not on import: the checker (which imports this plugin's
 * checks) and sites without pathway or framework diagrams never pay for its half-second load.
 */
let elk: Promise<ElkEngine> | undefined;
function elkEngine(): Promise<ElkEngine> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk;
}

/** Places every node, group and edge of `spec`; coordinates are whole pixels from the top left. */
export async function layoutDiagram(spec: DiagramSpec): Promise<Drawing> {
  const labels = new Map<string, TextLine[]>();
  const graph = elkGraph(spec, labels);
  const result = await (await elkEngine()).layout(graph);
  const offsets = new Map<string, Point>([['root', { x: 0, y: 0 }]]);
  const drawing: Drawing = { spec, width: Math.ceil(result.width ?? 0), height: Math.ceil(result.height ?? 0), groups: [], nodes: [], edges: [] };
  placeChildren(result, { x: 0, y: 0 }, spec, labels, offsets, drawing);
  for (const [index, edge] of (result.edges ?? []).entries()) drawing.edges.push(placeEdge(edge, spec.edges[index]!, labels, offsets));
  return drawing;
}

/** Lines of `text` wrapped to `style`, each with its measured width; positions are filled in later. */
export function wrapLabel(text: string, style: TextStyle): TextLine[] {
  return wrapText(text, style.maxWidth, style.size, style.weight).map((line) => ({ text: line, x: 0, y: 0, width: measureText(line, style.size, style.weight) }));
}

function elkGraph(spec: DiagramSpec, labels: Map<string, TextLine[]>): ElkNode {
  const groupIds = new Set(spec.groups.map((group) => group.id));
  const compounds = new Map<string, ElkNode>();
  const root: ElkNode = { id: 'root', layoutOptions: { ...rootOptions, 'elk.hierarchyHandling': spec.groups.length ? 'INCLUDE_CHILDREN' : 'SEPARATE_CHILDREN' }, children: [] };
  for (const [index, group] of spec.groups.entries()) {
    const { lines, top, minimumWidth } = measureGroup(group);
    labels.set(`g${index}`, lines);
    const compound: ElkNode = {
      id: `g${index}`,
      children: [],
      layoutOptions: {
        'elk.padding': `[top=${top},left=${groupPadding},bottom=${groupPadding},right=${groupPadding}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${minimumWidth},${top + groupPadding})`,
      },
    };
    compounds.set(group.id, compound);
    root.children!.push(compound);
  }
  for (const [index, node] of spec.nodes.entries()) {
    const { lines, width, height } = measureNode(node, spec.boxesFitBold);
    labels.set(`n${index}`, lines);
    const parent = node.group && groupIds.has(node.group) ? compounds.get(node.group)! : root;
    parent.children!.push({ id: `n${index}`, width, height });
  }
  const ids = elkIds(spec);
  root.edges = spec.edges.map((edge, index) => elkEdge(edge, index, ids, labels));
  return root;
}

/** A node's wrapped label and the box that fits it. */
export function measureNode(node: DiagramNode, fitBold = false): { lines: TextLine[]; width: number; height: number } {
  const style = node.current || fitBold ? textStyles.current : textStyles.node;
  const lines = wrapLabel(node.label, style);
  const width = Math.ceil(Math.max(...lines.map((line) => line.width))) + 2 * nodePadding.x;
  return { lines, width, height: lines.length * style.lineHeight + 2 * nodePadding.y };
}

/** A group's wrapped label, the padding above its members, and the narrowest box that fits the label. */
export function measureGroup(group: DiagramGroup): { lines: TextLine[]; top: number; minimumWidth: number } {
  const lines = wrapLabel(group.label, textStyles.group);
  const top = groupPadding + lines.length * textStyles.group.lineHeight + groupPadding;
  return { lines, top, minimumWidth: Math.ceil(Math.max(...lines.map((line) => line.width))) + 2 * groupPadding };
}

function elkIds(spec: DiagramSpec): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [index, group] of spec.groups.entries()) ids.set(group.id, `g${index}`);
  for (const [index, node] of spec.nodes.entries()) ids.set(node.id, `n${index}`);
  return ids;
}

function elkEdge(edge: DiagramEdge, index: number, ids: Map<string, string>, labels: Map<string, TextLine[]>): ElkExtendedEdge {
  const elkEdge: ElkExtendedEdge = { id: `e${index}`, sources: [ids.get(edge.source)!], targets: [ids.get(edge.target)!] };
  if (edge.label) {
    const lines = wrapLabel(edge.label, textStyles.edge);
    labels.set(`e${index}`, lines);
    const width = Math.ceil(Math.max(...lines.map((line) => line.width))) + 2 * edgeLabelPadding.x;
    // ELK leaves a label without `text` unplaced, whatever its size.
    elkEdge.labels = [{ id: `e${index}-label`, text: edge.label, width, height: lines.length * textStyles.edge.lineHeight + 2 * edgeLabelPadding.y }];
  }
  return elkEdge;
}

function placeChildren(parent: ElkNode, origin: Point, spec: DiagramSpec, labels: Map<string, TextLine[]>, offsets: Map<string, Point>, drawing: Drawing): void {
  for (const child of parent.children ?? []) {
    const box = roundBox(origin, child);
    const index = Number(child.id.slice(1));
    if (child.id.startsWith('g')) {
      offsets.set(child.id, { x: origin.x + (child.x ?? 0), y: origin.y + (child.y ?? 0) });
      drawing.groups.push({ ...box, group: spec.groups[index]!, lines: groupLines(box, labels.get(child.id)!) });
      placeChildren(child, offsets.get(child.id)!, spec, labels, offsets, drawing);
    } else {
      const node = spec.nodes[index]!;
      drawing.nodes.push({ ...box, node, lines: centredLines(box, labels.get(child.id)!, node.current ? textStyles.current : textStyles.node) });
    }
  }
}

function placeEdge(edge: ElkExtendedEdge, spec: DiagramEdge, labels: Map<string, TextLine[]>, offsets: Map<string, Point>): PlacedEdge {
  // ELK gives edge coordinates relative to the group that contains the edge.
  const origin = offsets.get((edge as { container?: string }).container ?? 'root') ?? { x: 0, y: 0 };
  const points: Point[] = [];
  for (const section of edge.sections ?? []) {
    for (const point of [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]) {
      points.push({ x: Math.round(origin.x + point.x), y: Math.round(origin.y + point.y) });
    }
  }
  const placed: PlacedEdge = { edge: spec, points };
  const label = edge.labels?.[0];
  if (label) {
    const box = roundBox(origin, label);
    placed.label = { ...box, lines: centredLines(box, labels.get(edge.id)!, textStyles.edge) };
  }
  return placed;
}

function roundBox(origin: Point, shape: { x?: number; y?: number; width?: number; height?: number }): Box {
  return {
    x: Math.round(origin.x + (shape.x ?? 0)),
    y: Math.round(origin.y + (shape.y ?? 0)),
    width: Math.round(shape.width ?? 0),
    height: Math.round(shape.height ?? 0),
  };
}

/** Centred in `box`, each baseline placed so that capitals sit in the middle of their line. */
export function centredLines(box: Box, lines: TextLine[], style: TextStyle): TextLine[] {
  const top = box.y + (box.height - lines.length * style.lineHeight) / 2;
  return lines.map((line, index) => ({ ...line, x: box.x + box.width / 2, y: round1(baseline(top, index, style)) }));
}

export function groupLines(box: Box, lines: TextLine[]): TextLine[] {
  return lines.map((line, index) => ({ ...line, x: box.x + groupPadding, y: round1(baseline(box.y + groupPadding, index, textStyles.group)) }));
}

function baseline(top: number, index: number, style: TextStyle): number {
  return top + index * style.lineHeight + (style.lineHeight + capHeight() * style.size) / 2;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
