import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import type { Heading } from './model.ts';

/**
 * Headings with the GitHub-style slugs that `#anchor` links name. The renderer gives each
 * heading the same id, so a link that passes the check always lands.
 */
export function collectHeadings(tree: Root): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const text = toString(node);
    headings.push({ depth: node.depth, text, slug: slugger.slug(text) });
  }
  return headings;
}
