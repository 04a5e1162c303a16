// If this breaks, a diagram becomes hard or impossible to read: boxes drawn over each other,
// a label spilling out of its box or cut off, text too small to read on a phone, or a label
// set at an angle. Text is measured as a browser draws it in Inter, the site's font.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { widthSteps } from '../../plugins/remark-diagrams/lib/figure.ts';
import { textStyles } from '../../plugins/remark-diagrams/lib/layout.ts';
import { measureText } from '../../plugins/remark-diagrams/index.ts';
import { fixtureContent, geometryProblems, loadSite, renderDiagrams, renderMarkdown } from './helpers.ts';

const repoRoot = path.resolve(fixtureContent('small'), '../../../../..');

describe('every diagram of the fixture and of the reference playbook', async () => {
  for (const contentDir of [fixtureContent('small'), path.join(repoRoot, 'content')]) {
    const site = loadSite(contentDir);
    for (const page of site.pages) {
      const figures = (await renderDiagrams(site, page.id)).filter((figure) => figure.includes('<svg'));
      if (!figures.length) continue;
      it(`${path.basename(path.dirname(contentDir))}: ${page.id} has no overlapping boxes and no label outside its box`, () => {
        for (const figure of figures) expect(geometryProblems(figure)).toEqual([]);
      });
    }
  }
});

describe('labels that are hard to fit', async () => {
  const site = loadSite(fixtureContent('small'));
  const [figure] = await renderMarkdown(
    site,
    [
      '```framework',
      'groups:',
      '  - { id: a, label: A group whose label is much longer than any of the nodes it holds }',
      '  - { id: b, label: Ünïcödé gröüp }',
      'nodes:',
      '  - { id: one, label: Zarządzanie łańcuchem dostaw w przedsiębiorstwach, group: a }',
      '  - { id: two, label: Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen, group: a }',
      '  - { id: three, label: 経営者育成プログラム, group: b }',
      '  - { id: four, label: "W", group: b }',
      '  - { id: five, label: "A label that goes on and on for a very long time so that it has to wrap over several lines of its box" }',
      ...Array.from({ length: 20 }, (_, index) => `  - { id: n${index}, label: Step ${index + 1} of twenty, group: ${index % 2 ? 'a' : 'b'} }`),
      'edges:',
      '  - { from: one, to: two, label: "an edge label long enough to wrap onto a second line" }',
      '  - { from: two, to: three, label: 経営者 }',
      '  - { from: three, to: four }',
      '  - { from: four, to: five, label: W }',
      ...Array.from({ length: 19 }, (_, index) => `  - { from: n${index}, to: n${index + 1}, label: then }`),
      '  - { from: five, to: n0 }',
      '```',
    ].join('\n'),
  );

  it('still fits every line in its box, with no box over another', () => {
    expect(geometryProblems(figure!)).toEqual([]);
  });

  it('keeps a word too long for one line whole, on a line of its own, in a wider box', () => {
    expect(figure).toContain('>Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen</text>');
  });
});

describe('text size', () => {
  it('is stated in the site CSS exactly as the layout measured it, and never below 12px', () => {
    const css = fs.readFileSync(path.join(repoRoot, 'src/styles/diagrams.css'), 'utf8');
    expect(css).toMatch(new RegExp(`\\.diagram-svg text \\{[^}]*font-size: ${textStyles.node.size}px`));
    expect(css).toMatch(new RegExp(`\\.diagram-svg \\.diagram-edge-labels text \\{[^}]*font-size: ${textStyles.edge.size}px`));
    for (const style of Object.values(textStyles)) expect(style.size).toBeGreaterThanOrEqual(12);
  });
});

describe('the variants of a figure', async () => {
  const reference = loadSite(path.join(repoRoot, 'content'));
  const figures = (await Promise.all(reference.pages.map((page) => renderDiagrams(reference, page.id)))).flat();

  it('each show only where the figure is wide enough for 11px labels, the last anywhere', () => {
    expect(figures.length).toBeGreaterThan(3);
    for (const figure of figures) {
      const variants = [...figure.matchAll(/<div class="diagram-variant([^"]*)"[^>]*>([\s\S]*?)(?=<div class="diagram-variant|$)/g)];
      expect(variants.at(-1)![1], 'the last is the fallback').toContain('diagram-variant-fallback');
      for (const [, classes, content] of variants.slice(0, -1)) {
        const step = Number(/diagram-needs-(\d+)/.exec(classes!)?.[1] ?? Infinity);
        const width = Number(/<svg class="diagram-svg" width="(\d+)"/.exec(content!)?.[1] ?? 0);
        expect(step * (14 / 11), `${width}px drawn in ${step}px`).toBeGreaterThanOrEqual(width);
      }
    }
  });

  it('switch at the steps the site CSS knows', () => {
    const css = fs.readFileSync(path.join(repoRoot, 'src/styles/diagrams.css'), 'utf8');
    for (const step of widthSteps) expect(css).toContain(`@container diagram (min-width: ${step}px) { .diagram-needs-${step} { display: block; }`);
  });
});

describe('measureText', () => {
  it('measures with the font the site serves, wider when bolder, and any script at all', () => {
    expect(measureText('Leadership lab', 14)).toBeCloseTo(97.34, 1);
    expect(measureText('Leadership lab', 14, 600)).toBeGreaterThan(measureText('Leadership lab', 14));
    expect(measureText('Łódź', 14)).toBeGreaterThan(measureText('Lodz', 14));
    expect(measureText('経営', 14)).toBe(28);
    expect(measureText('', 14)).toBe(0);
  });
});
