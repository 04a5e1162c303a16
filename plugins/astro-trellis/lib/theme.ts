/**
 * The organisation's accent colour, checked when the build starts: the site uses it for text
 * (the current page in the menu, eyebrows, the chrome's links), so it must reach WCAG AA's
 * 4.5:1 against every background of its theme. A colour that does not stops the build with
 * the colour, the ratio, and one that would pass; nothing is published with unreadable text.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TrellisOptions } from './state.ts';

export type Theme = 'light' | 'dark';

/** The backgrounds accent text sits on, per theme (src/styles/site.css `--bg` and `--bg-soft`). */
export const themeBackgrounds: Record<Theme, readonly string[]> = {
  light: ['#ffffff', '#f4f6f8'],
  dark: ['#14181d', '#1d232a'],
};

/** WCAG 2.2 AA for text of normal size. */
export const minimumContrast = 4.5;

export interface Accent {
  light: string;
  dark: string;
}

export class ThemeError extends Error {}

/**
 * The accent of each theme, or a `ThemeError` saying what to change. A single colour serves
 * the light theme and is lightened, keeping its hue, until it reads on the dark one.
 */
export function resolveAccent(accent: NonNullable<TrellisOptions['accent']>): Accent {
  const given = typeof accent === 'string' ? { light: accent } : accent;
  const light = checked(given.light, 'light', typeof accent === 'string' ? 'accent' : 'accent.light');
  if ('dark' in given && given.dark !== undefined) return { light, dark: checked(given.dark, 'dark', 'accent.dark') };
  return { light, dark: toHex(towards(parse(light, 'accent'), [255, 255, 255], 'dark')) };
}

/**
 * The stylesheet that gives the site its accent, served as `/trellis-theme.css`. Pages link it
 * before the site's own stylesheet, so its selectors are the stronger ones; paper stays black.
 */
export function accentStylesheet(accent: Accent): string {
  return `:root:root { --accent: light-dark(${accent.light}, ${accent.dark}); }\n@media print { :root:root:root { --accent: #000; } }\n`;
}

/** A `logo` that names no file of `public/` is a setting to fix before anything is built. */
export function checkLogo(logo: string | undefined, publicDir: string): void {
  if (logo === undefined) return;
  const file = path.join(publicDir, logo.replace(/^\//, ''));
  if (path.relative(publicDir, file).startsWith('..') || !fs.existsSync(file)) {
    throw new ThemeError(`The logo \`${logo}\` is not a file of the public folder (\`${publicDir}\`). Put the image there and name it from the folder, as \`trellis({ logo: '/mark.svg' })\`.`);
  }
}

function checked(colour: string, theme: Theme, setting: string): string {
  const rgb = parse(colour, setting);
  const worst = Math.min(...themeBackgrounds[theme].map((background) => contrast(rgb, parse(background, setting))));
  if (worst >= minimumContrast) return colour.toLowerCase();
  const background = themeBackgrounds[theme].find((candidate) => contrast(rgb, parse(candidate, setting)) === worst)!;
  const suggestion = toHex(towards(rgb, theme === 'light' ? [0, 0, 0] : [255, 255, 255], theme));
  const way = theme === 'light' ? 'darker' : 'lighter';
  throw new ThemeError(
    `The ${setting} colour \`${colour}\` has a contrast of ${worst.toFixed(2)}:1 with the ${theme} theme's background \`${background}\`; text needs at least ${minimumContrast}:1 (WCAG AA). ` +
      `Choose a ${way} colour, such as \`${suggestion}\`${setting === 'accent' ? ", or give each theme its own: `accent: { light: '…', dark: '…' }`" : ''}.`,
  );
}

/** Mixes `rgb` with `target` in 2 % steps until it reads on every background of `theme`. */
function towards(rgb: RGB, target: RGB, theme: Theme): RGB {
  const backgrounds = themeBackgrounds[theme].map((background) => parse(background, 'background'));
  for (let step = 0; step <= 50; step++) {
    const t = step / 50;
    const mixed = rgb.map((channel, i) => Math.round(channel + (target[i]! - channel) * t)) as RGB;
    if (backgrounds.every((background) => contrast(mixed, background) >= minimumContrast)) return mixed;
  }
  return target;
}

type RGB = [number, number, number];

function parse(colour: string, setting: string): RGB {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!match) throw new ThemeError(`The ${setting} colour \`${colour}\` is not a colour Trellis can check; write it as a hex colour such as \`#0d6e5f\`.`);
  const hex = match[1]!.length === 3 ? [...match[1]!].map((digit) => digit + digit).join('') : match[1]!;
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)) as RGB;
}

function toHex(rgb: RGB): string {
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG's contrast ratio of two colours. */
export function contrast(a: RGB, b: RGB): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(rgb: RGB): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as RGB;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
