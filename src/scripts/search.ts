// The search page: runs Pagefind in the browser, with facets that combine and an edition
// scope that defaults to the reader's edition. Loaded on the search page only.
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options: { filters: Record<string, string[]> }): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>;
}

const facets: [key: string, label: string][] = [
  ['layer', 'Layer'],
  ['competency', 'Competency'],
  ['format', 'Format'],
  ['audience', 'Audience'],
];

const root = document.querySelector<HTMLElement>('#search')!;
const base = root.dataset.base ?? '/';
const editionNames = JSON.parse(root.dataset.editions ?? '{}') as Record<string, string>;
const params = new URLSearchParams(location.search);
const readerEdition = params.get('edition') && editionNames[params.get('edition')!] ? params.get('edition')! : 'current';
const queryInput = root.querySelector<HTMLInputElement>('#search-query')!;
const allEditions = root.querySelector<HTMLInputElement>('#search-all-editions')!;
const status = root.querySelector<HTMLElement>('#search-status')!;
const list = root.querySelector<HTMLOListElement>('#search-results')!;
const facetBox = root.querySelector<HTMLElement>('#search-facets')!;
root.querySelector<HTMLInputElement>('input[name="edition"]')!.value = readerEdition;
root.querySelector<HTMLElement>('#search-scope-note')!.textContent = `Unticked, results come from ${editionNames[readerEdition] ?? 'the current edition'} only.`;
queryInput.value = params.get('q') ?? '';
allEditions.checked = params.get('scope') === 'all';

let pagefind: Pagefind;
let searchCount = 0;

async function start(): Promise<void> {
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  } catch {
    const notice = root.querySelector<HTMLElement>('#search-unavailable')!;
    notice.hidden = false;
    notice.textContent = 'The search index is built with the site, so it is not available in the dev server. Run `npm run build` and then `npm run preview` to search.';
    return;
  }
  await pagefind.options({ baseUrl: base, excerptLength: 24 });
  root.querySelector<HTMLElement>('.search-body')!.hidden = false;
  renderFacets(await pagefind.filters());
  root.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  queryInput.addEventListener('input', () => void run());
  root.addEventListener('change', () => void run());
  queryInput.focus();
  await run();
}

function renderFacets(available: Record<string, Record<string, number>>): void {
  for (const [key, label] of facets) {
    const values = Object.keys(available[key] ?? {}).sort((a, b) => a.localeCompare(b, 'en'));
    if (values.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'facet';
    const legend = document.createElement('legend');
    legend.textContent = label;
    fieldset.append(legend);
    for (const value of values) {
      const option = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = `facet-${key}`;
      box.value = value;
      box.checked = params.getAll(key).includes(value);
      option.append(box, ` ${value}`);
      fieldset.append(option);
    }
    facetBox.append(fieldset);
  }
}

function chosenFilters(): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [key] of facets) {
    const chosen = [...root.querySelectorAll<HTMLInputElement>(`input[name="facet-${key}"]:checked`)].map((box) => box.value);
    if (chosen.length) filters[key] = chosen;
  }
  if (!allEditions.checked) filters.edition = [readerEdition];
  return filters;
}

async function run(): Promise<void> {
  const query = queryInput.value.trim();
  const filters = chosenFilters();
  const facetChosen = Object.keys(filters).some((key) => key !== 'edition');
  const mine = ++searchCount;
  updateAddress(query, filters);
  if (!query && !facetChosen) {
    list.replaceChildren();
    status.textContent = 'Type a word, or choose a layer, competency, format or audience.';
    return;
  }
  const search = await pagefind.search(query || null, { filters: multiSelect(filters) });
  if (mine !== searchCount || !search) return;
  const results = await Promise.all(search.results.slice(0, 30).map((result) => result.data()));
  if (mine !== searchCount) return;
  list.replaceChildren(...results.map(renderResult));
  const shown = results.length < search.results.length ? ` (showing the first ${results.length})` : '';
  status.textContent = `${search.results.length} ${search.results.length === 1 ? 'result' : 'results'}${shown}.`;
}

/** Several values of one facet widen the search (any of them); different facets narrow it. */
function multiSelect(filters: Record<string, string[]>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, values.length > 1 ? { any: values } : values[0]]));
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
  const edition = result.filters.edition?.[0];
  details.textContent = [result.meta.layer, edition ? editionNames[edition] ?? edition : undefined].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is the page's own text, escaped by Pagefind, with <mark> around matches.
  excerpt.innerHTML = result.excerpt;
  item.append(heading, details, excerpt);
  return item;
}

function updateAddress(query: string, filters: Record<string, string[]>): void {
  const next = new URLSearchParams();
  if (query) next.set('q', query);
  next.set('edition', readerEdition);
  if (allEditions.checked) next.set('scope', 'all');
  for (const [key, values] of Object.entries(filters)) if (key !== 'edition') for (const value of values) next.append(key, value);
  history.replaceState(null, '', `?${next}`);
}

void start();
