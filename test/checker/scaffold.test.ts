// If this breaks, `npm run new` writes a file the check refuses, overwrites an existing page,
// accepts an id the build rejects, or leaves the editor guessing which fields exist.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runNewCommand } from '../../plugins/checker/index.ts';
import { fixtureContent, today } from './helpers.ts';

let root: string;
let content: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-new-'));
  content = path.join(root, 'content');
  fs.cpSync(fixtureContent('clean'), content, { recursive: true });
});

function run(...args: string[]) {
  return runNewCommand(args, { PLAYBOOK_CONTENT: content, PLAYBOOK_TODAY: today }, root);
}

describe('npm run new', () => {
  it('scaffolds a draft page with every required field, the optional ones as comments, and prints its check', () => {
    const outcome = run('page', 'internal/mentoring-circles');
    expect(outcome).toEqual({ stdout: 'Created content/playbook/internal/mentoring-circles.md.\nNo problems in 1 file.\n', stderr: '', exitCode: 0 });
    const text = fs.readFileSync(path.join(content, 'playbook/internal/mentoring-circles.md'), 'utf8');
    expect(text.split('\n').slice(0, 5)).toEqual([
      '---',
      'title: Mentoring circles',
      'description: Say in one or two sentences what this page is for and who it helps.',
      'layer: internal   # internal | external | coaching | governance | measurement | guide',
      'status: draft   # remove this line to publish the page',
    ]);
    for (const field of ['develops', 'prerequisites', 'formats', 'owner', 'audience', 'visibility', 'review_by', 'metrics', 'tags']) expect(text).toContain(`# ${field}: `);
  });

  it('gives an external page the partner it needs', () => {
    expect(run('page', 'external/ivy-school').stdout).toBe('Created content/playbook/external/ivy-school.md.\nNo problems in 1 file.\n');
  });

  it('scaffolds a competency and says it is not developed yet', () => {
    const outcome = run('competency', 'board-presence');
    expect(outcome.stdout.split('\n')).toEqual([
      'Created content/competencies/board-presence.md.',
      'content/competencies/board-presence.md:2:7  warning  Competency `board-presence` is not developed by any initiative; add it to the `develops` list of an internal, external or coaching page, or retire it.  uncovered-competency',
      '0 errors, 1 warning in 1 file.',
      '',
    ]);
  });

  it('scaffolds a role with its targets', () => {
    expect(run('role', 'divisional-director').exitCode).toBe(0);
    expect(fs.readFileSync(path.join(content, 'roles/divisional-director.md'), 'utf8')).toContain('name: Divisional director\nsummary: ');
  });

  it('refuses an id that exists or is malformed, and writes nothing', () => {
    const existing = fs.readdirSync(path.join(content, 'playbook/internal'))[0]!.replace(/\.mdx?$/, '');
    expect(run('page', `internal/${existing}`)).toMatchObject({ stdout: '', exitCode: 1 });
    expect(run('page', `internal/${existing}`).stderr).toMatch(/^Nothing was written\. `playbook\/internal\/.+` already exists in the content folder; choose another id, or edit that file\.\n$/);
    expect(run('competency', 'Bad_Id')).toEqual({ stdout: '', stderr: 'Nothing was written. `Bad_Id` is not a valid competency id; use lowercase letters, digits and hyphens, such as `strategic-foresight`.\n', exitCode: 1 });
    expect(run('page', 'search').stderr).toBe("Nothing was written. `search` would take the URL of one of the generator's own pages; choose another name.\n");
    expect(run('chapter', 'x').exitCode).toBe(2);
    expect(fs.existsSync(path.join(content, 'competencies/Bad_Id.md'))).toBe(false);
  });
});
