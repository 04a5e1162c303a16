/**
 * What of the HTML an author writes may reach a page, decided in one place for the checker
 * (which warns about everything removed) and the renderer (which removes it), so that the two
 * never disagree. The allow-list is GitHub's (`hast-util-sanitize`'s default schema), and
 * `hast-util-sanitize` itself decides every element and attribute; this file only applies it
 * to what the author wrote, and says what it removed and why.
 *
 * Only the author's HTML is sanitised: raw HTML in Markdown (`raw` nodes after remark-rehype),
 * HTML written as JSX in `.mdx` (elements the JSX handlers mark), and the links and images the
 * author wrote in Markdown. Everything Trellis generates (diagram SVG, references, heading ids,
 * task lists, footnotes) is left exactly as it is: before the author's HTML is parsed, every
 * node Trellis made is swapped for a placeholder that the HTML parser carries through untouched
 * (hast-util-raw's `passThrough`), then put back. A page without HTML is not parsed at all.
 */
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { find, html } from 'property-information';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Position } from 'unist';
import { VFile } from 'vfile';
import { isAuthorHtml, mdxJsxHandlers } from './mdx-jsx-html.ts';

/** One thing the sanitiser removes, and why, where the author wrote it. */
export interface HtmlRemoval {
  message: string;
  position: Position | undefined;
}

export interface HtmlPolicyOptions {
  /**
   * Hosts whose pages an `<iframe>` may show (`www.youtube-nocookie.com`); its `src` must then
   * be an `https:` URL on one of them. Default: none, so every frame is removed.
   */
  frameHosts?: readonly string[];
}

/** The node type that stands for a node Trellis made while the author's HTML is parsed. */
const keptType = 'trellisKept';
/** Elements removed with their content: code, styles, a frame's fallback, or never shown. */
const removedWithContent = ['script', 'style', 'iframe', 'template', 'title'];
/** Pictures a page may carry inline; they make no request and run nothing. */
const dataImage = /^data:image\/(?:avif|gif|jpeg|png|webp)[;,]/i;

/**
 * The schema: GitHub's, minus form controls (GitHub keeps `<input>` only for the task lists
 * it makes itself, which Trellis makes too), plus raster `data:` images, and frames from
 * `frameHosts` only.
 */
export function htmlPolicy(options: HtmlPolicyOptions = {}): Schema {
  const frameHosts = options.frameHosts ?? [];
  const attributes = { ...defaultSchema.attributes };
  delete attributes.input;
  attributes.img = [...(attributes.img ?? []).filter((name) => name !== 'src'), ['src', /^(?!data:)/i, dataImage]];
  const tagNames = (defaultSchema.tagNames ?? []).filter((name) => name !== 'input');
  if (frameHosts.length) {
    tagNames.push('iframe');
    attributes.iframe = [['src', new RegExp(`^https://(?:${frameHosts.map(hostExpression).join('|')})/`, 'i')], 'title', 'width', 'height', 'allowFullScreen'];
  }
  const protocols = { ...defaultSchema.protocols, src: [...(defaultSchema.protocols?.src ?? []), 'data'] };
  return { ...defaultSchema, attributes, tagNames, protocols, required: {}, strip: removedWithContent };
}

/** The policy every page is published with. */
export const defaultHtmlPolicy = htmlPolicy();

/**
 * Sanitises the author's HTML in a page's hast tree, in place, and returns what was removed.
 * Run it after remark-rehype (with `allowDangerousHtml`) and after anything that reads raw
 * nodes; no raw node is left afterwards.
 */
export function sanitiseAuthorHtml(tree: Root, schema: Schema = defaultHtmlPolicy): HtmlRemoval[] {
  const state: State = { schema, removals: [], kept: [], holdsAuthorHtml: new WeakSet() };
  checkTrellisNodes(state, tree);
  if (!state.holdsAuthorHtml.has(tree)) return state.removals;
  const stand = { type: 'root', children: withPlaceholders(state, tree.children) } as Root;
  const parsed = raw(stand, { file: new VFile(), passThrough: [keptType] }) as Root;
  tree.children = clean(state, parsed.children, []) as RootContent[];
  return state.removals;
}

/** The rehype plugin the renderer and Astro's processor run: the same sanitising, no report. */
export function rehypeSafeAuthorHtml(options: HtmlPolicyOptions = {}) {
  const schema = options.frameHosts?.length ? htmlPolicy(options) : defaultHtmlPolicy;
  return function sanitiseTree(tree: Root): void {
    sanitiseAuthorHtml(tree, schema);
  };
}

