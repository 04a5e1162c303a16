/**
 * Turns the playbook's references into ordinary links: `:competency[id]` and `:page[id]`
 * become links labelled with the name or title, and relative `.md`/`.mdx` links, links to a
 * folder (its `index` page) or site-absolute links become the page's URL in the same edition,
 * under the base path, with the anchor spelled as the heading's id is; so do the links of raw
 * HTML (`<a href="./lab.md">`).
 * It never validates: the checker has already rejected anything that does not resolve.
 */
import type { Html, Link, PhrasingContent, Root, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { canonicalPageId, htmlUrls, matchHeadingId, type Page, type RenderContext, resolvePageLink, rewriteHtmlUrls } from '../../playbook/index.ts';

export function remarkPlaybookRefs() {
  return function transformPlaybookRefs(tree: Root, file: VFile): void {
    const context = file.data.trellis;
    if (!context) return;
    visit(tree, (node, index, parent) => {
      if (node.type === 'textDirective' && parent && index !== undefined) {
        parent.children[index] = referenceLink(node, context, String(file.value ?? '')) as never;
        return SKIP;
      }
      if (node.type === 'link' || node.type === 'definition') node.url = rewriteUrl(node.url, context);
      else if (node.type === 'html') node.value = rewriteHtmlLinks(node, context);
      else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') rewriteJsxLink(node, context);
      return undefined;
    });
  };
}

function referenceLink(node: TextDirective, context: RenderContext, source: string): PhrasingContent {
  const id = canonicalPageId(toString(node).trim());
  const { site } = context;
  if (node.name === 'competency') {
    const competency = site.competency(id);
    if (competency) return link(site.competencyUrl(id), competency.name, 'ref ref-competency');
  } else if (node.name === 'page') {
    const page = site.page(id);
    if (page) return link(site.pageUrl(id), page.title, 'ref ref-page');
  }
  return asWritten(node, source);
}

/**
 * A reference that names nothing, or (on a page Astro compiles itself, which the core's loader
 * did not prepare) an unknown directive such as `:30` in `10:30`, stays as written: the text of
 * the file where it has one, else rebuilt from the node.
 */
function asWritten(node: TextDirective, source: string): Text {
  const { start, end } = node.position ?? {};
  const written = start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : '';
  if (written.startsWith(`:${node.name}`)) return { type: 'text', value: written };
  const label = node.children.length ? `[${toString(node)}]` : '';
  return { type: 'text', value: `:${node.name}${label}` };
}

function link(url: string, label: string, className: string): Link {
  return { type: 'link', url, children: [{ type: 'text', value: label }], data: { hProperties: { className: className.split(' ') } } };
}

/** `<a href="./lab.md#How">` in raw HTML, rewritten as a Markdown link is. */
function rewriteHtmlLinks(node: Html, context: RenderContext): string {
  const links = htmlUrls(node, context.entry.source.text).filter((url) => url.tagName === 'a');
  return rewriteHtmlUrls(node.value, links, (link) => {
    const url = rewriteUrl(link.url, context);
    return url === link.url ? undefined : { url };
  });
}

/** `<a href="./lab.md">` written as JSX in `.mdx`, when its `href` is plain text. */
function rewriteJsxLink(node: MdxJsxFlowElement | MdxJsxTextElement, context: RenderContext): void {
  const href = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'href');
  if (href?.type === 'mdxJsxAttribute' && typeof href.value === 'string') href.value = rewriteUrl(href.value, context);
}

function rewriteUrl(url: string, context: RenderContext): string {
  const { site, entry } = context;
  const fromPath = entry.source.path.slice(site.edition.folder.length);
  const target = resolvePageLink(url, fromPath);
  const self = entry.kind === 'page' ? entry : undefined;
  switch (target.kind) {
    case 'page': {
      const page = site.page(target.id) ?? (self && target.id === self.id ? self : undefined);
      return page ? `${site.pageUrl(page.id)}${hash(page, target.anchor)}` : url;
    }
    case 'site-page': {
      const page = site.pageAtPath(target.path);
      return page ? `${site.pageUrl(page.id)}${hash(page, target.anchor)}` : url;
    }
    case 'folder': {
      const page = site.page(target.id);
      return page && /(?:^|\/)index\.mdx?$/.test(page.source.path) ? `${site.pageUrl(page.id)}${hash(page, target.anchor)}` : url;
    }
    case 'same-page':
      return self && target.anchor ? hash(self, target.anchor) : url;
    case 'competency':
      return `${site.competencyUrl(target.id)}${target.anchor ? `#${target.anchor}` : ''}`;
    case 'role':
      return `${site.roleUrl(target.id)}${target.anchor ? `#${target.anchor}` : ''}`;
    case 'generated':
      return `${site.root}${target.path}/${target.anchor ? `#${target.anchor}` : ''}`;
    default:
      return url;
  }
}

/** `#anchor` as the page's heading spells it: GitHub matches anchors without regard to case. */
function hash(page: Page, anchor: string): string {
  if (!anchor) return '';
  const decoded = safeDecode(anchor);
  return `#${matchHeadingId(page.headings, decoded) ?? anchor}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
