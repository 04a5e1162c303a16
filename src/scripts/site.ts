// The only script every page loads: the theme toggle and the search shortcut. The site
// works without it; it only adds conveniences.
export {};
const themeKey = 'trellis-theme';
const root = document.documentElement;
const toggle = document.querySelector<HTMLButtonElement>('.theme-toggle');

function effectiveTheme(): 'dark' | 'light' {
  const chosen = root.dataset.theme;
  if (chosen === 'dark' || chosen === 'light') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function showTheme(): void {
  if (!toggle) return;
  const dark = effectiveTheme() === 'dark';
  toggle.setAttribute('aria-pressed', String(dark));
  toggle.textContent = 'Dark theme';
}

if (toggle) {
  toggle.hidden = false;
  showTheme();
  toggle.addEventListener('click', () => {
    const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(themeKey, next);
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
    showTheme();
  });
}

const searchInput = document.querySelector<HTMLInputElement>('#site-search-input');
document.addEventListener('keydown', (event) => {
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
