// If this breaks, a reader of the built site would find pages or competencies missing,
// references shown as raw `:page[...]` text, links to .mdx files that 404, backlinks gone
// from competency pages, or a draft published for everyone to read.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, projectRoot, readPage, type BuildResult } from '../helpers/build-site.ts';

const content = path.join(projectRoot, 'test/astro-trellis/fixtures/playbook-small/content');
let build: BuildResult;

beforeAll(() => {
  build = buildSite(content);
  expect(build.stderr).not.toMatch(/\n\s+at /);
  expect(build.status).toBe(0);
});

function mainOf(html: string): string {
  const match = /<main[^>]*>([\s\S]*)<\/main>/.exec(html);
  expect(match, 'page has a <main> landmark').not.toBeNull();
  return match![1]!;
}

describe('a small playbook built through PLAYBOOK_CONTENT', () => {
  it('writes every published page, layer page and competency, the levels grid (its competencies have levels), and a 404', () => {
    const pages = listFiles(build.outDir).filter((file) => file.endsWith('.html'));
    expect(pages).toEqual([
      '404.html',
      'coaching/executive-coaching/index.html',
      'coaching/index.html',
      'competencies/index.html',
      'competencies/levels/index.html',
      'competencies/risk-judgement/index.html',
      'competencies/stakeholder-management/index.html',
      'competencies/strategic-foresight/index.html',
      'external/index.html',
      'external/risk-council/index.html',
      'guide/index.html',
      'guide/with-components/index.html',
      'health/index.html',
      'index.html',
      'internal/index.html',
      'internal/leadership-lab/index.html',
      'internal/shadowing/index.html',
      'measurement/index.html',
      'measurement/succession-velocity/index.html',
      'print/index.html',
      'search/index.html',
    ]);
  });

  it('uses the index page as home, with references labelled by title and name', () => {
    const home = mainOf(readPage(build.outDir, '/'));
    expect(home).toContain('<h1>Small playbook home</h1>');
    expect(home).toContain('<a href="/internal/leadership-lab/" class="ref ref-page">Leadership lab</a>');
    expect(home).toContain('<a href="/competencies/risk-judgement/" class="ref ref-competency">Risk judgement</a>');
  });

  it('rewrites relative .md/.mdx links, anchors and site-absolute links to page URLs', () => {
    const home = readPage(build.outDir, '/');
    expect(home).toContain('<a href="/internal/leadership-lab/#how-it-works">the lab\'s format</a>');
    expect(home).toContain('<a href="/external/risk-council/">the council</a>');
    expect(readPage(build.outDir, '/internal/leadership-lab/')).toContain('<a href="/internal/shadowing/">shadowing</a>');
    expect(readPage(build.outDir, '/external/risk-council/')).toContain('<a href="/measurement/succession-velocity/#targets">targets</a>');
    expect(readPage(build.outDir, '/measurement/succession-velocity/')).toContain('<h2 id="targets">Targets</h2>');
  });

  it('shows on a competency page every page that develops it, grouped by layer, and related competencies both ways', () => {
    const risk = mainOf(readPage(build.outDir, '/competencies/risk-judgement/'));
    expect(risk).toMatch(/<h3>Internal programmes<\/h3>\s*<ul><li><a href="\/internal\/leadership-lab\/">Leadership lab<\/a>/);
    expect(risk).toMatch(/<h3>External partnerships<\/h3>\s*<ul><li><a href="\/external\/risk-council\/">Industry risk council<\/a>/);
    expect(risk).toContain('<a href="/competencies/stakeholder-management/">Stakeholder management</a>');
    // strategic-foresight names risk-judgement as related; the link shows on both pages.
    expect(risk).toContain('<a href="/competencies/strategic-foresight/">Strategic foresight</a>');
    expect(risk).toContain('<strong>Practised</strong> Sizes risks and chooses mitigations.');
  });

  it('lists a layer with its introduction, and each page with description, competencies, formats and owner', () => {
    const internal = mainOf(readPage(build.outDir, '/internal/'));
    expect(internal).toContain('<h1>Internal programmes</h1>');
    expect(internal).toContain('Our internal programmes build a shared baseline.');
    expect(internal).toContain('<a href="/internal/leadership-lab/">Leadership lab</a>');
    expect(internal).toContain('<dd>Risk judgement, Stakeholder management</dd>');
    expect(internal).toContain('<dd>Virtual cohort, Case study</dd>');
    expect(internal).toContain('<dd>Head of Leadership Development</dd>');
  });

  it('shows the metadata panel with partner, prerequisites and metrics as links', () => {
    const council = mainOf(readPage(build.outDir, '/external/risk-council/'));
    expect(council).toContain('<strong>Northbridge Risk Consortium</strong>');
    expect(council).toContain('<time datetime="2030-03-31">2030-03-31</time>');
    expect(council).toContain('<a href="/internal/shadowing/">Executive shadowing</a>');
    const lab = mainOf(readPage(build.outDir, '/internal/leadership-lab/'));
    expect(lab).toContain('<a href="/measurement/succession-velocity/">Succession velocity</a>');
    expect(lab).toMatch(/<dt>Leads to<\/dt><dd><ul><li><a href="\/internal\/shadowing\/">Executive shadowing<\/a>/);
  });

  it('links previous and next within a layer, and breadcrumbs back to the layer', () => {
    const lab = readPage(build.outDir, '/internal/leadership-lab/');
    expect(lab).toContain('<a rel="next" href="/internal/shadowing/"><span>Next</span> Executive shadowing</a>');
    expect(lab).toContain('<a href="/internal/">Internal programmes</a>');
  });

  it('never publishes a draft: no page, no listing, no search record', () => {
    for (const file of listFiles(build.outDir)) {
      const bytes = fs.readFileSync(path.join(build.outDir, file));
      const text = file.includes('pagefind/') && /\.pf_/.test(file) ? tryGunzip(bytes) : bytes.toString('utf8');
      expect(text.includes('zqxdraftword'), `${file} contains the draft's word`).toBe(false);
    }
  });
});

