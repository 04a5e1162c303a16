// If this breaks, a leader who uses a screen reader, the keyboard or the dark theme meets a
// page they cannot read or operate, or a page quietly asks another company's server for
// something (a font, a script, an analytics beacon) and tells it who is reading what, or the
// Content-Security-Policy blocks part of the site (search included) in a real browser.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { axeViolations, foreignRequests, openSite, type SiteUnderTest, structureRules, type Watch, watchContext, wcagTags } from '../helpers/browser.ts';

const fixture = path.join(projectRoot, 'test/browser/fixtures/site/content');

/** The home page, a page of each layer, a layer listing, competencies, search, an older edition and its search, 404. */
const pages = [
  '/',
  '/internal/leadership-lab/',
  '/external/university-partnership/',
  '/coaching/peer-coaching-circles/',
  '/governance/steering-group/',
  '/measurement/promotion-readiness/',
  '/guide/sequencing-the-ecosystem/',
  '/internal/',
  '/competencies/',
  '/competencies/strategic-foresight/',
  '/search/?q=leadership&edition=current',
  '/v/2025.2/',
  '/v/2025.2/internal/leadership-lab/',
  '/v/2025.2/search/?q=lab',
  '/no-such-page/',
];

/** A light system, the dark theme chosen with the theme control on a light system, and a system that prefers dark. */
const themes = ['light', 'dark', 'system-dark'] as const;
type Theme = (typeof themes)[number];

let site: SiteUnderTest;
const tabs = new Map<Theme, { context: BrowserContext; page: Page; watch: Watch }>();

beforeAll(async () => {
  site = await openSite(fixture);
  for (const theme of themes) {
    const context = await site.browser.newContext({ colorScheme: theme === 'system-dark' ? 'dark' : 'light' });
    const watch = watchContext(context);
    const page = await context.newPage();
    if (theme === 'dark') {
      await page.goto(`${site.origin}/`);
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    }
    tabs.set(theme, { context, page, watch });
  }
});
afterAll(async () => site?.close());

/** Opens a page as a reader would and waits until it has settled (search results shown). */
async function visit(theme: Theme, urlPath: string): Promise<{ page: Page; watch: Watch }> {
  const tab = tabs.get(theme)!;
  tab.watch.reset();
  await tab.page.goto(`${site.origin}${urlPath}`);
  await tab.page.waitForLoadState('load');
  if (urlPath.includes('/search/')) await tab.page.locator('#search-results li').first().waitFor();
  return tab;
}

/** Heading levels in document order, from the page as rendered. */
function headingLevels(page: Page): Promise<number[]> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) => headings.map((h) => Number(h.tagName[1])));
}

describe.each(themes)('%s theme', (theme) => {
  test.each(pages)('%s: no WCAG 2.2 A/AA violation, one h1, headings in order', async (urlPath) => {
    const { page } = await visit(theme, urlPath);
    expect(await axeViolations(page, { type: 'tag', values: wcagTags })).toEqual([]);
    expect(await axeViolations(page, { type: 'rule', values: structureRules })).toEqual([]);
    const levels = await headingLevels(page);
    expect(levels[0], 'the first heading is the h1').toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    const skips = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${level}`] : []));
    expect(skips, 'heading levels never skip one').toEqual([]);
  });

  test('the skip link is the first thing the keyboard reaches, shows itself and moves focus to the content', async () => {
    const { page } = await visit(theme, '/internal/leadership-lab/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const box = (await page.getByRole('link', { name: 'Skip to content' }).boundingBox())!;
    expect(box.y, 'on screen when focused').toBeGreaterThanOrEqual(0);
    expect(box.height).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
    expect(inMain, 'the next Tab stays in the content, not back in the header').toBe(true);
  });

  test('every element the keyboard reaches looks different when it has focus', async () => {
    const { page } = await visit(theme, '/internal/leadership-lab/');
    const viewport = page.viewportSize()!;
    const seen: string[] = [];
    const invisible: string[] = [];
    for (let stop = 0; stop < 80; stop++) {
      await page.keyboard.press('Tab');
      const focused = (await page.evaluateHandle(() => document.activeElement)).asElement();
      const what = await focused?.evaluate((element) => (element === document.body ? null : `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`));
      if (!focused || !what) break;
      seen.push(what);
      // Outlines, a stroke on a diagram node, anything: the pixels around the element must change.
      const box = (await focused.boundingBox())!;
      const x = Math.max(0, box.x - 6);
      const y = Math.max(0, box.y - 6);
      const clip = { x, y, width: Math.min(viewport.width - x, box.width + 12), height: Math.min(viewport.height - y, box.height + 12) };
      const withFocus = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
      await focused.evaluate((element) => (element as HTMLElement).blur());
      const withoutFocus = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
      if (withFocus.equals(withoutFocus)) invisible.push(what);
      await focused.focus();
    }
    expect(seen.length, 'the page has keyboard stops').toBeGreaterThan(10);
    expect(invisible, 'focus not visible on').toEqual([]);
  });
});

describe('privacy and Content-Security-Policy', () => {
  test.each(pages)('%s asks only the site itself for anything, and nothing is refused', async (urlPath) => {
    for (const theme of themes) {
      const { watch } = await visit(theme, urlPath);
      expect(watch.requests.length, 'the watcher sees the requests').toBeGreaterThan(2);
      expect(foreignRequests(watch.requests, site.origin), `${theme}: requests to other hosts`).toEqual([]);
      expect(watch.cspViolations, `${theme}: CSP violations`).toEqual([]);
      expect(watch.pageErrors, `${theme}: script errors`).toEqual([]);
    }
  });

  test('searching, filtering and widening to every edition load only the site\'s own files, within the policy', async () => {
    const { page, watch } = await visit('light', '/search/?q=leadership&edition=current');
    const status = page.locator('#search-status');
    await page.locator('#search-query').fill('coaching');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^\d+ results?/);
    await page.locator('#search-filters summary').click();
    await page.locator('#search-facets input[value="Internal programmes"]').check();
    await page.locator('#search-all-editions').check();
    await page.locator('#search-query').fill('lab');
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results a').count()).toBeGreaterThan(0);
    const loaded = watch.requests.map((url) => new URL(url).pathname);
    expect(loaded.some((pathname) => pathname.endsWith('.pf_fragment')), 'the search really ran').toBe(true);
    expect(loaded.some((pathname) => /wasm\.\w+\.pagefind$/.test(pathname)), 'Pagefind loaded its WebAssembly').toBe(true);
    expect(foreignRequests(watch.requests, site.origin)).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  test('the policy stays as strict as Pagefind allows', async () => {
    const { page } = await visit('light', '/');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const directives = Object.fromEntries(policy!.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self'",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
    });
    expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|\*/);
  });
});
