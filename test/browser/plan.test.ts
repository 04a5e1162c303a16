// If this breaks, a leader using the plan builder gets a route that differs from the role
// pages, a wrong total, no printable plan, a calendar file their calendar cannot read (or
// one with intakes that have passed), or a page that is blank without JavaScript; or the
// page sends something somewhere, which it promises not to do.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, foreignRequests, openSite, type SiteUnderTest, structureRules, type Watch, watchContext, wcagTags } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/build-site.ts';

const fixture = path.join(projectRoot, 'test/astro-trellis/fixtures/roles/content');
let site: SiteUnderTest;
let context: BrowserContext;
let watch: Watch;
let page: Page;

beforeAll(async () => {
  site = await openSite(fixture);
  context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  // The build's PLAYBOOK_TODAY, so that "next intake" means the same in the page and the build.
  await context.clock.setFixedTime(new Date('2026-11-25T09:00:00'));
  watch = watchContext(context);
  page = await context.newPage();
});
afterAll(async () => site?.close());

/** The route as the reader sees it: one line per step. */
async function steps(): Promise<string[]> {
  return page.locator('#plan-steps > li').evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

/** An iCalendar file's content lines, unfolded (RFC 5545, 3.1). */
function contentLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

describe('the plan builder with JavaScript', () => {
  it('works out the route from a role and the current levels, with its total and what is not reached', async () => {
    await page.goto(`${site.origin}/plan/`);
    await page.selectOption('#plan-role', 'managing-director');
    await page.selectOption('#current-strategic-foresight', { label: 'Advanced' });
    await page.selectOption('#current-stakeholder-management', { label: 'Foundational' });
    expect(await page.locator('#plan-result-heading').textContent()).toBe('Your route to Managing director');
    expect(await page.locator('#plan-summary').textContent()).toBe('3 steps, in all about 2 years 9 months if taken one after another.');
    expect(await steps()).toEqual([
      'Leadership lab INTERNAL PROGRAMME Needed first for Business school programme; skip it if you have already taken it. Duration 6 months Commitment About 60 hours over six months Next intake 1 February 2027',
      'Business school programme EXTERNAL PARTNERSHIP Develops Stakeholder management to Practitioner. Also needed first for Board apprenticeship. Duration 9 months Commitment Six hours of study a week Next intake 13 September 2027',
      'Board apprenticeship EXTERNAL PARTNERSHIP Develops Stakeholder management to Expert. Duration 18 months Commitment Twelve days a year Next intake 4 October 2027',
    ]);
    expect(await page.locator('#plan-gaps').innerText()).toContain('Strategic foresight at Expert: no initiative develops it beyond Advanced.');
    expect(new URL(page.url()).search).toBe('?role=managing-director');
  });

  it('shows the same route as the role page when it starts from the role a leader holds', async () => {
    await page.goto(`${site.origin}/plan/?role=divisional-director&from=senior-manager`);
    expect(await page.inputValue('#current-strategic-foresight')).toBe('1');
    expect((await steps()).map((step) => step.split(' ').slice(0, 2).join(' '))).toEqual(['Leadership lab', 'Business school']);
    expect(await page.locator('#plan-summary').textContent()).toBe('2 steps, in all about 1 year 3 months if taken one after another.');
  });

  it('downloads the next intakes of the route as an iCalendar file', async () => {
    await page.goto(`${site.origin}/plan/?role=managing-director&from=divisional-director`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#plan-ics')]);
    expect(download.suggestedFilename()).toBe('development-plan.ics');
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const lines = contentLines(text);
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Trellis//Development plan//EN']);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const events = text.split('BEGIN:VEVENT').slice(1).map((block) => Object.fromEntries(contentLines(block).filter((line) => line.includes(':') && !line.startsWith('END:')).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)])));
    expect(events.map((event) => [event['DTSTART;VALUE=DATE'], event['DTEND;VALUE=DATE'], event.SUMMARY])).toEqual([
      ['20270201', '20270202', 'Leadership lab starts'],
      ['20270913', '20270914', 'Business school programme starts'],
      ['20271004', '20271005', 'Board apprenticeship starts'],
    ]);
    expect(events[0]!.DESCRIPTION).toBe('Step 1 of 3 of your development route to Managing director. Duration: 6 months. Commitment: About 60 hours over six months.');
    expect(events[0]!.URL).toBe(`${site.origin}/internal/leadership-lab/`);
    expect(new Set(events.map((event) => event.UID)).size).toBe(3);
    expect(events.every((event) => /^\d{8}T\d{6}Z$/.test(event.DTSTAMP!))).toBe(true);
  });

  it('prints the plan without the form, saying when it was prepared', async () => {
    await page.goto(`${site.origin}/plan/?role=divisional-director&from=senior-manager`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#plan-form').isVisible()).toBe(false);
    expect(await page.locator('.plan-actions').isVisible()).toBe(false);
    expect(await page.locator('#plan-prepared').innerText()).toBe("Development plan prepared on 25 November 2026 from the playbook's plan builder.");
    expect(await page.locator('#plan-steps > li').count()).toBe(2);
    await page.emulateMedia({ media: 'screen' });
  });

  it('sends nothing anywhere, and the Content-Security-Policy refuses nothing it does', () => {
    expect(foreignRequests(watch.requests, site.origin)).toEqual([]);
    // Every request of the site's own is for a file the build wrote: no beacon, no form post.
    const unknown = watch.requests.filter((url) => url.startsWith(`${site.origin}/`)).map((url) => decodeURIComponent(new URL(url).pathname)).filter((urlPath) => !fs.existsSync(path.join(site.outDir, urlPath, urlPath.endsWith('/') ? 'index.html' : '')));
    expect(unknown).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  it('passes axe on the plan, a role page and the levels grid', async () => {
    for (const urlPath of ['/plan/?role=managing-director', '/roles/managing-director/', '/competencies/levels/', '/roles/']) {
      await page.goto(`${site.origin}${urlPath}`);
      expect(await axeViolations(page, { type: 'tag', values: wcagTags }), urlPath).toEqual([]);
      expect(await axeViolations(page, { type: 'rule', values: structureRules }), urlPath).toEqual([]);
    }
  });
});

describe('the plan builder without JavaScript', () => {
  it('links each role\'s route and hides the form that needs the script', async () => {
    const noScript = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${site.origin}/plan/`);
    expect(await plain.locator('#plan').isVisible()).toBe(false);
    const links = await plain.locator('.plan-routes li a').evaluateAll((anchors) => anchors.map((a) => `${a.textContent} -> ${a.getAttribute('href')}`));
    expect(links).toEqual(['Route to Divisional director -> /roles/divisional-director/#route', 'Route to Managing director -> /roles/managing-director/#route', 'Route to Senior manager -> /roles/senior-manager/#route']);
    expect(await plain.locator('.plan-privacy').innerText()).toBe('Everything here happens in your browser. Nothing you choose is sent anywhere or stored: close the page and it is gone.');
    await plain.goto(`${site.origin}/roles/managing-director/#route`);
    expect(await plain.locator('.route-steps > li').count()).toBe(3);
    await noScript.close();
  });
});
