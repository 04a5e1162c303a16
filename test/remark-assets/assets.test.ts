// If this breaks, a handbook's pictures do not show (the file is not published, or its URL is
// wrong), the page jumps as pictures load (no width and height), phones download full-size
// photos, or a file beside the page is published at a URL that leads nowhere.
//
// Each folder in `fixtures/` holds a playbook (`content/`), `output.html` (the page named in
// `options.json` rendered with the plugin) and `published.json`, the files `pageAssets` finds
// for the integration to publish.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pageAssets, remarkAssets, variantPath } from '../../plugins/remark-assets/index.ts';
import { expectedOutput, fixtureCases, fixturePage, renderFixture } from '../helpers/render-fixture.ts';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

describe('remarkAssets', () => {
  const cases = fixtureCases(fixtures);
  it('has its fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(2));
  for (const name of cases) {
    it(`renders fixture \`${name}\` and publishes its files`, async () => {
      const folder = path.join(fixtures, name);
      const actual = await renderFixture(folder, (contentDir) => [[remarkAssets, { contentDir }]]);
      expect(actual).toBe(expectedOutput(folder, actual));
      const { contentDir, site, entry } = fixturePage(folder);
      const published = pageAssets(entry.source.tree, { site, entry }, { contentDir });
      const files = JSON.stringify(published.sort((a, b) => (a.target < b.target ? -1 : 1)), null, 2);
      expect(files).toBe(expectedOutput(folder, files, 'published.json'));
    });
  }

  it('offers no smaller copies when asked not to, as under `npm run dev`', async () => {
    const folder = path.join(fixtures, 'images');
    const html = await renderFixture(folder, (contentDir) => [[remarkAssets, { contentDir, responsive: false }]]);
    expect(html).not.toContain('srcset');
    const { contentDir, site, entry } = fixturePage(folder);
    expect(pageAssets(entry.source.tree, { site, entry }, { contentDir, responsive: false }).map((asset) => asset.widths)).toEqual([[], [], [], []]);
  });

  it('names each smaller copy beside its photo', () => {
    expect(variantPath('team_rituals/photos/away-day.jpg', 960)).toBe('team_rituals/photos/away-day.960w.jpg');
  });
});
