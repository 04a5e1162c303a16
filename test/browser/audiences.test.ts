// If this breaks, a public careers site built with PLAYBOOK_AUDIENCE=public shows the world
// an internal programme, a partner's name, a draft, an internal competency or role — in a
// page, a listing, a diagram, a route, the plan builder's data, the sitemap or the search
// index — or a normal build publishes a draft.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, listFiles, projectRoot } from '../helpers/build-site.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/serve.ts';

// The fixture plants these prefixes in the title, description, body, id, owner, audience,
// tags, partner name and evaluation, headings and levels of drafts and internal content, and
// the id, name, summary and text of internal roles (one of which targets the internal
// competency's level), in the current edition and in 2025.2. Pagefind stems words, so the scan looks for the
// prefixes, which stemming never touches.
const draftWords = 'zqxleakdraft';
const internalWords = 'zqxleakinternal';
const publicWord = 'zqxpublicmark';

const fixture = path.join(projectRoot, 'test/browser/fixtures/site/content');
let publicOut: string;
let normalOut: string;

beforeAll(() => {
  for (const [audience, env] of [['public', { PLAYBOOK_AUDIENCE: 'public' }], ['all', {}]] as const) {
    const build = buildSite(fixture, env);
    if (build.status !== 0) {
      fs.rmSync(build.outDir, { recursive: true, force: true });
      throw new Error(`The ${audience} build failed:\n${build.stderr}`);
    }
    if (audience === 'public') publicOut = build.outDir;
    else normalOut = build.outDir;
  }
});
afterAll(() => {
  for (const dir of [publicOut, normalOut]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A file's text as a reader or crawler could recover it: Pagefind's files are gzip. */
function readable(file: string): string {
  const bytes = fs.readFileSync(file);
  let text: Buffer = bytes;
  try {
    text = zlib.gunzipSync(bytes);
  } catch {
    // Not gzip: the raw bytes are what is served.
  }
  return text.toString('latin1').toLowerCase();
}

/** Every place a word appears in an output folder: in a file's path or its contents, with context. */
function occurrences(outDir: string, word: string): string[] {
  const found: string[] = [];
  for (const file of listFiles(outDir)) {
    if (file.toLowerCase().includes(word)) found.push(`${file} (its path)`);
    const text = readable(path.join(outDir, file));
    const at = text.indexOf(word);
    if (at >= 0) found.push(`${file}: …${text.slice(Math.max(0, at - 40), at + 40).replace(/[^\x20-\x7e]+/g, '·')}…`);
  }
  return found;
}

describe('a public build', () => {
  test('contains no word of an internal or draft page or competency, in any file', () => {
    expect(occurrences(publicOut, 'zqxleak')).toEqual([]);
  });

  test('the scan would see them: public words are found in the pages, the sitemap-listed HTML and the search index', () => {
    const files = occurrences(publicOut, publicWord).map((line) => line.split(':')[0]!);
    expect(files.some((file) => file.endsWith('.html'))).toBe(true);
    expect(files.some((file) => file.endsWith('.pf_fragment')), 'in a search fragment').toBe(true);
    expect(files.some((file) => file.endsWith('.pf_index')), 'in the search index').toBe(true);
  });

  test('publishes the public pages and competencies, and only those', () => {
    const pages = listFiles(publicOut).filter((file) => file.endsWith('index.html')).map((file) => path.dirname(file).split(path.sep).join('/'));
    expect(pages).toEqual(expect.arrayContaining(['internal/leadership-lab', 'external/university-partnership', 'competencies/strategic-foresight', 'v/2025.2/internal/leadership-lab', 'roles', 'roles/graduate-leader', 'plan']));
    expect(pages).not.toContain('coaching/executive-coaching');
    expect(pages).not.toContain('competencies/stakeholder-management');
    const sitemap = fs.readFileSync(path.join(publicOut, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('/internal/leadership-lab/');
    expect(sitemap).not.toMatch(/executive-coaching|stakeholder-management/);
  });

  test('search finds nothing internal in the browser', async () => {
    const server = await serveStatic(publicOut);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      for (const query of ['zqxleakinternalpagetitle', 'zqxleakinternalpartnername', 'executive coaching', 'stakeholder']) {
        await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}&scope=all`);
        await expect.poll(() => page.locator('#search-status').textContent(), { message: query, timeout: 10_000 }).toMatch(/^\d+ results?/);
        const titles = await page.locator('#search-results h2').allTextContents();
        expect(titles.filter((title) => /zqx|executive coaching|stakeholder/i.test(title)), query).toEqual([]);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('a normal build', () => {
  test('contains no word of a draft, in any file', () => {
    expect(occurrences(normalOut, draftWords)).toEqual([]);
  });

  test('publishes internal content, so the scan would see a leak: in pages, the sitemap and the search index', () => {
    const files = occurrences(normalOut, internalWords).map((line) => line.split(/[: ]/)[0]!);
    expect(files).toContain('sitemap.xml');
    expect(files.some((file) => file.endsWith('.pf_fragment')), 'in a search fragment').toBe(true);
    expect(files.some((file) => file.endsWith('.pf_index')), 'in the search index').toBe(true);
    expect(files.some((file) => file.endsWith('.pf_filter')), 'in a search filter').toBe(true);
    expect(files).toContain('internal/zqxleakinternalpageid/index.html');
    expect(files).toContain('roles/zqxleakinternalroleid/index.html');
    expect(files, 'the plan builder data').toContain('plan/index.html');
    expect(files, 'the roles that need a competency').toContain('competencies/strategic-foresight/index.html');
    expect(files, 'an older edition').toContain('v/2025.2/roles/zqxleakinternaloldrole/index.html');
  });
});
