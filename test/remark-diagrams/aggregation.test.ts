// If this breaks, a large playbook's home page becomes an unreadable hairball of hundreds of
// lines, or a table hundreds of columns wide, or takes minutes to build; or a pathway through
// a hub page grows without limit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { elements, geometryProblems, hasClass, loadSite, parse, primarySvg, renderDiagrams } from './helpers.ts';

const layers = { internal: 120, external: 90, coaching: 90 } as const;
const clusters = ['strategy', 'culture', 'risk', 'people', 'execution'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-aggregation-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** 300 initiatives over 10 competencies; the internal ones form one long chain of prerequisites. */
function writePlaybook(): string {
  const content = path.join(dir, 'content');
  fs.mkdirSync(path.join(content, 'competencies'), { recursive: true });
  const competencies = clusters.flatMap((cluster) => [1, 2].map((n) => `${cluster}-skill-${n}`));
  for (const [index, id] of competencies.entries()) {
    fs.writeFileSync(path.join(content, 'competencies', `${id}.md`), `---\nname: Skill ${index}\ncluster: ${id.split('-')[0]}\nsummary: A skill.\n---\nText.\n`);
  }
  for (const [layer, n] of Object.entries(layers)) {
    fs.mkdirSync(path.join(content, 'playbook', layer), { recursive: true });
    for (let i = 0; i < n; i++) {
      const develops = [competencies[i % 9]!, competencies[(i * 7 + 3) % 9]!];
      const prerequisites = layer === 'internal' && i > 0 ? `prerequisites: [internal/step-${i - 1}]\n` : '';
      const partner = layer === 'external' ? 'partner:\n  name: A school\n  evaluation: Each cohort.\n' : '';
      fs.writeFileSync(path.join(content, 'playbook', layer, `step-${i}.md`), `---\ntitle: ${layer} initiative number ${i}\ndescription: One of many.\nlayer: ${layer}\ndevelops: [${develops.join(', ')}]\n${prerequisites}${partner}---\nText.\n`);
    }
  }
  fs.writeFileSync(path.join(content, 'playbook', 'index.md'), '---\ntitle: Home\ndescription: Home.\nlayer: guide\n---\n::diagram{type="ecosystem"}\n\n::diagram{type="coverage"}\n');
  fs.writeFileSync(path.join(content, 'playbook', 'internal', 'step-50.md'), fs.readFileSync(path.join(content, 'playbook', 'internal', 'step-50.md'), 'utf8') + '\n::diagram{type="pathway" from="internal/step-50"}\n');
  return content;
}

describe('a playbook with 300 initiatives', async () => {
  const site = loadSite(writePlaybook());
  const started = performance.now();
  const [ecosystem, coverage] = await renderDiagrams(site, 'index');
  const elapsed = performance.now() - started;

  it('draws the ecosystem as counts per layer and cluster, each linking to the layer list', () => {
    expect(ecosystem).not.toContain('initiative number');
    const counts = elements(parse(ecosystem!), (element) => hasClass(element, 'diagram-node') && /^\/(internal|external|coaching)\/$/.test(String(element.properties.href)));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.length).toBeLessThanOrEqual(3 * clusters.length);
    expect(counts[0]!.properties.ariaLabel).toMatch(/^\d+ internal initiatives? develops? \w+ competencies$/);
    expect(ecosystem).toContain('Internal initiatives (120)');
    expect(ecosystem).toContain('120 internal, 90 external and 90 coaching initiatives develop 9 of the 10 competencies');
    expect(geometryProblems(ecosystem!)).toEqual([]);
  });

  it('tabulates coverage with one column of counts per layer', () => {
    expect(coverage).not.toContain('initiative number');
    const headers = elements(parse(coverage!), (element) => element.tagName === 'th' && element.properties.scope === 'col');
    expect(headers).toHaveLength(5);
    expect(coverage).toContain('<a href="/internal/">Internal initiatives</a> (120)');
    expect(coverage).toContain('Not covered');
  });

  it('keeps both small, and quick to draw', () => {
    expect(ecosystem!.length).toBeLessThan(30_000);
    expect(coverage!.length).toBeLessThan(20_000);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('cuts a pathway through a long chain to the nearest 60 pages, and says so', async () => {
    const [pathway] = await renderDiagrams(site, 'internal/step-50');
    expect(primarySvg(pathway!).match(/class="diagram-node-box"/g)).toHaveLength(60);
    // 29 steps on each side, and the 30th before: the nearest first, earlier steps before later ones.
    const desc = /<desc[^>]*>([^<]*)</.exec(pathway!)![1]!;
    expect(desc).toMatch(/^internal initiative number 50 is highlighted; the 59 other pages shown come before or after it\. internal initiative number 20 leads to internal initiative number 21, which leads to /);
    expect(desc).toMatch(/, which leads to internal initiative number 79\. 60 more pages further along are not shown\.$/);
  });
});
