// Results as you type under the header's search box, from the reader's own edition: a
// combobox whose list the arrow keys walk, Enter opens and Escape closes, with the count told
// to screen readers. With no results it offers the closest titles, tags and competencies.
// Loaded by site.ts on the first focus of the box; Pagefind's index loads then too.
import { type PagefindApi, type PagefindResult, ranking, type Term } from './pagefind.ts';
import { closestTerms, corrections, termsAt } from './suggest.ts';

// The search page takes its suggestions from here, so that this module and what it needs are
// one file: loading it on the first focus of the box then needs no preloading code before it.
export { closestTerms, corrections, termsAt };

const shown = 6;

export function startSearchBox(form: HTMLFormElement, input: HTMLInputElement): void {
  const { bundle = '/pagefind/', base = '/', terms = '' } = form.dataset;
  const popup = element('div', { class: 'search-popup', hidden: '' });
  const list = element('div', { role: 'listbox', id: 'site-search-results', 'aria-label': 'Search results' });
  // Outside the popup, so that it is never hidden when the count changes: screen readers hear it.
  const status = element('p', { role: 'status', class: 'visually-hidden' });
  const empty = element('p', { class: 'search-popup-empty', hidden: '' });
  popup.append(empty, list);
  form.append(status, popup);
  Object.entries({ role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': list.id }).forEach(([name, value]) => input.setAttribute(name, value));
  const pagefind = loadPagefind(bundle, base);
  if (terms) void termsAt(terms);
  let searches = 0;
  let active = -1;

  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  const open = (isOpen: boolean) => {
    popup.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) select(-1);
  };
  const select = (index: number) => {
    active = index;
    options().forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const chosen = options()[index];
    if (chosen) {
      input.setAttribute('aria-activedescendant', chosen.id);
      chosen.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const run = async () => {
    const query = input.value.trim();
    const mine = ++searches;
    if (!query) return open(false);
    const api = await pagefind;
    const [search, known] = await Promise.all([api?.debouncedSearch(query, {}, 120), terms ? termsAt(terms) : []]);
    if (mine !== searches || !search) return;
    const results = await Promise.all(search.results.slice(0, shown).map((result) => result.data()));
    if (mine !== searches) return;
    const offered = results.length ? corrections(query, known) : closestTerms(query, known);
    const all = `${form.action}?${new URLSearchParams({ q: query, edition: form.querySelector<HTMLInputElement>('input[name="edition"]')?.value ?? 'current' })}`;
    const more = results.length ? [option(all, `See all ${countOf(search.results.length)}`, 'search-option-all')] : [];
    list.replaceChildren(...offered.map((term) => suggestionOption(term, form.action)), ...results.map(resultOption), ...more);
    const meant = offered.length ? ` Did you mean ${offered.map((term) => `“${term.t}”`).join(' or ')}?` : '';
    status.textContent = `${results.length ? countOf(search.results.length) : 'No results'} for “${query}”.${meant}`;
    empty.hidden = results.length + offered.length > 0;
    empty.textContent = `No results for “${query}”.`;
    options().forEach((item, index) => (item.id = `site-search-option-${index}`));
    open(true);
    select(-1);
  };

  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (event) => {
    const count = options().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (popup.hidden) return void run();
      event.preventDefault();
      select(count ? (active + (event.key === 'ArrowDown' ? 1 : count - 1 + (active < 0 ? 1 : 0))) % count : -1);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      location.href = options()[active]!.href;
    } else if (event.key === 'Escape' && !popup.hidden) {
      event.preventDefault();
      event.stopPropagation();
      open(false);
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) void run();
  });
  if (input.value.trim()) void run();
}

function countOf(n: number): string {
  return `${n} ${n === 1 ? 'result' : 'results'}`;
}

function loadPagefind(bundle: string, base: string): Promise<PagefindApi | null> {
  return import(/* @vite-ignore */ `${bundle}pagefind.js`)
    .then(async (api: PagefindApi) => {
      await api.options({ baseUrl: base, excerptLength: 12, ranking });
      await api.init();
      return api;
    })
    // The index is written by `npm run build`; the dev server has none, and the box then only submits.
    .catch(() => null);
}

function resultOption(result: PagefindResult): HTMLAnchorElement {
  const item = option(result.url, '', 'search-option');
  const title = element('span', { class: 'search-option-title' });
  title.textContent = result.meta.title ?? result.url;
  const meta = element('span', { class: 'search-option-meta' });
  meta.textContent = result.meta.layer ?? '';
  const excerpt = element('span', { class: 'search-option-excerpt' });
  // Pagefind's excerpt is the page's own text, escaped by Pagefind, with <mark> around matches.
  excerpt.innerHTML = result.excerpt;
  item.append(title, meta, excerpt);
  return item;
}

function suggestionOption(term: Term, searchPage: string): HTMLAnchorElement {
  const href = term.u ?? `${searchPage}?${new URLSearchParams({ q: term.t })}`;
  const item = option(href, '', 'search-option search-option-suggestion');
  const label = element('span', { class: 'search-option-title' });
  label.textContent = term.t;
  const kind = element('span', { class: 'search-option-meta' });
  kind.textContent = term.u ? 'Did you mean' : 'Search for the tag';
  item.append(kind, label);
  return item;
}

function option(href: string, text: string, className: string): HTMLAnchorElement {
  const item = element('a', { role: 'option', class: className, href, tabindex: '-1', 'aria-selected': 'false' });
  if (text) item.textContent = text;
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
}
