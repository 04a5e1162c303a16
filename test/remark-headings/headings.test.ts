// If this breaks, a link to a heading that works on GitHub lands nowhere on the site, a
// `{#custom-id}` is shown to readers, or a page shows its title twice.
//
// Each folder in `fixtures/` holds a playbook (`content/`) and `output.html`, its home page's
// body rendered with the plugin (see test/helpers/render-fixture.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { remarkHeadings } from '../../plugins/remark-headings/index.ts';
import { expectedOutput, fixtureCases, renderFixture } from '../helpers/render-fixture.ts';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

describe('remarkHeadings', () => {
  const cases = fixtureCases(fixtures);
  it('has its fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(4));
  for (const name of cases) {
    it(`renders fixture \`${name}\` as expected`, async () => {
      const folder = path.join(fixtures, name);
      const actual = await renderFixture(folder, () => [remarkHeadings]);
      expect(actual).toBe(expectedOutput(folder, actual));
    });
  }
});
