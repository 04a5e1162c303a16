// If this breaks, a playbook with a long chain of prerequisites (a generated curriculum, a
// migrated course catalogue) crashes the check or the build with "Maximum call stack size
// exceeded", or lists the pages of a layer out of the order they are taken in.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '../../plugins/checker/index.ts';
import { siteEdition } from '../../plugins/playbook/index.ts';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { remarkDiagrams } from '../../plugins/remark-diagrams/index.ts';
import { diagramFonts } from '../remark-diagrams/helpers.ts';
import { temporaryFolder, today, writeFiles } from './helpers.ts';

/** Twice the length reported to work when the depths were computed by recursion. */
const length = 20_000;
const step = (i: number) => `internal/step-${i}`;
let root: string;
let checked: CheckResult;

beforeAll(() => {
  root = temporaryFolder('chain');
  const files: Record<string, string> = {};
  for (let i = 0; i < length; i++) {
    const diagram = i === 1 ? `::diagram{type="pathway" from="${step(length - 1)}"}\n` : '';
    files[`playbook/${step(i)}.md`] = `---\ntitle: Step ${i}\ndescription: One step of a long curriculum.\nlayer: internal\nprerequisites: [${i ? step(i - 1) : ''}]\n---\n${diagram}`;
  }
  writeFiles(root, files);
  checked = checkContent({ contentDir: root, audience: 'all', today });
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe(`a chain of ${length} prerequisites`, () => {
  it('passes the check', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(checked.fileCount).toBe(length);
  });

  it('lists the layer in the order the steps are taken, by depth rather than by title', () => {
    const site = siteEdition(checked.playbook.editions[0]!, { audience: 'all', includeDrafts: false, base: '/' });
    const ids = site.pagesInLayer('internal').map((page) => page.id);
    expect(ids).toEqual(Array.from({ length }, (_, i) => step(i)));
  });

  it('draws the pathway through the last step from its nearest steps', async () => {
    const site = siteEdition(checked.playbook.editions[0]!, { audience: 'all', includeDrafts: false, base: '/' });
    const tree: Root = { type: 'root', children: [{ type: 'leafDirective', name: 'diagram', attributes: { type: 'pathway', from: step(length - 1) }, children: [] }] };
    const file = new VFile();
    file.data.trellis = { site, entry: site.page(step(1))! };
    await remarkDiagrams({ fonts: diagramFonts, pathwayMaxPages: 4 })(tree, file);
    const drawn = JSON.stringify(tree);
    expect([length - 4, length - 3, length - 2, length - 1].every((i) => drawn.includes(`Step ${i}`))).toBe(true);
    expect(drawn).not.toContain(`Step ${length - 5}"`);
  });
});
