// If this breaks, a build could publish into the content or the project folder and delete it,
// mix its pages with another build's, lose the last good site when it dies while publishing,
// leave a lock behind that stops every later build, or meet a read-only folder or a file
// where a folder belongs with a stack trace instead of a sentence saying what to do.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkOutputPlace, createStaging, openOutput, publishStaging, recoverOutput } from '../../plugins/astro-trellis/lib/atomic-output.ts';
import { lockOutput } from '../../plugins/astro-trellis/lib/output-lock.ts';
import { refuseUnsafeOutput } from '../../plugins/astro-trellis/lib/output-path.ts';
import { listFiles, nodeBin, projectRoot } from '../helpers/build-site.ts';

let tmp: string;
let out: string;
const locked: string[] = [];

beforeEach(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-output-')));
  out = path.join(tmp, 'site');
});
afterEach(() => {
  for (const folder of locked.splice(0)) unlock(folder);
  fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * Makes a folder refuse changes to its entries, as a folder owned by someone else does. Root
 * ignores permissions, so as root the folder is made immutable instead (`chattr +i`).
 */
function lock(folder: string): void {
  if (process.getuid?.() === 0) spawnSync('chattr', ['+i', folder], { stdio: 'inherit' });
  else fs.chmodSync(folder, 0o555);
  locked.push(folder);
}

function unlock(folder: string): void {
  if (!fs.existsSync(folder)) return;
  if (process.getuid?.() === 0) spawnSync('chattr', ['-i', folder], { stdio: 'inherit' });
  else fs.chmodSync(folder, 0o755);
}

/** A site with one page saying `title`. */
function site(folder: string, title: string): string {
  fs.mkdirSync(path.join(folder, 'guide'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'index.html'), `<title>${title}</title>`);
  fs.writeFileSync(path.join(folder, 'guide/index.html'), `<title>${title}: guide</title>`);
  return folder;
}

function titleOf(folder: string): string {
  return /<title>(.*)<\/title>/.exec(fs.readFileSync(path.join(folder, 'index.html'), 'utf8'))![1]!;
}

/** What lies beside the output, without the replaced sites a detached `rm` is deleting. */
function beside(): string[] {
  return fs.readdirSync(tmp).filter((name) => !name.startsWith('site.discard-')).sort();
}

/** The message of the `OutputError` thrown by `run`. */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect((error as Error).name).toBe('OutputError');
    return (error as Error).message;
  }
  throw new Error('expected an OutputError');
}

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(nodeBin, ['-e', '']).pid!;
}

describe('an output folder that would delete something else is refused', () => {
  const folders = () => ({ contentDir: path.join(tmp, 'project/content'), projectRoot: path.join(tmp, 'project'), homeDir: path.join(tmp, 'home') });
  const refusal = (outDir: string) => {
    try {
      refuseUnsafeOutput(outDir, folders());
      return null;
    } catch (error) {
      return (error as Error).message.split('. Every build')[0]!.split('. The site')[0]!;
    }
  };
  beforeEach(() => {
    fs.mkdirSync(path.join(tmp, 'project/content'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'home'));
    fs.symlinkSync(path.join(tmp, 'project/content'), path.join(tmp, 'link-to-content'));
  });

  test('the content folder, inside it or above it; the project or home folder, or above them', () => {
    const p = (relative: string) => path.join(tmp, relative);
    expect([
      'project/content', 'project/content/site', 'project', 'home', tmp, '/', 'link-to-content',
    ].map((relative) => refusal(path.resolve(tmp, relative)))).toEqual([
      `The output folder \`${p('project/content')}\` (PLAYBOOK_OUT) is the content folder \`${p('project/content')}\` (PLAYBOOK_CONTENT)`,
      `The output folder \`${p('project/content/site')}\` (PLAYBOOK_OUT) lies inside the content folder \`${p('project/content')}\` (PLAYBOOK_CONTENT)`,
      `The output folder \`${p('project')}\` (PLAYBOOK_OUT) is the project folder \`${p('project')}\``,
      `The output folder \`${p('home')}\` (PLAYBOOK_OUT) is your home folder \`${p('home')}\``,
      `The output folder \`${tmp}\` (PLAYBOOK_OUT) holds the content folder \`${p('project/content')}\` (PLAYBOOK_CONTENT)`,
      `The output folder \`/\` (PLAYBOOK_OUT) holds the content folder \`${p('project/content')}\` (PLAYBOOK_CONTENT)`,
      `The output folder \`${p('link-to-content')}\` (PLAYBOOK_OUT) is the content folder \`${p('project/content')}\` (PLAYBOOK_CONTENT)`,
    ]);
  });

  test('a folder of its own, in the project or anywhere else, is not', () => {
    expect([path.join(tmp, 'project/dist'), path.join(tmp, 'elsewhere/site'), path.join(tmp, 'home/sites/playbook')].map(refusal)).toEqual([null, null, null]);
  });

  test('a site inside the content folder is refused for what it would mix, not delete', () => {
    expect(messageOf(() => refuseUnsafeOutput(path.join(tmp, 'project/content/site'), folders()))).toBe(`The output folder \`${path.join(tmp, 'project/content/site')}\` (PLAYBOOK_OUT) lies inside the content folder \`${path.join(tmp, 'project/content')}\` (PLAYBOOK_CONTENT). The site would be written among the content's files, replacing whatever is at that path; nothing was touched. Set PLAYBOOK_OUT to a folder used for nothing else, such as \`dist\` (the default).`);
  });
});

