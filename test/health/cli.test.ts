// If this breaks, `npm run health` prints something other than the page shows, fails a CI job
// that asked only for a report (or passes one that asked to fail on warnings), ignores the
// limits set in astro.config.mjs, or answers a typo with a stack trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHealthCommand } from '../../plugins/health/index.ts';
import { fixtureContent, repoRoot, runEntry, stackTrace, today } from './helpers.ts';

const findings = { PLAYBOOK_CONTENT: fixtureContent('findings'), PLAYBOOK_TODAY: today };
const infoOnly = { PLAYBOOK_CONTENT: fixtureContent('info-only'), PLAYBOOK_TODAY: today };
const shown = 'test/health/fixtures/findings/content';

describe('npm run health', () => {
  it('prints the report by area, positioned like the check, and exits 0', () => {
    const run = runEntry('health-cli.ts', [], findings);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'Ecosystem health. On 2026-11-25, with a notice period of 120 days, a partner share limit of 40%, rotation after 5 years and reviews due within 60 days.',
      '',
      'Coverage: 3 warnings, 1 info',
      `  ${shown}/competencies/foresight.md:2:7  warning  Competency \`foresight\` is developed only through external partners, by \`external/foresight-school\`, \`external/horizon-retreat\` and \`external/scenario-studio\`; nothing the organisation runs itself keeps it going when a partnership ends. Develop it in an internal or coaching initiative as well.  external-only`,
    ]);
    expect(run.stdout).toContain('\nMeasurement: 2 warnings, 1 info\n  warning  The one coaching initiative, `coaching/circles`, has no `metrics`; the coaching layer is never measured. Add measurement pages to its `metrics`.  unmeasured-layer\n');
    expect(run.stdout).toContain(`\nEquity: 1 warning\n  ${shown}/playbook/external/horizon-retreat.mdx:2:8  warning  Initiative \`external/horizon-retreat\` says nothing about who may join`);
    expect(run.stdout.endsWith('\n\n15 findings in 6 areas: 10 warnings, 5 info.\n')).toBe(true);
  });

  it('--format json: every finding with the documented keys, paths relative to the content folder', () => {
    const run = runEntry('health-cli.ts', ['--format', 'json'], findings);
    const records = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(records).toHaveLength(15);
    expect(records[1]).toEqual({
      rule: 'single-initiative',
      severity: 'warning',
      area: 'coverage',
      message: 'Competency `listening` is developed by one initiative only, `internal/lab`; if that programme pauses or ends, nothing develops it. Add the competency to the `develops` of a second initiative, ideally in another layer.',
      file: 'competencies/listening.md',
      line: 2,
      column: 7,
      endLine: 2,
      endColumn: 23,
      subject: { kind: 'competency', id: 'listening' },
      owner: null,
    });
    expect(records.find((record) => record.rule === 'review-overdue')?.owner).toBe('Head of Talent');
    expect(records.find((record) => record.rule === 'unmeasured-layer')?.file).toBeNull();
  });

  it('--format markdown: a heading per area and one item per finding', () => {
    const run = runEntry('health-cli.ts', ['--format=markdown'], findings);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      '## Ecosystem health',
      '',
      'On 2026-11-25, with a notice period of 120 days, a partner share limit of 40%, rotation after 5 years and reviews due within 60 days. 15 findings in 6 areas: 10 warnings, 5 info.',
    ]);
    expect(run.stdout).toContain(`\n### Reviews: 1 warning, 1 info\n\n- **warning** Page \`guide/onboarding\`, owned by Head of Talent, was due for review on \`2026-10-01\`, 55 days ago; review it, then set \`review_by\` to the date of the next review. (\`${shown}/playbook/guide/onboarding.mdx:6:12\`, \`review-overdue\`)\n`);
  });

  it('exits 1 with --fail-on only when a finding of that severity (info: of any) is found', async () => {
    expect(runEntry('health-cli.ts', ['--fail-on', 'warning'], findings).status).toBe(1);
    const exit = async (args: string[], env: Record<string, string>) => (await runHealthCommand(args, { env, cwd: repoRoot })).exitCode;
    expect(await exit(['--fail-on', 'warning'], infoOnly)).toBe(0);
    expect(await exit(['--fail-on=info'], infoOnly)).toBe(1);
    expect(await exit([], infoOnly)).toBe(0);
    expect(await exit([], findings)).toBe(0);
  });

  it('answers wrong usage with what to write, exit 2 and no stack trace', async () => {
    const usage = 'Usage: npm run health [-- --format text|json|markdown] [--fail-on warning|info]\n';
    const cases = [
      [['--format', 'xml'], `Unknown format \`xml\`; use one of \`text\`, \`json\`, \`markdown\`.\n${usage}`],
      [['--fail-on', 'error'], `Unknown severity \`error\` for \`--fail-on\`; use \`warning\` (fail on warnings) or \`info\` (fail on any finding).\n${usage}`],
      [['--strict'], `Unknown argument \`--strict\`; the health report takes \`--format text|json|markdown\` and \`--fail-on warning|info\`.\n${usage}`],
    ] as const;
    for (const [args, message] of cases) {
      expect(await runHealthCommand(args, { env: findings, cwd: repoRoot })).toEqual({ exitCode: 2, stderr: message, stdout: '' });
    }
    const badDay = runEntry('health-cli.ts', [], { ...findings, PLAYBOOK_TODAY: 'tomorrow' });
    expect(badDay.status).toBe(2);
    expect(badDay.stderr).toBe('PLAYBOOK_TODAY is `tomorrow`; write a date as YYYY-MM-DD, such as 2026-06-30, or leave it unset to use today\'s date.\n');
    expect(badDay.stderr).not.toMatch(stackTrace);
    const noContent = await runHealthCommand([], { env: { PLAYBOOK_CONTENT: '/nonexistent/content' }, cwd: repoRoot });
    expect(noContent).toEqual({ exitCode: 2, stdout: '', stderr: 'Content folder `/nonexistent/content` does not exist; point PLAYBOOK_CONTENT at the folder that holds `competencies/` and `playbook/`.\n' });
  });
});

