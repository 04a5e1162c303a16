// If this breaks, a reader switching editions would land on a missing page or lose their
// place, would not be told they are reading an old or archived edition, would find no
// "What changed" page or a wrong one (pages, competencies or roles), or search would mix editions they did not ask for,
// lose its facets across editions, or send them to addresses that do not exist.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openSite, type SiteUnderTest, structureRules, wcagTags } from '../helpers/browser.ts';
import { listFiles, projectRoot, readPage } from '../helpers/build-site.ts';

const fixture = path.join(projectRoot, 'test/editions/fixtures/basic/content');
let site: SiteUnderTest;

beforeAll(async () => {
  site = await openSite(fixture);
});
afterAll(async () => site?.close());

function html(urlPath: string): string {
  return readPage(site.outDir, urlPath);
}

/** The version switcher's links as `label -> href`, marking the reader's edition. */
function switcher(urlPath: string): string[] {
  const block = /<details class="version-switcher">([\s\S]*?)<\/details>/.exec(html(urlPath))?.[1] ?? '';
  return [...block.matchAll(/<a href="([^"]*)"([^>]*)>([^<]*)<\/a>/g)].map(([, href, attributes, label]) => `${label} -> ${href}${/aria-current/.test(attributes!) ? ' (here)' : ''}`);
}

/** The edition banner's text and links, or null when the page has none. */
function banner(urlPath: string): string | null {
  const block = /<aside class="edition-banner"[^>]*>([\s\S]*?)<\/aside>/.exec(html(urlPath))?.[1];
  return block === undefined ? null : block.replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '[$2]($1)').replace(/<[^>]+>/g, '');
}

/** The "What changed" page as headings and list entries, each with where its link goes. */
function changes(urlPath: string): string[] {
  const main = /<header class="page-header">([\s\S]*)<\/main>/.exec(html(urlPath))![1]!;
  return [...main.matchAll(/<h1[^>]*>(.*?)<\/h1>|<h2[^>]*>(.*?)<\/h2>|<li><h3><a href="([^"]*)">([^<]*)<\/a><\/h3>|<li><a href="([^"]*)">([^<]*)<\/a>(?: <span class="muted">([^<]*)<\/span>)?|<dt>([^<]*)<\/dt>/g)].map((m) => {
    if (m[1]) return `# ${m[1]}`;
    if (m[2]) return `## ${m[2]}`;
    if (m[3]) return `${m[4]} -> ${m[3]}`;
    if (m[5]) return `- ${m[6]} -> ${m[5]}${m[7] ? ` (${m[7]})` : ''}`;
    return `  ${m[8]}:`;
  });
}

describe('version switcher', () => {
  it('keeps the reader on the same page in every edition that has it', () => {
    expect(switcher('/internal/leadership-lab/')).toEqual([
      'Current edition -> /internal/leadership-lab/ (here)',
      'Edition 2025.2 -> /v/2025.2/internal/leadership-lab/',
      'Edition 2025.1 (archived) -> /v/2025.1/internal/leadership-lab/',
      'What changed in this edition -> /changes/',
    ]);
    expect(switcher('/v/2025.1/competencies/change-leadership/')).toEqual([
      'Current edition (home: page not in this edition) -> /',
      'Edition 2025.2 -> /v/2025.2/competencies/change-leadership/',
      'Edition 2025.1 (archived) -> /v/2025.1/competencies/change-leadership/ (here)',
    ]);
  });

  it("sends the reader to an edition's home, and says so, when the page is not in it", () => {
    expect(switcher('/internal/mentoring/')).toEqual([
      'Current edition -> /internal/mentoring/ (here)',
      'Edition 2025.2 (home: page not in this edition) -> /v/2025.2/',
      'Edition 2025.1 (archived) (home: page not in this edition) -> /v/2025.1/',
      'What changed in this edition -> /changes/',
    ]);
    expect(switcher('/v/2025.2/internal/job-rotation/')).toEqual([
      'Current edition (home: page not in this edition) -> /',
      'Edition 2025.2 -> /v/2025.2/internal/job-rotation/ (here)',
      'Edition 2025.1 (archived) -> /v/2025.1/internal/job-rotation/',
      'What changed in this edition -> /v/2025.2/changes/',
    ]);
  });

  it('every link it offers leads to a page that was built', () => {
    const built = new Set(listFiles(site.outDir).filter((file) => file.endsWith('index.html')).map((file) => `/${path.dirname(file)}/`.replace('/./', '/')));
    for (const urlPath of ['/internal/mentoring/', '/changes/', '/v/2025.2/changes/', '/v/2025.1/internal/job-rotation/', '/coaching/']) {
      for (const entry of switcher(urlPath)) expect(built, `${urlPath}: ${entry}`).toContain(entry.split(' -> ')[1]!.replace(' (here)', ''));
    }
  });
});

