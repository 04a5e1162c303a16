/**
 * Renders a page or competency body to HTML from the tree the checker already parsed: the
 * remark plugins (references, diagrams) run on it, then remark-rehype, the sanitiser of the
 * author's raw HTML, and rehype-stringify.
 * Skipping a second parse, and the MDX module compile a plain page does not need, is most of
 * why Trellis builds faster than a stock content pipeline.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type Processor, unified } from 'unified';
import { VFile } from 'vfile';
import { type Competency, mdxJsxHandlers, type Page, playbookSyntax, rehypeSafeAuthorHtml, type SiteEdition } from '../../playbook/index.ts';
import { contentPlugins } from './content-plugins.ts';
import { getTrellisState } from './state.ts';

/** One processor per font list: the build has one, tests may start several. */
const processors = new Map<string, Processor>();

/**
 * @param keepTree the plugins rewrite the tree in place; the dev server renders a page again
 * on every request, so it passes `true` to work on a copy. A build renders each entry once.
 */
export async function renderBody(entry: Page | Competency, site: SiteEdition, keepTree = false): Promise<string> {
  const processor = processorFor(getTrellisState().diagramFonts);
  const tree = keepTree ? structuredClone(entry.source.tree) : entry.source.tree;
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  const file = new VFile({ path: entry.source.path });
  file.data.trellis = { site, entry };
  const hast = (await processor.run(tree as Root, file)) as HastRoot;
  return String(processor.stringify(hast, file));
}

function processorFor(fonts: readonly string[]): Processor {
  const key = fonts.join('\0');
  let processor = processors.get(key);
  if (!processor) {
    // The syntax preset is the parser's: the tree comes from it, and any text parsed here
    // would be read as the checker read it.
    processor = unified()
      .use(remarkParse)
      .use(playbookSyntax)
      .use(contentPlugins(fonts))
      .use(remarkRehype, { allowDangerousHtml: true, handlers: mdxJsxHandlers })
      .use(rehypeHeadingIdsFromPage)
      // After the heading ids, which count only the headings Markdown made; it leaves no raw
      // HTML, so the stringifier escapes any that a later change might let through.
      .use(rehypeSafeAuthorHtml)
      .use(rehypeStringify)
      .freeze() as unknown as Processor;
    processors.set(key, processor);
  }
  return processor;
}

/**
 * Gives top-level headings the ids that `page.headings` computed at load time, so anchors
 * checked against those slugs are the anchors rendered (labels of references may differ).
 */
function rehypeHeadingIdsFromPage() {
  return function addHeadingIds(tree: HastRoot, file: VFile): void {
    const entry = file.data.trellis?.entry;
    const headings = entry?.kind === 'page' ? entry.headings : [];
    let next = 0;
    for (const node of tree.children) {
      if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
        const heading = headings[next++];
        if (heading) (node as Element).properties.id = heading.slug;
      }
    }
  };
}
