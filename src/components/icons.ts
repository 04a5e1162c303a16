/**
 * The few icons the chrome uses, as SVG path data drawn on a 24-unit grid with `currentColor`
 * strokes: inline, so they need no request and no exception in the Content-Security-Policy.
 */
export const icons = {
  search: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM15.5 15.5 20 20',
  menu: 'M4 7h16M4 12h16M4 17h16',
  close: 'M6 6l12 12M18 6 6 18',
  sun: 'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM12 2.5v2M12 19.5v2M4.6 4.6l1.4 1.4M18 18l1.4 1.4M2.5 12h2M19.5 12h2M4.6 19.4 6 18M18 6l1.4-1.4',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z',
  auto: 'M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17ZM12 3.5v17',
  chevron: 'M6 9l6 6 6-6',
  editions: 'M4 6.5 12 3l8 3.5-8 3.5-8-3.5ZM4 11.5l8 3.5 8-3.5M4 16.5l8 3.5 8-3.5',
} as const;