describe('edition banner', () => {
  it('is absent from the current edition', () => {
    expect(banner('/')).toBeNull();
    expect(banner('/internal/leadership-lab/')).toBeNull();
    expect(banner('/changes/')).toBeNull();
  });

  it('tells the reader of an older edition, with the way back and what changed', () => {
    expect(banner('/v/2025.2/internal/leadership-lab/')).toBe('You are reading edition 2025.2, an earlier edition of this playbook. [Read this page in the current edition](/internal/leadership-lab/). [See what changed in edition 2025.2](/v/2025.2/changes/).');
    expect(banner('/v/2025.2/internal/job-rotation/')).toBe('You are reading edition 2025.2, an earlier edition of this playbook. [Go to the current edition](/). [See what changed in edition 2025.2](/v/2025.2/changes/).');
  });

  it('says when an edition is archived; the oldest has nothing to compare with', () => {
    expect(banner('/v/2025.1/internal/leadership-lab/')).toBe('You are reading edition 2025.1, which is archived and no longer maintained. [Read this page in the current edition](/internal/leadership-lab/).');
  });

  it('keeps older editions out of search engines', () => {
    expect(html('/v/2025.2/')).toContain('<meta name="robots" content="noindex">');
    expect(html('/')).not.toContain('noindex');
  });
});

describe('What changed', () => {
  it('lists what the current edition changed since the newest older one, each linked where it exists', () => {
    expect(changes('/changes/')).toEqual([
      '# What changed in the current edition',
      '## 1 page added',
      '- Mentoring -> /internal/mentoring/ (Internal programmes)',
      '## 1 page removed',
      '- Job rotation -> /v/2025.2/internal/job-rotation/ (Internal programmes)',
      '## 1 page retitled',
      '- Peer coaching circles -> /coaching/peer-circles/ (was “Peer circles pilot”)',
      '## 1 competency added',
      '- People leadership -> /competencies/people-leadership/',
      '## 1 competency removed',
      '- Change leadership -> /v/2025.2/competencies/change-leadership/',
      '## 1 competency renamed',
      '- Risk judgement -> /competencies/risk-judgement/ (was “Risk judgment”)',
      '## 2 pages develop different competencies',
      'Peer coaching circles -> /coaching/peer-circles/',
      '  Now develops:',
      '- People leadership -> /competencies/people-leadership/',
      '  No longer develops:',
      '- Change leadership -> /v/2025.2/competencies/change-leadership/',
      'Leadership lab -> /internal/leadership-lab/',
      '  Now develops:',
      '- People leadership -> /competencies/people-leadership/',
      '  No longer develops:',
      '- Risk judgement -> /competencies/risk-judgement/',
      '## 1 role added',
      '- Managing director -> /roles/managing-director/ (Leads a business of the group.)',
      '## 1 role removed',
      '- Head of function -> /v/2025.2/roles/head-of-function/',
      '## 1 role needs different levels',
      'Senior manager -> /roles/senior-manager/',
      '  Now needs:',
      '- Strategic foresight -> /competencies/strategic-foresight/ (Advanced, was Practised)',
      '  No longer needs:',
      '- Change leadership -> /v/2025.2/competencies/change-leadership/ (Foundational)',
    ]);
    expect(html('/changes/')).toContain('Compared with <a href="/v/2025.2/">edition 2025.2</a>, released 2025-09-01');
  });

  it('compares each older edition with the one before it', () => {
    expect(changes('/v/2025.2/changes/')).toEqual([
      '# What changed in edition 2025.2',
      '## 2 pages added',
      '- Peer circles pilot -> /v/2025.2/coaching/peer-circles/ (Coaching)',
      '- Business school programme -> /v/2025.2/external/business-school/ (External partnerships)',
      '## 1 page develops different competencies',
      'Job rotation -> /v/2025.2/internal/job-rotation/',
      '  No longer develops:',
      '- Change leadership -> /v/2025.2/competencies/change-leadership/',
      '## 2 roles added',
      '- Head of function -> /v/2025.2/roles/head-of-function/ (Leads a group-wide function.)',
      '- Senior manager -> /v/2025.2/roles/senior-manager/ (Leads a function of 50 to 200 people.)',
    ]);
  });

  it('has no page for the oldest edition, which has nothing to compare with', () => {
    expect(fs.existsSync(path.join(site.outDir, 'v/2025.1/changes'))).toBe(false);
  });

  it('is listed in the sitemap for the current edition', () => {
    expect(fs.readFileSync(path.join(site.outDir, 'sitemap.xml'), 'utf8')).toContain('<loc>https://playbook.example.org/changes/</loc>');
  });

  it('passes axe, structure rules included', async () => {
    const page = await site.browser.newPage();
    for (const urlPath of ['/changes/', '/v/2025.2/changes/']) {
      await page.goto(`${site.origin}${urlPath}`);
      expect(await axeViolations(page, { type: 'tag', values: wcagTags }), urlPath).toEqual([]);
      expect(await axeViolations(page, { type: 'rule', values: structureRules }), urlPath).toEqual([]);
    }
    await page.close();
  });
});

