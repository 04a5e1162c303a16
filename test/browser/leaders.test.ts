// If this breaks, a leader on a phone, a tablet, a laptop or a wide screen meets a diagram cut
// off at the edge or shrunk past reading, a header that fills the screen, no way to the menu,
// search results below the fold or none as they type, a misspelt word or a tag that finds
// nothing, a popup that opens off the screen, or a printout that cuts a table or a diagram.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { axeViolations, openSite, type SiteUnderTest, wcagTags } from '../helpers/browser.ts';

const viewports = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const phone = viewports[0];

/** The bundled Corvane playbook, and a fixture whose ecosystem, coverage and framework are wider than any screen. */
let bundled: SiteUnderTest;
let wide: SiteUnderTest;

beforeAll(async () => {
  bundled = await openSite(path.join(projectRoot, 'content'));
  wide = await openSite(path.join(projectRoot, 'test/browser/fixtures/wide/content'));
});
afterAll(async () => {
  await bundled?.close();
  await wide?.close();
});

async function tab(site: SiteUnderTest, viewport: { width: number; height: number }, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport, ...options });
  return context.newPage();
}

/**
 * What lies outside the viewport across: any element of <main> (except inside a box that
 * scrolls on its own, such as a wide table of the text), any diagram, and any drawing shown
 * smaller than its labels can bear (11px for 14px labels).
 */
function outsideViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const name = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} "${(element.textContent ?? '').trim().slice(0, 30)}"`;
    const all = [...document.querySelectorAll('main *')];
    const scrollers = all.filter((element) => /auto|scroll/.test(getComputedStyle(element).overflowX) && element.scrollWidth > element.clientWidth);
    const problems: string[] = [];
    for (const element of all) {
      if (scrollers.some((scroller) => scroller !== element && scroller.contains(element))) continue;
      const box = element.getBoundingClientRect();
      if (!box.width || !box.height) continue;
      if (box.left < -0.5 || box.right > width + 0.5) problems.push(`${name(element)} spans ${Math.round(box.left)} to ${Math.round(box.right)} of ${width}`);
    }
    for (const svg of document.querySelectorAll<SVGSVGElement>('main .diagram-svg')) {
      const box = svg.getBoundingClientRect();
      if (!box.width) continue;
      const scale = box.width / Number(svg.getAttribute('width'));
      if (scale < 11 / 14 - 0.005) problems.push(`${name(svg.closest('figure')!)} is drawn at ${scale.toFixed(2)} of its size: labels below 11px`);
    }
    return problems;
  });
}

describe.each(viewports)('at $width × $height', (viewport) => {
  const pages = {
    bundled: ['/', '/internal/leadership-lab/', '/guide/sequencing-the-ecosystem/', '/external/', '/governance/budget-and-funding/', '/competencies/strategic-foresight/', '/search/?q=coaching'],
    wide: ['/', '/internal/foundation-programme/', '/internal/cohorts/cohort-03/'],
  };

  test('nothing of <main> extends past the screen, every diagram is whole and readable, on the bundled playbook and a wide one', async () => {
    const problems: string[] = [];
    for (const [which, site] of [['bundled', bundled], ['wide', wide]] as const) {
      const page = await tab(site, viewport);
      for (const urlPath of pages[which]) {
        await page.goto(`${site.origin}${urlPath}`);
        if (urlPath.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
        problems.push(...(await outsideViewport(page)).map((problem) => `${which} ${urlPath}: ${problem}`));
        const diagrams = await page.locator('main figure.diagram').count();
        if (urlPath === '/' ) expect(diagrams, `${which} home draws its diagrams`).toBeGreaterThan(1);
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  test('the first result of a search for a word of one page is above the fold', async () => {
    const page = await tab(bundled, viewport);
    await page.goto(`${bundled.origin}/search/?q=Boardwise`);
    const first = page.locator('#search-results li').first();
    await first.waitFor();
    expect(await first.getByRole('link').textContent()).toBe('Non-executive board apprenticeship');
    const box = (await first.boundingBox())!;
    expect(box.y + box.height, 'the first result ends within the screen').toBeLessThanOrEqual(viewport.height);
    await page.context().close();
  });

  test('the header is one row, and its popups open inside the screen', async () => {
    const page = await tab(bundled, viewport);
    await page.goto(`${bundled.origin}/internal/leadership-lab/`);
    const header = (await page.locator('.site-header').boundingBox())!;
    expect(header.height, 'at most 15 % of a phone screen').toBeLessThanOrEqual(0.15 * phone.height);
    const inside = async (selector: string) => {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.x, selector).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, selector).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height, selector).toBeLessThanOrEqual(viewport.height);
    };
    await page.locator('.version-switcher summary').click();
    await inside('.version-switcher ul');
    await page.locator('.version-switcher summary').click();
    await page.locator('#site-search-input').fill('coaching');
    await page.locator('.search-popup [role="option"]').first().waitFor();
    await inside('.search-popup');
    await page.context().close();
  });
});

describe('as you type in the header box', () => {
  /** The options the popup offers, in order, once it shows something for `query`. */
  async function typeAndRead(page: Page, query: string): Promise<string[]> {
    await page.locator('#site-search-input').fill('');
    await page.locator('#site-search-input').pressSequentially(query);
    await expect.poll(() => page.locator('.site-search [role="status"]').textContent(), { timeout: 10_000 }).toContain(`“${query}”`);
    return page.locator('.search-popup [role="option"]').evaluateAll((options) => options.map((option) => option.textContent ?? ''));
  }

  test.each([phone, viewports[2]])('shows the page that matches without Enter, and the keyboard opens it, at $width px', async (viewport) => {
    const page = await tab(bundled, viewport);
    await page.goto(`${bundled.origin}/`);
    const options = await typeAndRead(page, 'Boardwise');
    expect(options[0]).toContain('Non-executive board apprenticeship');
    expect(new URL(page.url()).pathname, 'nothing was submitted').toBe('/');
    const input = page.locator('#site-search-input');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.site-search [role="status"]').textContent()).toMatch(/^\d+ results? for “Boardwise”\.$/);
    await page.keyboard.press('Escape');
    expect(await page.locator('.search-popup').isVisible(), 'Escape closes the list').toBe(false);
    await page.keyboard.press('ArrowDown');
    await page.locator('.search-popup [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/external\/board-apprenticeship\/$/);
    await page.context().close();
  });

  test('finds the university programme, ROI and, misspelt, succession planning, in the bundled playbook', async () => {
    const page = await tab(bundled, viewports[2]);
    await page.goto(`${bundled.origin}/`);
    expect((await typeAndRead(page, 'university programme'))[0]).toContain('Accredited programme: Leading Under Uncertainty with Northbridge Business School');
    expect((await typeAndRead(page, 'ROI'))[0]).toContain('Return on investment');
    const misspelt = await typeAndRead(page, 'sucession planning');
    expect(misspelt[0]).toBe('Did you meanSuccession planning');
    expect(await page.locator('.site-search [role="status"]').textContent()).toContain('Did you mean “Succession planning”?');
    await page.context().close();
  });

  test('finds a page by a word only in its tags, and by its partner’s name', async () => {
    const page = await tab(wide, viewports[2]);
    await page.goto(`${wide.origin}/`);
    expect((await typeAndRead(page, 'kestrelwood'))[0]).toContain('External partnership 2 with a business school of long name');
    expect((await typeAndRead(page, 'Halvorsen'))[0]).toContain('External partnership 2 with a business school of long name');
    await page.goto(`${wide.origin}/search/?q=halvorsen`);
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results li a').first().textContent()).toBe('External partnership 2 with a business school of long name');
    await page.context().close();
  });

  test('offers the title for a misspelt word of it, first, on the search page too', async () => {
    const page = await tab(wide, viewports[2]);
    await page.goto(`${wide.origin}/`);
    const options = await typeAndRead(page, 'foundaton');
    expect(options[0]).toBe('Did you meanFoundation programme for newly appointed senior leaders');
    expect(await page.locator('.site-search [role="status"]').textContent()).toMatch(/ for “foundaton”\. Did you mean “Foundation programme for newly appointed senior leaders”\?$/);
    expect(await typeAndRead(page, 'zqxnowhere'), 'a word near nothing offers nothing').toEqual([]);
    expect(await page.locator('.site-search [role="status"]').textContent()).toBe('No results for “zqxnowhere”.');
    await page.goto(`${wide.origin}/search/?q=foundaton`);
    await page.locator('#search-suggestions a').waitFor();
    expect(await page.locator('#search-suggestions').textContent()).toBe('Did you mean Foundation programme for newly appointed senior leaders?');
    await page.context().close();
  });
});

describe('on a phone', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`the menu opens from the header and reaches every layer${javaScriptEnabled ? '' : ', without JavaScript'}`, async () => {
      const page = await tab(bundled, phone, { javaScriptEnabled });
      await page.goto(`${bundled.origin}/internal/leadership-lab/`);
      const menu = page.getByRole('navigation', { name: 'Playbook sections' });
      expect(await menu.isVisible(), 'closed until asked for').toBe(false);
      await page.locator('.site-menu summary').click();
      for (const layer of ['Internal programmes', 'External partnerships', 'Coaching', 'Governance', 'Measurement', 'Guides']) {
        const link = menu.getByRole('link', { name: layer, exact: true });
        await link.scrollIntoViewIfNeeded();
        expect(await link.isVisible(), layer).toBe(true);
      }
      const box = (await menu.boundingBox())!;
      expect(box.y + box.height, 'the menu fits the screen and scrolls inside it').toBeLessThanOrEqual(phone.height);
      // The second tap: a page of another layer.
      await menu.getByRole('link', { name: 'Peer coaching circles' }).click();
      await page.waitForURL(/\/coaching\/peer-coaching-circles\/$/);
      await page.context().close();
    });
  }

  test('the contents of the page are one tap away, at the top of the page', async () => {
    const page = await tab(bundled, phone);
    await page.goto(`${bundled.origin}/internal/leadership-lab/`);
    expect(await page.locator('nav.toc').isVisible(), 'no room beside the page').toBe(false);
    await page.locator('.toc-inline summary').click();
    await page.locator('.toc-inline').getByRole('link', { name: 'How it works' }).click();
    expect(new URL(page.url()).hash).toBe('#how-it-works');
    await page.context().close();
  });

  test.each(['light', 'dark'] as const)('the open menu and the facts pass axe in the %s theme', async (colorScheme) => {
    const page = await tab(bundled, phone, { colorScheme });
    await page.goto(`${bundled.origin}/external/university-programme/`);
    await page.locator('.site-menu summary').click();
    expect(await axeViolations(page, { type: 'tag', values: wcagTags })).toEqual([]);
    await page.context().close();
  });
});

describe('a page and its layer', () => {
  test('an external partnership shows its layer, partner and contract end under the title, and its layer lists them', async () => {
    const page = await tab(wide, viewports[2]);
    await page.goto(`${wide.origin}/external/partner-2/`);
    const facts = page.locator('.page-header .facts');
    expect(await facts.locator('dt').allTextContents()).toEqual(['Layer', 'Partner', 'Contract ends', 'Develops']);
    expect(await facts.locator('dd').allTextContents()).toEqual(['External partnerships', 'Halvorsen Institute of Governance', '2029-03-28', 'Coaching mindsetExecution disciplineInclusive leadership']);
    await page.goto(`${wide.origin}/external/`);
    const listed = page.locator('.page-list > li').filter({ hasText: 'External partnership 2' });
    expect(await listed.locator('dt').allTextContents()).toEqual(['Partner', 'Contract ends', 'Develops']);
    await page.context().close();
  });

  test('the sidebar follows the folders of a layer, the reader’s branch open, and shows a bounded window of it', async () => {
    const page = await tab(wide, viewports[2]);
    await page.goto(`${wide.origin}/internal/cohorts/cohort-13/`);
    const sidebar = page.getByRole('navigation', { name: 'Playbook sections' });
    const cohorts = sidebar.locator('details', { has: page.locator('summary', { hasText: 'Cohorts' }) });
    const rotations = sidebar.locator('details', { has: page.locator('summary', { hasText: 'Rotations' }) });
    expect(await cohorts.getAttribute('open'), 'the reader’s folder is open').not.toBeNull();
    expect(await rotations.getAttribute('open'), 'another folder is closed').toBeNull();
    expect(await sidebar.locator('[aria-current="page"]').textContent()).toBe('Cohort 13 of the regional leadership academy');
    const cohortLinks = await cohorts.locator(':scope > ul > li > a').allTextContents();
    expect(cohortLinks.length, 'a window of the 14 cohorts, and a link to all of them').toBe(13);
    expect(cohortLinks.at(-1)).toBe('All 14 pages');
    expect(await sidebar.locator('a').count(), 'the sidebar does not list every page of the site').toBeLessThan(45);
    await page.context().close();
  });
});

describe('reading', () => {
  test('the contents beside a page mark the section being read', async () => {
    const page = await tab(bundled, viewports[2]);
    await page.goto(`${bundled.origin}/internal/leadership-lab/`);
    const marked = () => page.locator('nav.toc a[aria-current="location"]').allTextContents();
    await page.locator('#how-we-measure-it').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('how-we-measure-it')!.scrollIntoView({ block: 'start' }));
    await expect.poll(marked).toEqual(['How we measure it']);
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(marked).toEqual([]);
    await page.context().close();
  });

  test('the search page shows its results without shifting what is on screen', async () => {
    const page = await tab(bundled, viewports[2]);
    await page.goto(`${bundled.origin}/search/?q=coaching`);
    await page.locator('#search-results li').first().waitFor();
    const shift = await page.evaluate(() => new Promise<number>((resolve) => {
      new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, entry) => sum + (entry as unknown as { value: number }).value, 0))).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve(0), 500);
    }));
    expect(shift, 'cumulative layout shift').toBeLessThan(0.1);
    await page.context().close();
  });
});

describe('printed', () => {
  test('the home page keeps every table and diagram inside the page, at full size', async () => {
    // A4 less Chromium's default margins of 0.4 in: the width the PDF lays the page out in.
    const printable = Math.floor((210 / 25.4 - 0.8) * 96);
    for (const site of [bundled, wide]) {
      const page = await tab(site, { width: printable, height: 1100 });
      await page.goto(`${site.origin}/`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), 'nothing wider than the paper, so nothing is shrunk').toBeLessThanOrEqual(printable);
      const outside = await page.locator('main table, main figure, main svg').evaluateAll((elements, width) => elements.filter((element) => element.getBoundingClientRect().right > width + 0.5).map((element) => element.outerHTML.slice(0, 80)), printable);
      expect(outside).toEqual([]);
      const visible = await page.locator('main .diagram-variant').evaluateAll((variants) => variants.filter((variant) => getComputedStyle(variant).display !== 'none').length);
      expect(visible, 'one variant of each diagram').toBe(await page.locator('main figure.diagram').count());
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.context().close();
    }
  });
});
