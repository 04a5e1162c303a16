// The search page: runs Pagefind in the browser on the reader's edition, whose bundle lives
// in that edition's folder, and merges the other editions' bundles when "Search every
// edition" is ticked. Results come first; the facets, in a folded panel, combine and show how
// many results each value has; each result says which edition it comes from. A search that
// finds nothing offers the closest titles, tags and competencies. Loaded on the search page only.
import { type PagefindResult, type PagefindSearch, ranking } from './pagefind.ts';
import { closestTerms, corrections, termsAt } from './search-box.ts';

/** One Pagefind instance: a primary bundle, possibly with other bundles merged in. */
interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(bundle: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options: { filters: Record<string, unknown> }): Promise<PagefindSearch | null>;
}
interface PagefindModule {
  createInstance(options: { basePath: string }): PagefindInstance;
}
interface SearchEdition {
  key: string;
  name: string;
  /** URL of the edition's Pagefind bundle, ending in `pagefind/`. */
  bundle: string;
  /** URL prefix of the edition's pages. */
  root: string;
  /** The edition's own search page. */
  page: string;
}

const facets: [key: string, label: string][] = [
  ['layer', 'Layer'],
  ['competency', 'Competency'],
  ['format', 'Format'],
  ['audience', 'Audience'],
];

const root = document.querySelector<HTMLElement>('#search')!;
const base = root.dataset.base ?? '/';
const editions = JSON.parse(root.dataset.editions ?? '[]') as SearchEdition[];
const params = new URLSearchParams(location.search);
const reader = editions.find((edition) => edition.key === params.get('edition')) ?? editions.find((edition) => edition.key === root.dataset.edition) ?? editions[0]!;
const queryInput = root.querySelector<HTMLInputElement>('#search-query')!;
const allEditions = root.querySelector<HTMLInputElement>('#search-all-editions')!;
const statusLine = root.querySelector<HTMLElement>('#search-status')!;
const list = root.querySelector<HTMLOListElement>('#search-results')!;
const facetBox = root.querySelector<HTMLElement>('#search-facets')!;
const filterPanel = root.querySelector<HTMLDetailsElement>('#search-filters')!;
const filterCount = root.querySelector<HTMLElement>('#search-filter-count')!;
root.querySelector<HTMLInputElement>('input[name="edition"]')!.value = reader.key;
root.querySelector<HTMLElement>('#search-scope-note')!.textContent = `Unticked, results come from ${inSentence(reader)} only.`;
root.querySelector<HTMLElement>('.search-scope')!.hidden = editions.length < 2;
queryInput.value = params.get('q') ?? '';
allEditions.checked = params.get('scope') === 'all' && editions.length > 1;

let pagefind: PagefindModule;
/** The reader's edition alone, and (made on first use) every edition merged. */
const instances: { mine?: PagefindInstance; all?: Promise<PagefindInstance> } = {};
let searchCount = 0;

async function start(): Promise<void> {
  try {
    pagefind = (await import(/* @vite-ignore */ `${reader.bundle}pagefind.js`)) as PagefindModule;
    instances.mine = await instanceOf(reader);
  } catch {
    const notice = root.querySelector<HTMLElement>('#search-unavailable')!;
    notice.hidden = false;
    notice.textContent = 'The search index is built with the site, so it is not available in the dev server. Run `npm run build` and then `npm run preview` to search.';
    return;
  }
  await showFacets();
  filterPanel.open = Object.keys(chosenFilters()).length > 0;
  root.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  queryInput.addEventListener('input', () => void run());
  allEditions.addEventListener('change', () => void showFacets().then(run));
  facetBox.addEventListener('change', () => void run());
  queryInput.focus();
  await run();
}

/** Result URLs are the pages' real paths, so every bundle gets the site's base, not its own folder. */
async function instanceOf(primary: SearchEdition): Promise<PagefindInstance> {
  const instance = pagefind.createInstance({ basePath: primary.bundle });
  await instance.options({ baseUrl: base, excerptLength: 24, ranking });
  return instance;
}

function activeInstance(): Promise<PagefindInstance> {
  if (!allEditions.checked) return Promise.resolve(instances.mine!);
  instances.all ??= instanceOf(reader).then(async (instance) => {
    for (const edition of editions) if (edition !== reader) await instance.mergeIndex(edition.bundle, { baseUrl: base });
    return instance;
  });
  return instances.all;
}

/** The facets of the editions searched, keeping what the reader ticked (or the address says). */
async function showFacets(): Promise<void> {
  const chosen = facetBox.childElementCount ? chosenFilters() : Object.fromEntries(facets.map(([key]) => [key, params.getAll(key)]));
  const available = await (await activeInstance()).filters();
  const fieldsets: HTMLFieldSetElement[] = [];
  for (const [key, label] of facets) {
    const values = new Set([...Object.keys(available[key] ?? {}), ...(chosen[key] ?? [])]);
    if (values.size === 0) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'facet';
    const legend = document.createElement('legend');
    legend.textContent = label;
    fieldset.append(legend);
    for (const value of [...values].sort((a, b) => a.localeCompare(b, 'en'))) {
      const option = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = `facet-${key}`;
      box.value = value;
      box.checked = chosen[key]?.includes(value) ?? false;
      const label = document.createElement('span');
      label.textContent = value;
      const count = document.createElement('span');
      count.className = 'facet-count';
      option.append(box, ' ', label, count);
      fieldset.append(option);
    }
    fieldsets.push(fieldset);
  }
  facetBox.replaceChildren(...fieldsets);
}

