// If this breaks, the diagrams leaders see change without anyone deciding so: the home page's
// ecosystem or coverage, an initiative's pathway or a guide's framework loses a box, a link or
// its words for screen readers, or shows a draft or an internal page it must never show.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { elements, fixtureContent, hasClass, loadSite, oneTagPerLine, parse, primarySvg, renderDiagrams, renderPage, repoRoot } from './helpers.ts';

const site = loadSite(fixtureContent('small'));

describe('the ecosystem', async () => {
  const [ecosystem, coverage] = await renderDiagrams(site, 'index');

  it('draws the same figure as reviewed', async () => {
    await expect(oneTagPerLine(ecosystem!)).toMatchFileSnapshot('./snapshots/ecosystem.html');
  });

  it('links every initiative and competency to its page, and each layer box to its list', () => {
    const links = [...primarySvg(ecosystem!).matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]);
    expect(links.sort()).toEqual([
      '/coaching/',
      '/coaching/executive-coaching/',
      '/coaching/peer-coaching-circles/',
      '/competencies/coaching-mindset/',
      '/competencies/commercial-acumen/',
      '/competencies/execution-discipline/',
      '/competencies/inclusive-leadership/',
      '/competencies/resilience/',
      '/competencies/strategic-foresight/',
      '/external/',
      '/external/university-programme/',
      '/internal/',
      '/internal/leadership-lab/',
      '/internal/live-case-studies/',
    ]);
  });

  it('tells in words what it shows, naming what no initiative develops', () => {
    const desc = /<desc id="diagram-ecosystem-desc">([^<]*)<\/desc>/.exec(ecosystem!)?.[1];
    expect(desc).toBe(
      '2 internal, 1 external and 2 coaching initiatives develop 5 of the 6 competencies in the catalogue, grouped in 5 clusters. ' +
        'Internal initiatives: Leadership lab develops Inclusive leadership and Coaching mindset; Live case studies: "real" &#x3C;bids> &#x26; incidents develops Commercial acumen and Execution discipline. ' +
        'External initiatives: University programme develops Strategic foresight and Commercial acumen. ' +
        'Coaching initiatives: Peer coaching circles develops Inclusive leadership; Executive coaching develops Coaching mindset and Strategic foresight. ' +
        'No initiative develops Resilience.',
    );
  });

  it('never shows a draft, even though it develops an otherwise uncovered competency', () => {
    expect(ecosystem).not.toContain('Secret draft pilot');
    expect(coverage).not.toContain('Secret draft pilot');
    expect(coverage).toContain('Not covered');
  });
});

describe('the coverage table', async () => {
  const [, coverage] = await renderDiagrams(site, 'index');

  it('draws the same table as reviewed', async () => {
    await expect(oneTagPerLine(coverage!)).toMatchFileSnapshot('./snapshots/coverage.html');
  });

  it('has a caption and header cells with scopes, so that screen readers can read it as a table', () => {
    const tree = parse(coverage!);
    expect(elements(tree, (element) => element.tagName === 'caption')).toHaveLength(1);
    const scopes = elements(tree, (element) => element.tagName === 'th').map((th) => th.properties.scope);
    expect(new Set(scopes)).toEqual(new Set(['col', 'colgroup', 'rowgroup', 'row']));
  });

  it('names the uncovered competency in words in its row and in the summary, not only by colour', () => {
    const row = /<tr class="diagram-uncovered">[\s\S]*?<\/tr>/.exec(coverage!)?.[0];
    expect(row).toContain('Resilience</a> <strong class="diagram-gap">Not covered</strong>');
    expect(coverage).toContain('5 of the 6 competencies are developed by at least one of the 5 initiatives. Not covered by any initiative: <a href="/competencies/resilience/">Resilience</a>.');
  });
});

