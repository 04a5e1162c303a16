/**
 * Reads the YAML of a `framework` code block into nodes, groups and edges. The checker reports
 * the problems (with offsets into the block, which it maps to the file) and the diagram plugin
 * draws only blocks that have none, so both agree on what a valid framework is.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, parseDocument, type YAMLMap } from 'yaml';
import { closestMatch } from './suggest.ts';
import { joinList, normaliseLabel } from './words.ts';

export interface Framework {
  title?: string;
  /** Null when the block declares no `groups`: a node's `group` then only sets its colour. */
  groups: FrameworkGroup[] | null;
  nodes: FrameworkNode[];
  edges: FrameworkEdge[];
}

export interface FrameworkGroup {
  id: string;
  label: string;
}

export interface FrameworkNode {
  id: string;
  label: string;
  group?: string;
}

export interface FrameworkEdge {
  from: string;
  to: string;
  label?: string;
}

/** A problem, at offsets into the text of the code block. */
export interface FrameworkProblem {
  start: number;
  end: number;
  message: string;
  suggestion: string | null;
}

export interface ParsedFramework {
  /** Null when there is any problem. */
  framework: Framework | null;
  problems: FrameworkProblem[];
}

/** More than this is a wall, not a diagram; it also bounds the layout time of one block. */
export const maxFrameworkNodes = 100;
export const maxFrameworkEdges = 300;

const topKeys = ['title', 'groups', 'nodes', 'edges'];
const nodeKeys = ['id', 'label', 'group'];
const edgeKeys = ['from', 'to', 'label'];
const groupKeys = ['id', 'label'];

export function parseFramework(source: string): ParsedFramework {
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length) {
    const problems = document.errors.map((error) => ({ start: error.pos[0], end: error.pos[1], message: `Invalid YAML in \`framework\` block: ${yamlReason(error.message)}; check the brackets, quotes and indentation of this line.`, suggestion: null }));
    return { framework: null, problems };
  }
  const reader = new FrameworkReader(document);
  const framework = reader.read();
  return { framework: reader.problems.length ? null : framework, problems: reader.problems };
}

/** Walks the YAML nodes (not `toJS()`), so that every problem keeps the range of its value. */
class FrameworkReader {
  readonly problems: FrameworkProblem[] = [];
  private readonly document: Document;
  /** Every node id declared so far, for duplicates and for the ends of edges. */
  private readonly nodeIds: string[] = [];

  constructor(document: Document) {
    this.document = document;
  }

  read(): Framework {
    const framework: Framework = { groups: null, nodes: [], edges: [] };
    const root = this.resolve(this.document.contents);
    if (!root) {
      this.report([0, 0], 'The `framework` block is empty; describe the diagram with `nodes` (each with `id` and `label`) and `edges` (each with `from` and `to`).');
      return framework;
    }
    if (!isMap(root)) {
      this.report(root.range, 'A `framework` block holds a mapping with `title`, `groups`, `nodes` and `edges`, not a list or a single value.');
      return framework;
    }
    const fields = this.fields(root, topKeys, 'the `framework` block');
    const title = fields.get('title');
    if (title) framework.title = this.text(title.value, '`title`') ?? undefined;
    const groups = fields.get('groups');
    if (groups) framework.groups = this.list(groups, 'group', groupKeys).flatMap((item) => this.group(item, framework.groups ?? []));
    this.readNodes(fields.get('nodes'), root, framework);
    this.readEdges(fields.get('edges'), framework);
    return framework;
  }

  private readNodes(pair: Pair | undefined, root: YAMLMap, framework: Framework): void {
    if (!pair) {
      this.report(root.range, 'The `framework` block has no `nodes`; list them as `- { id: lab, label: Leadership lab }`.');
      return;
    }
    const items = this.list(pair, 'node', nodeKeys);
    if (items.length > maxFrameworkNodes) this.report(this.rangeOf(pair), `The framework has ${items.length} nodes; one diagram can show at most ${maxFrameworkNodes}, so split it into several.`);
    const groupIds = framework.groups?.map((group) => group.id);
    for (const item of items) {
      const node = this.node(item, groupIds);
      if (node) framework.nodes.push(node);
    }
  }

  private readEdges(pair: Pair | undefined, framework: Framework): void {
    if (!pair) return;
    const items = this.list(pair, 'edge', edgeKeys);
    if (items.length > maxFrameworkEdges) this.report(this.rangeOf(pair), `The framework has ${items.length} edges; one diagram can show at most ${maxFrameworkEdges}, so split it into several.`);
    for (const item of items) {
      const edge = this.edge(item);
      if (edge) framework.edges.push(edge);
    }
  }

  private group(item: YAMLMap, earlier: FrameworkGroup[]): FrameworkGroup[] {
    const fields = this.fields(item, groupKeys, 'a group');
    const id = this.required(fields, 'id', item, 'A group has no `id`; give it one that nodes can name, such as `id: internal`.');
    if (id === null) return [];
    if (earlier.some((group) => group.id === id)) {
      this.report(this.valueRange(fields.get('id')!), `Group id \`${id}\` is declared twice; give each group its own id.`);
      return [];
    }
    const label = fields.get('label') ? this.text(fields.get('label')!.value, 'A group `label`') : id;
    return label === null ? [] : [{ id, label }];
  }