export interface UnsafeHtmlOptions {
  /** The policy. Default: `defaultHtmlPolicy`. */
  schema?: Schema;
  /**
   * The page is compiled by @astrojs/mdx (it holds code, on a site that trusts its MDX): its
   * JSX is code, compiled as written, and only its Markdown is the policy's. Default: false.
   */
  compiledByMdx?: boolean;
}

const mdxNodeTypes: MdastNodes['type'][] = ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement'];
/** Text directives are references: their label is an id, never published as written. */
const directiveLabels = { textDirective: () => undefined };
/** The page as the renderer makes it, or, for a page Astro compiles, as Astro's MDX does. */
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true, handlers: { ...mdxJsxHandlers, ...directiveLabels } }).freeze();
const toHastAsMdx = unified().use(remarkRehype, { allowDangerousHtml: true, handlers: directiveLabels, passThrough: mdxNodeTypes }).freeze();

/**
 * What the renderer would remove from a page's Markdown tree, for the checker. The tree is not
 * changed. Most pages hold no HTML and no unsafe URL, and are answered without building their
 * HTML.
 */
export function unsafeAuthorHtml(tree: MdastRoot, options: UnsafeHtmlOptions = {}): HtmlRemoval[] {
  const { schema = defaultHtmlPolicy, compiledByMdx = false } = options;
  if (!mayHoldUnsafeHtml(tree, schema, compiledByMdx)) return [];
  return sanitiseAuthorHtml((compiledByMdx ? toHastAsMdx : toHast).runSync(tree) as Root, schema);
}

interface State {
  schema: Schema;
  removals: HtmlRemoval[];
  /** The nodes Trellis made, by placeholder index. */
  kept: Nodes[];
  /** Nodes with the author's HTML (raw, or JSX) somewhere inside. */
  holdsAuthorHtml: WeakSet<Nodes>;
}

interface KeptNode {
  type: typeof keptType;
  index: number;
  /** Only for a node with the author's HTML inside: its children, to be parsed with it. */
  children?: unknown[];
}

/**
 * Removes unsafe URLs from the links and images that Markdown made (the author wrote them;
 * the references and diagrams Trellis makes only ever link to the site), and notes which
 * nodes hold the author's HTML.
 */
function checkTrellisNodes(state: State, node: Nodes): boolean {
  if (node.type === 'raw') return true;
  const authored = isAuthorHtml(node);
  if (node.type === 'element' && !authored) checkUrl(state, node, node.tagName === 'img' ? 'src' : 'href');
  let holds = authored;
  if ('children' in node) for (const child of node.children) holds = checkTrellisNodes(state, child) || holds;
  if (holds) state.holdsAuthorHtml.add(node);
  return holds;
}

function checkUrl(state: State, element: Element, key: 'href' | 'src'): void {
  const value = element.properties[key];
  if ((element.tagName !== 'a' && element.tagName !== 'img') || typeof value !== 'string') return;
  if (!refusesUrl(state.schema, element.tagName, key, value)) return;
  delete element.properties[key];
  state.removals.push({ message: urlMessage(element.tagName, key, value), position: element.position });
}

/**
 * The tree handed to the HTML parser: the author's HTML and text as they are, Trellis's nodes
 * as placeholders.
 */
function withPlaceholders(state: State, nodes: readonly RootContent[]): unknown[] {
  return nodes.map((node) => {
    if (node.type === 'raw' || node.type === 'text') return node;
    if (node.type === 'element' && isAuthorHtml(node)) return { ...node, children: withPlaceholders(state, node.children) };
    state.kept.push(node);
    const placeholder: KeptNode = { type: keptType, index: state.kept.length - 1 };
    if (state.holdsAuthorHtml.has(node) && 'children' in node) placeholder.children = withPlaceholders(state, node.children);
    return placeholder;
  });
}

/**
 * The parsed tree made safe: Trellis's nodes back in place, the author's elements judged.
 * Comments and doctypes the author wrote are dropped without a word, as GitHub drops them: no
 * reader ever saw them, and a comment is where internal notes hide.
 * @param stack the tag names of the ancestors, which some elements need (`<td>` a `<table>`)
 */
function clean(state: State, nodes: readonly unknown[], stack: readonly string[]): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes as (Nodes | KeptNode)[]) {
    if (node.type === keptType) result.push(restore(state, node, stack));
    else if (node.type === 'text') result.push(node);
    else if (node.type === 'element') result.push(...cleanElement(state, node, stack));
  }
  return result;
}

