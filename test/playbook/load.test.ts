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

  it('reads `develops` items as ids for every listing, and as ids with levels for routes', () => {
    const edition = loadPlaybook(path.join(fixtures, 'route/content')).playbook.editions[0]!;
    const council = edition.pages.get('internal/council')!;
    expect([council.develops, council.developsItems]).toEqual([['people'], [{ id: 'people', level: 'Expert' }]]);
    expect(edition.pages.get('internal/lab')!.developsItems).toEqual([{ id: 'foresight' }, { id: 'people' }]);
  });

  it('reads roles like competencies: id from the file name, targets in the order written', () => {
    const role = loadPlaybook(path.join(fixtures, 'route/content')).playbook.editions[0]!.roles.get('director')!;
    expect([role.kind, role.id, role.name, Object.entries(role.targets), role.grows_from, role.visibility]).toEqual([
      'role', 'director', 'Director', [['foresight', 'Practised'], ['people', 'Expert'], ['risk', 'Practised'], ['data', 'Practised']], ['manager'], 'internal',
    ]);
  });

  it('gives a folder page the folder as its id, and keeps the first of two files claiming it', () => {
    const pages = loadPlaybook(path.join(fixtures, 'identity/content')).playbook.editions[0]!.pages;
    expect([...pages.keys()].sort()).toEqual(['index', 'internal', 'notes']);
    expect(pages.get('internal')!.source.path).toBe('playbook/internal.md');
  });
});
