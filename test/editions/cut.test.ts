// If this breaks, an editor running `npm run version:cut -- <label>` could overwrite a frozen
// edition, freeze a copy that differs from the current content, create an edition under a
// label the build rejects, or be left guessing what the command did; a cut stopped halfway
// would leave thousands of hidden files in versions/ that nothing ever mentions.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, nodeBin, projectRoot } from '../helpers/build-site.ts';

const fixture = path.join(projectRoot, 'test/editions/fixtures/basic/content');
let content: string;

beforeEach(() => {
  content = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-cut-')), 'content');
  fs.cpSync(fixture, content, { recursive: true });
});
afterEach(() => fs.rmSync(path.dirname(content), { recursive: true, force: true }));

/** `npm run version:cut -- <args>`, as an editor runs it, on the temporary copy. */
function cut(...args: string[]) {
  const result = spawnSync(nodeBin, ['plugins/editions/cut.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, PLAYBOOK_CONTENT: content, PLAYBOOK_TODAY: '2026-11-25' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(listFiles(folder).map((file) => [file, fs.readFileSync(path.join(folder, file), 'utf8')]));
}

describe('npm run version:cut', () => {
  it('copies the current competencies, roles and playbook into versions/<label>/ and says so', () => {
    const before = snapshot(content);
    const result = cut('2026.1');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const folder = path.join(content, 'versions/2026.1');
    expect(result.stdout).toBe([
      `Cut edition 2026.1: copied 3 competencies, 2 roles and 5 pages (10 files) from the current edition into ${folder}/.`,
      `Wrote ${folder}/edition.yml with released: 2026-11-25; add \`archived: true\` there when the edition is no longer maintained.`,
      'The current edition is unchanged: keep editing competencies/, roles/ and playbook/ for the next edition, and run `npm run check` before building.',
      '',
    ].join('\n'));
    expect(snapshot(path.join(folder, 'competencies'))).toEqual(snapshot(path.join(content, 'competencies')));
    expect(snapshot(path.join(folder, 'playbook'))).toEqual(snapshot(path.join(content, 'playbook')));
    expect(snapshot(path.join(folder, 'roles'))).toEqual(snapshot(path.join(content, 'roles')));
    expect(fs.readFileSync(path.join(folder, 'edition.yml'), 'utf8')).toContain('released: 2026-11-25\n');
    const after = snapshot(content);
    for (const file of Object.keys(before)) expect(after[file], file).toBe(before[file]);
  });

  it('refuses to overwrite an existing edition, and writes nothing', () => {
    const before = snapshot(content);
    const result = cut('2025.2');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('Nothing was written. Edition `2025.2` already exists (`versions/2025.2/` in the content folder); an edition is never overwritten. Choose a new label, or delete that folder first if you really mean to replace it.\n');
    expect(snapshot(content)).toEqual(before);
  });

  it('refuses a second cut under the same label', () => {
    expect(cut('2026.1').status).toBe(0);
    const before = snapshot(content);
    const again = cut('2026.1');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Edition `2026.1` already exists');
    expect(snapshot(content)).toEqual(before);
  });

  it('refuses labels the build would reject, or that sort before an existing edition', () => {
    const before = snapshot(content);
    const outcomes = ['../escape', 'current', 'two words', '2025.1'].map((label) => ({ label, ...cut(label) }));
    expect(outcomes.map(({ label, status, stderr }) => `${label}: ${status} ${stderr.trim()}`)).toEqual([
      '../escape: 1 Nothing was written. `../escape` is not a valid edition label: a label is 1 to 40 letters, digits, dots, hyphens and underscores, starting with a letter or digit. Use a version number such as `2026.1`.',
      'current: 1 Nothing was written. `current` is not a valid edition label: `current` names the edition being edited. Use a version number such as `2026.1`.',
      'two words: 1 Nothing was written. `two words` is not a valid edition label: a label is 1 to 40 letters, digits, dots, hyphens and underscores, starting with a letter or digit. Use a version number such as `2026.1`.',
      '2025.1: 1 Nothing was written. Edition `2025.1` already exists (`versions/2025.1/` in the content folder); an edition is never overwritten. Choose a new label, or delete that folder first if you really mean to replace it.',
    ]);
    const older = cut('2024.4');
    expect(older.status).toBe(1);
    expect(older.stderr).toBe('Nothing was written. Edition `2024.4` would sort before or together with the existing edition `2025.2`, but the cut freezes the newest content; choose a label after `2025.2`, such as `2025.3`.\n');
    expect(snapshot(content)).toEqual(before);
  });

  it('explains how to use it when the label is missing', () => {
    const result = cut();
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('Say which label the new edition gets.\nUsage: npm run version:cut -- <label>   (a label such as 2026.1)\n');
  });

  it('cuts a playbook without roles as before: no roles/ folder, and none mentioned', () => {
    fs.rmSync(path.join(content, 'roles'), { recursive: true });
    const result = cut('2026.1');
    expect(result.stdout.split('\n')[0]).toBe(`Cut edition 2026.1: copied 3 competencies and 5 pages (8 files) from the current edition into ${path.join(content, 'versions/2026.1')}/.`);
    expect(result.stdout).toContain('keep editing competencies/ and playbook/ for the next edition');
    expect(fs.existsSync(path.join(content, 'versions/2026.1/roles'))).toBe(false);
  });

  it('gives an edition the build then publishes', async () => {
    expect(cut('2026.1').status).toBe(0);
    const { loadPlaybook } = await import('../../plugins/playbook/index.ts');
    const { playbook, diagnostics } = loadPlaybook(content);
    expect(diagnostics.items).toEqual([]);
    expect(playbook.editions.map((edition) => `${edition.label} ${edition.released ?? ''}`)).toEqual(['current ', '2026.1 2026-11-25', '2025.2 2025-09-01', '2025.1 2025-03-01']);
  });

  describe('a copy left by a cut that was interrupted', () => {
    /** A hidden half-made copy as a cut by process `pid` leaves it when stopped. */
    function partialCopy(label: string, pid: number | null): string {
      const folder = path.join(content, 'versions', `.${label}.partial-${pid === null ? '' : `${pid}-`}Ab3dE9`);
      fs.mkdirSync(path.join(folder, 'playbook'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'playbook/half.mdx'), '---\ntitle: Half\n');
      return folder;
    }
    const deadPid = () => spawnSync(nodeBin, ['-e', '']).pid!;

    it('is removed by the next cut, which says so; a running cut\'s copy is left alone', () => {
      const dead = partialCopy('2026.1', deadPid());
      const older = partialCopy('2026.0', null);
      const running = partialCopy('2026.2', process.pid);
      const result = cut('2026.1');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.split('\n').slice(0, 3)).toEqual([
        `Removed ${older}/, a copy left by a cut that was interrupted.`,
        `Removed ${dead}/, a copy left by a cut that was interrupted.`,
        `Cut edition 2026.1: copied 3 competencies, 2 roles and 5 pages (10 files) from the current edition into ${path.join(content, 'versions/2026.1')}/.`,
      ]);
      expect(fs.readdirSync(path.join(content, 'versions')).sort()).toEqual([path.basename(running), '2025.1', '2025.2', '2026.1']);
    });

    it('is reported by `npm run check` at its path, with what to do', () => {
      const dead = partialCopy('2026.1', deadPid());
      const result = spawnSync(nodeBin, ['plugins/checker/cli.ts'], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, PLAYBOOK_CONTENT: content, PLAYBOOK_TODAY: '2026-11-25' } });
      expect(result.stdout.split('\n')).toContain(`${path.relative(projectRoot, dead)}:1:1  warning  \`versions/${path.basename(dead)}/\` is a copy left by a \`npm run version:cut\` that was interrupted; it is not an edition and is not published. Delete it, or cut the edition again, which deletes it first.  interrupted-cut`);
      expect(result.status).toBe(0);
    });
  });
});
