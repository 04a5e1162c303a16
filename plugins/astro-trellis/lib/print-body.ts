/**
 * A rendered body made part of the print edition, where every page shares one document: its
 * ids get the page's anchor in front (two pages may both have a `#how-it-works`, or a diagram
 * numbered 1), the references to them follow, links to pages of the same edition become
 * in-document links, other links of the site become absolute (they still lead to the site
 * from a PDF), and headings move down below the page's own title. It works on the tree the
 * page itself was rendered from, so no body is parsed again.
 */
import type { Element, Properties, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { PrintTarget } from '../../exports/index.ts';

export interface PrintBodyOptions {
  /** The anchor of the page or competency the body belongs to; its ids become `<anchor>--<id>`. */
  anchor: string;
  /** How many levels headings move down: a page's `##` sits below the section's own title. */
  headingShift: number;
  /** URL path (as the site writes links) → where it leads in the document. */
  targets: ReadonlyMap<string, PrintTarget>;
  /** The site's address, for links that leave the edition. */
  siteUrl: string;
}

/** Attributes that hold one id or a list of ids. */
const idReferences = ['htmlFor', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'ariaDetails', 'ariaOwns'];

/** Rewrites the tree in place for the print edition. */
export function printTree(tree: Root, options: PrintBodyOptions): void {
  const prefixed = (id: string) => `${options.anchor}--${id}`;
  visit(tree, (node) => {
    if (node.type === 'element') printElement(node, options, prefixed);
    else if (node.type === 'raw') node.value = printRawHtml(node.value, options, prefixed);
  });
}

function printElement(node: Element, options: PrintBodyOptions, prefixed: (id: string) => string): void {
  const properties = node.properties;
  if (typeof properties.id === 'string') properties.id = prefixed(properties.id);
  for (const name of idReferences) prefixReferences(properties, name, prefixed);
  for (const name of ['href', 'xLinkHref']) {
    const href = properties[name];
    if (typeof href === 'string') properties[name] = printHref(href, options, prefixed);
  }
  for (const [name, value] of Object.entries(properties)) {
    if (typeof value === 'string' && value.includes('url(#')) properties[name] = value.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefixed(id)})`);
  }
  const level = /^h([1-6])$/.exec(node.tagName);
  if (level) node.tagName = `h${Math.min(6, Number(level[1]) + options.headingShift)}`;
}

/**
 * The author's raw HTML is kept as written, so only its `id` and `href` attributes are
 * rewritten, the same way; its headings keep their level.
 */
function printRawHtml(html: string, options: PrintBodyOptions, prefixed: (id: string) => string): string {
  return html.replace(/(\s)(id|href)=(?:"([^"]*)"|'([^']*)')/gi, (_, space: string, name: string, double?: string, single?: string) => {
    const value = double ?? single ?? '';
    const rewritten = name.toLowerCase() === 'id' ? prefixed(value) : printHref(value, options, prefixed);
    return `${space}${name}="${rewritten.replace(/"/g, '&quot;')}"`;
  });
}

function prefixReferences(properties: Properties, name: string, prefixed: (id: string) => string): void {
  const value = properties[name];
  if (typeof value === 'string') properties[name] = value.split(/\s+/).filter(Boolean).map(prefixed).join(' ');
  else if (Array.isArray(value)) properties[name] = value.map((id) => prefixed(String(id)));
}

function printHref(href: string, options: PrintBodyOptions, prefixed: (id: string) => string): string {
  if (href.startsWith('#')) return href === '#' ? `#${options.anchor}` : `#${prefixed(href.slice(1))}`;
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const hashAt = href.indexOf('#');
  const path = hashAt === -1 ? href : href.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : href.slice(hashAt + 1);
  const target = options.targets.get(path);
  if (!target) return new URL(href, options.siteUrl).href;
  return hash && target.prefixesIds ? `#${target.anchor}--${hash}` : `#${target.anchor}`;
}
