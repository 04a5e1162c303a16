// "Did you mean": the titles, tags and competency names of the edition closest to a query
// that found nothing, by edit distance word by word, so that "sucession" offers "Succession
// planning". The list is a small file per edition, fetched only when a search finds nothing.
import { distance } from 'fastest-levenshtein';
import type { Term } from './pagefind.ts';

const loaded = new Map<string, Promise<Term[]>>();

export function termsAt(url: string): Promise<Term[]> {
  let terms = loaded.get(url);
  if (!terms) {
    terms = fetch(url).then((response) => (response.ok ? (response.json() as Promise<Term[]>) : []), () => []);
    loaded.set(url, terms);
  }
  return terms;
}

const vocabularies = new WeakMap<readonly Term[], string[]>();

/**
 * The closest terms when a word of the query is no word (nor the start of one) of the
 * edition's titles, tags and competencies but is near one: "sucession planning" finds pages
 * that only say "planning", and the reader is offered "Succession planning" above them.
 */
export function corrections(query: string, terms: readonly Term[], limit = 3): Term[] {
  let vocabulary = vocabularies.get(terms);
  if (!vocabulary) vocabularies.set(terms, (vocabulary = [...new Set(terms.flatMap((term) => wordsOf(term.t)))]));
  const unknown = wordsOf(query).filter((word) => word.length >= 3 && !vocabulary.some((known) => known.startsWith(word)));
  return unknown.length ? closestTerms(query, terms, limit) : [];
}

/** Up to `limit` terms in which every word of the query is close to a word, best first. */
export function closestTerms(query: string, terms: readonly Term[], limit = 3): Term[] {
  const wanted = wordsOf(query);
  if (!wanted.length) return [];
  const scored: { term: Term; score: number }[] = [];
  for (const term of terms) {
    const words = wordsOf(term.t);
    let score = 0;
    for (const word of wanted) {
      const best = Math.min(...words.map((candidate) => (candidate.startsWith(word) && word.length >= 3 ? 0 : distance(word, candidate))));
      if (best > allowedEdits(word)) {
        score = Infinity;
        break;
      }
      score += best;
    }
    if (Number.isFinite(score)) scored.push({ term, score: score + 0.01 * Math.abs(words.length - wanted.length) });
  }
  const seen = new Set<string>();
  return scored
    .sort((a, b) => a.score - b.score || a.term.t.localeCompare(b.term.t, 'en'))
    .map((entry) => entry.term)
    .filter((term) => !seen.has(term.t.toLowerCase()) && seen.add(term.t.toLowerCase()))
    .slice(0, limit);
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** One typo in a short word, two in a longer one; none in a word of two letters. */
function allowedEdits(word: string): number {
  return word.length <= 2 ? 0 : word.length <= 5 ? 1 : 2;
}
