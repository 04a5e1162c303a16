// If this breaks, a reader meets a reference shown as raw `:page[...]` text, a link to an
// `.md` file (in Markdown or raw HTML), a folder or a heading in other letter case that 404s
// or lands nowhere on the site, a link that jumps to the current edition from an older
// one, links that ignore the base path, or the author's `10:30` turned into something else.
//
// Each folder in `fixtures/` (but `playbook/`, the playbook they link into) holds `input.md`,
// rendered as the body of a page, and `output.html`, the HTML expected; `options.json` may
// name the page (default `internal/leadership-lab`), the edition and the base path.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadPlaybook, playbookSyntax, siteEdition } from '../../plugins/playbook/index.ts';
import { remarkPlaybookRefs } from '../../plugins/remark-playbook-refs/index.ts';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));
const { playbook } = loadPlaybook(path.join(fixtures, 'playbook/content'));

interface CaseOptions {
  page?: string;
  edition?: string;
  base?: string;
}

async function render(name: string): Promise<string> {
  const folder = path.join(fixtures, name);
  const optionsFile = path.join(folder, 'options.json');
  const options = (fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {}) as CaseOptions;
  const edition = playbook.editions.find((candidate) => candidate.label === (options.edition ?? 'current'))!;
  const site = siteEdition(edition, { audience: 'all', includeDrafts: false, base: options.base ?? '/' });
  const entry = site.page(options.page ?? 'internal/leadership-lab')!;
  const processor = unified().use(remarkParse).use(playbookSyntax).use(remarkPlaybookRefs).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
  const file = new VFile({ path: entry.source.path, value: fs.readFileSync(path.join(folder, 'input.md'), 'utf8') });
  file.data.trellis = { site, entry };
  return String(await processor.process(file));
}

describe('remarkPlaybookRefs', () => {
  const cases = fs.readdirSync(fixtures).filter((name) => fs.existsSync(path.join(fixtures, name, 'input.md')));
  it('has its fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(8));
  for (const name of cases) {
    it(`renders fixture \`${name}\` as expected`, async () => {
      expect(await render(name)).toBe(fs.readFileSync(path.join(fixtures, name, 'output.html'), 'utf8').trimEnd());
    });
  }
});