describe('an .mdx page with HTML written as JSX', () => {
  it('renders the elements with their attributes, and references and links inside them, from the checked tree', () => {
    const page = mainOf(readPage(build.outDir, '/guide/with-components/'));
    expect(page).toContain('<p>Each cohort has 24 people. It builds <a href="/competencies/risk-judgement/" class="ref ref-competency">Risk judgement</a> as in <a href="/internal/leadership-lab/" class="ref ref-page">Leadership lab</a>.</p>');
    expect(page).toContain('<details><summary>More</summary>Hidden detail with <a href="/internal/shadowing/">a link</a>.</details>');
    expect(page).toContain('<div align="center" title="A tip">\n<p>A note in <em>Markdown</em>, with a <kbd>Tab</kbd> key.</p>\n</div>');
    expect(page).not.toContain('A comment');
  });
});

describe('a build under a base path', () => {
  it('puts every internal link under the base path', () => {
    const based = buildSite(content, { PLAYBOOK_BASE: '/playbook/' });
    expect(based.status).toBe(0);
    const home = readPage(based.outDir, '/');
    expect(home).toContain('<a href="/playbook/internal/leadership-lab/" class="ref ref-page">Leadership lab</a>');
    expect(home).toContain('<a href="/playbook/internal/leadership-lab/#how-it-works">');
    expect(home).toContain('href="/playbook/competencies/"');
    const stylesheet = /<link rel="stylesheet" href="(\/playbook\/_astro\/[^"]+\.css)"/.exec(home);
    expect(stylesheet, 'the stylesheet is served under the base path').not.toBeNull();
    const css = fs.readFileSync(path.join(based.outDir, stylesheet![1]!.slice('/playbook/'.length)), 'utf8');
    expect(css).toContain('url(/playbook/fonts/inter-latin-wght-normal.woff2)');
  });
});

function tryGunzip(bytes: Buffer): string {
  try {
    return zlib.gunzipSync(bytes).toString('utf8');
  } catch {
    return bytes.toString('utf8');
  }
}
