/**
 * Identifiers that an importing system can rely on: UUID version 5 (name-based, SHA-1) from
 * the site's address and what the thing is, so the same competency has the same identifier in
 * every build and every edition, and two sites never share one.
 */
import { v5 } from 'uuid';

export type StableId = (kind: string, ...names: string[]) => string;

/** `ids('competency', 'strategic-foresight')`; `siteUrl` is the namespace (RFC 9562's URL namespace). */
export function stableIds(siteUrl: string): StableId {
  const namespace = v5(siteUrl, v5.URL);
  // NUL never occurs in an id, so `a` + `b-c` and `a-b` + `c` cannot meet.
  return (kind, ...names) => v5([kind, ...names].join('\0'), namespace);
}
