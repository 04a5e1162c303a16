/** Small helpers for sentences built from the author's words (diagram descriptions, messages). */

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[]): string {
  if (items.length < 2) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Labels come from YAML and frontmatter, where they may span lines; a diagram shows them on one. */
export function normaliseLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
