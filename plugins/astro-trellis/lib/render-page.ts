/**
 * Renders a page or competency body to HTML from the tree the checker already parsed: the
 * remark plugins (headings, references, diagrams, callouts, files, code) run on it, then
 * remark-rehype, the sanitiser of the author's raw HTML, and rehype-stringify.
 * Skipping a second parse, and the MDX module compile a plain page does not need, is most of
 * why Trellis builds faster than a stock content pipeline.
 */
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type Processor, unified } from 'unified';
import { VFile } from 'vfile';
import { type Competency, mdxJsxHandlers, type Page, playbookSyntax, rehypeSafeAuthorHtml, type SiteEdition } from '../../playbook/index.ts';
import { contentPlugins } from './content-plugins.ts';
import { getTrellisState, type TrellisState } from './state.ts';

/** One processor per set of options: the build has one, tests may start several. */
const processors = new Map<string, Processor>();

/**
 * @param keepTree the plugins rewrite the tree in place; the dev server renders a page again
 * on every request, so it passes `true` to work on a copy. A build renders each entry once.
 */
export async function renderBody(entry: Page | Competency, site: SiteEdition, keepTree = false): Promise<string> {
  const processor = processorFor(getTrellisState());
  const tree = keepTree ? structuredClone(entry.source.tree) : entry.source.tree;
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  const file = new VFile({ path: entry.source.path });
  file.data.trellis = { site, entry };
  const hast = (await processor.run(tree as Root, file)) as HastRoot;
  return String(processor.stringify(hast, file));
}

function processorFor(state: TrellisState): Processor {
  const fonts = state.diagramFonts;
  const { contentDir } = state.settings;
  const responsive = !state.dev;
  const frameHosts = state.settings.allow.frames;
  const key = [contentDir, responsive, ...fonts, ...frameHosts].join('\0');
  let processor = processors.get(key);
  if (!processor) {
    // The syntax preset is the parser's: the tree comes from it, and any text parsed here
    // would be read as the checker read it.
    processor = unified()
      .use(remarkParse)
      .use(playbookSyntax)
      .use(contentPlugins({ fonts, contentDir, responsive }))
      .use(remarkRehype, { allowDangerousHtml: true, handlers: mdxJsxHandlers })
      // It leaves no raw HTML, so the stringifier escapes any that a later change might let through.
      .use(rehypeSafeAuthorHtml, { frameHosts })
      .use(rehypeStringify)
      .freeze() as unknown as Processor;
    processors.set(key, processor);
  }
  return processor;
}
