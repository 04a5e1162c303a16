/**
 * The files a page shows or links to (images, PDFs, templates beside the page) are published
 * with the site: each relative image or file link, in Markdown or in raw HTML, is pointed at the
 * file's URL (so is HTML written as JSX in `.mdx`); every image gets its width and height (so nothing moves as it loads) and, for a
 * large photo written in Markdown, smaller copies a phone can choose instead (`srcset`).
 * `pageAssets` lists the same files without rendering, for the integration to publish: nothing
 * is published that no published page uses, and a page the build does not render again still
 * has its files. It never validates: the checker has reported missing files and images it
 * cannot read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Definition, Html, Image, ImageReference, Link, Nodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { VFile } from 'vfile';
import { editionPrefix, fileKindInside, type HtmlUrl, htmlUrls, type ImageSize, readImageSize, type RenderContext, resolvePageLink, rewriteHtmlUrls, sitePaths } from '../../playbook/index.ts';

export interface Options {
  /** Absolute path of the content folder, where the files are read. Required. */
  contentDir: string;
  /** Offer smaller copies of large photos (`srcset`); the dev server serves originals only. Default: true. */
  responsive?: boolean;
}

export interface PublishedAsset {
  /** The file, relative to the content folder: `playbook/team/Org Chart.png`. */
  source: string;
  /** Where it is published, below the site's base path: `team/org-chart.png`, `v/2025.2/team/org-chart.png`. */
  target: string;
  /** The picture's size, for an image; null for any other file. */
  size: { width: number; height: number } | null;
  /** The widths of the smaller copies to make, each published at `variantPath(target, width)`. */
  widths: number[];
}

/** Widths of the copies offered to smaller screens, for a photo at least a fifth wider than each. */
const copyWidths = [480, 960, 1600];
/** Formats that can be resized without losing what they are (not GIF animations, SVG or icons). */
const resizable = new Set(['png', 'jpg', 'webp', 'heif']);
/** The text column is 44rem wide; below that the picture spans the screen. */
const sizes = '(max-width: 48rem) 100vw, 44rem';

/** `team/chart.png` at 480 pixels wide: `team/chart.480w.png`. */
export function variantPath(target: string, width: number): string {
  const extension = path.posix.extname(target);
  return `${target.slice(0, target.length - extension.length)}.${width}w${extension}`;
}

export function remarkAssets(options: Options) {
  const files = fileReader(options);
  return function transformAssets(tree: Root, file: VFile): void {
    const context = file.data.trellis;
    if (context) visitAssets(tree, context, files, rewrite);
  };
}

/** The files a page's body uses, as `remarkAssets` would publish them; the tree is only read. */
export function pageAssets(tree: Root, context: RenderContext, options: Options): PublishedAsset[] {
  const found = new Map<string, PublishedAsset>();
  visitAssets(tree, context, fileReader(options), (use) => {
    for (const asset of use.assets) addAsset(found, asset);
  });
  return [...found.values()];
}

/** A file both shown and linked to is published once, with its size and the copies its picture offers. */
export function addAsset(assets: Map<string, PublishedAsset>, asset: PublishedAsset): void {
  const known = assets.get(asset.target);
  if (!known || (!known.size && asset.size) || asset.widths.length > known.widths.length) assets.set(asset.target, asset);
}

/** One use of files by a node: a Markdown image or link, a definition, or an HTML node's URLs. */
type Use =
  | { kind: 'image'; node: Image | ImageReference; assets: [PublishedAsset]; url: string }
  | { kind: 'link'; node: Link | Definition; assets: [PublishedAsset]; url: string }
  | { kind: 'html'; node: Html; assets: PublishedAsset[]; urls: Map<HtmlUrl, Found> }
  | { kind: 'jsx'; node: MdxJsxFlowElement | MdxJsxTextElement; attribute: MdxJsxAttribute; assets: [PublishedAsset]; url: string };

/** HTML written as JSX in `.mdx` whose URL attribute is plain text, rewritten as raw HTML is. */
const jsxUrlAttributes: Record<string, string> = { a: 'href', img: 'src' };

function visitAssets(tree: Root, context: RenderContext, files: FileReader, onUse: (use: Use) => void): void {
  const definitions = new Map<string, Definition>();
  const references: ImageReference[] = [];
  const stack: Nodes[] = [tree];
  const find = (url: string, image: boolean, copies = image) => fileOf(context, files, url, image, copies);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'image') {
      const found = find(node.url, true);
      if (found) onUse({ kind: 'image', node, assets: [found.asset], url: found.url });
    } else if (node.type === 'link') {
      const found = find(node.url, false);
      if (found) onUse({ kind: 'link', node, assets: [found.asset], url: found.url });
    } else if (node.type === 'definition') {
      definitions.set(node.identifier, node);
    } else if (node.type === 'imageReference') {
      references.push(node);
    } else if (node.type === 'html') {
      htmlUse(node, context, find, onUse);
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && jsxUrlAttributes[node.name]) {
      const attribute = node.attributes.find((item): item is MdxJsxAttribute => item.type === 'mdxJsxAttribute' && item.name === jsxUrlAttributes[node.name!]);
      const found = typeof attribute?.value === 'string' ? find(attribute.value, node.name === 'img', false) : null;
      if (found) onUse({ kind: 'jsx', node, attribute: attribute!, assets: [found.asset], url: found.url });
    }
    if ('children' in node) stack.push(...node.children);
  }
  for (const reference of references) {
    const found = definitions.has(reference.identifier) ? find(definitions.get(reference.identifier)!.url, true) : null;
    if (found) onUse({ kind: 'image', node: reference, assets: [found.asset], url: found.url });
  }
  for (const definition of definitions.values()) {
    const found = find(definition.url, false);
    if (found) onUse({ kind: 'link', node: definition, assets: [found.asset], url: found.url });
  }
}