describe('where the output goes', () => {
  test('a parent that is a file is named', () => {
    fs.writeFileSync(path.join(tmp, 'notes.txt'), 'a file');
    const outDir = path.join(tmp, 'notes.txt/public/site');
    expect(messageOf(() => checkOutputPlace(outDir))).toBe(`The output folder \`${outDir}\` (PLAYBOOK_OUT) cannot be made: \`${path.join(tmp, 'notes.txt')}\` is a file, not a folder. Move that file away, or set PLAYBOOK_OUT to a path inside a folder.`);
    expect(fs.readFileSync(path.join(tmp, 'notes.txt'), 'utf8')).toBe('a file');
  });

  test('a file where the output folder should be is named and left alone', () => {
    fs.writeFileSync(out, 'not a site');
    expect(messageOf(() => checkOutputPlace(out))).toBe(`The output folder \`${out}\` (PLAYBOOK_OUT) is a file; every build writes a folder there. Move the file away, or set PLAYBOOK_OUT to another path.`);
    expect(fs.readFileSync(out, 'utf8')).toBe('not a site');
  });

  test('missing parent folders are made', () => {
    checkOutputPlace(path.join(tmp, 'a/b/site'));
    expect(fs.statSync(path.join(tmp, 'a/b')).isDirectory()).toBe(true);
  });

  test('a parent this user cannot write stops the build before the previous site is touched', () => {
    site(out, 'The previous site');
    lock(tmp);
    const guards = { contentDir: path.join(os.tmpdir(), 'no-content'), projectRoot: path.join(os.tmpdir(), 'no-project'), homeDir: path.join(os.tmpdir(), 'no-home') };
    expect(messageOf(() => openOutput(out, guards))).toBe(`Trellis cannot write in \`${tmp}\` (permission denied), where it keeps the output folder \`${out}\` (PLAYBOOK_OUT) with its lock and staging folders. Make that folder writable for this user, or set PLAYBOOK_OUT to a folder you can write.`);
    expect(titleOf(out)).toBe('The previous site');
    expect(beside()).toEqual(['site']);
  });
});

