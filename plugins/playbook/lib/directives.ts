/**
 * Directive syntax reads `:30` in `10:30`, `:1s` in `1:1s` and `::toc` as directives. Only the
 * playbook's own are syntax: every other text or leaf directive is turned back into the text
 * the author wrote, once, when the file is parsed, so that the checker, heading ids, search
 * and the page all see that text and nothing is lost.
 */
import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type {} from 'mdast-util-directive';
import { leafDirectiveNames, textDirectiveNames } from './syntax.ts';

export function keepUnknownDirectivesAsText(tree: Root, source: string): void {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (!('children' in node)) continue;
    const parent = node as Parent;
    if (parent.children.some(isUnknownDirective)) {
      parent.children = mergeTexts(parent.children.map((child) => (isUnknownDirective(child) ? asWritten(child, source) : child)) as PhrasingContent[]) as Parent['children'];
    }
    stack.push(...(parent.children as Nodes[]));
  }
}

function isUnknownDirective(node: Parent['children'][number]): boolean {
  if (node.type === 'textDirective') return !textDirectiveNames.includes(node.name);
  if (node.type === 'leafDirective') return !leafDirectiveNames.includes(node.name);
  return false;
}

function asWritten(node: Nodes, source: string): Nodes {
  const { start, end } = node.position ?? {};
  const value = start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : '';
  const text: Text = { type: 'text', value, position: node.position };
  return node.type === 'leafDirective' ? { type: 'paragraph', children: [text], position: node.position } : text;
}

/** Neighbouring text nodes as one, as the parser would have made them had there been no directive. */
function mergeTexts(children: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const child of children) {
    const previous = merged.at(-1);
    if (previous?.type === 'text' && child.type === 'text') {
      merged[merged.length - 1] = { type: 'text', value: previous.value + child.value, position: previous.position && child.position ? { start: previous.position.start, end: child.position.end } : undefined };
    } else {
      merged.push(child);
    }
  }
  return merged;
}
