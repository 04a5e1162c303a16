/**
 * Headings as the playbook format gives them: each top-level heading gets the id the core
 * computed at load (GitHub's slug, or its own `{#custom-id}`), so an anchor the checker
 * accepted is an anchor on the page; the `{#custom-id}` is not shown; and a body that starts
 * with an H1 does not show it, because the page already shows the title as its one H1 (an
 * empty element keeps its id, so links to it still land). It never validates: the checker
 * warns about an H1 that differs from the title.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { collectHeadings, customIdSuffix, generatedSectionIds } from '../../playbook/index.ts';

export function remarkHeadings() {
  return function transformHeadings(tree: Root, file: VFile): void {
    const entry = file.data.trellis?.entry;
    if (!entry) return;
    // A page's ids were worked out at load, for the checker; a competency's or a role's body
    // gets them here, beside the sections its page adds.
    const headings = entry.kind === 'page' ? entry.headings : collectHeadings(tree, generatedSectionIds[entry.kind]);
    const ids = headings.map((heading) => heading.slug);
    let next = 0;
    for (const node of tree.children) {
      if (node.type !== 'heading') continue;
      removeCustomId(node);
      const id = ids[next++];
      if (id) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    }
    const first = tree.children.find((node: RootContent) => node.type !== 'yaml');
    if (first?.type === 'heading' && first.depth === 1) {
      first.data = { ...first.data, hName: 'span', hChildren: [] };
    }
  };
}

function removeCustomId(node: Heading): void {
  const suffix = customIdSuffix(node);
  const last = node.children.at(-1);
  if (!suffix || last?.type !== 'text') return;
  last.value = last.value.slice(0, -suffix.length);
  if (last.value === '') node.children.pop();
}