function restore(state: State, placeholder: KeptNode, stack: readonly string[]): ElementContent {
  const original = state.kept[placeholder.index] as ElementContent;
  if (!placeholder.children) return original;
  const inner = original.type === 'element' ? [...stack, original.tagName] : stack;
  return { ...original, children: clean(state, placeholder.children, inner) } as ElementContent;
}

function cleanElement(state: State, element: Element, stack: readonly string[]): ElementContent[] {
  const verdict = judge(state.schema, element, stack);
  const report = (message: string) => state.removals.push({ message, position: element.position });
  // A frame whose page is not on an allowed host would show nothing: it goes whole.
  const emptyFrame = element.tagName === 'iframe' && verdict.properties?.src === undefined;
  if (!verdict.keepsContent || emptyFrame) {
    report(elementMessage(state.schema, element, false));
    return [];
  }
  const children = clean(state, element.children, [...stack, element.tagName]);
  if (!verdict.properties) {
    report(elementMessage(state.schema, element, children.length > 0));
    return children;
  }
  for (const message of attributeMessages(state.schema, element, verdict.properties, stack)) report(message);
  return [{ type: 'element', tagName: element.tagName, properties: verdict.properties, children, position: element.position }];
}

interface Verdict {
  /** The element's safe properties, or undefined when the element itself is removed. */
  properties: Properties | undefined;
  /** False when the element is removed with everything inside it. */
  keepsContent: boolean;
}

const probeText = '\u0000trellis-probe';

/**
 * Asks `hast-util-sanitize` what it does with one element, where it stands (its ancestors
 * matter for table parts): keep it with which properties, keep only its content, or drop it.
 * Asking the library, rather than reading its schema here, is what keeps the checker's
 * warnings and the published page in step.
 */
function judge(schema: Schema, element: Element, stack: readonly string[]): Verdict {
  let probe: Element = { type: 'element', tagName: element.tagName, properties: element.properties, children: [{ type: 'text', value: probeText }], data: { trellisProbe: true } as unknown as Element['data'] };
  if (schema.ancestors && Object.hasOwn(schema.ancestors, element.tagName)) {
    for (const tagName of [...stack].reverse()) probe = { type: 'element', tagName, properties: {}, children: [probe] };
  }
  const found = findProbe(sanitize(probe, schema));
  return { properties: found.element?.properties, keepsContent: found.text };
}

function findProbe(node: Nodes): { element?: Element; text: boolean } {
  if (node.type === 'text') return { text: node.value === probeText };
  if (node.type === 'element' && (node.data as { trellisProbe?: boolean } | undefined)?.trellisProbe) return { element: node, text: true };
  if (!('children' in node)) return { text: false };
  for (const child of node.children) {
    const found = findProbe(child);
    if (found.text) return found;
  }
  return { text: false };
}

/** Whether a Markdown tree could hold anything to remove: HTML, or a URL the policy refuses. */
function mayHoldUnsafeHtml(tree: MdastRoot, schema: Schema, compiledByMdx: boolean): boolean {
  const stack: MdastNodes[] = [tree];
  const refused = (tagName: string, key: string, url: string) => refusesUrl(schema, tagName, key, url);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'html') return true;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && !compiledByMdx) return true;
    if ((node.type === 'link' || node.type === 'definition') && refused('a', 'href', node.url)) return true;
    if ((node.type === 'image' || node.type === 'definition') && refused('img', 'src', node.url)) return true;
    if ('children' in node) stack.push(...node.children);
  }
  return false;
}

