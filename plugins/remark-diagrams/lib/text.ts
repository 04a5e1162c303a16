/** Small helpers for the sentences of diagram descriptions and summaries. */

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[]): string {
  if (items.length < 2) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "1 initiative", "3 initiatives". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Labels come from YAML and frontmatter, where they may span lines; a diagram shows them on one. */
export function normaliseLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A short, stable id from content (FNV-1a), so that the same diagram gets the same ids on
 * every build and no counter is shared between pages.
 */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** "internal" → "Internal": layer and cluster names as headings. */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
