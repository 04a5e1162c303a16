/**
 * Shared by the checker tests: run the checker on a fixture folder, print its diagnostics
 * as exact positioned strings, and run the real `npm run check` command line.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CheckResult, checkContent } from '../../plugins/checker/index.ts';
import type { Diagnostic } from '../../plugins/playbook/index.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'test/checker/fixtures');
/** Every fixture is checked as if on this day, so date rules never depend on the clock. */
export const today = '2026-06-15';

export function fixtureContent(name: string): string {
  return path.join(fixturesDir, name, 'content');
}

export function checkFixture(name: string, audience: 'all' | 'public' = 'all', mdx: 'safe' | 'trusted' = 'safe'): CheckResult {
  return checkContent({ contentDir: fixtureContent(name), audience, today, mdx });
}

/** `playbook/x.mdx:5:13-5:34: Unknown competency … [error unknown-competency]` */
export function show(item: Diagnostic): string {
  return `${item.file}:${item.line}:${item.column}-${item.endLine}:${item.endColumn}: ${item.message} [${item.severity} ${item.rule}]`;
}

export function shownFixture(name: string, audience: 'all' | 'public' = 'all', mdx: 'safe' | 'trusted' = 'safe'): string[] {
  return checkFixture(name, audience, mdx).diagnostics.map(show);
}

export interface CliRun {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** `npm run check` as CI runs it: the CLI under the project's Node 22, in the repository root. */
export function runCli(args: string[], env: Record<string, string | undefined>): CliRun {
  const fullEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('PLAYBOOK_')) fullEnv[key] = value;
  for (const [key, value] of Object.entries(env)) if (value !== undefined) fullEnv[key] = value;
  const result = spawnSync(path.join(repoRoot, 'node_modules/.bin/node'), [path.join(repoRoot, 'plugins/checker/cli.ts'), ...args], {
    cwd: repoRoot,
    env: fullEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Whatever a Node stack trace looks like, so that tests can insist there is none. */
export const stackTrace = /^\s+at .+[:(]\d+/m;