function htmlUse(node: Html, context: RenderContext, find: (url: string, image: boolean, copies: boolean) => Found | null, onUse: (use: Use) => void): void {
  const urls = new Map<HtmlUrl, Found>();
  for (const url of htmlUrls(node, context.entry.source.text)) {
    const found = url.tagName === 'iframe' ? null : find(url.url, url.tagName === 'img', false);
    if (found) urls.set(url, found);
  }
  if (urls.size) onUse({ kind: 'html', node, assets: [...urls.values()].map((found) => found.asset), urls });
}

/** Points the node at the published file and gives a picture its size. */
function rewrite(use: Use): void {
  if (use.kind === 'html') {
    const { urls } = use;
    // Raw HTML keeps what the author wrote: its own size, and no srcset (the HTML policy allows none).
    use.node.value = rewriteHtmlUrls(use.node.value, [...urls.keys()], (url) => {
      const found = urls.get(url)!;
      return { url: found.url, extra: url.tagName === 'img' && !url.sized && found.asset.size ? found.asset.size : undefined };
    });
    return;
  }
  if (use.kind === 'jsx') {
    use.attribute.value = use.url;
    const [asset] = use.assets;
    const sized = use.node.attributes.some((item) => item.type === 'mdxJsxAttribute' && (item.name === 'width' || item.name === 'height'));
    if (use.node.name === 'img' && asset.size && !sized) {
      use.node.attributes.push({ type: 'mdxJsxAttribute', name: 'width', value: String(asset.size.width) }, { type: 'mdxJsxAttribute', name: 'height', value: String(asset.size.height) });
    }
    return;
  }
  if (use.node.type !== 'imageReference') use.node.url = use.url;
  if (use.kind === 'image') {
    const [asset] = use.assets;
    if (asset.size) use.node.data = { ...use.node.data, hProperties: { ...use.node.data?.hProperties, ...imageAttributes(asset, use.url) } };
  }
}

function imageAttributes(asset: PublishedAsset, url: string): Record<string, string | number> {
  const attributes: Record<string, string | number> = { width: asset.size!.width, height: asset.size!.height, loading: 'lazy', decoding: 'async' };
  if (asset.widths.length) {
    const file = url.replace(/#.*$/, '');
    attributes.srcset = [...asset.widths.map((width) => `${variantPath(file, width)} ${width}w`), `${file} ${asset.size!.width}w`].join(', ');
    attributes.sizes = sizes;
  }
  return attributes;
}

interface FileReader {
  options: Options;
  sizeOf(source: string): ImageSize | null;
}

/** A picture is read once (and again under `npm run dev` only when it changes). */
function fileReader(options: Options): FileReader {
  const known = new Map<string, ImageSize | null>();
  return {
    options,
    sizeOf(source) {
      const stats = fs.statSync(path.join(options.contentDir, source), { throwIfNoEntry: false });
      const key = `${source}\0${stats?.mtimeMs}\0${stats?.size}`;
      if (!known.has(key)) known.set(key, readImageSize(options.contentDir, source));
      return known.get(key)!;
    },
  };
}

interface Found {
  asset: PublishedAsset;
  /** The URL the page links to it with, under the base path, anchor kept. */
  url: string;
}

/**
 * The file a relative URL names in the page's edition, when it is one (not a page, folder or
 * other site); `copies`: whether a large photo is offered in smaller copies.
 */
function fileOf(context: RenderContext, files: FileReader, url: string, image: boolean, copies: boolean): Found | null {
  const { site, entry } = context;
  const folder = site.edition.folder;
  const target = resolvePageLink(url, entry.source.path.slice(folder.length));
  if (target.kind !== 'file' && target.kind !== 'folder') return null;
  const source = `${folder}${target.file}`;
  if (!target.file.startsWith('playbook/') || fileKindInside(files.options.contentDir, source) !== 'file') return null;
  const published = sitePaths.asset(target.file.slice('playbook/'.length));
  const size = image ? files.sizeOf(source) : null;
  const widths = copies && size && resizable.has(size.type) && files.options.responsive !== false ? copyWidths.filter((width) => width * 1.2 <= size.width) : [];
  const asset = { source, target: `${editionPrefix(site)}${published}`, size: size && { width: size.width, height: size.height }, widths };
  return { asset, url: `${site.root}${published}${target.anchor ? `#${target.anchor}` : ''}` };
}
