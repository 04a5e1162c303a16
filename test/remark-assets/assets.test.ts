// If this breaks, a handbook's pictures do not show (the file is not published, or its URL is
// wrong), the page jumps as pictures load (no width and height), phones download full-size
// photos, or a file beside the page is published at a URL that leads nowhere.
//
// Each folder in `fixtures/` holds a playbook (`content/`), `output.html` (the page named in
// `options.json` rendered with the plugin) and `published.json`, the files it hands over.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type PublishedAsset, remarkAssets, variantPath } from '../../plugins/remark-assets/index.ts';
import { expectedOutput, fixtureCases, renderFixture } from '../helpers/render-fixture.ts';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

describe('remarkAssets', () => {
  const cases = fixtureCases(fixtures);
  it('has its fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(2));
  for (const name of cases) {
    it(`renders fixture \`${name}\` and publishes its files`, async () => {
      const folder = path.join(fixtures, name);
      const published = new Map<string, PublishedAsset>();
      const actual = await renderFixture(folder, (contentDir) => [[remarkAssets, { contentDir, publish: (asset: PublishedAsset) => published.set(asset.target, asset) }]]);
      expect(actual).toBe(expectedOutput(folder, actual));
      const files = JSON.stringify([...published.values()].sort((a, b) => (a.target < b.target ? -1 : 1)), null, 2);
      expect(files).toBe(expectedOutput(folder, files, 'published.json'));
    });
  }

  it('offers no smaller copies when asked not to, as under `npm run dev`', async () => {
    const published: PublishedAsset[] = [];
    const html = await renderFixture(path.join(fixtures, 'images'), (contentDir) => [[remarkAssets, { contentDir, responsive: false, publish: (asset: PublishedAsset) => published.push(asset) }]]);
    expect(html).not.toContain('srcset');
    expect(published.every((asset) => asset.widths.length === 0)).toBe(true);
  });

  it('names each smaller copy beside its photo', () => {
    expect(variantPath('team_rituals/photos/away-day.jpg', 960)).toBe('team_rituals/photos/away-day.960w.jpg');
  });
});
