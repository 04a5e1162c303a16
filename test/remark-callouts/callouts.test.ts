// If this breaks, a handbook's `> [!NOTE]` shows a literal "[!NOTE]", a `:::warning` box has
// no label for screen readers, or a quote that is no callout is turned into one.
//
// Each folder in `fixtures/` holds a playbook (`content/`) and `output.html`, its home page's
// body rendered with the plugin (see test/helpers/render-fixture.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { remarkCallouts } from '../../plugins/remark-callouts/index.ts';
import { expectedOutput, fixtureCases, renderFixture } from '../helpers/render-fixture.ts';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

describe('remarkCallouts', () => {
  const cases = fixtureCases(fixtures);
  it('has its fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(2));
  for (const name of cases) {
    it(`renders fixture \`${name}\` as expected`, async () => {
      const folder = path.join(fixtures, name);
      const actual = await renderFixture(folder, () => [remarkCallouts]);
      expect(actual).toBe(expectedOutput(folder, actual));
    });
  }
});
