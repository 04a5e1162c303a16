import type { Heading as HeadingNode, Nodes, Root } from 'mdast';
import GithubSlugger from 'github-slugger';
import type { Heading } from './model.ts';

/** `## Heading text {#custom-id}`: the braces at the end of a heading give it its own id. */
const customId = /[ \t]*\{#([\p{L}\p{N}_-]+)\}[ \t]*$/u;

/**
 * Headings with the ids that `#anchor` links name, made as GitHub makes them: GitHub's slug of
 * the text a reader sees (inline HTML tags and image sources are not text), or the heading's
 * own `{#custom-id}`. The renderer gives each heading the same id, so a link that passes the
 * check always lands.
 * @param taken ids the page that shows the body gives its own sections (see `generatedSectionIds`)
 */
export function collectHeadings(tree: Root, taken: readonly string[] = []): Heading[] {
  const slugger = new GithubSlugger();
  // Ids the page already gives its own sections: a body heading of the same text gets `-1`.
  for (const id of taken) slugger.occurrences[id] = 0;
  const headings: Heading[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const { text, id } = headingText(node);
    if (id !== null) slugger.occurrences[id] ??= 0;
    headings.push({ depth: node.depth, text, slug: id ?? slugger.slug(text) });
  }
  return headings;
}

/** The text a reader sees in a heading, without its `{#custom-id}`, and that id if it has one. */
export function headingText(node: HeadingNode): { text: string; id: string | null } {
  const text = visibleText(node);
  const match = customId.exec(text);
  return match ? { text: text.slice(0, match.index), id: match[1]! } : { text, id: null };
}

/**
 * Where a custom id sits in a heading: the text node that ends with it, and how many of its
 * characters it takes, so that a renderer can remove it from what is shown.
 */
export function customIdSuffix(node: HeadingNode): { id: string; length: number } | null {
  const last = node.children.at(-1);
  if (last?.type !== 'text') return null;
  const match = customId.exec(last.value);
  return match ? { id: match[1]!, length: match[0].length } : null;
}

/**
 * The heading id an anchor names: the id itself, else the one id that differs from it only in
 * letter case (GitHub's anchors are matched without regard to case), else null.
 */
export function matchHeadingId(headings: readonly Heading[], anchor: string): string | null {
  if (headings.some((heading) => heading.slug === anchor)) return anchor;
  const folded = anchor.toLowerCase();
  return headings.find((heading) => heading.slug.toLowerCase() === folded)?.slug ?? null;
}

function visibleText(node: Nodes): string {
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference' || node.type === 'mdxTextExpression') return '';
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(visibleText).join('') : '';
}

/**
 * The ids of the sections a competency's and a role's page add after the body (the views in
 * `src/views/` write them), which body headings must not take.
 */
export const generatedSectionIds = {
  competency: ['levels', 'developed-by', 'needed-by', 'related'],
  role: ['targets', 'route', 'route-gaps', 'leads-to'],
} as const;
