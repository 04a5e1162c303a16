/**
 * Where a link written in a page points, in terms of the playbook: a page id and an anchor.
 * The checker uses this to verify links and the renderer to rewrite them, so a link that
 * passes the check is exactly the link that is rendered.
 */
import path from 'node:path';
import { canonicalPageId, pageIdOf, pageUrlPath } from './urls.ts';

export type ResolvedLink =
  | { kind: 'external' }
  /** A relative link to a page's file: the page of that id. */
  | { kind: 'page'; id: string; anchor: string }
  /** A site-absolute link to a page (`/team_rituals/onboarding-guide/`): the page at that URL. */
  | { kind: 'site-page'; path: string; anchor: string }
  /**
   * A relative link to a folder (`./design/`, or `./design` with no extension): the folder's
   * `index` page, whose id is `id`, when it has one; else, for a name without a slash, a file
   * of that name. `file` is relative to the edition's folder, as `fromPath` is.
   */
  | { kind: 'folder'; id: string; file: string; anchor: string }
  /** A relative link to any other file of the playbook folder (an image, a PDF), relative to the edition's folder. */
  | { kind: 'file'; file: string; anchor: string }
  | { kind: 'same-page'; anchor: string }
  | { kind: 'competency'; id: string; anchor: string }
  | { kind: 'role'; id: string; anchor: string }
  | { kind: 'generated'; path: string; anchor: string }
  | { kind: 'outside'; reason: string };

const scheme = /^[a-z][a-z0-9+.-]*:/i;
const markdownFile = /\.mdx?$/;
/** The generator's own pages that a link may name (older editions' are under `v/`). */
const generatedPaths = new Set(['competencies', 'competencies/levels', 'roles', 'plan', 'search']);

/**
 * @param url the link as written
 * @param fromPath the linking file, relative to its edition's folder (`playbook/internal/x.mdx`)
 */
export function resolvePageLink(written: string, fromPath: string): ResolvedLink {
  const url = browserUrl(written);
  if (scheme.test(url) || url.startsWith('//')) return { kind: 'external' };
  const [target = '', anchor = ''] = splitAnchor(url);
  if (target === '') return { kind: 'same-page', anchor };
  if (target.startsWith('/')) return resolveSiteLink(target, anchor);
  const file = decode(target);
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromPath), file));
  if (resolved !== 'playbook' && !resolved.startsWith('playbook/')) {
    return { kind: 'outside', reason: resolved.startsWith('competencies/') ? 'competency-file' : 'outside' };
  }
  if (markdownFile.test(resolved)) return { kind: 'page', id: pageIdOf(resolved.slice('playbook/'.length)), anchor };
  const folder = resolved.replace(/\/$/, '');
  if (file.endsWith('/') || file === '.' || file === '..' || path.posix.extname(folder) === '') {
    return { kind: 'folder', id: folder === 'playbook' ? 'index' : folder.slice('playbook/'.length), file: folder, anchor };
  }
  return { kind: 'file', file: resolved, anchor };
}

function resolveSiteLink(target: string, anchor: string): ResolvedLink {
  const trimmed = canonicalPageId(decode(target).replace(/^\/+|\/+$/g, ''));
  if (trimmed.includes('..') || markdownFile.test(trimmed)) return { kind: 'outside', reason: 'absolute-path' };
  if (trimmed === '') return { kind: 'page', id: 'index', anchor };
  if (generatedPaths.has(trimmed) || trimmed.startsWith('v/')) return { kind: 'generated', path: trimmed, anchor };
  if (trimmed.startsWith('competencies/')) return { kind: 'competency', id: trimmed.slice('competencies/'.length), anchor };
  if (trimmed.startsWith('roles/')) return { kind: 'role', id: trimmed.slice('roles/'.length), anchor };
  return { kind: 'site-page', path: pageUrlPath(trimmed), anchor };
}

/**
 * The URL as a browser reads it: without tabs and line breaks anywhere, or spaces and control
 * characters at either end (`java\tscript:` is `javascript:`).
 */
export function browserUrl(url: string): string {
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** The link without its `#anchor` and `?query` (`photo.png?raw=true`, as GitHub links images), and the anchor. */
function splitAnchor(url: string): [string, string] {
  const hash = url.indexOf('#');
  const [beforeHash, anchor] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash + 1)];
  const query = beforeHash.indexOf('?');
  return [query === -1 ? beforeHash : beforeHash.slice(0, query), anchor];
}

/** `%20` and the like as the file name they stand for; a malformed escape is left as written (the checker reports it). */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
