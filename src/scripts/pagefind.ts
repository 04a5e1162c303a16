// What the site's scripts use of Pagefind's browser API (its module is loaded from each
// edition's bundle at run time, so it has no types of its own here), and the weights both
// search boxes rank with: a word in the title counts most, then tags and partner names.
export interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
export interface PagefindSearch {
  results: { data(): Promise<PagefindResult> }[];
  /** For each facet, how many results each value has. */
  filters: Record<string, Record<string, number>>;
}
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: Record<string, unknown>, ms?: number): Promise<PagefindSearch | null>;
}

/** The metadata each page carries (src/views/PageView.astro) and how much a match in it counts. */
export const ranking = { metaWeights: { title: 6, tags: 4, partner: 4, competencies: 2, owner: 2, description: 1.5, layer: 0.5 } };

/** A title, tag or competency name of the edition, for "did you mean" (`search-terms.json`). */
export interface Term {
  /** The words as shown. */
  t: string;
  /** Where it leads: a page or competency; a tag has none, and is searched for instead. */
  u?: string;
}
