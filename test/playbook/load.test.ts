// If this breaks, an author's frontmatter mistake is reported on the wrong line or column, with
// a suggestion for another field, or not at all; or two files fight over one page and the
// author is not told which. Every position and every "did you mean" of a single file is
// computed by the core's loader.
//
// Each folder in `fixtures/` holds a `content/` playbook and `expected.txt`: the problems the
// loader reports for it, one per line, in the order editors read them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, loadPlaybook } from '../../plugins/playbook/index.ts';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

function show(item: Diagnostic): string {
  return `${item.file}:${item.line}:${item.column}-${item.endLine}:${item.endColumn}: ${item.message} [${item.severity} ${item.rule}]`;
}

describe('loadPlaybook', () => {
  for (const name of fs.readdirSync(fixtures).filter((entry) => fs.existsSync(path.join(fixtures, entry, 'expected.txt')))) {
    it(`reports the problems of fixture \`${name}\` at their place`, () => {
      const { diagnostics } = loadPlaybook(path.join(fixtures, name, 'content'));
      const expected = fs.readFileSync(path.join(fixtures, name, 'expected.txt'), 'utf8').trimEnd().split('\n');
      expect(diagnostics.sorted().map(show)).toEqual(expected);
    });
  }

  it('keeps a page whose fields are wrong, with the fields that were right and the defaults', () => {
    const page = loadPlaybook(path.join(fixtures, 'fields/content')).playbook.editions[0]!.pages.get('rotation')!;
    expect([page.title, page.layer, page.develops, page.status, page.visibility]).toEqual(['Rotation programme', 'guide', [], 'published', 'internal']);
  });

  it('gives a folder page the folder as its id, and keeps the first of two files claiming it', () => {
    const pages = loadPlaybook(path.join(fixtures, 'identity/content')).playbook.editions[0]!.pages;
    expect([...pages.keys()].sort()).toEqual(['index', 'internal', 'notes']);
    expect(pages.get('internal')!.source.path).toBe('playbook/internal.md');
  });
});
