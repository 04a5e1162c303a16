/**
 * Lays out a diagram whose shape is fixed in advance, the ecosystem: columns of stacked groups,
 * with every edge joining a side column to the centre one. Each edge is an S-curve inside the
 * gutter between two columns, so it can never cross a box, and side nodes are ordered by the
 * mean height of what they connect to, which keeps curves short and crossings few. ELK's
 * layered algorithm, tried first, routed these edges through the layer boxes and took seconds.
 */
import { centredLines, type DiagramNode, type DiagramSpec, type Drawing, groupLines, groupPadding, measureGroup, measureNode, type PlacedEdge, type PlacedGroup, type PlacedNode, textStyles } from './layout.ts';

export interface ColumnPlan {
  /** Group ids, column by column from the left, each column top to bottom. */
  columns: string[][];
  /** Index of the column every edge leads to. */
  centre: number;
}

const gutter = 128;
const nodeGap = 8;
const groupGap = 24;

interface Column {
  x: number;
  /** Width of every node box in the column, so that boxes line up. */
  inner: number;
  groups: string[];
}

export function layoutColumns(spec: DiagramSpec, plan: ColumnPlan): Drawing {
  const members = new Map<string, DiagramNode[]>(spec.groups.map((group) => [group.id, []]));
  for (const node of spec.nodes) if (node.group) members.get(node.group)?.push(node);
  const columns = measureColumns(spec, plan, members);
  const drawing: Drawing = { spec, width: 0, height: 0, groups: [], nodes: [], edges: [] };
  const centres = new Map<string, number>();
  const boxes = new Map<string, PlacedNode | PlacedGroup>();
  const place = (column: Column, groups: string[], order: (nodes: DiagramNode[]) => DiagramNode[], top: (height: number, nodes: DiagramNode[]) => number) => {
    let bottom = -groupGap;
    for (const groupId of groups) {
      const nodes = order(members.get(groupId) ?? []);
      if (!nodes.length) continue;
      const height = stackHeight(groupId, nodes, spec);
      const y = Math.round(Math.max(bottom + groupGap, top(height, nodes)));
      placeGroup(spec, groupId, nodes, { x: column.x, y, width: column.inner + 2 * groupPadding, height }, drawing, boxes, centres);
      bottom = y + height;
    }
  };
  const centre = columns[plan.centre]!;
  place(centre, centre.groups, (nodes) => nodes, () => 0);
  for (const [index, column] of columns.entries()) {
    if (index === plan.centre) continue;
    const wanted = (node: DiagramNode) => mean(neighbours(spec, node.id).flatMap((id) => centres.get(id) ?? []));
    const order = (nodes: DiagramNode[]) => nodes.map((node) => ({ node, y: wanted(node) })).sort((a, b) => (a.y === b.y ? 0 : a.y < b.y ? -1 : 1)).map((entry) => entry.node);
    const top = (height: number, nodes: DiagramNode[]) => {
      const ys = nodes.map(wanted).filter(Number.isFinite);
      return ys.length ? mean(ys) - height / 2 : 0;
    };
    place(column, column.groups, order, top);
  }
  drawing.width = Math.max(0, ...drawing.groups.map((group) => group.x + group.width));
  drawing.height = Math.max(0, ...drawing.groups.map((group) => group.y + group.height));
  drawing.edges = spec.edges.flatMap((edge) => curve(edge, boxes));
  return drawing;
}

function measureColumns(spec: DiagramSpec, plan: ColumnPlan, members: Map<string, DiagramNode[]>): Column[] {
  let x = 0;
  return plan.columns.map((groups) => {
    const widths = groups.flatMap((groupId) => {
      const group = spec.groups.find((candidate) => candidate.id === groupId);
      const labelWidth = group ? measureGroup(group).minimumWidth - 2 * groupPadding : 0;
      return [labelWidth, ...(members.get(groupId) ?? []).map((node) => measureNode(node).width)];
    });
    const column = { x, inner: Math.max(0, ...widths), groups };
    x += column.inner + 2 * groupPadding + gutter;
    return column;
  });
}

function stackHeight(groupId: string, nodes: DiagramNode[], spec: DiagramSpec): number {
  const group = spec.groups.find((candidate) => candidate.id === groupId)!;
  const heights = nodes.map((node) => measureNode(node).height);
  return measureGroup(group).top + heights.reduce((sum, height) => sum + height, 0) + nodeGap * (nodes.length - 1) + groupPadding;
}

function placeGroup(spec: DiagramSpec, groupId: string, nodes: DiagramNode[], box: { x: number; y: number; width: number; height: number }, drawing: Drawing, boxes: Map<string, PlacedNode | PlacedGroup>, centres: Map<string, number>): void {
  const group = spec.groups.find((candidate) => candidate.id === groupId)!;
  const { lines, top } = measureGroup(group);
  const placedGroup: PlacedGroup = { ...box, group, lines: groupLines(box, lines) };
  drawing.groups.push(placedGroup);
  boxes.set(groupId, placedGroup);
  centres.set(groupId, box.y + box.height / 2);
  let y = box.y + top;
  for (const node of nodes) {
    const measured = measureNode(node);
    const nodeBox = { x: box.x + groupPadding, y, width: box.width - 2 * groupPadding, height: measured.height };
    const placed: PlacedNode = { ...nodeBox, node, lines: centredLines(nodeBox, measured.lines, node.current ? textStyles.current : textStyles.node) };
    drawing.nodes.push(placed);
    boxes.set(node.id, placed);
    centres.set(node.id, y + measured.height / 2);
    y += measured.height + nodeGap;
  }
}

/** From the right side of the left box to the left side of the right one. */
function curve(edge: DiagramSpec['edges'][number], boxes: Map<string, PlacedNode | PlacedGroup>): PlacedEdge[] {
  const a = boxes.get(edge.source);
  const b = boxes.get(edge.target);
  if (!a || !b) return [];
  const [left, right] = a.x <= b.x ? [a, b] : [b, a];
  const points = [
    { x: left.x + left.width, y: Math.round(left.y + left.height / 2) },
    { x: right.x, y: Math.round(right.y + right.height / 2) },
  ];
  return [{ edge, points, curved: true }];
}

function neighbours(spec: DiagramSpec, id: string): string[] {
  return spec.edges.flatMap((edge) => (edge.source === id ? [edge.target] : edge.target === id ? [edge.source] : []));
}

function mean(values: number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Infinity;
}