/** A URL with a scheme, as `hast-util-sanitize` reads one: a colon before any `/`, `?` or `#`. */
const scheme = /^[^/?#]*:/;

/**
 * Whether the policy removes a link's `href` or an image's `src`. A URL without a scheme is
 * the site's own, which the policy always keeps: most links of a playbook are answered
 * without asking the library.
 */
function refusesUrl(schema: Schema, tagName: string, key: string, url: string): boolean {
  if (!scheme.test(url)) return false;
  return judge(schema, { type: 'element', tagName, properties: { [key]: url }, children: [] }, []).properties?.[key] === undefined;
}

const frameElements = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe']);
const formElements = new Set(['form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'keygen']);

/** Why an element is removed, and what to do instead. */
function elementReason(schema: Schema, tagName: string): string {
  const parents = schema.ancestors?.[tagName];
  if (parents && (schema.tagNames ?? []).includes(tagName)) return `it may stand only inside ${parents.map((name) => `\`<${name}>\``).join(' or ')}; put it in one, or remove it.`;
  if (tagName === 'script') return 'pages may not run scripts; describe the step in words or link to the tool instead.';
  if (tagName === 'style') return "pages take their look from the site's own styles; use Markdown for emphasis and structure instead.";
  if (tagName === 'base') return 'it would change where every link on the page leads; remove it.';
  if (tagName === 'meta') return 'it could send readers to another site or change how the page is read; remove it.';
  if (tagName === 'link') return 'pages may not load styles or other files into the site; remove it.';
  if (frameElements.has(tagName)) return 'pages may not embed other sites or plugins; link to it instead.';
  if (formElements.has(tagName)) return 'pages may not hold forms that send what readers type; link to the form instead.';
  return 'it is not one of the HTML elements pages may use, which content/FORMAT.md lists; write it in Markdown instead.';
}

function elementMessage(schema: Schema, element: Element, contentKept: boolean): string {
  const frame = element.tagName === 'iframe' ? frameHost(element.properties.src) : null;
  if (frame) return `Embedded page from \`${frame}\` is removed from the page: pages embed only pages of hosts the site allows; allow it with \`trellis({ allow: { frames: ['${frame}'] } })\` in astro.config.mjs (and PLAYBOOK_ALLOW_FRAMES for \`npm run check\`), or link to the page instead.`;
  const kept = contentKept ? ' (what it holds is kept)' : '';
  return `Raw HTML \`<${element.tagName}>\` is removed from the page${kept}: ${elementReason(schema, element.tagName)}`;
}

/** One message per attribute, or part of an attribute's value, that the element loses. */
function attributeMessages(schema: Schema, element: Element, safe: Properties, stack: readonly string[]): string[] {
  const messages: string[] = [];
  const tag = `\`<${element.tagName}>\``;
  for (const [key, value] of Object.entries(element.properties)) {
    if (value === undefined || value === null || value === false) continue;
    const name = find(html, key).attribute;
    const kept = safe[key];
    if (kept === undefined) messages.push(removedAttributeMessage(schema, element, key, String(value), stack));
    else if (Array.isArray(value) && Array.isArray(kept)) {
      for (const part of value.filter((item) => !kept.includes(item))) {
        messages.push(`Value \`${shorten(String(part))}\` of attribute \`${name}\` of ${tag} is removed: it is not one of the values pages may use there; remove it.`);
      }
    }
  }
  return messages;
}

function removedAttributeMessage(schema: Schema, element: Element, key: string, value: string, stack: readonly string[]): string {
  const name = find(html, key).attribute;
  const where = `Attribute \`${name}\` of \`<${element.tagName}>\` is removed`;
  if (/^on/i.test(name)) return `${where}: pages may not run scripts; remove it.`;
  if (name === 'style') return `${where}: pages take their look from the site's own styles; remove it.`;
  if (name === 'class') return `${where}: the site's classes belong to its own styles and scripts; remove it.`;
  const withSafeUrl = judge(schema, { ...element, properties: { [key]: '/' }, children: [] }, stack);
  if (withSafeUrl.properties?.[key] !== undefined) return urlMessage(element.tagName, key, value);
  return `${where}: it is not one of the attributes pages may use on \`<${element.tagName}>\` (GitHub's list); remove it.`;
}

function urlMessage(tagName: string, key: string, url: string): string {
  const value = `\`${shorten(url)}\``;
  if (key === 'href') return `Link ${value} is removed: pages may link only to web pages (\`https:\`), e-mail addresses (\`mailto:\`) and the site's own pages and files; link to a web page instead.`;
  if (tagName === 'img') return `Image ${value} is removed: an image must be a file of the site, an \`https:\` address or a \`data:image/\` picture (PNG, JPEG, GIF, WebP or AVIF); save the image beside the page and link to it instead.`;
  return `Address ${value} in attribute \`${find(html, key).attribute}\` of \`<${tagName}>\` is removed: it must be a web address (\`https:\`) or a page of the site; use one of those instead.`;
}

/** Long values (a whole `data:` URL) are cut, the start says what it is; hidden characters are shown. */
function shorten(value: string): string {
  const shown = value.replace(/[\u0000-\u001f\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
}

/** The host of an `https:` frame the policy does not allow, to name in its message. */
function frameHost(src: unknown): string | null {
  if (typeof src !== 'string' || !/^https:\/\//i.test(src.trim())) return null;
  try {
    return new URL(src.trim()).hostname;
  } catch {
    return null;
  }
}

/** `www.youtube-nocookie.com` as itself, `*.example.org` as any subdomain of it (as the CSP reads it). */
function hostExpression(host: string): string {
  return host.startsWith('*.') ? `(?:[a-z0-9-]+\\.)+${escapeRegExp(host.slice(2))}` : escapeRegExp(host);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
