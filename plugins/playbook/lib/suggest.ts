import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to a mistyped value, or null when nothing is close enough to be a
 * plausible typo (suggesting a far-off id would mislead more than it helps).
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(value, candidate);
    if (d < bestDistance || (d === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === null) return null;
  const allowed = Math.max(2, Math.floor(Math.max(value.length, best.length) / 3));
  return bestDistance <= allowed ? best : null;
}

/** "; did you mean `x`?" or nothing, for the end of a message. */
export function didYouMean(suggestion: string | null): string {
  return suggestion ? `; did you mean \`${suggestion}\`?` : '';
}
