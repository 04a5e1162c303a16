/**
 * HTML written as JSX in an `.mdx` page (`<details>`, `<div align="center">`) is rendered from
 * the checked tree like raw HTML: the element it names, with its attributes as written, marked
 * as the author's so that the HTML policy sanitises it as it does raw HTML. The checker lets
 * only such elements through (code is an error, or, on a site that trusts its MDX, compiled by
 * @astrojs/mdx instead), so nothing here runs code, and what is left of MDX in the tree
 * (`{/* comments *\/}`) renders as nothing. The renderer and the checker's HTML policy both
 * convert with these handlers, so they see the same elements.
 */
import type { Element, ElementContent, Nodes, Properties } from 'hast';
import { h } from 'hastscript';
import type { Paragraph } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { defaultHandlers, type Options } from 'remark-rehype';

type Handlers = NonNullable<Options['handlers']>;
type State = Parameters<typeof defaultHandlers.paragraph>[0];

export const mdxJsxHandlers: Handlers = {
  mdxJsxFlowElement: (state: State, node: MdxJsxFlowElement) => element(state, node, true),
  mdxJsxTextElement: (state: State, node: MdxJsxTextElement) => element(state, node, false),
  mdxFlowExpression: () => undefined,
  mdxTextExpression: () => undefined,
  mdxjsEsm: () => undefined,
  paragraph: unravelledParagraph,
};

function element(state: State, node: MdxJsxFlowElement | MdxJsxTextElement, flow: boolean): ElementContent | ElementContent[] {
  const inner = state.all(node);
  const children = flow && inner.length > 0 ? state.wrap(inner, true) : inner;
  if (node.name === null) return children;
  const properties: Properties = {};
  for (const attribute of node.attributes) {
    // Values that are expressions (and `{...spread}`) never get here: the checker refused them.
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (attribute.value === null || attribute.value === undefined) properties[attribute.name] = true;
    else if (typeof attribute.value === 'string') properties[attribute.name] = attribute.value;
  }
  const result = markAuthorHtml(h(node.name, properties, children));
  state.patch(node, result);
  return state.applyData(node, result);
}

/**
 * A line that holds only HTML written as JSX (`<details>…</details>`) is that HTML, not a
 * paragraph around it, as @mdx-js/mdx reads it: `<p><details>` would not be valid HTML.
 */
function unravelledParagraph(state: State, node: Paragraph): ElementContent | ElementContent[] | undefined {
  const onlyJsx = node.children.some((child) => child.type === 'mdxJsxTextElement') &&
    node.children.every((child) => child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression' || (child.type === 'text' && child.value.trim() === ''));
  if (!onlyJsx) return defaultHandlers.paragraph(state, node);
  return state.all({ type: 'paragraph', children: node.children.filter((child) => child.type !== 'text') });
}

/** Marks an element as HTML the author wrote, which the HTML policy sanitises. */
function markAuthorHtml(element: Element): Element {
  element.data = { ...element.data, authorHtml: true } as Element['data'];
  return element;
}

/** Whether a hast node is an element the author wrote as JSX. */
export function isAuthorHtml(node: Nodes): boolean {
  return node.type === 'element' && (node.data as { authorHtml?: boolean } | undefined)?.authorHtml === true;
}
