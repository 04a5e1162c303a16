// If this breaks, an author who types markup into a title, a partner's name, a tag or a
// diagram label (by mistake, or to attack the readers) gets it run as HTML in every reader's
// browser: a script, an image that calls home, a broken page. It must show as the text typed.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { openSite, type SiteUnderTest } from '../helpers/browser.ts';

const script = '<script>alert(1)</script>';
const image = '"><img src=x onerror=alert(1)>';
const fixture = path.join(projectRoot, 'test/browser/fixtures/site/escaping/content');

let site: SiteUnderTest;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  site = await openSite(fixture);
  page = await site.browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(async () => site?.close());

/** Elements the markup would have made, had it been parsed rather than shown. */
function injected(): Promise<string[]> {
  return page.evaluate(() => [
    ...[...document.querySelectorAll('img[src="x"], [onerror]')].map((element) => element.outerHTML),
    // A JSON-LD block is data, never run; its text must not hold a `<` that could close it.
    ...[...document.scripts].filter((element) => element.type !== 'application/ld+json' && element.textContent?.includes('alert(')).map((element) => element.outerHTML),
    ...[...document.querySelectorAll('script[type="application/ld+json"]')].filter((element) => element.textContent?.includes('<')).map((element) => element.outerHTML),
  ]);
}

async function open(urlPath: string): Promise<void> {
  dialogs.length = 0;
  const response = await page.goto(`${site.origin}${urlPath}`);
  expect(response?.status(), urlPath).toBe(200);
  await page.waitForLoadState('load');
}

/** The page's visible text: what a reader sees, SVG labels included. */
function visibleText(): Promise<string> {
  return page.evaluate(() => `${document.body.innerText}\n${[...document.querySelectorAll('svg text, svg title, svg desc')].map((element) => element.textContent).join('\n')}`);
}

const pages: [urlPath: string, title: string | null, description: string | null, shown: string[]][] = [
  ['/', null, `Home ${script} description.`, [`Home ${image}`, `Partnership ${script}`, `Foresight ${script}`]],
  ['/external/markup-partnership/', `Partnership ${script}`, `Learn ${image} with a school.`, [
    `Partnership ${script}`, `Learn ${image} with a school.`, `Foresight ${script}`, `${script} School`, `Evaluated ${image} yearly`, image, script,
  ]],
  ['/external/', null, null, [`Partnership ${script}`, `Learn ${image} with a school.`, `Foresight ${script}`, image]],
  ['/coaching/circles/', `Circles ${image}`, `Peer circles ${script} for leaders.`, [`Circles ${image}`, `Partnership ${script}`, script]],
  ['/competencies/', null, null, [`Foresight ${script}`, `Reads signals ${image} early.`]],
  ['/competencies/strategic-foresight/', `Foresight ${script}`, `Reads signals ${image} early.`, [
    `Level ${script}`, `Scans ${image} the market.`, `Partnership ${script}`, `Circles ${image}`,
  ]],
  ['/guide/framework/', `Framework ${script}`, null, [`Diagram ${script}`, script, image, `${script} edge`]],
  ['/v/2025.2/external/markup-partnership/', `Partnership ${script}`, `Learn ${image} with a school.`, [`Partnership ${script}`, `${script} School`, 'You are reading edition 2025.2']],
];

test.each(pages)('%s shows frontmatter markup as the text typed', async (urlPath, title, description, shown) => {
  await open(urlPath);
  expect(await injected()).toEqual([]);
  if (title) expect(await page.title()).toContain(title);
  if (description) expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(description);
  const text = await visibleText();
  expect(shown.filter((expected) => !text.includes(expected)), 'not shown as typed').toEqual([]);
  expect(dialogs).toEqual([]);
});

test('the version switcher and search results show titles as typed, and run nothing', async () => {
  await open('/external/markup-partnership/');
  await page.locator('.version-switcher summary').click();
  expect(await page.locator('.version-switcher').getByRole('link').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Edition 2025.2')]));
  await page.locator('#site-search-input').fill('escapology');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\//);
  await page.locator('#search-results li').first().waitFor();
  await page.locator('#search-filters summary').click();
  await page.locator('#search-all-editions').check();
  await expect.poll(() => page.locator('#search-results h2').allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining([`Partnership ${script}`, `Circles ${image}`]));
  expect(await injected()).toEqual([]);
  const facets = await page.locator('#search-facets').innerText();
  expect(facets).toContain(`Foresight ${script}`);
  expect(facets).toContain(script);
  expect(dialogs).toEqual([]);
});
