/**
 * Resolves the links of a page body the way the site will: relative file paths as on GitHub
 * (`../measurement/y.mdx#targets`) and site-absolute URLs (`/internal/x/`), both inside one
 * edition. Resolution is pure string work over the edition's maps; the disk is only asked
 * whether a linked non-Markdown file exists, one path segment at a time without following
 * symbolic links, and never outside the content folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Competency, type Page, pageIdOf } from '../../playbook/index.ts';
import type { EditionIndex } from './edition-index.ts';
import { isLayer } from './edition-index.ts';

export type LinkTarget =
  /** Not ours to check: another site, an e-mail address, a static file of the site. */
  | { kind: 'external' }
  /** A page the generator makes itself (a layer listing, the catalogue, search). */
  | { kind: 'generated' }
  | { kind: 'entry'; entry: Page | Competency; anchor: string | null }
  /** A non-Markdown file inside the playbook folder, such as an image. */
  | { kind: 'file'; contentPath: string }
  | { kind: 'broken'; reason: 'missing' | 'outside' | 'file-path'; suggestion: string | null };

export interface LinkSource {
  /** Path of the linking file relative to the content folder. */
  path: string;
  index: EditionIndex;
  /** Every edition by label, for `/v/<label>/…`. */
  editions: ReadonlyMap<string, EditionIndex>;
}

/** Folders that only a path on someone's computer starts with, never a page of ours. */
const systemFolders = new Set(['etc', 'home', 'usr', 'var', 'tmp', 'root', 'users', 'proc', 'sys', 'dev', 'opt', 'mnt', 'bin', 'private', 'volumes', 'windows']);
const markdownExtension = /\.mdx?$/i;

/** What a link's URL points at, resolved in the edition of the linking file. */
export function resolveLink(source: LinkSource, url: string): LinkTarget {
  if (/^[a-z]:[\\/]/i.test(url) || url.startsWith('\\\\') || /^file:/i.test(url)) return broken('file-path');
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return { kind: 'external' };
  const { pathPart, anchor } = splitUrl(url);
  if (url.startsWith('/')) return resolveSiteLink(source, pathPart, anchor);
  return resolveRelativeLink(source, pathPart, anchor);
}

function resolveRelativeLink(source: LinkSource, pathPart: string, anchor: string | null): LinkTarget {
  const self = source.index.entryAtPath(source.path);
  if (pathPart === '') return self ? { kind: 'entry', entry: self, anchor } : { kind: 'generated' };
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(source.path), pathPart.replace(/\\/g, '/')));
  const folder = source.index.edition.folder;
  const inPlaybook = target.startsWith(`${folder}playbook/`);
  if (!inPlaybook && !target.startsWith(`${folder}competencies/`)) return broken('outside');
  const entry = source.index.entryAtPath(target);
  if (entry) return { kind: 'entry', entry, anchor };
  const relativeTo = (contentPath: string) => relativeLink(source.path, contentPath, pathPart);
  if (markdownExtension.test(target) || !path.posix.extname(target)) {
    const fileGuess = filePathGuess(source.index, target);
    if (fileGuess) return broken('missing', relativeTo(fileGuess));
    if (!markdownExtension.test(target)) {
      if (existsInside(source.index, target)) return { kind: 'file', contentPath: target };
      return broken('missing');
    }
    const suggestion = inPlaybook ? closestPagePath(source.index, target) : closestCompetencyPath(source.index, target);
    return broken('missing', suggestion && relativeTo(suggestion));
  }
  return existsInside(source.index, target) ? { kind: 'file', contentPath: target } : broken('missing');
}