  private node(item: YAMLMap, groupIds: string[] | undefined): FrameworkNode | null {
    const fields = this.fields(item, nodeKeys, 'a node');
    const id = this.required(fields, 'id', item, 'A node has no `id`; give it a short id that edges can name, such as `id: lab`.');
    if (id !== null && this.nodeIds.includes(id)) {
      this.report(this.valueRange(fields.get('id')!), `Node id \`${id}\` is used twice; give each node its own id.`);
      return null;
    }
    // Known even when the node has other problems, so that its edges are not reported too.
    if (id !== null) this.nodeIds.push(id);
    const label = this.required(fields, 'label', item, `Node${id === null ? '' : ` \`${id}\``} has no \`label\`; add the text to show, such as \`label: Leadership lab\`.`);
    const groupPair = fields.get('group');
    const group = groupPair ? this.text(groupPair.value, 'A node `group`') : null;
    if (group !== null && groupIds && !groupIds.includes(group)) {
      const suggestion = closestMatch(group, groupIds);
      this.report(this.valueRange(groupPair!), `Node${id === null ? '' : ` \`${id}\``} names unknown group \`${group}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '; declare it under `groups`.'}`, suggestion);
      return null;
    }
    if (id === null || label === null) return null;
    return group === null ? { id, label } : { id, label, group };
  }

  private edge(item: YAMLMap): FrameworkEdge | null {
    const fields = this.fields(item, edgeKeys, 'an edge');
    const from = this.endpoint(fields, 'from', item);
    const to = this.endpoint(fields, 'to', item);
    const labelPair = fields.get('label');
    const label = labelPair ? this.text(labelPair.value, 'An edge `label`') : null;
    if (from === null || to === null || (labelPair && label === null)) return null;
    return label === null ? { from, to } : { from, to, label };
  }

  private endpoint(fields: Map<string, Pair>, key: 'from' | 'to', item: YAMLMap): string | null {
    const hint = key === 'from' ? 'the node it starts from, such as `from: lab`' : 'the node it points to, such as `to: cases`';
    const id = this.required(fields, key, item, `An edge has no \`${key}\`; name ${hint}.`);
    if (id === null || this.nodeIds.includes(id)) return id;
    const suggestion = closestMatch(id, this.nodeIds);
    this.report(this.valueRange(fields.get(key)!), `Edge names unknown node \`${id}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '; use the `id` of one of the nodes.'}`, suggestion);
    return null;
  }

  /** The items of a list field, each a mapping; anything else is reported. */
  private list(pair: Pair, kind: string, keys: string[]): YAMLMap[] {
    const name = (pair.key as { value?: unknown }).value;
    const list = this.resolve(pair.value as YamlNode | null);
    const example = `\`{ ${keys.join(', ')} }\``;
    if (!isSeq(list)) {
      this.report(list?.range ?? this.rangeOf(pair), `\`${String(name)}\` must be a list of ${kind}s, each a mapping such as ${example}.`);
      return [];
    }
    const items: YAMLMap[] = [];
    for (const entry of list.items) {
      const item = this.resolve(entry as YamlNode | null);
      if (isMap(item)) items.push(item);
      else this.report(item?.range ?? list.range, `Each ${kind} must be a mapping such as ${example}.`);
    }
    return items;
  }

  /** The pairs of a mapping by key; unknown keys are reported with the closest known one. */
  private fields(map: YAMLMap, known: string[], where: string): Map<string, Pair> {
    const fields = new Map<string, Pair>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key !== null && known.includes(key)) {
        fields.set(key, pair);
        continue;
      }
      const suggestion = key === null ? null : closestMatch(key, known);
      const expected = suggestion ? `; did you mean \`${suggestion}\`?` : `; use ${joinList(known.map((name) => `\`${name}\``))}.`;
      this.report(this.rangeOf(pair), `Unknown key \`${key ?? '?'}\` in ${where}${expected}`, suggestion);
    }
    return fields;
  }

  private required(fields: Map<string, Pair>, key: string, item: YAMLMap, message: string): string | null {
    const pair = fields.get(key);
    if (!pair) {
      // An unknown key close to this one has been reported already; one typo, one message.
      const typo = item.items.some((other) => isScalar(other.key) && !fields.has(String(other.key.value)) && closestMatch(String(other.key.value), [key]) === key);
      if (!typo) this.report(item.range, message);
      return null;
    }
    return this.text(pair.value, `\`${key}\``);
  }

  /** Text or a number, on one line; anything else (a list, `true`, nothing) is reported. */
  private text(value: unknown, what: string): string | null {
    const node = this.resolve(value as YamlNode | null);
    if (isScalar(node) && (typeof node.value === 'string' || (typeof node.value === 'number' && Number.isFinite(node.value)))) {
      const text = normaliseLabel(String(node.value));
      if (text) return text;
    }
    this.report(node?.range ?? [0, 0], `${what} must be text, such as \`Leadership lab\`.`);
    return null;
  }

  private resolve(node: YamlNode | null | undefined): YamlNode | null {
    if (isAlias(node)) return (node.resolve(this.document) as YamlNode | undefined) ?? null;
    return node ?? null;
  }

  private valueRange(pair: Pair): readonly number[] | undefined {
    return (this.resolve(pair.value as YamlNode | null) ?? (pair.key as YamlNode)).range ?? undefined;
  }

  private rangeOf(pair: Pair): readonly number[] {
    const start = (pair.key as YamlNode | null)?.range?.[0] ?? 0;
    const end = (pair.value as YamlNode | null)?.range?.[1] ?? (pair.key as YamlNode | null)?.range?.[1] ?? start;
    return [start, end];
  }

  private report(range: readonly number[] | null | undefined, message: string, suggestion: string | null = null): void {
    const [start = 0, end = start] = range ?? [];
    this.problems.push({ start, end, message, suggestion });
  }
}

function yamlReason(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
