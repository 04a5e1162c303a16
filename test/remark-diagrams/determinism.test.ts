// If this breaks, rebuilding an unchanged playbook changes its HTML: every deploy shows a diff,
// caches and the edition cache are invalidated for nothing, and an id may clash on a page.
import { describe, expect, it } from 'vitest';
import { fixtureContent, loadSite, renderDiagrams } from './helpers.ts';

const pages = ['index', 'guide/sequencing', 'coaching/executive-coaching', 'internal/leadership-lab'];

async function renderAll(order: string[]): Promise<Map<string, string>> {
  const site = loadSite(fixtureContent('small'));
  const html = new Map<string, string>();
  for (const id of order) html.set(id, (await renderDiagrams(site, id)).join('\n'));
  return html;
}

describe('rendering the same playbook twice', () => {
  it('gives byte-identical diagrams, from freshly loaded editions and in any page order', async () => {
    const first = await renderAll(pages);
    const second = await renderAll([...pages].reverse());
    for (const id of pages) {
      expect(first.get(id)!.length).toBeGreaterThan(0);
      expect(second.get(id)).toBe(first.get(id));
    }
  });

  it('gives byte-identical diagrams when the edition has already been drawn once', async () => {
    const site = loadSite(fixtureContent('small'));
    const once = await renderDiagrams(site, 'index');
    expect(await renderDiagrams(site, 'index')).toEqual(once);
  });

  it('writes whole pixels for every box and edge point, so output does not vary with float noise', async () => {
    const html = (await renderAll(pages)).get('guide/sequencing')!;
    const numbers = [...html.matchAll(/ (?:x|y|width|height)="([^"]+)"/g)].map((match) => match[1]!);
    for (const value of numbers) expect(value).toMatch(/^\d+(\.\d)?$/);
    const points = [...html.matchAll(/class="diagram-edge" d="M([^"]+)"/g)].flatMap((match) => match[1]!.split(/[MLC ]/));
    for (const value of points) expect(value).toMatch(/^\d+(\.5)?$/);
  });
});