describe('one build at a time', () => {
  test('a second build is refused while the first holds the output, and may take it once released', () => {
    const first = lockOutput(out);
    const message = messageOf(() => lockOutput(out));
    expect(message).toMatch(new RegExp(`^Another build \\(process ${process.pid}, started \\d\\d:\\d\\d:\\d\\d\\) is writing \`${out}\`; wait for it to finish, or stop it, then build again\\. If no build is running, delete \`${out}\\.lock\`\\.$`));
    first.release();
    expect(beside()).toEqual([]);
    const second = lockOutput(out);
    expect(second.tookOver).toBeNull();
    second.release();
  });

  test('a lock on another host counts as held, and names the host', () => {
    fs.mkdirSync(`${out}.lock`);
    fs.writeFileSync(`${out}.lock/owner.json`, JSON.stringify({ pid: deadPid(), host: 'ci-runner-7', started: '2026-11-24T22:41:02.000Z', token: 'x' }));
    expect(messageOf(() => lockOutput(out))).toMatch(/^Another build \(process \d+ on host `ci-runner-7`, started 2026-11-2\d \d\d:41:02\) is writing /);
  });

  test('the lock of a build that died is taken over, with a note in the log', () => {
    const pid = deadPid();
    fs.mkdirSync(`${out}.lock`);
    fs.writeFileSync(`${out}.lock/owner.json`, JSON.stringify({ pid, host: os.hostname(), started: new Date().toISOString(), token: 'x' }));
    const lock = lockOutput(out);
    expect(lock.tookOver).toMatch(new RegExp(`^Took over the lock on \`${out}\` from process ${pid}, started \\d\\d:\\d\\d:\\d\\d, which is no longer running: that build stopped without finishing\\.$`));
    expect(JSON.parse(fs.readFileSync(`${out}.lock/owner.json`, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(beside()).toEqual([]);
  });

  test('a lock that names nobody (a build died while taking it) is taken over too', () => {
    fs.mkdirSync(`${out}.lock`);
    const lock = lockOutput(out);
    expect(lock.tookOver).toBe(`Took over the lock \`${out}.lock\`, which names no build: a build stopped while taking it.`);
    lock.release();
  });

  /** A process that opens the output, makes its staging folder, then ends as `how` says. */
  function buildThatEnds(how: string) {
    const guards = JSON.stringify({ contentDir: path.join(tmp, 'content'), projectRoot: path.join(tmp, 'project'), homeDir: path.join(tmp, 'home') });
    const script = `
      import { openOutput } from ${JSON.stringify(path.join(projectRoot, 'plugins/astro-trellis/lib/atomic-output.ts'))};
      const output = openOutput(${JSON.stringify(out)}, ${guards});
      output.stage();
      ${how}`;
    return spawnSync(nodeBin, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  }

  test.each([
    ['a failed check (process.exit)', 'process.exit(1);', null],
    ['a crash', 'throw new Error("a bug");', null],
    ['Ctrl-C', 'process.kill(process.pid, "SIGINT"); setTimeout(() => {}, 10_000);', 'SIGINT'],
    ['kill', 'process.kill(process.pid, "SIGTERM"); setTimeout(() => {}, 10_000);', 'SIGTERM'],
  ])('after %s no lock and no staging folder is left, and the previous site is untouched', (_, how, signal) => {
    site(out, 'The previous site');
    const result = buildThatEnds(how);
    expect(result.signal).toBe(signal);
    if (!signal) expect(result.status).toBe(1);
    expect(beside()).toEqual(['site']);
    expect(titleOf(out)).toBe('The previous site');
  });
});

describe('publishing', () => {
  test('replaces the site whole; the replaced one is deleted in the background', async () => {
    site(out, 'The previous site');
    fs.writeFileSync(path.join(out, 'stale.txt'), 'gone with the old site');
    const staging = site(createStaging(out), 'The new site');
    publishStaging(out, staging);
    expect(titleOf(out)).toBe('The new site');
    expect(listFiles(out)).toEqual(['guide/index.html', 'index.html']);
    expect(beside()).toEqual(['site']);
    await expect.poll(() => fs.readdirSync(tmp)).toEqual(['site']);
  });

  test('makes the output when there was none', () => {
    publishStaging(out, site(createStaging(out), 'The first site'));
    expect(titleOf(out)).toBe('The first site');
    expect(beside()).toEqual(['site']);
  });

  test('each build stages in a folder of its own', () => {
    const one = createStaging(out);
    const two = createStaging(out);
    expect(one).not.toBe(two);
    expect(path.basename(one)).toMatch(new RegExp(`^site\\.staging-${process.pid}-\\w{6}$`));
  });
});

describe('what a build that died left', () => {
  test('died between its two renames: the last good site is put back before anything else', () => {
    site(`${out}.previous`, 'The last good site');
    expect(recoverOutput(out)).toEqual([`A build stopped while publishing and left the last good site in \`${out}.previous\`; it is back in \`${out}\`.`]);
    expect(titleOf(out)).toBe('The last good site');
    expect(beside()).toEqual(['site']);
  });

  test('died after both renames: the older site in .previous is discarded, the output kept', () => {
    site(out, 'The newest site');
    site(`${out}.previous`, 'An older site');
    expect(recoverOutput(out)).toEqual([]);
    expect(titleOf(out)).toBe('The newest site');
    expect(beside()).toEqual(['site']);
  });

  test('a last good site that cannot be moved back stops the build, and stays where it is', () => {
    site(`${out}.previous`, 'The last good site');
    lock(tmp);
    expect(messageOf(() => recoverOutput(out))).toBe(`A build stopped while publishing and left the last good site in \`${out}.previous\`, but Trellis cannot move it back to \`${out}\` (permission denied). Move it back yourself, then build again.`);
    expect(titleOf(`${out}.previous`)).toBe('The last good site');
  });

  test('staging folders of dead builds, and the names older versions left, are deleted', () => {
    site(out, 'The site');
    for (const name of ['site.staging-4242-abc123', 'site.staging', 'site.previous-4242', 'site.discard-4242-0123abcd', 'site.lock-stale-4242-0123abcd', 'site.staging-area', 'other.staging-4242-abc123']) site(path.join(tmp, name), name);
    expect(recoverOutput(out)).toEqual([]);
    expect(fs.readdirSync(tmp).sort()).toEqual(['other.staging-4242-abc123', 'site', 'site.staging-area']);
  });

  test('a read-only leftover is reported at its path, and the build goes on', () => {
    site(out, 'The site');
    const leftover = path.join(tmp, 'site.staging-4242-abc123');
    lock(path.join(site(leftover, 'half a site'), 'guide'));
    site(path.join(tmp, 'site.staging-4343-def456'), 'another half');
    expect(recoverOutput(out)).toEqual([`Trellis cannot delete \`${leftover}\`, left by an earlier build: some of its files are not this user's to delete. It is not used, so this build goes on; delete it yourself when you can, as the user who made it.`]);
    expect(beside()).toEqual(['site', 'site.staging-4242-abc123']);
    publishStaging(out, site(createStaging(out), 'The new site'));
    expect(titleOf(out)).toBe('The new site');
  });

  test('a read-only site is still replaced; what its `rm` could not delete is reported once it had time', async () => {
    site(out, 'The read-only site');
    lock(path.join(out, 'guide'));
    publishStaging(out, site(createStaging(out), 'The new site'));
    expect(titleOf(out)).toBe('The new site');
    const replaced = fs.readdirSync(tmp).find((name) => name.startsWith('site.discard-'))!;
    locked.push(path.join(tmp, replaced, 'guide'));
    // The detached `rm` has deleted all it could.
    await expect.poll(() => fs.readdirSync(path.join(tmp, replaced))).toEqual(['guide']);
    expect(recoverOutput(out), 'its rm may still be at work').toEqual([]);

    // The same, ten minutes later.
    const stuck = replaced.replace(/discard-\d+/, `discard-${Date.now() - 11 * 60 * 1000}`);
    unlock(path.join(tmp, replaced, 'guide'));
    fs.renameSync(path.join(tmp, replaced), path.join(tmp, stuck));
    lock(path.join(tmp, stuck, 'guide'));
    expect(recoverOutput(out)).toEqual([`Trellis cannot delete \`${path.join(tmp, stuck)}\`, left by an earlier build: some of its files are not this user's to delete. It is not used, so this build goes on; delete it yourself when you can, as the user who made it.`]);
    expect(titleOf(out)).toBe('The new site');
  });
});
