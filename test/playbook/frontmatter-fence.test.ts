// If this breaks, a page whose frontmatter fence is slightly off (`----`, `---title: x`, a blank
// line first, old Mac line endings) passes `npm run check` with its fields silently ignored,
// and then the build crashes or publishes the page without them; or the problems of a file
// saved with Windows or old Mac line endings are reported on the wrong line.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownCheck, temporaryFolder, writeFiles } from './helpers.ts';

const fields = 'description: A page.\nlayer: guide\n';
/** Line 8 holds a reference to a missing page, at columns 5 to 18. */
const body = 'Text.\n\nSee :page[missing].\n';
const unknownPage = '8:5-8:19: Unknown page `missing`; write the id of a page of this edition: its path under `playbook/` without the extension. [error unknown-page-reference]';
let root: string;

beforeAll(() => {
  root = temporaryFolder('fences');
  const lf = `---\ntitle: Line feeds\n${fields}---\n${body}`;
  writeFiles(root, {
    'playbook/lf.md': lf,
    'playbook/crlf.md': lf.replace(/\n/g, '\r\n'),
    'playbook/cr-only.md': lf.replace(/\n/g, '\r'),
    'playbook/cr-only-mdx.mdx': `${lf.replace(/\n/g, '\r')}\r<div>MDX</div>\r`,
    'playbook/four-dashes.md': `----\ntitle: Four dashes\n${fields}---\nText.\n`,
    'playbook/field-on-fence.md': `---title: On the fence\n${fields}---\nText.\n`,
    'playbook/blank-line-first.md': `\n---\ntitle: Blank line first\n${fields}---\nText.\n`,
    'playbook/spaces-first.md': `  ---\ntitle: Spaces first\n${fields}---\nText.\n`,
    'playbook/closed-by-four.md': `---\ntitle: Closed by four\n${fields}----\nText.\n`,
    'playbook/closed-with-text.md': `---\ntitle: Closed with text\n${fields}--- end of fields\nText.\n`,
    'playbook/toml.md': `+++\ntitle = "TOML"\n+++\nText.\n`,
    'playbook/no-frontmatter.md': 'Text only.\n',
  });
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('frontmatter fences and line endings', () => {
  it('reads LF, CRLF and CR-only files alike, on the lines the author sees, and names every misplaced fence', () => {
    expect(shownCheck(root)).toEqual([
      'playbook/blank-line-first.md:2:1-2:4: Frontmatter must start on the first line of the file; remove the blank lines or spaces before `---`. [error invalid-yaml]',
      'playbook/closed-by-four.md:5:1-5:5: Line `----` ends frontmatter only when it is exactly `---`; write `---` alone on this line. [error invalid-yaml]',
      'playbook/closed-with-text.md:5:1-5:18: Line `--- end of fields` ends frontmatter only when it is exactly `---`; write `---` alone on this line and `end of fields` on the next. [error invalid-yaml]',
      `playbook/cr-only-mdx.mdx:${unknownPage}`,
      `playbook/cr-only.md:${unknownPage}`,
      `playbook/crlf.md:${unknownPage}`,
      'playbook/field-on-fence.md:1:1-1:23: The first line `---title: On the fence` opens frontmatter only when it is exactly `---`; write `---` alone on the first line and `title: On the fence` on the next. [error invalid-yaml]',
      'playbook/four-dashes.md:1:1-1:5: The first line `----` opens frontmatter only when it is exactly `---`; write `---` alone on the first line. [error invalid-yaml]',
      `playbook/lf.md:${unknownPage}`,
      'playbook/no-frontmatter.md:1:1-1:1: File has no frontmatter; start it with a `---` block holding the required fields. [error missing-required-field]',
      'playbook/spaces-first.md:1:3-1:6: Frontmatter must start on the first line of the file; remove the blank lines or spaces before `---`. [error invalid-yaml]',
      'playbook/toml.md:1:1-1:4: The first line `+++` opens frontmatter only when it is exactly `---`; write `---` alone on the first line. [error invalid-yaml]',
    ]);
  });

  it('places a field problem of a CRLF or CR-only file on its own line and column', () => {
    const other = temporaryFolder('line-endings');
    try {
      writeFiles(other, {
        'playbook/crlf.md': '---\r\ntitle: Windows\r\ndescription: A page.\r\nlayer: Guide\r\n---\r\nText.\r\n',
        'playbook/cr-only.md': '---\rtitle: Old Mac\rdescription: A page.\rlayer: Guide\r---\rText.\r',
      });
      const invalidLayer = '4:8-4:13: Invalid `layer` value `Guide`; expected one of `internal`, `external`, `coaching`, `governance`, `measurement`, `guide`; did you mean `guide`? [error invalid-field-value]';
      expect(shownCheck(other)).toEqual([`playbook/cr-only.md:${invalidLayer}`, `playbook/crlf.md:${invalidLayer}`]);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
