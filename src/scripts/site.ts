// The only script every page loads: the theme control, keyboard conveniences, and the header
// search, whose code and index load on the first focus of the box, not before. The site works
// without it; it only adds conveniences.
export {};
const themeKey = 'trellis-theme';
const root = document.documentElement;
const themeControl = document.querySelector<HTMLElement>('.theme-control');
const themeSelect = themeControl?.querySelector('select');

if (themeControl && themeSelect) {
  themeControl.hidden = false;
  themeSelect.value = root.dataset.theme ?? 'auto';
  themeSelect.addEventListener('change', () => {
    const chosen = themeSelect.value;
    if (chosen === 'light' || chosen === 'dark') root.dataset.theme = chosen;
    else delete root.dataset.theme;
    try {
      if (chosen === 'light' || chosen === 'dark') localStorage.setItem(themeKey, chosen);
      else localStorage.removeItem(themeKey);
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
  });
}

const searchForm = document.querySelector<HTMLFormElement>('.site-search');
const searchInput = document.querySelector<HTMLInputElement>('#site-search-input');
const startSearch = () => {
  if (searchForm && searchInput) void import('./search-box.ts').then(({ startSearchBox }) => startSearchBox(searchForm, searchInput));
};
searchInput?.addEventListener('focus', startSearch, { once: true });

const menu = document.querySelector<HTMLDetailsElement>('.site-menu');
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') return closeOverlays();
  if (!searchInput) return;
  const target = event.target as HTMLElement | null;
  const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
  const commandK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
  if (slash || commandK) {
    event.preventDefault();
    searchInput.focus();
    searchInput.select();
  }
});

/** Escape closes the phone menu, or a diagram's full-size view (back to its caption). */
function closeOverlays(): void {
  if (menu?.open) {
    menu.open = false;
    menu.querySelector('summary')?.focus();
    return;
  }
  const opened = location.hash && document.querySelector(`.diagram:target`);
  if (opened) location.hash = `#${opened.id}-caption`;
}
