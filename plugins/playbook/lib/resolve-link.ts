/**
 * Where a link written in a page points, in terms of the playbook: a page id and an anchor.
 * The checker uses this to verify links and the renderer to rewrite them, so a link that
 * passes the check is exactly the link that is rendered.
 */
import path from 'node:path';
import { canonicalPageId, pageIdOf } from './urls.ts';

export type ResolvedLink =
  | { kind: 'external' }
  | { kind: 'page'; id: string; anchor: string }
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
export function resolvePageLink(url: string, fromPath: string): ResolvedLink {
  if (scheme.test(url) || url.startsWith('//')) return { kind: 'external' };
  const [target = '', anchor = ''] = splitAnchor(url);
  if (target === '') return { kind: 'same-page', anchor };
  if (target.startsWith('/')) return resolveSiteLink(target, anchor);
  if (!markdownFile.test(target)) return { kind: 'external' };
  const fromFolder = path.posix.dirname(fromPath);
  const resolved = path.posix.normalize(path.posix.join(fromFolder, decodeURIComponent(target)));
  if (!resolved.startsWith('playbook/')) {
    return { kind: 'outside', reason: resolved.startsWith('competencies/') ? 'competency-file' : 'outside' };
  }
  return { kind: 'page', id: pageIdOf(resolved.slice('playbook/'.length)), anchor };
}

function resolveSiteLink(target: string, anchor: string): ResolvedLink {
  const trimmed = canonicalPageId(target.replace(/^\/+|\/+$/g, ''));
  if (trimmed.includes('..') || markdownFile.test(trimmed)) return { kind: 'outside', reason: 'absolute-path' };
  if (trimmed === '') return { kind: 'page', id: 'index', anchor };
  if (generatedPaths.has(trimmed) || trimmed.startsWith('v/')) return { kind: 'generated', path: trimmed, anchor };
  if (trimmed.startsWith('competencies/')) return { kind: 'competency', id: trimmed.slice('competencies/'.length), anchor };
  if (trimmed.startsWith('roles/')) return { kind: 'role', id: trimmed.slice('roles/'.length), anchor };
  return { kind: 'page', id: trimmed, anchor };
}

function splitAnchor(url: string): [string, string] {
  const hash = url.indexOf('#');
  return hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash + 1)];
}
