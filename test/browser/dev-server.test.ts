// If this breaks, an L&D editor running `npm run dev` sees an unstyled page (the page's own
// Content-Security-Policy blocking the dev server's styles), or saves a file and keeps seeing
// the old text until they restart the server, or meets a content error without the file and
// line to fix, or never gets the page back after fixing it.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { launchChromium, type Watch, watchContext } from '../helpers/browser.ts';
import { type DevServer, startDevServer } from '../helpers/dev-server.ts';

const fixture = path.join(projectRoot, 'test/browser/fixtures/site/content');
/** Long enough for a loaded 2-core machine; the bench measures how fast it really is. */
const updated = { timeout: 15_000 };

let dev: DevServer;
let browser: Browser;
let context: BrowserContext;
let watch: Watch;
let page: Page;
/** A reload the server asked the open page for, and the page has not yet taken. */
let reloadPending = false;

beforeAll(async () => {
  dev = await startDevServer(fixture);
  browser = await launchChromium();
  context = await browser.newContext();
  watch = watchContext(context);
  page = await context.newPage();
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => {
    if (String(frame.payload).includes('"full-reload"')) reloadPending = true;
  }));
  page.on('load', () => (reloadPending = false));
});

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

/**
 * Opens a page as a person does, after the open page has taken the reload of the last save.
 * Each save reloads the open page a moment after the server says so (Vite's client waits
 * for more), so a test that moved on at once would race that reload. The first page opened
 * reloads once more by itself: Astro's content sync at start asks for it, and Vite holds the
 * request until a browser connects.
 */
async function open(urlPath: string): Promise<void> {
  await reloadsTaken();
  await page.goto(`${dev.origin}${urlPath}`);
  await page.waitForLoadState('networkidle');
  await reloadsTaken();
}

async function reloadsTaken(): Promise<void> {
  await expect.poll(() => reloadPending, updated).toBe(false);
}

describe('npm run dev', () => {
  it('serves the styled site, with no Content-Security-Policy violation', async () => {
    watch.reset();
    await open('/internal/leadership-lab/');
    const header = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.site-header')!);
      return { display: style.display, font: getComputedStyle(document.body).fontFamily };
    });
    expect(header.display).toBe('flex');
    expect(header.font).toContain('Inter');
    const diagramFill = await page.evaluate(() => getComputedStyle(document.querySelector('.diagram svg rect')!).fill);
    expect(diagramFill).not.toBe('rgb(0, 0, 0)');
    expect(watch.cspViolations).toEqual([]);
  });

  it('shows a saved title in the open page and in the pages that list it, without a restart', async () => {
    await open('/internal/leadership-lab/');
    dev.edit('playbook/internal/leadership-lab.mdx', 'title: Leadership lab', 'title: Leadership studio');
    await expect.poll(() => page.locator('h1').textContent(), updated).toBe('Leadership studio');
    await open('/internal/');
    expect(await page.locator('main').textContent()).toContain('Leadership studio');
  });

  it('shows a saved paragraph of the body', async () => {
    await open('/internal/leadership-lab/');
    dev.edit('playbook/internal/leadership-lab.mdx', 'Cohorts of twelve meet monthly.', 'Cohorts of ten meet every fortnight.');
    await expect.poll(() => page.locator('main .prose').textContent(), updated).toContain('Cohorts of ten meet every fortnight.');
  });

  it('shows a renamed competency on the pages that develop it', async () => {
    await open('/internal/leadership-lab/');
    dev.edit('competencies/strategic-foresight.md', 'name: Strategic foresight', 'name: Strategic anticipation');
    await expect.poll(() => page.locator('.page-header .facts').textContent(), updated).toContain('Strategic anticipation');
  });

  it('serves a new page as soon as it is saved, and lists it in its layer and in the open page', async () => {
    await open('/internal/leadership-lab/');
    dev.write('playbook/internal/mentoring-circles.md', '---\ntitle: Mentoring circles\ndescription: Small circles of peers and a senior mentor.\nlayer: internal\n---\nCircles of five meet monthly.\n');
    await expect.poll(async () => (await fetch(`${dev.origin}/internal/mentoring-circles/`)).status, updated).toBe(200);
    await expect.poll(async () => (await (await fetch(`${dev.origin}/internal/`)).text()).includes('Mentoring circles'), updated).toBe(true);
    await expect.poll(() => page.locator('.sidebar').textContent(), updated).toContain('Mentoring circles');
  });

  it('shows drafts, with their badge', async () => {
    await open('/internal/zqxleakdraftpageid/');
    await page.locator('.draft-badge').waitFor(updated);
    expect(await page.locator('.draft-badge').textContent()).toContain('Draft');
  });

  it('shows a content error in the overlay at its file, line and column, and the page again once it is fixed', async () => {
    await open('/internal/leadership-lab/');
    dev.edit('playbook/internal/leadership-lab.mdx', 'develops: [strategic-foresight, risk-judgement]', 'develops: [strategic-forsight, risk-judgement]');
    const overlay = page.locator('vite-error-overlay');
    await expect.poll(async () => ((await overlay.count()) ? await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '') : ''), updated).toContain('playbook/internal/leadership-lab.mdx:5:12');
    expect(await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '')).toContain('Unknown competency `strategic-forsight`; did you mean `strategic-foresight`?');
    dev.edit('playbook/internal/leadership-lab.mdx', 'develops: [strategic-forsight, risk-judgement]', 'develops: [strategic-foresight, risk-judgement]');
    await expect.poll(async () => (await page.locator('vite-error-overlay').count()) === 0 && (await page.locator('h1').count()) === 1, updated).toBe(true);
    expect(await page.locator('h1').textContent()).toBe('Leadership studio');
  });

  it('says on the search page how to get search', async () => {
    await open('/search/');
    await expect.poll(() => page.locator('#search-unavailable').textContent(), updated).toContain('npm run build');
  });
});