function chosenFilters(): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [key] of facets) {
    const chosen = [...root.querySelectorAll<HTMLInputElement>(`input[name="facet-${key}"]:checked`)].map((box) => box.value);
    if (chosen.length) filters[key] = chosen;
  }
  return filters;
}

async function run(): Promise<void> {
  const query = queryInput.value.trim();
  const filters = chosenFilters();
  const mine = ++searchCount;
  updateAddress(query, filters);
  root.querySelector<HTMLElement>('#search-suggestions')!.hidden = true;
  const chosen = Object.values(filters).flat().length;
  filterCount.textContent = chosen ? ` (${chosen} chosen)` : '';
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    statusLine.textContent = 'Type a word, or open the filters to choose a layer, competency, format or audience.';
    return;
  }
  const instance = await activeInstance();
  const search = await instance.search(query || null, { filters: multiSelect(filters) });
  if (mine !== searchCount || !search) return;
  const results = await Promise.all(search.results.slice(0, 30).map((result) => result.data()));
  if (mine !== searchCount) return;
  list.replaceChildren(...results.map(renderResult));
  showCounts(search.filters);
  const shown = results.length < search.results.length ? `, showing the first ${results.length}` : '';
  const scope = allEditions.checked ? 'every edition' : inSentence(reader);
  statusLine.textContent = `${search.results.length} ${search.results.length === 1 ? 'result' : 'results'} in ${scope}${shown}.`;
  if (query) await offerClosest(query, mine, search.results.length > 0);
}

/** How many of the results each facet value has, beside the value. */
function showCounts(counts: PagefindSearch['filters']): void {
  for (const box of facetBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const n = counts?.[box.name.slice('facet-'.length)]?.[box.value] ?? 0;
    box.parentElement!.querySelector('.facet-count')!.textContent = ` (${n})`;
  }
}

/**
 * "Did you mean": links to the closest titles and competencies, and searches for the closest
 * tags; above the results when a word of the query looks misspelt, instead of them when none.
 */
async function offerClosest(query: string, mine: number, found: boolean): Promise<void> {
  const terms = await termsAt(root.dataset.terms ?? '');
  const closest = found ? corrections(query, terms) : closestTerms(query, terms);
  if (mine !== searchCount || !closest.length) return;
  const offer = root.querySelector<HTMLElement>('#search-suggestions')!;
  offer.replaceChildren('Did you mean ');
  closest.forEach((term, index) => {
    const link = document.createElement('a');
    link.href = term.u ?? `?${new URLSearchParams({ q: term.t, edition: reader.key })}`;
    link.textContent = term.t;
    offer.append(...(index ? [index === closest.length - 1 ? ' or ' : ', '] : []), link);
  });
  offer.append('?');
  offer.hidden = false;
}

/** Several values of one facet widen the search (any of them); different facets narrow it. */
function multiSelect(filters: Record<string, string[]>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, values.length > 1 ? { any: values } : values[0]]));
}

/** "the current edition", "edition 2025.2". */
function inSentence(edition: SearchEdition): string {
  return edition.key === 'current' ? 'the current edition' : `edition ${edition.key}`;
}

/** The edition a result belongs to, from its address: older editions live under `v/<label>/`. */
function editionOf(url: string): SearchEdition | undefined {
  const path = new URL(url, location.href).pathname;
  return editions.filter((edition) => path.startsWith(edition.root)).sort((a, b) => b.root.length - a.root.length)[0];
}

function renderResult(result: PagefindResult): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  heading.append(link);
  const details = document.createElement('p');
  details.className = 'muted search-result-meta';
  const edition = allEditions.checked ? editionOf(result.url)?.name : undefined;
  details.textContent = [result.meta.layer, edition].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is the page's own text, escaped by Pagefind, with <mark> around matches.
  excerpt.innerHTML = result.excerpt;
  item.append(heading, details, excerpt);
  return item;
}

function updateAddress(query: string, filters: Record<string, string[]>): void {
  const next = new URLSearchParams();
  if (query) next.set('q', query);
  next.set('edition', reader.key);
  if (allEditions.checked) next.set('scope', 'all');
  for (const [key, values] of Object.entries(filters)) for (const value of values) next.append(key, value);
  history.replaceState(null, '', `?${next}`);
  keepQueryInSwitcher(query);
}

/** The edition switcher opens the same search in the other edition. */
function keepQueryInSwitcher(query: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.version-switcher a[hreflang]')) {
    const edition = editions.find((candidate) => new URL(candidate.page, location.href).pathname === new URL(link.href).pathname);
    if (edition) link.search = query ? `?${new URLSearchParams({ q: query, edition: edition.key })}` : '';
  }
}

void start();
