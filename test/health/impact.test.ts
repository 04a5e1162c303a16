// If this breaks, a pull request that deletes an initiative no longer says which competencies
// lose coverage, which health findings and check problems it brings or clears, or the summary
// reads the wrong commit, touches the reviewer's working tree, or fails with a stack trace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureContent, runEntry, stackTrace, today } from './helpers.ts';

let repo: string;
let notARepo: string;

function git(...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

beforeAll(() => {
  // A playbook repository with two commits: the second deletes an initiative.
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-impact-repo-'));
  fs.cpSync(fixtureContent('impact'), path.join(repo, 'content'), { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '--message', 'The playbook');
  git('rm', '--quiet', 'content/playbook/coaching/executive-coaching.mdx');
  git('commit', '--quiet', '--message', 'Retire executive coaching');
  notARepo = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-impact-plain-'));
  fs.cpSync(fixtureContent('impact'), path.join(notARepo, 'content'), { recursive: true });
});
afterAll(() => {
  for (const dir of [repo, notARepo]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], cwd = repo) => runEntry('impact-cli.ts', args, { PLAYBOOK_TODAY: today }, cwd);

describe('npm run impact on a change that deletes an initiative', () => {
  it('says in text which page went, which competencies lose coverage, and what it does to findings and problems', () => {
    const base = git('rev-parse', 'HEAD~1').slice(0, 7);
    const result = run(['--base', 'HEAD~1']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`What this change does to the playbook. Compared with \`HEAD~1\` (\`${base}\`).
This change removes 1 page, changes how 2 competencies are developed, introduces 1 health finding, resolves 1 health finding and introduces 2 check problems.

Pages
  - Removed \`coaching/executive-coaching\`: Executive coaching

Coverage
  - Coaching mindset: developed by 1 initiative → none; loses its only coaching initiative (Executive coaching).
  - Resilience: developed by 3 initiatives → 2; loses its only coaching initiative (Executive coaching).

Health findings
  - Introduced: info Coaching initiative \`coaching/peer-circles\` has no internal initiative among its \`prerequisites\`, nor among theirs; leaders may reach it without the internal baseline. Add an internal initiative to its \`prerequisites\`, or say on the page why it stands alone. (\`no-internal-baseline\`)
  - Resolved: warning Competency \`coaching-mindset\` is developed by one initiative only, \`coaching/executive-coaching\`; if that programme pauses or ends, nothing develops it. Add the competency to the \`develops\` of a second initiative, ideally in another layer. (\`single-initiative\`)

Check problems
  - Introduced: warning \`content/competencies/coaching-mindset.md:2:7\` Competency \`coaching-mindset\` is not developed by any initiative; add it to the \`develops\` list of an internal, external or coaching page, or retire it. (\`uncovered-competency\`)
  - Introduced: error \`content/playbook/coaching/peer-circles.mdx:6:17\` Unknown page \`coaching/executive-coaching\`; write the id of a page of this edition: its path under \`playbook/\` without the extension. (\`unknown-page-reference\`)
`);
  });

  it('says the same in Markdown, for the pull request job summary', () => {
    const base = git('rev-parse', 'main~1').slice(0, 7);
    const result = run(['--base', 'main~1', '--format', 'markdown']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      '## What this change does to the playbook',
      '',
      `Compared with \`main~1\` (\`${base}\`). This change removes 1 page, changes how 2 competencies are developed, introduces 1 health finding, resolves 1 health finding and introduces 2 check problems.`,
      '',
      '### Pages',
      '',
      '- Removed `coaching/executive-coaching`: Executive coaching',
      '',
      '### Coverage',
      '',
      '- Coaching mindset: developed by 1 initiative → none; loses its only coaching initiative (Executive coaching).',
      '- Resilience: developed by 3 initiatives → 2; loses its only coaching initiative (Executive coaching).',
      '',
      '### Health findings',
      '',
      '- Introduced: **info** Coaching initiative `coaching/peer-circles` has no internal initiative among its `prerequisites`, nor among theirs; leaders may reach it without the internal baseline. Add an internal initiative to its `prerequisites`, or say on the page why it stands alone. (`no-internal-baseline`)',
      '- Resolved: **warning** Competency `coaching-mindset` is developed by one initiative only, `coaching/executive-coaching`; if that programme pauses or ends, nothing develops it. Add the competency to the `develops` of a second initiative, ideally in another layer. (`single-initiative`)',
      '',
      '### Check problems',
      '',
      '- Introduced: **warning** `content/competencies/coaching-mindset.md:2:7` Competency `coaching-mindset` is not developed by any initiative; add it to the `develops` list of an internal, external or coaching page, or retire it. (`uncovered-competency`)',
      '- Introduced: **error** `content/playbook/coaching/peer-circles.mdx:6:17` Unknown page `coaching/executive-coaching`; write the id of a page of this edition: its path under `playbook/` without the extension. (`unknown-page-reference`)',
      '',
    ]);
  });

  it('compared with its own commit, the working tree changes nothing; and the working tree and index are left as they were', () => {
    expect(run(['--base', 'HEAD']).stdout.split('\n')[1]).toBe('This change leaves the ecosystem as it was: no page or competency added, removed or renamed, no change in coverage, and no health finding or check problem introduced or resolved.');
    expect(git('status', '--porcelain')).toBe('');
  });
});

describe('npm run impact used wrongly', () => {
  it('names what to do, exit 2, no stack trace', () => {
    const usage = 'Usage: npm run impact -- --base <git-ref> [--format markdown|text]\n';
    const cases: [string[], string, string?][] = [
      [[], `Name the commit to compare with, such as \`--base main\`.\n${usage}`],
      [['--base', 'no-such-branch'], '`no-such-branch` is not a commit of this repository; name a branch, tag or commit that exists here (a GitHub workflow needs `actions/checkout` with `fetch-depth: 0` to have the base).\n'],
      [['--base', '--output=/tmp/x'], '`--output=/tmp/x` is not a git ref; name a branch, tag or commit, such as `--base main`.\n'],
      [['--base', 'HEAD', '--format', 'json'], `Unknown format \`json\`; use \`markdown\` or \`text\`.\n${usage}`],
      [['--base', 'main'], '`<plain>/content` is not in a git repository; `npm run impact` compares the playbook with a commit, so run it in the playbook\'s repository.\n', notARepo],
    ];
    for (const [args, message, cwd] of cases) {
      const result = run(args, cwd);
      expect({ status: result.status, stderr: result.stderr.replace(notARepo, '<plain>'), stdout: result.stdout }).toEqual({ status: 2, stderr: message.replace(notARepo, '<plain>'), stdout: '' });
      expect(result.stderr).not.toMatch(stackTrace);
    }
  });
});
