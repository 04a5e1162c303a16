/**
 * Where the links of a body point. The core's `resolvePageLink` decides what a URL means, for
 * the renderer too, so that a link that passes the check is the link that is rendered; this
 * module looks the result up in the edition, adds a close match when it does not resolve, and
 * classifies what the renderer leaves alone: paths on someone's computer, relative links that escape the
 * edition, and non-Markdown files. The disk is only asked whether such a file exists, one
 * path segment at a time without following symbolic links, never outside the content folder.
 */
import path from 'node:path';
import { browserUrl, closestMatch, type Competency, editionPrefix, fileKindInside, generatedPageIds as generatedPageIdList, type Page, resolvePageLink, type Role, sitePaths } from '../../playbook/index.ts';
import { type EditionIndex, isLayer } from './edition-index.ts';

export type BrokenReason =
  /** No page or competency of that name in the edition. */
  | 'missing'
  /** No such non-Markdown file in the playbook folder. */
  | 'missing-file'
  /** A link to a folder that has no `index` page. */
  | 'folder-without-index'
  /** A relative link that leaves the edition's `playbook/` folder. */
  | 'outside'
  /** A relative link to a competency's file, which the site does not rewrite. */
  | 'competency-file'
  /** `C:\…`, `file:`, `/etc/…`, `/x.md`: a path on a computer. */
  | 'file-path'
  /** `/v/<label>/…` with a label that is no older edition; the suggestion is the closest label. */
  | 'unknown-edition'
  /** A `%` not followed by two hexadecimal digits. */
  | 'malformed'
  /** `/roles/` or `/plan/` in an edition without roles, `/competencies/levels/` without levels. */
  | 'not-generated';

export type LinkTarget =
  /** Not ours to check: another site, an e-mail address, a static file of the site. */
  | { kind: 'external' }
  /** A page the generator makes itself (a layer listing, the catalogue, search). */
  | { kind: 'generated' }
  | { kind: 'entry'; entry: Page | Competency | Role; anchor: string | null }
  /** A non-Markdown file inside the playbook folder, such as an image. */
  | { kind: 'file'; contentPath: string }
  | { kind: 'broken'; reason: BrokenReason; suggestion: string | null };

export interface LinkSource {
  /** Path of the linking file relative to the content folder. */
  path: string;
  index: EditionIndex;
  /** Every edition by label, for `/v/<label>/…`. */
  editions: ReadonlyMap<string, EditionIndex>;
}

/** Folders that only a path on someone's computer starts with, never a page of ours. */
const systemFolders = new Set(['etc', 'home', 'usr', 'var', 'tmp', 'root', 'users', 'proc', 'sys', 'dev', 'opt', 'mnt', 'bin', 'private', 'volumes', 'windows']);
const markdownExtension = /\.mdx?$/;
/** Pages every edition has, whether or not the playbook writes their text (`index` is the home page). */
const generatedPageIds = new Set<string>(['index', ...generatedPageIdList]);

/** What a link's URL points at, resolved in the edition of the linking file. */
export function resolveLink(source: LinkSource, written: string): LinkTarget {
  const url = browserUrl(written);
  if (/^[a-z]:[\\/]/i.test(url) || url.startsWith('\\\\') || /^file:/i.test(url)) return broken('file-path');
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return { kind: 'external' };
  const { pathPart, anchor } = splitUrl(url);
  if (pathPart === null) return broken('malformed');
  const folder = source.index.edition.folder;
  const resolved = resolvePageLink(url, source.path.slice(folder.length));
  switch (resolved.kind) {
    case 'same-page': {
      const self = source.index.entryAtPath(source.path);
      return self ? { kind: 'entry', entry: self, anchor } : { kind: 'generated' };
    }
    case 'page':
      return url.startsWith('/') ? sitePage(source.index, resolved.id, anchor, '/') : relativePage(source, pathPart, resolved.id, anchor);
    case 'site-page':
      return sitePage(source.index, resolved.path, anchor, '/');
    case 'competency':
      return siteCompetency(source.index, resolved.id, anchor, '/');
    case 'role':
      return siteRole(source.index, resolved.id, anchor, '/');
    case 'generated':
      return resolved.path.startsWith('v/') ? otherEdition(source, resolved.path.split('/'), anchor) : generatedPage(source.index, resolved.path);
    case 'outside':
      return broken(resolved.reason === 'competency-file' ? 'competency-file' : resolved.reason === 'absolute-path' ? 'file-path' : 'outside');
    case 'folder':
      return folderLink(source, pathPart, `${folder}${resolved.file}`, resolved.id, anchor);
    case 'file':
      return relativeFile(source, `${folder}${resolved.file}`);
    default:
      return { kind: 'external' };
  }
}

function relativePage(source: LinkSource, pathPart: string, id: string, anchor: string | null): LinkTarget {
  // A file refused for its id or URL resolves to the page that kept them: it is reported once, on itself.
  const page = source.index.page(id) ?? source.index.entryAtPath(path.posix.normalize(path.posix.join(path.posix.dirname(source.path), pathPart)));
  if (page) return { kind: 'entry', entry: page, anchor };
  const closest = source.index.closestPageId(id);
  return broken('missing', closest === null ? null : relativeLink(source.path, source.index.page(closest)!.source.path, pathPart));
}

