/** Small helpers for the sentences of diagram descriptions and summaries. */
export { joinList } from '../../playbook/index.ts';

/** "1 initiative", "3 initiatives". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
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
