// If this breaks, an organisation that brings its GitHub handbook as it is (file names with
// capitals, underscores, dots and spaces, README-like folder pages, pictures beside the pages,
// callouts, code, tables, raw HTML) gets a site where pictures do not show, a link that works on
// GitHub leads to a 404 or lands nowhere, a callout is a plain quote, the title is shown twice,
// or the Content-Security-Policy blocks part of a page.
//
// The fixture (`fixtures/handbook/`) is such a handbook: every page has only `title`,
// `description` and `layer`, and its bodies are ordinary GitHub-flavoured Markdown.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { listFiles, projectRoot, readPage } from '../helpers/build-site.ts';
import { axeViolations, openSite, type SiteUnderTest, watchContext, wcagTags } from '../helpers/browser.ts';

const fixture = path.join(projectRoot, 'test/browser/fixtures/handbook/content');
let site: SiteUnderTest;
let pages: string[];

beforeAll(async () => {
  site = await openSite(fixture);
  pages = listFiles(site.outDir).filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind/')).map((file) => `/${file.replace(/index\.html$/, '')}`);
});
afterAll(async () => site?.close());

function mainOf(html: string): string {
  return /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

describe('the built handbook', () => {
  it('publishes every page at its lowercase URL, and the files pages use, with smaller copies of large photos', () => {
    const files = listFiles(site.outDir).filter((file) => !file.startsWith('_astro/') && !file.startsWith('pagefind/') && !file.startsWith('fonts/'));
    expect(files).toEqual(expect.arrayContaining([
      'engineering/architecture/adr-001_use.postgres/index.html',
      'engineering/architecture/architecture.1600w.png',
      'engineering/architecture/architecture.480w.png',
      'engineering/architecture/architecture.960w.png',
      'engineering/architecture/architecture.png',
      'engineering/on-call-runbook/index.html',
      'guides/images/logo.svg',
      'guides/images/screenshot.png',
      'people/benefits/v2.0/holidays/index.html',
      'people/code_of_conduct/index.html',
      'people/onboarding-guide/index.html',
      'people/team-photo.960w.jpg',
      'people/team-photo.jpg',
      'templates/expense-claim.csv',
    ]));
  });

  it('links every page, folder, file and heading to something that exists, as GitHub would', () => {
    const broken: string[] = [];
    for (const urlPath of pages) {
      for (const [, href] of mainOf(readPage(site.outDir, urlPath)).matchAll(/<a [^>]*href="([^"]+)"/g)) {
        if (/^(?:https?|mailto):/.test(href!)) continue;
        const [target = '', anchor] = href!.replace(/&#x26;|&amp;/g, '&').split('#');
        const file = target === '' ? urlPath : target;
        const onDisk = path.join(site.outDir, decodeURIComponent(file), file.endsWith('/') ? 'index.html' : '');
        if (!fs.existsSync(onDisk)) broken.push(`${urlPath}: ${href} (no file)`);
        else if (anchor && !fs.readFileSync(onDisk, 'utf8').includes(`id="${decodeURIComponent(anchor)}"`)) broken.push(`${urlPath}: ${href} (no such heading)`);
      }
    }
    expect(pages.length).toBeGreaterThanOrEqual(13);
    expect(broken).toEqual([]);
  });

  it('shows one H1 on every page, callouts as labelled asides, and code highlighted without style attributes', () => {
    for (const urlPath of pages) {
      const main = mainOf(readPage(site.outDir, urlPath));
      expect(main.match(/<h1\b/g)?.length ?? 0, urlPath).toBeLessThanOrEqual(1);
      expect(main, urlPath).not.toMatch(/\sstyle=/);
      expect(main, urlPath).not.toMatch(/\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]|\{#[a-z-]+\}|\.md["#]/i);
    }
    const runbook = mainOf(readPage(site.outDir, '/engineering/on-call-runbook/'));
    expect(runbook).toContain('<aside class="callout callout-warning" role="note" aria-label="Warning">');
    expect(runbook).toContain('<code class="language-bash highlighted"><span class="line"><span class="tok-comment"># Where is the error budget?</span></span>');
    expect(mainOf(readPage(site.outDir, '/engineering/architecture/adr-001_use.postgres/'))).toContain('<h2 id="decision">Decision</h2>');
  });
});

/** Opens a page as a reader would, opens what is folded, and brings every picture into view so that lazy ones load. */
async function pictures(page: Page, urlPath: string): Promise<{ src: string; width: number }[]> {
  await page.goto(`${site.origin}${urlPath}`);
  await page.waitForLoadState('load');
  return page.evaluate(async () => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const images = [...document.images];
    for (const image of images) {
      image.scrollIntoView();
      await new Promise((resolve) => (image.complete ? resolve(null) : (image.addEventListener('load', resolve), image.addEventListener('error', resolve))));
    }
    return images.map((image) => ({ src: image.currentSrc, width: image.naturalWidth }));
  });
}

test.each([
  [390, 844, 'light'],
  [390, 844, 'dark'],
  [1280, 800, 'light'],
  [1280, 800, 'dark'],
] as const)('at %ix%i in the %s theme, every picture shows and the Content-Security-Policy blocks nothing', async (width, height, colorScheme) => {
  const context = await site.browser.newContext({ viewport: { width, height }, colorScheme });
  const watch = watchContext(context);
  const page = await context.newPage();
  const shown: string[] = [];
  const missing: string[] = [];
  for (const urlPath of pages) {
    for (const image of await pictures(page, urlPath)) (image.width > 0 ? shown : missing).push(`${urlPath}: ${image.src}`);
  }
  await context.close();
  expect(missing).toEqual([]);
  expect(shown.length).toBeGreaterThanOrEqual(4);
  expect(watch.cspViolations).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
});

test.each(['light', 'dark'] as const)('callouts and highlighted code are readable in the %s theme (WCAG AA)', async (colorScheme) => {
  const context = await site.browser.newContext({ colorScheme });
  const page = await context.newPage();
  const violations: string[] = [];
  for (const urlPath of ['/', '/engineering/on-call-runbook/', '/engineering/code_review/', '/people/onboarding-guide/', '/guides/writing-docs/']) {
    await page.goto(`${site.origin}${urlPath}`);
    violations.push(...(await axeViolations(page, { type: 'tag', values: wcagTags })).map((line) => `${urlPath}: ${line}`));
  }
  await context.close();
  expect(violations).toEqual([]);
});