describe('the thresholds of astro.config.mjs', () => {
  const projects: string[] = [];
  afterAll(() => {
    for (const dir of projects) fs.rmSync(dir, { recursive: true, force: true });
  });
  /** A project whose config uses the real integration, as a user's would. */
  function project(config: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-health-config-'));
    projects.push(dir);
    const integration = path.join(repoRoot, 'plugins/astro-trellis/index.ts');
    fs.writeFileSync(path.join(dir, 'astro.config.mjs'), config.replace('INTEGRATION', JSON.stringify(integration)));
    return dir;
  }

  it('are the ones npm run health judges by, without Astro running', () => {
    const dir = project("import trellis from INTEGRATION;\nexport default { integrations: [trellis({ health: { noticeDays: 30, partnerShare: 80 } })] };\n");
    const run = runEntry('health-cli.ts', [], findings, dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Ecosystem health. On 2026-11-25, with a notice period of 30 days, a partner share limit of 80%, rotation after 5 years and reviews due within 60 days.');
    expect(run.stdout).not.toMatch(/contract-ending|partner-initiative-share|partner-competency-share/);
    expect(run.stdout).toContain('\n12 findings in 6 areas: 7 warnings, 5 info.\n');
  });

  it('a value that cannot be used stops the command with what to write', () => {
    const dir = project("import trellis from INTEGRATION;\nexport default { integrations: [trellis({ health: { noticeDays: 0 } })] };\n");
    const run = runEntry('health-cli.ts', [], findings, dir);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: '`trellis({ health: { noticeDays } })` in astro.config.mjs is `0`; write a whole number of days from 1 to 3650, or leave it out for the default of 120.\n' });
  });

  it('a config without the trellis integration means the defaults', () => {
    const dir = project('export default { integrations: [] };\n');
    expect(runEntry('health-cli.ts', [], findings, dir).stdout).toContain('with a notice period of 120 days, a partner share limit of 40%');
  });

  it('a config that cannot be read is named, with no stack trace', () => {
    const dir = project('export default {\n');
    const run = runEntry('health-cli.ts', [], findings, dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^`astro\.config\.mjs` could not be read \(.+\); fix it, as `npm run build` needs it too\.\n$/);
  });
});
