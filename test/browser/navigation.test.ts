// If this breaks, a leader finds a page they cannot reach from the home page, a sidebar,
// previous/next or edition switcher that goes nowhere, a search box that finds nothing, a
// dark theme that forgets itself, a printout full of menus, a page that scrolls sideways on
// a phone, or search engines that index the wrong pages.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listFiles, projectRoot } from '../helpers/build-site.ts';
import { openSite, type SiteUnderTest } from '../helpers/browser.ts';

const fixture = path.join(projectRoot, 'test/browser/fixtures/site/content');
const siteUrl = 'https://playbook.example.org';
let site: SiteUnderTest;
let page: Page;

beforeAll(async () => {
  site = await openSite(fixture);
  page = await site.browser.newPage();
});
afterAll(async () => site?.close());

/** Every HTML page the build wrote, as URL paths: `/`, `/internal/leadership-lab/`, … */
function builtPages(): string[] {
  return listFiles(site.outDir)
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/${path.dirname(file).split(path.sep).join('/')}/`.replace(/^\/\.\/$/, '/'));
}

async function open(urlPath: string): Promise<void> {
  const response = await page.goto(`${site.origin}${urlPath}`);
  expect(response?.status(), urlPath).toBe(200);
}

/** Same-site paths a reader can follow from the page: links, and the search form's action. */
async function followable(): Promise<string[]> {
  // getAttribute, not .href: links inside the SVG diagrams are SVGAElements.
  const targets = await page.evaluate(() => [
    ...[...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href')!, document.baseURI).href),
    ...[...document.querySelectorAll('form[action]')].map((form) => (form as HTMLFormElement).action),
  ]);
  return targets.map((href) => new URL(href)).filter((url) => url.origin === site.origin).map((url) => url.pathname);
}

describe('navigation', () => {
  test('every page and competency is at most three clicks from the home page', async () => {
    const depth = new Map<string, number>([['/', 0]]);
    const queue = ['/'];
    const linked = new Set<string>();
    while (queue.length) {
      const current = queue.shift()!;
      await open(current);
      for (const target of await followable()) {
        linked.add(target);
        if (depth.has(target) || !target.endsWith('/')) continue;
        depth.set(target, depth.get(current)! + 1);
        if (depth.get(target)! < 3) queue.push(target);
      }
    }
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.filter((urlPath) => !depth.has(urlPath)), 'pages more than three clicks from home').toEqual([]);
    const files = new Set(listFiles(site.outDir).map((file) => `/${file.split(path.sep).join('/')}`));
    const broken = [...linked].filter((target) => !pages.includes(target) && !files.has(target));
    expect(broken, 'links to nothing').toEqual([]);
  });

  test('the sidebar lists every layer, marks where the reader is and takes them elsewhere', async () => {
    await open('/internal/leadership-lab/');
    const sidebar = page.getByRole('navigation', { name: 'Playbook sections' });
    for (const name of ['Overview', 'Internal programmes', 'External partnerships', 'Coaching', 'Governance', 'Measurement', 'Guides', 'Competencies']) {
      await expect(sidebar.getByRole('link', { name, exact: true }).isVisible(), name).resolves.toBe(true);
    }
    expect(await sidebar.locator('[aria-current="page"]').textContent()).toBe('Leadership lab');
    await sidebar.getByRole('link', { name: 'External partnerships' }).click();
    expect(new URL(page.url()).pathname).toBe('/external/');
    expect(await page.locator('h1').textContent()).toBe('External partnerships');
    expect(await sidebar.locator('[aria-current="page"]').textContent()).toBe('External partnerships');
  });

  test('previous and next walk a layer in the order of its listing, both ways', async () => {
    await open('/internal/');
    const listed = await page.locator('.page-list h3 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(listed.length, 'the fixture layer has three pages').toBe(3);
    const pager = page.getByRole('navigation', { name: 'Previous and next in this layer' });
    await open(listed[0]!);
    expect(await pager.locator('a[rel="prev"]').count(), 'the first page has no previous').toBe(0);
    const walked = [listed[0]];
    while (await pager.locator('a[rel="next"]').count()) {
      await pager.locator('a[rel="next"]').click();
      walked.push(new URL(page.url()).pathname);
    }
    expect(walked).toEqual(listed);
    const back = [walked.at(-1)];
    while (await pager.locator('a[rel="prev"]').count()) {
      await pager.locator('a[rel="prev"]').click();
      back.push(new URL(page.url()).pathname);
    }
    expect(back).toEqual([...listed].reverse());
  });

  test('the version switcher opens the same page in an older edition, and the banner leads back', async () => {
    await open('/internal/leadership-lab/');
    const older = page.getByRole('link', { name: 'Edition 2025.2' });
    expect(await older.isVisible(), 'closed until opened').toBe(false);
    await page.locator('.version-switcher summary').click();
    await older.click();
    expect(new URL(page.url()).pathname).toBe('/v/2025.2/internal/leadership-lab/');
    expect(await page.locator('.lede').textContent()).toContain('four-month');
    expect(await page.getByRole('complementary', { name: 'Edition notice' }).textContent()).toContain('edition 2025.2');
    await page.getByRole('link', { name: 'Read this page in the current edition' }).click();
    expect(new URL(page.url()).pathname).toBe('/internal/leadership-lab/');

    await open('/internal/executive-shadowing/');
    await page.locator('.version-switcher summary').click();
    const fallback = page.getByRole('link', { name: /Edition 2025\.2/ });
    expect(await fallback.textContent()).toContain('page not in this edition');
    await fallback.click();
    expect(new URL(page.url()).pathname).toBe('/v/2025.2/');
  });

  test('a word typed in the header search box and Enter show results on the search page', async () => {
    await open('/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id), 'the / shortcut focuses the box').toBe('site-search-input');
    await page.keyboard.type('shadowing');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?/, { timeout: 10_000 });
    const address = new URL(page.url());
    expect(address.pathname).toBe('/search/');
    expect(address.searchParams.get('q')).toBe('shadowing');
    const results = page.locator('#search-results');
    await results.getByRole('link', { name: 'Executive shadowing' }).waitFor();
    expect(await page.locator('#search-status').textContent()).toMatch(/^\d+ results?/);
    await results.getByRole('link', { name: 'Executive shadowing' }).click();
    expect(new URL(page.url()).pathname).toBe('/internal/executive-shadowing/');
    await page.waitForLoadState('load');
    await page.keyboard.press('Control+K');
    expect(await page.evaluate(() => document.activeElement?.id), 'Ctrl+K focuses the box').toBe('site-search-input');
  });

  test("a draft's own word finds nothing, in this edition or in every edition", async () => {
    await open('/search/?q=zqxleakdraftpagebody&edition=current&scope=all');
    await page.waitForFunction(() => /results? in/.test(document.querySelector('#search-status')?.textContent ?? ''), undefined, { timeout: 10_000 });
    expect(await page.locator('#search-status').textContent()).toMatch(/^0 results in /);
    expect(await page.locator('#search-results li').count()).toBe(0);
  });

  test('the theme button switches to dark and the choice survives a reload', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const themed = await context.newPage();
    await themed.goto(`${site.origin}/`);
    const button = themed.getByRole('button', { name: 'Dark theme' });
    const state = () => themed.evaluate(() => ({
      theme: document.documentElement.dataset.theme ?? null,
      pressed: document.querySelector('.theme-toggle')?.getAttribute('aria-pressed'),
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(await state()).toEqual({ theme: null, pressed: 'false', background: 'rgb(255, 255, 255)' });
    await button.click();
    const dark = await state();
    expect(dark).toMatchObject({ theme: 'dark', pressed: 'true' });
    expect(dark.background).not.toBe('rgb(255, 255, 255)');
    await themed.reload();
    expect(await state(), 'after a reload').toEqual(dark);
    await themed.goto(`${site.origin}/competencies/`);
    expect(await state(), 'on another page').toEqual(dark);
    await button.click();
    await themed.reload();
    expect(await state()).toEqual({ theme: 'light', pressed: 'false', background: 'rgb(255, 255, 255)' });
    await context.close();
  });

  test('a printout shows the content without header, sidebar or footer, in black on white', async () => {
    const context = await site.browser.newContext({ colorScheme: 'dark' });
    const printed = await context.newPage();
    await printed.goto(`${site.origin}/internal/leadership-lab/`);
    await printed.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.sidebar', '.site-footer', '.prev-next', '.skip-link']) {
      expect(await printed.locator(selector).isVisible(), selector).toBe(false);
    }
    expect(await printed.locator('main h1').isVisible()).toBe(true);
    expect(await printed.getByText('The leadership lab is where most leaders begin.').isVisible()).toBe(true);
    expect(await printed.getByRole('heading', { name: 'About this page' }).isVisible()).toBe(true);
    expect(await printed.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    await printed.emulateMedia({ media: 'screen' });
    expect(await printed.locator('.site-header').isVisible()).toBe(true);
    await context.close();
  });

  test('no page scrolls sideways on a 360 px wide phone; wide tables scroll in their own box', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const phone = await context.newPage();
    const tooWide: string[] = [];
    for (const urlPath of [...builtPages(), '/search/?q=leadership&edition=current', '/no-such-page/']) {
      await phone.goto(`${site.origin}${urlPath}`);
      if (urlPath.includes('?q=')) await phone.locator('#search-results li').first().waitFor();
      const width = await phone.evaluate(() => document.scrollingElement!.scrollWidth);
      if (width > 360) tooWide.push(`${urlPath} is ${width} px wide`);
    }
    expect(tooWide).toEqual([]);
    await phone.goto(`${site.origin}/governance/steering-group/`);
    const table = await phone.locator('main table').evaluate((element) => ({ scroll: element.scrollWidth, box: element.clientWidth }));
    expect(table.scroll, 'the fixture table is wider than a phone').toBeGreaterThan(table.box);
    await context.close();
  });
});

describe('search engines', () => {
  const locs = () => [...fs.readFileSync(path.join(site.outDir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!);
  const html = (urlPath: string) => fs.readFileSync(path.join(site.outDir, urlPath === '/404.html' ? '404.html' : `${urlPath}index.html`), 'utf8');
  const canonicalOf = (text: string) => /<link rel="canonical" href="([^"]*)"/.exec(text)?.[1];
  const noindex = (text: string) => /<meta name="robots" content="noindex"/.test(text);

  test('the sitemap lists every page of the current edition, and no draft, older edition, utility page or report', () => {
    const current = builtPages().filter((urlPath) => !urlPath.startsWith('/v/') && urlPath !== '/search/' && urlPath !== '/health/');
    expect(locs().sort()).toEqual(current.map((urlPath) => `${siteUrl}${urlPath}`).sort());
    expect(locs().some((loc) => loc.includes('zqxleakdraft'))).toBe(false);
  });

  test('current pages name themselves canonical; older editions and the 404 page are noindex', () => {
    for (const urlPath of builtPages()) {
      const text = html(urlPath);
      if (urlPath.startsWith('/v/')) {
        expect(noindex(text), urlPath).toBe(true);
        expect(canonicalOf(text), urlPath).toBeUndefined();
      } else {
        expect(canonicalOf(text), urlPath).toBe(`${siteUrl}${urlPath}`);
        expect(noindex(text), urlPath).toBe(false);
      }
    }
    expect(noindex(html('/404.html'))).toBe(true);
    expect(canonicalOf(html('/404.html'))).toBeUndefined();
  });
});
