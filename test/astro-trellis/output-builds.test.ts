// If this breaks, two builds started together (a CI retry, a second terminal) publish half a
// site or one mixed from both, a mistyped PLAYBOOK_OUT deletes the playbook or the whole
// project, or a build that died while publishing costs the last good site.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, listFiles, nodeBin, projectRoot, type BuildResult } from '../helpers/build-site.ts';

const good = path.join(projectRoot, 'test/astro-trellis/fixtures/playbook-small/content');
const broken = path.join(projectRoot, 'test/browser/fixtures/site/broken/content');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-output-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every file of a folder with the hash of its contents. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex')]));
}

/** The content fixture copied where a build may harm it without harming the repository. */
function copyOfGood(name: string): string {
  const content = path.join(tmp, name, 'content');
  fs.cpSync(good, content, { recursive: true });
  return content;
}

function noStackTrace(result: { stderr: string; stdout: string }): void {
  const lines = `${result.stdout}\n${result.stderr}`.split('\n');
  expect(lines.filter((line) => /^\s{4}at /.test(line)), 'no stack trace').toEqual([]);
  expect(result.stderr).not.toMatch(/Stack trace|\bError:/);
}

/** What lies beside an output folder, except the replaced site a detached `rm` is deleting. */
function siblings(out: string): string[] {
  return fs.readdirSync(path.dirname(out)).filter((name) => name.startsWith(`${path.basename(out)}.`) && !name.startsWith(`${path.basename(out)}.discard-`)).sort();
}

/** `astro build` as `buildSite` runs it, but without waiting: the caller sees its pid. */
function startBuild(contentDir: string, outDir: string) {
  const cacheDir = fs.mkdtempSync(path.join(tmp, 'cache-'));
  const child = spawn(nodeBin, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_TODAY: '2026-11-25', PLAYBOOK_CONTENT: contentDir, PLAYBOOK_OUT: outDir, PLAYBOOK_CACHE_DIR: cacheDir },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const build = { pid: child.pid!, ended: false, done: undefined as unknown as Promise<BuildResult> };
  build.done = new Promise<BuildResult>((resolve) => child.on('close', (status) => {
    build.ended = true;
    resolve({ status, stdout, stderr, outDir });
  }));
  return build;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

test('of two builds into one output, one publishes a whole site and the other stops at once, naming it', async () => {
  const out = path.join(tmp, 'concurrent', 'site');
  fs.mkdirSync(path.dirname(out));
  const first = startBuild(good, out);
  // The second starts while the first surely holds the output, whatever the machine's load.
  await until(() => first.ended || fs.existsSync(path.join(`${out}.lock`, 'owner.json')));
  const second = await startBuild(good, out).done;
  const winner = await first.done;

  expect(winner.status, winner.stderr).toBe(0);
  expect(second.status).toBe(1);
  const message = new RegExp(`^Another build \\(process ${first.pid}, started \\d\\d:\\d\\d:\\d\\d\\) is writing \`${out}\`; wait for it to finish, or stop it, then build again\\. If no build is running, delete \`${out}\\.lock\`\\.$`, 'm');
  expect(second.stderr).toMatch(message);
  noStackTrace(second);

  const files = listFiles(out);
  expect(files).toEqual(expect.arrayContaining(['index.html', '404.html', 'sitemap.xml', 'internal/leadership-lab/index.html', 'competencies/risk-judgement/index.html']));
  expect(files.some((file) => file.startsWith('pagefind/'))).toBe(true);
  expect(siblings(out), 'no lock or staging folder left').toEqual([]);
});

describe('an output folder that would delete what it must not is refused before anything is touched', () => {
  test('the content folder itself', () => {
    const content = copyOfGood('same');
    const before = snapshot(content);
    const result = buildSite(content, {}, content);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`The output folder \`${content}\` (PLAYBOOK_OUT) is the content folder \`${content}\` (PLAYBOOK_CONTENT). Every build replaces its output folder whole, so this one would delete the content; nothing was touched. Set PLAYBOOK_OUT to a folder used for nothing else, such as \`dist\` (the default).\n`);
    expect(snapshot(content)).toEqual(before);
    expect(fs.readdirSync(path.dirname(content))).toEqual(['content']);
  });

  test('a folder that holds the content folder', () => {
    const content = copyOfGood('above');
    const before = snapshot(content);
    const above = path.dirname(content);
    const result = buildSite(content, {}, above);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`The output folder \`${above}\` (PLAYBOOK_OUT) holds the content folder \`${content}\` (PLAYBOOK_CONTENT). Every build replaces its output folder whole, so this one would delete the content; nothing was touched. Set PLAYBOOK_OUT to a folder used for nothing else, such as \`dist\` (the default).\n`);
    expect(snapshot(content)).toEqual(before);
    expect(fs.readdirSync(tmp)).not.toContain('above.lock');
  });

  test('`.`, the project folder', () => {
    // The broken playbook stops any build at the check, before the output is touched: should
    // the refusal ever go, this test fails on the message instead of renaming the repository.
    const before = snapshot(broken);
    const result = buildSite(broken, {}, '.');
    expect(result.status).toBe(1);
    const root = projectRoot.replace(/\/$/, '');
    expect(result.stderr).toBe(`The output folder \`${root}\` (PLAYBOOK_OUT) is the project folder \`${root}\`. Every build replaces its output folder whole, so this one would delete the project; nothing was touched. Set PLAYBOOK_OUT to a folder used for nothing else, such as \`dist\` (the default).\n`);
    expect(snapshot(broken)).toEqual(before);
    expect(fs.existsSync(`${root}.lock`)).toBe(false);
  });
});

test('a failing build after one that died between its two renames still leaves the last good site', () => {
  // What a build killed between "site → site.previous" and "staging → site" leaves behind.
  const out = path.join(tmp, 'interrupted', 'site');
  const previous = `${out}.previous`;
  fs.mkdirSync(path.join(previous, 'internal/old-page'), { recursive: true });
  fs.writeFileSync(path.join(previous, 'index.html'), '<!doctype html><title>The last good site</title>');
  fs.writeFileSync(path.join(previous, 'internal/old-page/index.html'), '<!doctype html><title>A page of it</title>');
  const before = snapshot(previous);

  const result = buildSite(broken, {}, out);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('1 error, 1 warning in 2 files.');
  expect(`${result.stdout}${result.stderr}`).toContain(`A build stopped while publishing and left the last good site in \`${previous}\`; it is back in \`${out}\`.`);
  noStackTrace(result);
  expect(snapshot(out)).toEqual(before);
  expect(siblings(out)).toEqual([]);
});
