// If this breaks, the problems of a playbook are printed wrongly: in the wrong order, with
// paths an editor cannot open, with a wrong summary, as JSON that tools cannot read, or as
// GitHub annotations that do not land on the changed lines of a pull request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CheckResult, formatReport, summaryLine } from '../../plugins/checker/index.ts';
import type { Diagnostic } from '../../plugins/playbook/index.ts';
import { checkFixture, fixtureContent, repoRoot, runCli, today } from './helpers.ts';

/** Every problem of the multi-error fixture, from one run, in file and position order. */
const multiErrorText = [
  'test/checker/fixtures/multi-error/content/competencies/people-leadership.md:2:7  warning  Competency `people-leadership` is not developed by any initiative; add it to the `develops` list of an internal, external or coaching page, or retire it.  uncovered-competency',
  'test/checker/fixtures/multi-error/content/competencies/strategic-foresight.md:5:11  error  Unknown competency `risk-judgment`; did you mean `risk-judgement`?  unknown-competency',
  'test/checker/fixtures/multi-error/content/playbook/external/school.mdx:4:8  error  Page of layer `external` has no `partner`; add `partner:` with its `name` and `evaluation` (and `contract_end` if there is one).  external-without-partner',
  'test/checker/fixtures/multi-error/content/playbook/guide/how-to.mdx:5:11  error  Invalid `formats[0]` value `webinar`; expected one of `virtual-cohort`, `on-site-immersion`, `microlearning`, `secondment`, `shadowing`, `stretch-assignment`, `case-study`, `coaching-session`.  invalid-field-value',
  'test/checker/fixtures/multi-error/content/playbook/index.mdx:6:52  error  Link `./internal/rotaton.mdx` names no page; did you mean `./internal/rotation.mdx`?  broken-page-link',
  'test/checker/fixtures/multi-error/content/playbook/internal/leadership-lab.mdx:7:12  warning  Review date `2026-01-31` has passed; review the page, then set `review_by` to the date of the next review.  review-overdue',
  'test/checker/fixtures/multi-error/content/playbook/internal/leadership-lab.mdx:11:5  error  Anchor `#target` names no heading of page `measurement/readiness`; did you mean `#targets`?  broken-anchor',
  'test/checker/fixtures/multi-error/content/playbook/internal/rotation.mdx:6:17  error  Prerequisites form a cycle `internal/leadership-lab -> internal/rotation -> internal/leadership-lab`; remove one of these prerequisites so that the pages can be taken in order.  prerequisite-cycle',
  'test/checker/fixtures/multi-error/content/playbook/internal/rotation.mdx:7:11  error  Metric `guide/how-to` is a page of layer `guide`, not `measurement`; list only pages of layer `measurement` in `metrics`.  metrics-not-measurement',
  '7 errors, 2 warnings in 7 files.',
];

