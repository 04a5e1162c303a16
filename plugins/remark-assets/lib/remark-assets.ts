/**
 * The files a page shows or links to (images, PDFs, templates beside the page) are published
 * with the site: each relative image or file link is pointed at the file's URL, every image
 * gets its width and height (so nothing moves as it loads) and, for a large photo, smaller
 * copies a phone can choose instead (`srcset`). Each file is handed to `publish`, which the
 * integration copies into the output, so nothing is published that no published page uses.
 * It never validates: the checker has reported missing files and images it cannot read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Definition, Image, ImageReference, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { editionPrefix, fileKindInside, type ImageSize, readImageSize, type RenderContext, resolvePageLink, sitePaths } from '../../playbook/index.ts';

export interface Options {
  /** Absolute path of the content folder, where the files are read. Required. */
  contentDir: string;
  /** Receives each file a rendered page uses, to be copied into the output. Default: none. */
  publish?: (asset: PublishedAsset) => void;
  /** Offer smaller copies of large photos (`srcset`); the dev server serves originals only. Default: true. */
  responsive?: boolean;
}

export interface PublishedAsset {
  /** The file, relative to the content folder: `playbook/team/Org Chart.png`. */
  source: string;
  /** Where it is published, below the site's base path: `team/org-chart.png`, `v/2025.2/team/org-chart.png`. */
  target: string;
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
  // A picture is read once per build (and again under `npm run dev` only when it changes).
  const known = new Map<string, ImageSize | null>();
  const sizeOf = (source: string) => {
    const stats = fs.statSync(path.join(options.contentDir, source), { throwIfNoEntry: false });
    const key = `${source}\0${stats?.mtimeMs}\0${stats?.size}`;
    if (!known.has(key)) known.set(key, readImageSize(options.contentDir, source));
    return known.get(key)!;
  };
  return function transformAssets(tree: Root, file: VFile): void {
    const context = file.data.trellis;
    if (!context) return;
    const assets = { options, context, sizeOf };
    const definitions = new Map<string, Definition>();
    const images: ImageReference[] = [];
    const stack: Nodes[] = [tree];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'image') showImage(assets, node, node.url);
      else if (node.type === 'link') node.url = publishFile(assets, node.url) ?? node.url;
      else if (node.type === 'definition') definitions.set(node.identifier, node);
      else if (node.type === 'imageReference') images.push(node);
      if ('children' in node) stack.push(...node.children);
    }
    for (const reference of images) {
      const definition = definitions.get(reference.identifier);
      if (definition) showImage(assets, reference, definition.url);
    }
    for (const definition of definitions.values()) definition.url = publishFile(assets, definition.url) ?? definition.url;
  };
}

interface Assets {
  options: Options;
  context: RenderContext;
  sizeOf(source: string): ImageSize | null;
}

/** The published URL of a relative link to a file of the playbook, which is then published; else undefined. */
function publishFile(assets: Assets, url: string, size?: ImageSize | null): string | undefined {
  const found = fileOf(assets, url);
  if (!found) return undefined;
  assets.options.publish?.({ source: found.source, target: found.target, widths: widthsFor(assets, size) });
  return `${assets.context.site.root}${found.target.slice(editionPrefix(assets.context.site).length)}${found.anchor ? `#${found.anchor}` : ''}`;
}

function showImage(assets: Assets, node: Image | ImageReference, url: string): void {
  const found = fileOf(assets, url);
  const size = found ? assets.sizeOf(found.source) : null;
  if (!found || !size) return;
  const published = publishFile(assets, url, size)!;
  if (node.type === 'image') node.url = published;
  const properties: Record<string, string | number> = { width: size.width, height: size.height, loading: 'lazy', decoding: 'async' };
  const widths = widthsFor(assets, size);
  if (widths.length) {
    const base = published.replace(/#.*$/, '');
    properties.srcset = [...widths.map((width) => `${variantPath(base, width)} ${width}w`), `${base} ${size.width}w`].join(', ');
    properties.sizes = sizes;
  }
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, ...properties } };
}

function widthsFor(assets: Assets, size: ImageSize | null | undefined): number[] {
  if (!size || !resizable.has(size.type) || assets.options.responsive === false) return [];
  return copyWidths.filter((width) => width * 1.2 <= size.width);
}

/** The file a relative URL names in the page's edition, when it is one (not a page, folder or other site). */
function fileOf(assets: Assets, url: string): { source: string; target: string; anchor: string } | null {
  const { site, entry } = assets.context;
  const folder = site.edition.folder;
  const target = resolvePageLink(url, entry.source.path.slice(folder.length));
  if (target.kind !== 'file' && target.kind !== 'folder') return null;
  const source = `${folder}${target.file}`;
  if (!target.file.startsWith('playbook/') || fileKindInside(assets.options.contentDir, source) !== 'file') return null;
  return { source, target: `${editionPrefix(site)}${sitePaths.asset(target.file.slice('playbook/'.length))}`, anchor: target.anchor };
}