/** `id` is a page id or, for a site-absolute link, the path of a page's URL. */
function sitePage(index: EditionIndex, id: string, anchor: string | null, prefix: string): LinkTarget {
  const page = index.page(id) ?? index.pageAtPath(id);
  if (page) return { kind: 'entry', entry: page, anchor };
  if (generatedPageIds.has(id)) return { kind: 'generated' };
  const [first = '', ...rest] = id.split('/');
  const listing = rest.length === 0 || (rest.length === 2 && rest[0] === 'page' && /^\d+$/.test(rest[1]!));
  if (isLayer(first) && listing) return index.hasLayerPage(first) ? { kind: 'generated' } : broken('missing');
  if (/\.[a-z0-9]+$/i.test(id)) return { kind: 'external' };
  if (prefix === '/' && systemFolders.has(first.toLowerCase())) return broken('file-path');
  const closest = index.closestPageId(id);
  return broken('missing', closest === null ? null : `${prefix}${sitePaths.page(closest)}`);
}
function siteCompetency(index: EditionIndex, id: string, anchor: string | null, prefix: string): LinkTarget {
  const competency = index.competency(id);
  if (competency) return { kind: 'entry', entry: competency, anchor };
  const closest = index.closestCompetencyId(id);
  return broken('missing', closest === null ? null : `${prefix}${sitePaths.competency(closest)}`);
}

function siteRole(index: EditionIndex, id: string, anchor: string | null, prefix: string): LinkTarget {
  const role = index.role(id);
  if (role) return { kind: 'entry', entry: role, anchor };
  const closest = index.closestRoleId(id);
  return broken('missing', closest === null ? null : `${prefix}${sitePaths.role(closest)}`);
}

/** The roles and the plan exist only with roles, the levels grid only with levels. */
function generatedPage(index: EditionIndex, pagePath: string): LinkTarget {
  const { edition } = index;
  if ((pagePath === 'roles' || pagePath === 'plan') && edition.roles.size === 0) return broken('not-generated');
  if (pagePath === 'competencies/levels' && ![...edition.competencies.values()].some((c) => c.levels.length > 0)) return broken('not-generated');
  return { kind: 'generated' };
}

/** `/v/<label>/…`: a page of an older edition. */
function otherEdition(source: LinkSource, segments: string[], anchor: string | null): LinkTarget {
  const [, label = '', ...rest] = segments;
  const index = source.editions.get(label);
  if (!index || index.edition.isCurrent) {
    const labels = [...source.editions.values()].filter((other) => !other.edition.isCurrent).map((other) => other.edition.label);
    return broken('unknown-edition', closestMatch(label, labels) ?? labels[0] ?? null);
  }
  const prefix = `/${editionPrefix(index.edition)}`;
  // An edition read from frontmatter only (unchanged and already checked) has no headings to match.
  if (!index.edition.bodiesRead) anchor = null;
  if (rest.length === 0) return sitePage(index, 'index', anchor, prefix);
  const inside = rest.join('/');
  if (inside === 'competencies/levels' || inside === 'roles' || inside === 'plan') return generatedPage(index, inside);
  if (rest[0] === 'competencies') return rest.length === 1 ? { kind: 'generated' } : siteCompetency(index, rest.slice(1).join('/'), anchor, prefix);
  if (rest[0] === 'roles') return siteRole(index, rest.slice(1).join('/'), anchor, prefix);
  return sitePage(index, rest.join('/'), anchor, prefix);
}

/**
 * `./design/` or `./design`: the folder's `index` page, as GitHub shows a folder's page; a file
 * named `design` (a link without a slash may name one); or the page the author probably meant.
 */
function folderLink(source: LinkSource, pathPart: string, target: string, id: string, anchor: string | null): LinkTarget {
  if (!target.startsWith(`${source.index.edition.folder}playbook`)) return broken('outside');
  const page = source.index.page(id);
  if (page && /(?:^|\/)index\.mdx?$/.test(page.source.path)) return { kind: 'entry', entry: page, anchor };
  const found = fileKindInside(source.index.contentDir, target);
  if (found === 'file' && !pathPart.endsWith('/')) return { kind: 'file', contentPath: target };
  if (found === 'folder') return broken('folder-without-index');
  const guess = markdownFileFor(source.index, target);
  return guess ? broken('missing', relativeLink(source.path, guess, pathPart)) : broken('missing-file');
}

/** A relative link to a file that is not a page: the renderer publishes it with the site. */
function relativeFile(source: LinkSource, target: string): LinkTarget {
  if (!target.startsWith(`${source.index.edition.folder}playbook/`)) return broken('outside');
  return fileKindInside(source.index.contentDir, target) === 'file' ? { kind: 'file', contentPath: target } : broken('missing-file');
}

/** The Markdown file that an extensionless link probably meant. */
function markdownFileFor(index: EditionIndex, target: string): string | null {
  for (const candidate of [`${target}.mdx`, `${target}.md`]) {
    if (index.entryAtPath(candidate)) return candidate;
  }
  return null;
}

function splitUrl(url: string): { pathPart: string | null; anchor: string | null } {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const pathPart = decode(query === -1 ? beforeHash : beforeHash.slice(0, query));
  const anchor = hash === -1 ? '' : (decode(url.slice(hash + 1)) ?? url.slice(hash + 1));
  return { pathPart, anchor: anchor === '' ? null : anchor };
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function broken(reason: BrokenReason, suggestion: string | null = null): LinkTarget {
  return { kind: 'broken', reason, suggestion };
}

/** `to` as a link from the file `from`, written in the style of the original link. */
function relativeLink(from: string, to: string, original: string): string {
  const relative = path.posix.relative(path.posix.dirname(from), to);
  return original.startsWith('./') && !relative.startsWith('../') ? `./${relative}` : relative;
}

/** Whether a file exists at `contentPath`, reached without following any symbolic link. */
export function existsInside(contentDir: string, contentPath: string): boolean {
  return fileKindInside(contentDir, contentPath) === 'file';
}
