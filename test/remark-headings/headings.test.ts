// If this breaks, a link to a heading that works on GitHub lands nowhere on the site, a
// `{#custom-id}` is shown to readers, or a page shows its title twice.
//
// Each folder in `fixtures/` holds a playbook (`content/`) and `output.html`, its home page's
// body rendered with the plugin (see test/helpers/render-fixture.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { generatedSectionIds } from '../../plugins/playbook/index.ts';
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

describe('remarkHeadings on a competency or a role', () => {
  async function body(kind: 'competency' | 'role', markdown: string): Promise<string> {
    const file = new VFile({ path: `${kind}.md`, value: markdown });
    file.data.trellis = { entry: { kind } } as never;
    const processor = unified().use(remarkParse).use(remarkHeadings).use(remarkRehype).use(rehypeStringify);
    return String(await processor.process(file));
  }

  it("gives a competency's headings GitHub's ids, beside the sections its page adds", async () => {
    const html = await body('competency', '## In practice\n\n## Levels\n\n## Custom {#Own-Id}\n');
    expect(html).toBe('<h2 id="in-practice">In practice</h2>\n<h2 id="levels-1">Levels</h2>\n<h2 id="Own-Id">Custom</h2>');
  });

  it("gives a role's headings ids that do not take its target profile's or route's", async () => {
    const html = await body('role', '## What good looks like in the first year\n\n## Route\n');
    expect(html).toBe('<h2 id="what-good-looks-like-in-the-first-year">What good looks like in the first year</h2>\n<h2 id="route-1">Route</h2>');
  });

  it('knows every section id the competency and role pages write', () => {
    const sectionIds = (view: string) => [...fs.readFileSync(path.join(fixtures, '../../../src/views', view), 'utf8').matchAll(/<h[23] id="([^"]+)"/g)].map((match) => match[1]);
    expect(sectionIds('CompetencyView.astro')).toEqual([...generatedSectionIds.competency]);
    expect(sectionIds('RoleView.astro')).toEqual([...generatedSectionIds.role]);
  });
});
