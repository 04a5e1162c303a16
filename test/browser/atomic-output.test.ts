// If this breaks, a pull request with a typo takes the live playbook down (a failed build
// leaves half a site, or none, where the last good one was), a good build leaves stale
// pages of deleted content online, or an author gets a stack trace instead of the line to fix.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, listFiles, projectRoot } from '../helpers/build-site.ts';

const broken = path.join(projectRoot, 'test/browser/fixtures/site/broken/content');
const good = path.join(projectRoot, 'test/browser/fixtures/site/content');
let outDir: string;

beforeAll(() => {
  // The previous site, as a earlier good build would have left it.
  outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-atomic-')), 'site');
  fs.mkdirSync(path.join(outDir, 'internal/old-page'), { recursive: true });
  fs.writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><title>The previous site</title>');
  fs.writeFileSync(path.join(outDir, 'internal/old-page/index.html'), '<!doctype html><title>A page deleted since</title>');
  fs.writeFileSync(path.join(outDir, 'stale.txt'), 'planted by the test');
});
afterAll(() => {
  if (outDir) fs.rmSync(path.dirname(outDir), { recursive: true, force: true });
});

/** Every file of a folder with the hash of its contents. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex')]));
}

/**
 * What lies beside the output folder. The replaced site (`site.discard-…`) is deleted by a
 * detached process after the build returns, so a staging folder, a `site.previous` or the
 * lock would be a leftover.
 */
function siblings(): string[] {
  return fs.readdirSync(path.dirname(outDir)).filter((name) => name !== 'site' && !name.startsWith('site.discard-'));
}

test('a build that fails leaves the previous site exactly as it was, and prints the checker\'s report', () => {
  const before = snapshot(outDir);
  const result = buildSite(broken, {}, outDir);
  expect(result.status).not.toBe(0);
  expect(snapshot(outDir)).toEqual(before);
  expect(siblings()).toEqual([]);

  const lines = result.stderr.split('\n');
  expect(lines).toContain('test/browser/fixtures/site/broken/content/playbook/internal/leadership-lab.mdx:5:12  error  Unknown competency `strategic-forsight`; did you mean `strategic-foresight`?  unknown-competency');
  expect(lines).toContain('1 error, 1 warning in 2 files.');
  expect(lines.filter((line) => /^\s{4}at /.test(line)), 'no stack trace').toEqual([]);
  expect(result.stderr).not.toMatch(/Stack trace|\bError:/);
});

test('a build that succeeds replaces the previous site whole', () => {
  const result = buildSite(good, {}, outDir);
  expect(result.status, result.stderr).toBe(0);
  const files = listFiles(outDir);
  expect(files).not.toContain('stale.txt');
  expect(files).not.toContain('internal/old-page/index.html');
  expect(files).toEqual(expect.arrayContaining(['index.html', 'sitemap.xml', 'internal/leadership-lab/index.html']));
  expect(files.some((file) => file.startsWith('pagefind/'))).toBe(true);
  expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).not.toContain('The previous site');
  expect(siblings()).toEqual([]);
});
