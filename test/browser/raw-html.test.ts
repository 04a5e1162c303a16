// If this breaks, raw HTML that an author typed into a page (a script, an event handler, a
// `javascript:` link, a frame, a form, a `<meta>` redirect) runs in readers' browsers or sends
// them to another site whenever the Content-Security-Policy is missing or loosened: the
// sanitiser, not the policy, must be what stops it. Safe raw HTML (`<details>`) must still work.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listFiles, projectRoot } from '../helpers/build-site.ts';
import { openSite, type SiteUnderTest, type Watch, watchContext } from '../helpers/browser.ts';

const fixture = path.join(projectRoot, 'test/checker/fixtures/unsafe-html/content');
const cspMeta = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
/** An inline script the served copy gains, proving that without the policy inline scripts run. */
const control = '<script>window.__control = "ran"</script>';

let site: SiteUnderTest;
let context: BrowserContext;
let watch: Watch;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  site = await openSite(fixture);
  for (const file of listFiles(site.outDir).filter((name) => name.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(site.outDir, file), 'utf8');
    expect(html, file).toMatch(cspMeta);
    fs.writeFileSync(path.join(site.outDir, file), html.replace(cspMeta, control));
  }
  context = await site.browser.newContext();
  watch = watchContext(context);
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(async () => site?.close());

async function open(urlPath: string): Promise<void> {
  watch.reset();
  dialogs.length = 0;
  const response = await page.goto(`${site.origin}${urlPath}`);
  expect(response?.status(), urlPath).toBe(200);
  await page.waitForLoadState('load');
  expect(await page.evaluate(() => (window as { __control?: string }).__control), 'inline scripts run on the served copy').toBe('ran');
}

/** Hovers, focuses and clicks what the payloads hung their handlers on, then lets timers and a refresh fire. */
async function provoke(): Promise<void> {
  for (const element of await page.locator('main article p, main article a:not([href]), main article img').all()) await element.hover({ force: true, trial: false }).catch(() => undefined);
  for (const link of await page.locator('main article a:not([href])').all()) await link.click();
  await page.keyboard.press('Tab');
  await page.waitForTimeout(1500);
}

/** Everything a payload would have left behind, as the browser sees it. */
function traces(): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const attributes = [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((attribute) => attribute.name));
    return {
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      title: document.title,
      baseURI: document.baseURI === location.href,
      handlers: attributes.filter((name) => name.startsWith('on')),
      scripts: main.querySelectorAll('script').length,
      embeds: [...main.querySelectorAll('iframe, object, embed, form, input, button, style, link, meta, base')].map((element) => element.tagName),
      styled: main.querySelectorAll('article [style]').length,
      // Resolved as the browser follows a link (SVG links too): tabs and entities are gone by then.
      unsafeLinks: [...main.querySelectorAll('a[href]')].map((link) => new URL(link.getAttribute('href')!, document.baseURI).protocol).filter((protocol) => !['http:', 'https:', 'mailto:'].includes(protocol)),
      unsafeImages: [...main.querySelectorAll<HTMLImageElement>('img[src]')].map((image) => image.src).filter((src) => !src.startsWith(location.origin) && !src.startsWith('data:image/png')),
    };
  });
}

test.each([
  ['/internal/raw-html/', 'Raw HTML'],
  ['/internal/jsx-html/', 'HTML as JSX'],
  ['/competencies/risk-judgement/', 'Risk judgement'],
])('%s runs none of the raw HTML payloads without the Content-Security-Policy', async (urlPath, title) => {
  await open(urlPath);
  await provoke();
  expect(page.url()).toBe(`${site.origin}${urlPath}`);
  expect(await traces()).toEqual({ pwned: null, title: expect.stringContaining(title), baseURI: true, handlers: [], scripts: 0, embeds: [], styled: 0, unsafeLinks: [], unsafeImages: [] });
  expect(dialogs).toEqual([]);
  expect(watch.requests.filter((url) => /pwned|evil/.test(url))).toEqual([]);
});

test('safe raw HTML still works: details open, keys, images, tables and the diagram inside a div', async () => {
  await open('/internal/raw-html/');
  const details = page.locator('main article details').filter({ hasText: 'Open me' });
  await expect.poll(() => details.count()).toBe(1);
  expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
  await details.locator('summary').click();
  expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
  expect(await details.locator('strong').innerText()).toBe('Markdown');
  expect(await page.locator('main article kbd').allInnerTexts()).toEqual(['Ctrl', 'K']);
  expect(await page.locator('main article img[alt="Logo"]').getAttribute('width')).toBe('120');
  expect(await page.locator('main article table th').innerText()).toBe('Step');
  expect(await page.locator('main article div[align="center"] figure svg').count()).toBe(1);
  expect(await page.locator('main article a.ref.ref-competency').innerText()).toBe('Risk judgement');
});
