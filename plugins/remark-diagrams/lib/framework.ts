/**
 * What a `framework` block draws: declared groups as boxes around their nodes, labelled
 * edges, a tone per group. The block itself is read by the core's `parseFramework`.
 */
import type { Framework } from '../../playbook/index.ts';
import type { DiagramGroup, DiagramNode, DiagramSpec } from './layout.ts';
import { joinList } from './text.ts';

/** Groups named like layers take the layer's colour, as in the playbook's own diagrams. */
const layerTones = new Set(['internal', 'external', 'coaching', 'governance', 'measurement', 'guide']);
const toneCount = 6;

/** What the framework draws: declared groups as boxes around their nodes, labelled edges. */
export function frameworkSpec(framework: Framework): DiagramSpec {
  const tones = toneClasses(framework);
  const nodes: DiagramNode[] = framework.nodes.map((node) => ({
    id: node.id,
    label: node.label,
    className: node.group ? [tones.get(node.group)!] : [],
    ...(framework.groups && node.group ? { group: node.group } : {}),
  }));
  const used = new Set(framework.nodes.map((node) => node.group));
  const groups: DiagramGroup[] = (framework.groups ?? []).filter((group) => used.has(group.id)).map((group) => ({ id: group.id, label: group.label, className: [tones.get(group.id)!] }));
  const title = framework.title ?? 'Framework diagram';
  return { kind: 'framework', title, description: describeFramework(framework), nodes, groups, edges: framework.edges.map((edge) => ({ source: edge.from, target: edge.to, ...(edge.label ? { label: edge.label } : {}) })), directed: true };
}

/** "Internal baseline: Leadership lab and Live case studies. Leadership lab leads to Live case studies (applies)." */
function describeFramework(framework: Framework): string {
  const labelOf = new Map(framework.nodes.map((node) => [node.id, node.label]));
  const sentences: string[] = [];
  for (const group of framework.groups ?? []) {
    const members = framework.nodes.filter((node) => node.group === group.id).map((node) => node.label);
    if (members.length) sentences.push(`${group.label}: ${joinList(members)}.`);
  }
  const connected = new Set<string>();
  for (const node of framework.nodes) {
    const outgoing = framework.edges.filter((edge) => edge.from === node.id);
    if (!outgoing.length) continue;
    for (const edge of outgoing) connected.add(edge.from).add(edge.to);
    sentences.push(`${node.label} leads to ${joinList(outgoing.map((edge) => `${labelOf.get(edge.to)}${edge.label ? ` (${edge.label})` : ''}`))}.`);
  }
  const alone = framework.nodes.filter((node) => !connected.has(node.id) && !(framework.groups && node.group));
  if (alone.length) sentences.push(`Also shown: ${joinList(alone.map((node) => node.label))}.`);
  return sentences.join(' ');
}

function toneClasses(framework: Framework): Map<string, string> {
  const tones = new Map<string, string>();
  const order = [...(framework.groups ?? []).map((group) => group.id), ...framework.nodes.flatMap((node) => (node.group ? [node.group] : []))];
  for (const group of order) {
    if (tones.has(group)) continue;
    tones.set(group, layerTones.has(group) ? `diagram-tone-${group}` : `diagram-tone-${(tones.size % toneCount) + 1}`);
  }
  return tones;
}