describe('a pathway', async () => {
  const [pathway] = await renderDiagrams(site, 'coaching/executive-coaching');

  it('draws the same figure as reviewed', async () => {
    await expect(oneTagPerLine(pathway!)).toMatchFileSnapshot('./snapshots/pathway.html');
  });

  it('shows what comes before and after the page, in order, with the page highlighted', () => {
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(pathway!)?.[1];
    expect(desc).toBe(
      'Executive coaching is highlighted; the 3 other pages shown come before or after it. ' +
        'Leadership lab leads to Live case studies: "real" &#x3C;bids> &#x26; incidents, which leads to University programme, which leads to Executive coaching.',
    );
    const current = elements(parse(primarySvg(pathway!)), (element) => hasClass(element, 'diagram-node-current'));
    expect(current.map((element) => element.properties.href)).toEqual(['/coaching/executive-coaching/']);
  });

  it('goes left to right: each step starts further right than the one before', () => {
    const boxes = [...primarySvg(pathway!).matchAll(/<a href="([^"]+)"[^>]*><rect class="diagram-node-box" x="(\d+)"/g)].map((match) => [match[1], Number(match[2])] as const);
    const x = new Map(boxes);
    expect(x.get('/internal/leadership-lab/')!).toBeLessThan(x.get('/internal/live-case-studies/')!);
    expect(x.get('/internal/live-case-studies/')!).toBeLessThan(x.get('/external/university-programme/')!);
    expect(x.get('/external/university-programme/')!).toBeLessThan(x.get('/coaching/executive-coaching/')!);
  });
});

describe('a framework block', async () => {
  const [grouped, ungrouped, pathway, again] = await renderDiagrams(site, 'guide/sequencing');

  it('draws the same figures as reviewed', async () => {
    await expect(oneTagPerLine(grouped!)).toMatchFileSnapshot('./snapshots/framework-groups.html');
    await expect(oneTagPerLine(ungrouped!)).toMatchFileSnapshot('./snapshots/framework.html');
  });

  it('is an image with a title and a description, its groups and edge labels in real text', () => {
    const svg = elements(parse(grouped!), (element) => element.tagName === 'svg')[0]!;
    expect(svg.properties.role).toBe('img');
    expect(svg.properties.ariaLabelledBy).toEqual([expect.stringMatching(/^diagram-framework-[a-z0-9]+-title$/), expect.stringMatching(/^diagram-framework-[a-z0-9]+-desc$/)]);
    const texts = elements(svg, (element) => element.tagName === 'text').map((text) => (text.children[0] as { value: string }).value);
    expect(texts).toEqual(expect.arrayContaining(['Internal baseline', 'External learning', 'Coaching', 'applies', 'qualifies for', 'deepens', 'Leadership lab']));
    expect(grouped).toContain('<desc id="diagram-framework-');
    expect(grouped).toContain('Internal baseline: Leadership lab and Live case studies. External learning: University programme. Coaching: Executive coaching. Leadership lab leads to Live case studies (applies).');
  });

  it('escapes what authors write, so a label cannot inject markup', () => {
    expect(ungrouped).toContain('Partners &#x3C;&#x26; "friends">');
    expect(ungrouped).not.toContain('<&');
  });

  it('gives each diagram of a page its own ids, even when the same diagram appears twice', () => {
    const ids = [...[grouped, ungrouped, pathway, again].join('').matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(again).toContain('id="diagram-pathway-');
    expect(again).toMatch(/id="diagram-pathway-[a-z0-9]+-2-title"/);
  });
});

describe('a public build', async () => {
  const publicSite = loadSite(fixtureContent('small'), { audience: 'public' });
  const html = [...(await renderDiagrams(publicSite, 'index')), ...(await renderDiagrams(publicSite, 'coaching/executive-coaching'))].join('\n');

  it('draws nothing of an internal page or competency', () => {
    for (const internal of ['Live case studies', 'University programme', 'Commercial acumen', 'Execution discipline', 'Secret draft pilot', '/external/']) {
      expect(html).not.toContain(internal);
    }
    expect(html).toContain('Executive coaching');
    expect(html).toContain('Leadership lab');
  });
});

describe('a diagram it cannot draw', () => {
  it('is left as it is, for the checker to report', async () => {
    const check = loadSite(path.join(repoRoot, 'test/checker/fixtures/diagrams/content'));
    const html = await renderPage(check, 'guide/broken');
    // Only the two valid pathways become figures.
    expect(html.match(/<figure/g)).toHaveLength(2);
    expect(html).toContain('<pre><code class="language-framework">title: Unclosed');
  });
});