describe('search', () => {
  /** The page URLs a Pagefind bundle holds, read from its compressed fragments. */
  function bundleUrls(bundle: string): string[] {
    const folder = path.join(site.outDir, bundle, 'fragment');
    return fs.readdirSync(folder).map((file) => {
      const text = zlib.gunzipSync(fs.readFileSync(path.join(folder, file))).toString('utf8');
      return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
    }).sort();
  }

  it('writes one bundle per edition, holding that edition only, at the real page addresses', () => {
    const current = bundleUrls('pagefind');
    const older = bundleUrls('v/2025.2/pagefind');
    expect(current).toContain('/internal/mentoring/');
    expect(current.filter((url) => url.startsWith('/v/'))).toEqual([]);
    expect(older).toContain('/v/2025.2/internal/job-rotation/');
    expect(older.filter((url) => !url.startsWith('/v/2025.2/'))).toEqual([]);
    expect(bundleUrls('v/2025.1/pagefind').every((url) => url.startsWith('/v/2025.1/'))).toBe(true);
  });

  describe('in a browser', () => {
    let page: Page;
    beforeAll(async () => {
      page = await site.browser.newPage();
    });

    async function results(): Promise<{ status: string; found: string[] }> {
      await page.waitForFunction(() => /result/.test(document.querySelector('#search-status')?.textContent ?? ''));
      return page.evaluate(() => ({
        status: document.querySelector('#search-status')!.textContent!,
        found: [...document.querySelectorAll('#search-results li')].map((li) => `${li.querySelector('a')!.getAttribute('href')} ${li.querySelector('.search-result-meta')!.textContent}`).sort(),
      }));
    }

    it("searches the reader's edition by default", async () => {
      await page.goto(`${site.origin}/search/?q=moves&edition=2025.2`);
      expect(await results()).toEqual({
        status: '1 result in edition 2025.2.',
        found: ['/v/2025.2/internal/job-rotation/ Internal programmes'],
      });
    });

    it('merges every edition on request, labelling each result with its edition', async () => {
      await page.goto(`${site.origin}/search/?q=circles&edition=current`);
      expect((await results()).found).toEqual(['/coaching/peer-circles/ Coaching', '/competencies/people-leadership/ Competencies']);
      await page.getByLabel('Search every edition').check();
      await page.waitForFunction(() => /every edition/.test(document.querySelector('#search-status')?.textContent ?? ''));
      expect(await results()).toEqual({
        status: '6 results in every edition.',
        found: [
          '/coaching/peer-circles/ Coaching · Current edition',
          '/competencies/people-leadership/ Competencies · Current edition',
          '/v/2025.2/coaching/peer-circles/ Coaching · Edition 2025.2',
          '/v/2025.2/competencies/change-leadership/ Competencies · Edition 2025.2',
          // The levels grid and a role's route name the 2025.2 pilot of the circles.
          '/v/2025.2/competencies/levels/ Competencies · Edition 2025.2',
          '/v/2025.2/roles/senior-manager/ Roles · Edition 2025.2',
        ],
      });
      for (const url of (await results()).found.map((entry) => entry.split(' ')[0]!)) {
        expect((await page.request.get(`${site.origin}${url}`)).status(), url).toBe(200);
      }
    });

    it('works from the keyboard, announces the count politely and passes axe', async () => {
      await page.goto(`${site.origin}/search/?q=circles&edition=2025.2`);
      await results();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-all-editions');
      await page.keyboard.press('Space');
      await page.waitForFunction(() => /every edition/.test(document.querySelector('#search-status')?.textContent ?? ''));
      const live = await page.evaluate(() => {
        const status = document.querySelector('#search-status')!;
        return `${status.getAttribute('role')} ${status.getAttribute('aria-live')}: ${status.textContent}`;
      });
      expect(live).toBe('status polite: 6 results in every edition.');
      expect(await axeViolations(page, { type: 'tag', values: wcagTags })).toEqual([]);
    });

    it('keeps facets working across merged editions', async () => {
      await page.goto(`${site.origin}/search/?edition=current&scope=all&competency=Change+leadership`);
      expect(await results()).toEqual({
        status: '4 results in every edition.',
        found: [
          '/v/2025.1/competencies/change-leadership/ Competencies · Edition 2025.1',
          '/v/2025.1/internal/job-rotation/ Internal programmes · Edition 2025.1',
          '/v/2025.2/coaching/peer-circles/ Coaching · Edition 2025.2',
          '/v/2025.2/competencies/change-leadership/ Competencies · Edition 2025.2',
        ],
      });
      await page.getByRole('checkbox', { name: 'Coaching' }).check();
      await page.waitForFunction(() => /^1 result/.test(document.querySelector('#search-status')?.textContent ?? ''));
      expect((await results()).found).toEqual(['/v/2025.2/coaching/peer-circles/ Coaching · Edition 2025.2']);
    });
  });
});
