/**
 * Renders a page, competency or role body to HTML from the tree the checker already parsed:
 * the remark plugins (headings, references, diagrams, callouts, files, code) run on it, then
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
import { printAnchors, printOutline, type PrintTarget, printTargets } from '../../exports/index.ts';
import { type Competency, mdxJsxHandlers, type Page, playbookSyntax, rehypeSafeAuthorHtml, type Role, type SiteEdition } from '../../playbook/index.ts';
import { contentPlugins } from './content-plugins.ts';
import { type PrintBodyOptions, printTree } from './print-body.ts';
import type { RenderedBody } from './render-threads.ts';
import { clusterTitles, layerTitles } from './routes.ts';
import { getTrellisState, type TrellisState } from './state.ts';

/** One processor per set of options: the build has one, tests may start several. */
const processors = new Map<string, Processor>();

/**
 * A build's rendered bodies: the plugins rewrite the tree in place, so each entry is rendered
 * once, for its page and for the print edition together (the print version is the same
 * tree rewritten, not the HTML parsed again). Entries are the keys, so a new load of the
 * playbook starts afresh.
 */
const rendered = new WeakMap<Page | Competency | Role, Promise<RenderedBody>>();
/** Where links lead in each edition's print document, worked out once per edition. */
const printTargetsOf = new WeakMap<SiteEdition, Map<string, PrintTarget>>();

/**
 * @param keepTree the plugins rewrite the tree in place; the dev server renders a page again
 * on every request, so it passes `true` to work on a copy, and nothing is kept. A build
 * renders each entry once.
 */
export async function renderBody(entry: Page | Competency | Role, site: SiteEdition, keepTree = false): Promise<string> {
  return (await renderedBody(entry, site, keepTree, false)).html;
}

/**
 * The body as part of the edition's print document (see `print-body.ts`): in a build, from the
 * print body cache when the body and everything it shows of others are as they were.
 */
export async function renderPrintBody(entry: Page | Competency | Role, site: SiteEdition, keepTree = false): Promise<string> {
  const bodies = keepTree || rendered.has(entry) ? undefined : getTrellisState().printBodies;
  return (bodies?.cache.read(bodies.key(site, entry))) ?? (await renderedBody(entry, site, keepTree)).print;
}

/** A build renders both versions at once; the dev server renders only the one a request needs. */
function renderedBody(entry: Page | Competency | Role, site: SiteEdition, keepTree: boolean, withPrint = true): Promise<RenderedBody> {
  if (keepTree) return render(entry, site, true, withPrint);
  let body = rendered.get(entry);
  if (!body) {
    // A thread may have rendered it (and kept its print version) already; if that thread failed, it is rendered here.
    const fromThread = getTrellisState().renderThreads?.take(site, entry);
    body = fromThread ? fromThread.catch(() => renderAndKeep(entry, site)) : renderAndKeep(entry, site);
    rendered.set(entry, body);
  }
  return body;
}

/** Renders a body here and keeps its print version in the print body cache. */
async function renderAndKeep(entry: Page | Competency | Role, site: SiteEdition): Promise<RenderedBody> {
  const result = await renderForBuild(entry, site);
  const bodies = getTrellisState().printBodies;
  bodies?.cache.write(bodies.key(site, entry), result.print);
  return result;
}

/** Both versions of a body, from its tree, which this rewrites: a build renders each entry once. */
export function renderForBuild(entry: Page | Competency | Role, site: SiteEdition): Promise<RenderedBody> {
  return render(entry, site, false, true);
}

async function render(entry: Page | Competency | Role, site: SiteEdition, keepTree: boolean, withPrint: boolean): Promise<RenderedBody> {
  const state = getTrellisState();
  const processor = processorFor(state);
  const tree = keepTree ? structuredClone(entry.source.tree) : entry.source.tree;
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  const file = new VFile({ path: entry.source.path });
  file.data.trellis = { site, entry };
  const hast = (await processor.run(tree as Root, file)) as HastRoot;
  const html = String(processor.stringify(hast, file));
  if (!withPrint) return { html, print: '' };
  printTree(hast, printOptions(entry, site, state.siteUrl));
  return { html, print: String(processor.stringify(hast, file)) };
}

function printOptions(entry: Page | Competency | Role, site: SiteEdition, siteUrl: string): PrintBodyOptions {
  let targets = printTargetsOf.get(site);
  if (!targets) {
    targets = printTargets(site, printOutline(site, { labels: { clusters: clusterTitles, layers: layerTitles } }));
    printTargetsOf.set(site, targets);
  }
  // Pages and roles sit below the document's h1 at h2, competencies below their cluster's h3 at h4.
  if (entry.kind === 'competency') return { anchor: printAnchors.competency(entry.id), headingShift: 3, targets, siteUrl };
  return { anchor: entry.kind === 'page' ? printAnchors.page(entry.id) : printAnchors.role(entry.id), headingShift: 1, targets, siteUrl };
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
