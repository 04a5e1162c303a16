// If this breaks, an organisation's brand colour could make links and headings unreadable in
// one of the themes without anyone being told, or a typo in the colour or the logo would stop
// the build with a stack trace instead of saying what to change.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accentStylesheet, checkLogo, contrast, minimumContrast, resolveAccent, themeBackgrounds, ThemeError } from '../../plugins/astro-trellis/lib/theme.ts';
import { projectRoot } from '../helpers/build-site.ts';

const rgb = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
const worstContrast = (colour: string, theme: 'light' | 'dark') => Math.min(...themeBackgrounds[theme].map((background) => contrast(rgb(colour), rgb(background))));

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ThemeError) return error.message;
    throw error;
  }
  throw new Error('expected a ThemeError');
}

describe('the accent colour', () => {
  it('keeps a readable colour for the light theme and lightens it, hue kept, until it reads on the dark one', () => {
    const accent = resolveAccent('#0D6E5F');
    expect(accent.light).toBe('#0d6e5f');
    expect(worstContrast(accent.dark, 'dark')).toBeGreaterThanOrEqual(minimumContrast);
    const [r, g, b] = rgb(accent.dark);
    expect(g > r && g > b, `${accent.dark} is still a green`).toBe(true);
  });

  it('takes one colour per theme, each checked against its own backgrounds', () => {
    expect(resolveAccent({ light: '#0a58a8', dark: '#8cc4ff' })).toEqual({ light: '#0a58a8', dark: '#8cc4ff' });
    expect(messageOf(() => resolveAccent({ light: '#0a58a8', dark: '#0a58a8' }))).toMatch(/^The accent\.dark colour `#0a58a8` has a contrast of 2\.\d\d:1 with the dark theme's background `#1d232a`; text needs at least 4\.5:1 \(WCAG AA\)\. Choose a lighter colour, such as `#[0-9a-f]{6}`\.$/);
  });

  it('stops the build on a colour too pale for the light theme, naming the colour, the ratio and a colour that passes', () => {
    const message = messageOf(() => resolveAccent('#7fd4c1'));
    expect(message).toMatch(/^The accent colour `#7fd4c1` has a contrast of 1\.\d\d:1 with the light theme's background `#f4f6f8`; text needs at least 4\.5:1 \(WCAG AA\)\. Choose a darker colour, such as `(#[0-9a-f]{6})`, or give each theme its own: `accent: \{ light: '…', dark: '…' \}`\.$/);
    const suggested = /such as `(#[0-9a-f]{6})`/.exec(message)![1]!;
    expect(worstContrast(suggested, 'light')).toBeGreaterThanOrEqual(minimumContrast);
    expect(() => resolveAccent(suggested)).not.toThrow();
  });

  it('refuses what it cannot check, saying how to write a colour', () => {
    expect(messageOf(() => resolveAccent('teal'))).toBe('The accent colour `teal` is not a colour Trellis can check; write it as a hex colour such as `#0d6e5f`.');
  });

  it("is served as a stylesheet that outweighs the site's own and stays black on paper", () => {
    expect(accentStylesheet({ light: '#7b2cbf', dark: '#a874d5' })).toBe(':root:root { --accent: light-dark(#7b2cbf, #a874d5); }\n@media print { :root:root:root { --accent: #000; } }\n');
  });

  it("passes with the site's own colours", () => {
    expect(() => resolveAccent({ light: '#0d6e5f', dark: '#6fd6c2' })).not.toThrow();
  });
});

describe('the logo', () => {
  const publicDir = path.join(projectRoot, 'public');

  it('is a file of the public folder', () => {
    expect(() => checkLogo('/favicon.svg', publicDir)).not.toThrow();
    expect(() => checkLogo(undefined, publicDir)).not.toThrow();
  });

  it('that names no file stops the build, saying where to put it', () => {
    expect(messageOf(() => checkLogo('/corvane-mark.svg', publicDir))).toBe(`The logo \`/corvane-mark.svg\` is not a file of the public folder (\`${publicDir}\`). Put the image there and name it from the folder, as \`trellis({ logo: '/mark.svg' })\`.`);
    expect(messageOf(() => checkLogo('../package.json', publicDir))).toContain('is not a file of the public folder');
  });
});
