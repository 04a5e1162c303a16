// If this breaks, the steering group's /health/ page is missing from an internal build, shows
// other findings than `npm run health`, cannot be read with a screen reader, in the dark theme,
// on a phone or on paper — or a public careers site built with PLAYBOOK_AUDIENCE=public shows
// the world the internal report: its page, its words, its search entries or its sitemap line.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ecosystemHealth } from '../../plugins/health/index.ts';
import { loadPlaybook, siteEdition } from '../../plugins/playbook/index.ts';
import { buildSite, listFiles, projectRoot, readPage } from '../helpers/build-site.ts';
import { axeViolations, launchChromium, structureRules, watchContext, wcagTags } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const fixture = path.join(projectRoot, 'test/health/fixtures/findings/content');
let publicOut: string;
let internalOut: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  for (const audience of ['public', 'all'] as const) {
    const build = buildSite(fixture, audience === 'public' ? { PLAYBOOK_AUDIENCE: 'public' } : {});
    if (build.status !== 0) {
      fs.rmSync(build.outDir, { recursive: true, force: true });
      throw new Error(`The ${audience} build failed:\n${build.stderr}`);
    }
    if (audience === 'public') publicOut = build.outDir;
    else internalOut = build.outDir;
  }
  server = await serveStatic(internalOut);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [publicOut, internalOut]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A file as a reader or crawler could recover it: Pagefind's files are gzip. */
function readable(file: string): string {
  const bytes = fs.readFileSync(file);
  try {
    return zlib.gunzipSync(bytes).toString('latin1');
  } catch {
    return bytes.toString('latin1');
  }
}

/** Every file whose path or decompressed content holds the word, case-insensitively. */
function filesWith(outDir: string, word: RegExp): string[] {
  return listFiles(outDir).filter((file) => word.test(file) || word.test(readable(path.join(outDir, file))));
}

function text(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '')).join('');
}

function elements(node: Element | ReturnType<typeof fromHtml>, className: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if ((child.properties.className as string[] | undefined)?.includes(className)) found.push(child);
    found.push(...elements(child, className));
  }
  return found;
}

describe('a public build', () => {
  test('has no /health/ page, and no file that names it: not a page, stylesheet, search fragment or sitemap line', () => {
    expect(fs.existsSync(path.join(publicOut, 'health'))).toBe(false);
    expect(filesWith(publicOut, /health/i)).toEqual([]);
  });

  test('holds none of the report’s words, though the same scan finds the public pages’ own', () => {
    expect(filesWith(publicOut, /developed by one initiative only|notice period|steering group/i)).toEqual([]);
    expect(filesWith(publicOut, /hears what is meant/i).some((file) => file.endsWith('.pf_fragment')), 'a public competency is in the search index').toBe(true);
  });
});

describe('an internal build', () => {
  test('has /health/ with every finding of `npm run health`, in the same order', () => {
    const site = siteEdition(loadPlaybook(fixture).playbook.editions[0]!, { audience: 'all', includeDrafts: false, base: '/' });
    const expected = ecosystemHealth(site, '2026-11-25').findings.map((finding) => `${finding.severity === 'warning' ? 'Warning' : 'Info'} ${finding.message.replace(/`/g, '')}`);
    const page = fromHtml(readPage(internalOut, '/health/'));
    expect(elements(page, 'health-message').map((node) => text(node).replace(/\s+/g, ' ').trim())).toEqual(expected);
  });

  test('lists reviews under their owner and counts each area', () => {
    const html = readPage(internalOut, '/health/');
    expect(html).toContain('<h3 class="health-owner">Head of Talent</h3>');
    expect(html).toContain('<h2 id="health-partners">Partners <span class="health-count">3 warnings, 1 info</span></h2>');
    expect(html).toContain('<p class="lede">15 findings in 6 areas: 10 warnings, 5 info.</p>');
  });

  test('draws the charts as inline SVG, each with a name, a description and a table of its numbers', () => {
    const html = readPage(internalOut, '/health/');
    for (const id of ['health-grid', 'health-timeline', 'health-shares']) {
      expect(html).toContain(`role="img" aria-labelledby="${id}-title ${id}-desc"`);
    }
    expect(html).toContain('<desc id="health-timeline-desc">5 partner contracts, as of 2026-11-25, with a notice period of 120 days. Ending within the notice period: Crossways Executive Forum (Peer forum) on 2027-01-31. Already ended: Boardwise Trust (Board placements) on 2026-10-31.</desc>');
    expect(html).toContain('<td class="health-over">3 of 5 initiatives (60%) <strong>over the limit</strong></td>');
    expect(html).not.toMatch(/style="/);
  });

  test('is one click from every page of the current edition, in the sidebar, and marked there when open', () => {
    expect(readPage(internalOut, '/internal/lab/')).toContain('<li><a href="/health/">Ecosystem health</a></li>');
    expect(readPage(internalOut, '/health/')).toContain('<li><a href="/health/" aria-current="page">Ecosystem health</a></li>');
  });

  test('keeps /health/ out of the sitemap and the search index: it is a report, not a page to land on', () => {
    expect(fs.readFileSync(path.join(internalOut, 'sitemap.xml'), 'utf8')).not.toContain('/health/');
    expect(filesWith(internalOut, /developed by one initiative only/i)).toEqual(['health/index.html']);
  });
});

describe('/health/ in Chromium', () => {
  const views = [
    { name: 'phone, light', width: 390, height: 844, colorScheme: 'light' },
    { name: 'desktop, dark', width: 1280, height: 800, colorScheme: 'dark' },
  ] as const;

  test.each(views)('$name: no WCAG 2.2 A/AA or structure violation, no CSP violation, nothing wider than the screen but the scrolling charts', async (view) => {
    const context = await browser.newContext({ viewport: { width: view.width, height: view.height }, colorScheme: view.colorScheme });
    const watch = watchContext(context);
    const page = await context.newPage();
    await page.goto(`${server.origin}/health/`);
    expect(await axeViolations(page, { type: 'tag', values: wcagTags })).toEqual([]);
    expect(await axeViolations(page, { type: 'rule', values: structureRules })).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(view.width);
    await context.close();
  });

  test('printed on A4, every chart fits the page and no finding is cut', async () => {
    // A4 is 794 CSS pixels wide; Chromium prints inside a 1 cm margin on each side.
    const context = await browser.newContext({ viewport: { width: 718, height: 1040 } });
    const page: Page = await context.newPage();
    await page.goto(`${server.origin}/health/`);
    await page.emulateMedia({ media: 'print' });
    const overflowing = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.health-chart, .health-finding, .health-table')].filter((node) => node.getBoundingClientRect().right > width + 0.5).map((node) => node.className.toString());
    });
    expect(overflowing).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });
});