describe('one run reports every problem together', () => {
  it('prints all problems of the multi-error fixture sorted by file, line and column, then the summary', () => {
    const report = formatReport(checkFixture('multi-error'), 'text', repoRoot);
    expect(report).toBe(`${multiErrorText.join('\n')}\n`);
  });

  it('returns diagnostics sorted and counted', () => {
    const result = checkFixture('multi-error');
    const order = result.diagnostics.map((item) => [item.file, item.line, item.column] as const);
    const sorted = [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(order).toEqual(sorted);
    expect([result.errorCount, result.warningCount, result.fileCount]).toEqual([7, 2, 9]);
  });

  it('prints paths relative to the working directory', () => {
    const report = formatReport(checkFixture('multi-error'), 'text', fixtureContent('multi-error'));
    expect(report.split('\n')[0]).toMatch(/^competencies\/people-leadership\.md:2:7  warning  /);
    const outside = formatReport(checkFixture('multi-error'), 'text', path.join(repoRoot, 'plugins'));
    expect(outside.split('\n')[0]).toMatch(/^..\/test\/checker\/fixtures\/multi-error\/content\/competencies\/people-leadership\.md:2:7  /);
  });
});

describe('summary line', () => {
  const result = (errors: number, warnings: number, files: string[], fileCount = 57): CheckResult => ({
    playbook: { contentDir: repoRoot, editions: [] },
    diagnostics: files.map((file, i) => diagnostic({ file, severity: i < errors ? 'error' : 'warning' })),
    errorCount: errors,
    warningCount: warnings,
    fileCount,
  });

  it('counts in words, singular and plural', () => {
    expect(summaryLine(result(3, 1, ['a.md', 'b.md', 'a.md', 'b.md']))).toBe('3 errors, 1 warning in 2 files.');
    expect(summaryLine(result(1, 0, ['a.md']))).toBe('1 error, 0 warnings in 1 file.');
    expect(summaryLine(result(0, 2, ['a.md', 'a.md']))).toBe('0 errors, 2 warnings in 1 file.');
  });

  it('says there is nothing to fix, and in how many files', () => {
    expect(summaryLine(result(0, 0, []))).toBe('No problems in 57 files.');
    expect(summaryLine(result(0, 0, [], 1))).toBe('No problems in 1 file.');
    expect(formatReport(checkFixture('clean'), 'text')).toBe('No problems in 4 files.\n');
  });
});

describe('GitHub annotations', () => {
  it('escapes %, carriage returns and newlines in messages, and also : and , in properties', () => {
    const awkward = diagnostic({ file: 'playbook/a,b:c.md', rule: 'unknown-competency', message: '100% sure\r\nnot: really, no' });
    const report = formatReport({ playbook: { contentDir: repoRoot, editions: [] }, diagnostics: [awkward], errorCount: 1, warningCount: 0, fileCount: 1 }, 'github', repoRoot);
    expect(report).toBe('::error file=playbook/a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=9,title=unknown-competency::100%25 sure%0D%0Anot: really, no\n1 error, 0 warnings in 1 file.\n');
  });
});

describe('npm run check', () => {
  const multiError = { PLAYBOOK_CONTENT: fixtureContent('multi-error'), PLAYBOOK_TODAY: today };

  it('prints the text report and exits 1 when there are errors', () => {
    const run = runCli([], { ...multiError, PLAYBOOK_CONTENT: 'test/checker/fixtures/multi-error/content' });
    expect(run.stdout).toBe(`${multiErrorText.join('\n')}\n`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('prints nothing but a JSON array with exactly the documented keys for --format json', () => {
    const run = runCli(['--format', 'json'], multiError);
    const records = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(records).toHaveLength(9);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'suggestion']);
    }
    expect(records[1]).toEqual({
      file: 'test/checker/fixtures/multi-error/content/competencies/strategic-foresight.md',
      line: 5,
      column: 11,
      endLine: 5,
      endColumn: 24,
      severity: 'error',
      rule: 'unknown-competency',
      message: 'Unknown competency `risk-judgment`; did you mean `risk-judgement`?',
      suggestion: 'risk-judgement',
    });
    expect(run.status).toBe(1);
  });

  it('prints workflow commands and the summary for --format=github', () => {
    const run = runCli(['--format=github'], { ...multiError, PLAYBOOK_CONTENT: 'test/checker/fixtures/multi-error/content' });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe(
      '::warning file=test/checker/fixtures/multi-error/content/competencies/people-leadership.md,line=2,col=7,endLine=2,endColumn=24,title=uncovered-competency::Competency `people-leadership` is not developed by any initiative; add it to the `develops` list of an internal, external or coaching page, or retire it.',
    );
    expect(lines[1]).toBe(
      '::error file=test/checker/fixtures/multi-error/content/competencies/strategic-foresight.md,line=5,col=11,endLine=5,endColumn=24,title=unknown-competency::Unknown competency `risk-judgment`; did you mean `risk-judgement`?',
    );
    expect(lines.at(-1)).toBe('7 errors, 2 warnings in 7 files.');
    expect(run.status).toBe(1);
  });

  it('exits 0 on warnings alone, and 1 with --strict', () => {
    const dates = { PLAYBOOK_CONTENT: fixtureContent('dates'), PLAYBOOK_TODAY: today };
    expect(runCli([], dates).status).toBe(0);
    const strict = runCli(['--strict'], dates);
    expect(strict.status).toBe(1);
    expect(strict.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors, 3 warnings in 3 files.');
  });

  it('exits 0 on a clean playbook, with an empty JSON array', () => {
    const clean = { PLAYBOOK_CONTENT: fixtureContent('clean'), PLAYBOOK_TODAY: today };
    expect(runCli(['--strict'], clean)).toEqual({ stdout: 'No problems in 4 files.\n', stderr: '', status: 0 });
    expect(runCli(['--format', 'json'], clean).stdout).toBe('[]\n');
  });

  it('checks what a public build publishes when PLAYBOOK_AUDIENCE is public', () => {
    const env = { PLAYBOOK_CONTENT: fixtureContent('reference-not-public'), PLAYBOOK_TODAY: today };
    expect(runCli([], env).status).toBe(0);
    expect(runCli([], { ...env, PLAYBOOK_AUDIENCE: 'all' }).status).toBe(0);
    const run = runCli([], { ...env, PLAYBOOK_AUDIENCE: 'public' });
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('5 errors, 0 warnings in 2 files.');
  });

  it('uses PLAYBOOK_TODAY for dates', () => {
    const env = { PLAYBOOK_CONTENT: fixtureContent('dates') };
    expect(runCli([], { ...env, PLAYBOOK_TODAY: '2020-01-01' }).stdout).toBe('No problems in 13 files.\n');
    expect(runCli([], { ...env, PLAYBOOK_TODAY: '2030-01-01' }).stdout).toMatch(/^0 errors, 5 warnings in 5 files\.$/m);
  });
});

describe('help and the job summary', () => {
  it('prints the usage, every option and the settings for --help, and exits 0', () => {
    const run = runCli(['--help'], { PLAYBOOK_CONTENT: 'no/such/folder' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('Usage: npm run check [-- --format text|json|github] [--strict]');
    for (const option of ['--format json', '--format github', '--strict', 'PLAYBOOK_CONTENT', 'PLAYBOOK_AUDIENCE=public', 'PLAYBOOK_TODAY', 'Exit status']) expect(run.stdout).toContain(option);
  });

  it('writes the counts and every problem to GITHUB_STEP_SUMMARY with --format github', () => {
    const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-summary-')), 'summary.md');
    const run = runCli(['--format', 'github'], { PLAYBOOK_TODAY: today, PLAYBOOK_CONTENT: 'test/checker/fixtures/multi-error/content', GITHUB_STEP_SUMMARY: summary });
    expect(run.status).toBe(1);
    const lines = fs.readFileSync(summary, 'utf8').trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual(['## Playbook check', '', '7 errors, 2 warnings in 7 files.', '', '| | where | problem | rule |']);
    expect(lines).toHaveLength(15);
    expect(lines).toContain('| error | `test/checker/fixtures/multi-error/content/competencies/strategic-foresight.md:5:11` | Unknown competency `risk-judgment`; did you mean `risk-judgement`? | `unknown-competency` |');
  });
});

describe('usage errors exit 2 with a message and no stack trace', () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['an unknown format', ['--format', 'xml'], {}, /^Unknown format `xml`; use one of `text`, `json`, `github`\.\nUsage: npm run check/],
    ['a missing format', ['--format'], {}, /^Unknown format ``; use one of/],
    ['an unknown argument', ['--fix'], {}, /^Unknown argument `--fix`; the check takes `--format text\|json\|github`, `--strict` and `--help`\./],
    ['an unknown audience', [], { PLAYBOOK_AUDIENCE: 'everyone' }, /^PLAYBOOK_AUDIENCE is `everyone`; set it to `public`/],
    ['a date that is not YYYY-MM-DD', [], { PLAYBOOK_TODAY: '15/06/2026' }, /^PLAYBOOK_TODAY is `15\/06\/2026`; write a date as YYYY-MM-DD/],
    ['a date that does not exist', [], { PLAYBOOK_TODAY: '2026-02-30' }, /^PLAYBOOK_TODAY is `2026-02-30`/],
    ['a missing content folder', [], { PLAYBOOK_CONTENT: 'no/such/folder' }, /^Content folder `.*no\/such\/folder` does not exist; point PLAYBOOK_CONTENT at the folder that holds `competencies\/` and `playbook\/`\.\n$/],
  ];
  for (const [name, args, env, message] of cases) {
    it(name, () => {
      const run = runCli(args, { PLAYBOOK_CONTENT: fixtureContent('clean'), PLAYBOOK_TODAY: today, ...env });
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
      expect(run.status).toBe(2);
    });
  }
});

function diagnostic(fields: Partial<Diagnostic>): Diagnostic {
  return { file: 'a.md', line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'error', rule: 'unknown-competency', message: 'Message.', suggestion: null, ...fields };
}
