/**
 * Callouts, in GitHub's syntax (`> [!NOTE]` as the first line of a quote) and as container
 * directives (`:::warning[Budget freeze]`), become labelled asides: `role="note"`, a name for
 * screen readers that says the kind and the title, and the title shown above the text. It
 * never validates: the checker reports a container that is no callout, and leaves `> [!FOO]`
 * a quote, as GitHub does.
 */
import type { Blockquote, BlockContent, DefinitionContent, Paragraph, PhrasingContent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { type CalloutKind, calloutKinds } from '../../playbook/index.ts';

/** What each kind is called when the callout has no title of its own. */
const kindNames: Record<CalloutKind, string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };
/** `[!NOTE]` alone on the first line of a quote, in any case. */
const alertMarker = /^\[!([a-z]+)\][ \t]*(?:\r?\n|$)/i;

export function remarkCallouts() {
  return function transformCallouts(tree: Root): void {
    visit(tree, (node) => {
      if (node.type === 'blockquote') fromAlert(node);
      else if (node.type === 'containerDirective') fromDirective(node);
    });
  };
}

function fromAlert(node: Blockquote): void {
  const first = node.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  const match = text?.type === 'text' ? alertMarker.exec(text.value) : null;
  const kind = match?.[1]!.toLowerCase();
  if (!match || !isKind(kind) || first?.type !== 'paragraph' || text?.type !== 'text') return;
  text.value = text.value.slice(match[0].length);
  if (text.value === '') first.children.shift();
  // A line break after the marker (`[!NOTE]\` or two spaces) belongs to the marker's line.
  if (first.children[0]?.type === 'break') first.children.shift();
  if (first.children.length === 0) node.children.shift();
  asCallout(node, kind, [{ type: 'text', value: kindNames[kind] }]);
}

function fromDirective(node: ContainerDirective): void {
  if (!isKind(node.name)) return;
  const label = node.children[0]?.type === 'paragraph' && node.children[0].data?.directiveLabel ? (node.children.shift() as Paragraph) : undefined;
  const title = label && label.children.length > 0 ? label.children : [{ type: 'text' as const, value: kindNames[node.name] }];
  asCallout(node, node.name, title);
}

function asCallout(node: Blockquote | ContainerDirective, kind: CalloutKind, title: PhrasingContent[]): void {
  const name = toString({ type: 'paragraph', children: title });
  const label = name === kindNames[kind] ? name : `${kindNames[kind]}: ${name}`;
  // The visible title repeats the name screen readers are given, so it is hidden from them.
  const heading: Paragraph = { type: 'paragraph', children: title, data: { hProperties: { className: ['callout-title'], ariaHidden: 'true' } } };
  node.children = [heading, ...(node.children as (BlockContent | DefinitionContent)[])];
  node.data = { ...node.data, hName: 'aside', hProperties: { className: ['callout', `callout-${kind}`], role: 'note', ariaLabel: label } };
}

function isKind(name: string | undefined): name is CalloutKind {
  return (calloutKinds as readonly (string | undefined)[]).includes(name);
}