function resolveSiteLink(source: LinkSource, pathPart: string, anchor: string | null): LinkTarget {
  if (markdownExtension.test(pathPart)) return broken('file-path');
  const normalised = new URL(pathPart, 'https://trellis.invalid/').pathname;
  const segments = normalised.split('/').filter(Boolean);
  if (segments.length && /\.[a-z0-9]+$/i.test(segments.at(-1)!)) return { kind: 'external' };
  let index = source.index;
  let prefix = '/';
  if (segments[0] === 'v') {
    const label = segments[1] ?? '';
    const edition = source.editions.get(label);
    if (!edition || edition.edition.isCurrent) return broken('missing', null);
    index = edition;
    prefix = `/v/${label}/`;
    segments.splice(0, 2);
  }
  const target = resolveSitePath(index, segments, anchor);
  if (target.kind !== 'broken') return target;
  if (prefix === '/' && systemFolders.has(segments[0]?.toLowerCase() ?? '')) return broken('file-path');
  const suggestion = segments[0] === 'competencies' ? index.closestCompetencyId(segments[1] ?? '') : index.closestPageId(segments.join('/'));
  return broken('missing', suggestion && `${prefix}${segments[0] === 'competencies' ? 'competencies/' : ''}${suggestion === 'index' ? '' : `${suggestion}/`}`);
}

function resolveSitePath(index: EditionIndex, segments: string[], anchor: string | null): LinkTarget {
  const [first = '', second, third, ...rest] = segments;
  if (segments.length === 0) {
    const home = index.page('index');
    return home ? { kind: 'entry', entry: home, anchor } : { kind: 'generated' };
  }
  if ((first === 'search' || first === '404') && segments.length === 1) return { kind: 'generated' };
  if (first === 'competencies') {
    if (second === undefined) return { kind: 'generated' };
    const competency = third === undefined ? index.competency(second) : undefined;
    return competency ? { kind: 'entry', entry: competency, anchor: null } : broken('missing');
  }
  if (isLayer(first) && (second === undefined || (second === 'page' && /^\d+$/.test(third ?? '') && rest.length === 0))) {
    return index.hasLayerPage(first) ? { kind: 'generated' } : broken('missing');
  }
  const page = index.page(segments.join('/'));
  return page ? { kind: 'entry', entry: page, anchor } : broken('missing');
}

function splitUrl(url: string): { pathPart: string; anchor: string | null } {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const pathPart = decode(query === -1 ? beforeHash : beforeHash.slice(0, query));
  const anchor = hash === -1 ? null : decode(url.slice(hash + 1));
  return { pathPart, anchor: anchor === '' ? null : anchor };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function broken(reason: 'missing' | 'outside' | 'file-path', suggestion: string | null = null): LinkTarget {
  return { kind: 'broken', reason, suggestion };
}

/** The Markdown file an extensionless link or one with the other extension probably meant. */
function filePathGuess(index: EditionIndex, target: string): string | null {
  const stem = target.replace(markdownExtension, '').replace(/\/$/, '');
  for (const candidate of [`${stem}.mdx`, `${stem}.md`, `${stem}/index.mdx`, `${stem}/index.md`]) {
    if (candidate !== target && index.entryAtPath(candidate)) return candidate;
  }
  return null;
}

function closestPagePath(index: EditionIndex, target: string): string | null {
  const playbook = `${index.edition.folder}playbook/`;
  const id = index.closestPageId(pageIdOf(target.slice(playbook.length)));
  return id === null ? null : index.page(id)!.source.path;
}

function closestCompetencyPath(index: EditionIndex, target: string): string | null {
  const folder = `${index.edition.folder}competencies/`;
  const id = index.closestCompetencyId(target.slice(folder.length).replace(markdownExtension, ''));
  return id === null ? null : index.competency(id)!.source.path;
}

/** `to` as a link from the file `from`, written in the style of the original link. */
function relativeLink(from: string, to: string, original: string): string {
  const relative = path.posix.relative(path.posix.dirname(from), to);
  return original.startsWith('./') && !relative.startsWith('../') ? `./${relative}` : relative;
}

/** Whether a file exists at `contentPath`, reached without following any symbolic link. */
function existsInside(index: EditionIndex, contentPath: string): boolean {
  let current = index.contentDir;
  let stats: fs.Stats | undefined;
  for (const segment of contentPath.split('/')) {
    current = path.join(current, segment);
    stats = fs.lstatSync(current, { throwIfNoEntry: false });
    if (!stats || stats.isSymbolicLink()) return false;
  }
  return !!stats?.isFile();
}
