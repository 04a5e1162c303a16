// If this breaks, code blocks lose their colours, or carry inline `style=` attributes that the
// site's Content-Security-Policy refuses (and that would show no colour at all), or a block of
// an unknown language is lost instead of shown as text.
//
// Each folder in `fixtures/` holds a playbook (`content/`) and `output.html`, its home page's
// body rendered with the plugin.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { remarkCodeHighlight } from '../../plugins/remark-code-highlight/index.ts';
import { expectedOutput, fixtureCases, renderFixture } from '../helpers/render-fixture.ts';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

describe('remarkCodeHighlight', () => {
  const cases = fixtureCases(fixtures);
  it('has its fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(1));
  for (const name of cases) {
    it(`renders fixture \`${name}\` as expected, with classes and no style attribute`, async () => {
      const folder = path.join(fixtures, name);
      const actual = await renderFixture(folder, () => [remarkCodeHighlight]);
      expect(actual).not.toContain('style=');
      expect(actual).toBe(expectedOutput(folder, actual));
    });
  }
});
