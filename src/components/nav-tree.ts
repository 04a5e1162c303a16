/**
 * The playbook's reading order and each layer's folder tree, made once per edition: the
 * sidebar shows a bounded part of a tree and previous/next walk the order, so that no page
 * pays for the size of the whole site.
 */
import { layers, type Layer, type Page, type SiteEdition } from '../../plugins/playbook/index.ts';
import { words } from './words.ts';

export interface Folder {
  kind: 'folder';
  /** Folder path under `playbook/`, as in page ids: `internal`, `team/rituals`. */
  path: string;
  label: string;
  /** The folder's own `index` page, when it has one that is not a layer's introduction. */
  index: Page | undefined;
  entries: Entry[];
  /** Pages in the folder and all its subfolders. */
  size: number;
}

export type Entry = { kind: 'page'; page: Page } | Folder;

export interface EditionNav {
  /** Every page of every layer, layer by layer in the playbook's order, each layer's tree depth first. */
  order: Page[];
  position: Map<string, number>;
  trees: Map<Layer, Folder>;
}

const made = new WeakMap<SiteEdition, EditionNav>();

export function editionNav(site: SiteEdition): EditionNav {
  let nav = made.get(site);
  if (!nav) {
    const trees = new Map(layers.map((layer) => [layer, layerTree(site, site.pagesInLayer(layer))]));
    const order = [...trees.values()].flatMap(pagesOf);
    nav = { order, position: new Map(order.map((page, index) => [page.id, index])), trees };
    made.set(site, nav);
  }
  return nav;
}

const ordered = new WeakMap<Folder, Page[]>();

/** Pages of a folder in reading order: its index page, then its entries, subfolders depth first. Made once per folder. */
export function pagesOf(folder: Folder): Page[] {
  let pages = ordered.get(folder);
  if (!pages) {
    pages = [...(folder.index ? [folder.index] : []), ...folder.entries.flatMap((entry) => (entry.kind === 'page' ? [entry.page] : pagesOf(entry)))];
    ordered.set(folder, pages);
  }
  return pages;
}

/**
 * The folders a layer's pages live in, below the folder they all share (a layer's pages
 * usually sit in one folder named after it, which adds no level). Pages keep the layer's
 * order; a subfolder comes where its first page would.
 */
const members = new WeakMap<Folder, Set<string>>();

/** Whether the page is in the folder or below it: one lookup, whatever the size of the folder. */
export function holdsPage(folder: Folder, id: string | undefined): boolean {
  if (id === undefined) return false;
  let ids = members.get(folder);
  if (!ids) members.set(folder, (ids = new Set(pagesOf(folder).map((page) => page.id))));
  return ids.has(id);
}

function layerTree(site: SiteEdition, pages: Page[]): Folder {
  const root = sharedFolder(pages.map((page) => folderOf(page.id)));
  const tree = folder(site, root);
  const folders = new Map<string, Folder>([[root, tree]]);
  for (const page of pages) {
    const parent = folderAt(site, folders, folderOf(page.id));
    parent.entries.push({ kind: 'page', page });
  }
  adoptIndexPages(tree);
  countPages(tree);
  return tree;
}

function folderAt(site: SiteEdition, folders: Map<string, Folder>, path: string): Folder {
  const known = folders.get(path);
  if (known) return known;
  const parent = folderAt(site, folders, folderOf(path));
  const created = folder(site, path);
  parent.entries.push(created);
  folders.set(path, created);
  return created;
}

function folder(site: SiteEdition, path: string): Folder {
  const name = path.split('/').at(-1) ?? '';
  return { kind: 'folder', path, label: words(name.replace(/[_\s]+/g, '-')), index: undefined, entries: [], size: 0 };
}

/** A page whose id is a subfolder's path is that folder's index: it heads the folder, labelled by its title. */
function adoptIndexPages(tree: Folder): void {
  for (const entry of tree.entries) {
    if (entry.kind !== 'folder') continue;
    const at = tree.entries.findIndex((other) => other.kind === 'page' && other.page.id === entry.path);
    if (at >= 0) {
      entry.index = (tree.entries[at] as { page: Page }).page;
      entry.label = entry.index.title;
      tree.entries.splice(at, 1);
    }
    adoptIndexPages(entry);
  }
}

function countPages(tree: Folder): number {
  tree.size = (tree.index ? 1 : 0) + tree.entries.reduce((sum, entry) => sum + (entry.kind === 'page' ? 1 : countPages(entry)), 0);
  return tree.size;
}

function folderOf(id: string): string {
  return id.split('/').slice(0, -1).join('/');
}

function sharedFolder(paths: string[]): string {
  if (!paths.length) return '';
  let shared = paths[0]!.split('/');
  for (const path of paths) {
    const parts = path.split('/');
    let same = 0;
    while (same < shared.length && shared[same] === parts[same]) same++;
    shared = shared.slice(0, same);
  }
  return shared.join('/');
}
