/**
 * What a reader would not see of an image: one without alt text (a screen reader says only
 * "image"), a file of the playbook that is no picture a browser shows, and an image or embed
 * from another host that the pages' Content-Security-Policy blocks, unless the site allows
 * that host with `trellis({ allow })`.
 */
import { isAllowedHost, readImageSize, ruleIds, type Span } from '../../playbook/index.ts';
import type { CheckContext, Entry } from './context.ts';

/** `![](photo.png)`, `<img src="photo.png">` without `alt`. */
export function checkAltText(context: CheckContext, from: Entry, url: string, alt: string | null | undefined, span: Span, html = false): void {
  if (alt && alt.trim() !== '') return;
  const advice = html ? 'give it an `alt` that describes what it shows, such as `alt="Org chart of the steering group"`' : `describe what it shows in the brackets, such as \`![Org chart of the steering group](${url})\``;
  context.diagnostics.warning(from.source.path, span, ruleIds.imageWithoutAlt, `Image \`${url}\` has no alt text, so a reader who cannot see it is told nothing; ${advice}.`);
}

/** A relative image that exists: it must be a picture whose size can be read, for its `width` and `height`. */
export function checkImageFile(context: CheckContext, from: Entry, url: string, contentPath: string, span: Span): void {
  if (readImageSize(context.index.contentDir, contentPath)) return;
  const svg = contentPath.toLowerCase().endsWith('.svg');
  const advice = svg ? 'give its `<svg>` element a `width` and `height` or a `viewBox`' : 'save it as PNG, JPEG, GIF, WebP, AVIF or SVG, or link to it with `[text](…)` instead of showing it';
  context.diagnostics.error(from.source.path, span, ruleIds.invalidImage, `Image \`${url}\` is not a picture a browser can show at a known size; ${advice}.`);
}

/**
 * An image (`kind: 'images'`) or an embedded page (`kind: 'frames'`) from another host is shown
 * only when the site allows that host; otherwise the reader sees an empty box.
 */
export function checkExternalHost(context: CheckContext, from: Entry, url: string, kind: 'images' | 'frames', span: Span): void {
  const address = externalAddress(url);
  if (!address) return;
  const what = kind === 'images' ? 'Image' : 'Embedded page';
  const file = from.source.path;
  if (address.protocol !== 'https:') {
    context.diagnostics.warning(file, span, ruleIds.blockedByPolicy, `${what} \`${url}\` is not served over \`https:\`, which the site's Content-Security-Policy requires, so readers see nothing; use its \`https://\` address.`);
    return;
  }
  if (isAllowedHost(address.hostname, context.allow[kind])) return;
  const variable = kind === 'images' ? 'PLAYBOOK_ALLOW_IMAGES' : 'PLAYBOOK_ALLOW_FRAMES';
  const instead = kind === 'images' ? 'or save the image beside the page and show that file' : 'or link to the page instead';
  context.diagnostics.warning(file, span, ruleIds.blockedByPolicy, `${what} from \`${address.hostname}\` is blocked by the site's Content-Security-Policy, so readers see nothing; allow the host with \`trellis({ allow: { ${kind}: ['${address.hostname}'] } })\` in astro.config.mjs (and ${variable} for \`npm run check\`), ${instead}.`);
}

/** The URL of another host (`https:`, `http:` or `//…`), or null for the site's own files and pages. */
function externalAddress(url: string): URL | null {
  if (!/^(?:https?:)?\/\//i.test(url)) return null;
  try {
    return new URL(url, 'https://site.invalid/');
  } catch {
    return null;
  }
}
