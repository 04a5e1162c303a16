// Applies the reader's saved theme before the first paint (an external file, so the
// Content-Security-Policy needs no inline script).
try {
  var theme = localStorage.getItem('trellis-theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
} catch (e) {}
