/**
 * Renders a page body to HTML from the tree the checker already parsed: the remark plugins
 * (references, diagrams) run on it, then remark-rehype and rehype-stringify. Skipping a
 * second parse, and the MDX module compile a plain page does not need, is most of why
 * Trellis builds faster than a stock content pipeline.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Competency, Page, SiteEdition } from '../../playbook/index.ts';
import { remarkDiagrams } from '../../remark-diagrams/index.ts';
import { remarkPlaybookRefs } from '../../remark-playbook-refs/index.ts';

const processor = unified()
  .use(remarkPlaybookRefs)
  .use(remarkDiagrams)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeHeadingIdsFromPage)
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();

/**
 * @param keepTree the plugins rewrite the tree in place; the dev server renders a page again
 * on every request, so it passes `true` to work on a copy. A build renders each entry once.
 */
export async function renderBody(entry: Page | Competency, site: SiteEdition, keepTree = false): Promise<string> {
  const tree = keepTree ? structuredClone(entry.source.tree) : entry.source.tree;
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  const file = new VFile({ path: entry.source.path });
  // Competencies are rendered with the same plugins; they only need a page-shaped context.
  file.data.trellis = { site, page: entry.kind === 'page' ? entry : competencyAsPage(entry) };
  const hast = (await processor.run(tree as Root, file)) as HastRoot;
  return processor.stringify(hast, file);
}

/**
 * Gives top-level headings the ids that `page.headings` computed at load time, so anchors
 * checked against those slugs are the anchors rendered (labels of references may differ).
 */
function rehypeHeadingIdsFromPage() {
  return function addHeadingIds(tree: HastRoot, file: VFile): void {
    const headings = file.data.trellis?.page.headings ?? [];
    let next = 0;
    for (const node of tree.children) {
      if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
        const heading = headings[next++];
        if (heading) (node as Element).properties.id = heading.slug;
      }
    }
  };
}

function competencyAsPage(competency: Competency): Page {
  return {
    kind: 'page',
    id: `competencies/${competency.id}`,
    source: competency.source,
    title: competency.name,
    description: competency.summary,
    layer: 'guide',
    develops: [],
    prerequisites: [],
    formats: [],
    audience: [],
    status: 'published',
    visibility: competency.visibility,
    metrics: [],
    tags: [],
    headings: [],
  };
}
