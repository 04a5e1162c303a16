/**
 * Shared by the health tests: the fixture playbooks, the day they are judged on, findings as
 * exact positioned strings, and the real `npm run health` / `npm run impact` command lines.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Finding } from '../../plugins/health/index.ts';
import { loadPlaybook, type SiteEdition, siteEdition } from '../../plugins/playbook/index.ts';
import { terminalEnvironment } from '../helpers/build-site.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The day of `buildSite` too, so that the pages and the command agree. */
export const today = '2026-11-25';

export function fixtureContent(name: string): string {
  return path.join(repoRoot, 'test/health/fixtures', name, 'content');
}

/** The current edition of a fixture as an internal build publishes it. */
export function fixtureSite(name: string): SiteEdition {
  return siteEdition(loadPlaybook(fixtureContent(name)).playbook.editions[0]!, { audience: 'all', includeDrafts: false, base: '/' });
}

/** `playbook/x.mdx:5:13: Message [warning rule]`, or without a place when there is none. */
export function show(finding: Finding): string {
  const place = finding.file ? `${finding.file}:${finding.line}:${finding.column}: ` : '';
  return `${place}${finding.message} [${finding.severity} ${finding.rule}]`;
}

export interface CliRun {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** A command as `npm run` starts it from a terminal: under the project's Node 22, no PLAYBOOK_* from this shell. */
export function runEntry(entry: 'health-cli.ts' | 'impact-cli.ts', args: string[], env: Record<string, string>, cwd = repoRoot): CliRun {
  const fullEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(terminalEnvironment())) if (value !== undefined && !key.startsWith('PLAYBOOK_')) fullEnv[key] = value;
  Object.assign(fullEnv, env);
  const result = spawnSync(path.join(repoRoot, 'node_modules/.bin/node'), [path.join(repoRoot, 'plugins/astro-trellis', entry), ...args], { cwd, env: fullEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Whatever a Node stack trace looks like, so that tests can insist there is none. */
export const stackTrace = /^\s+at .+[:(]\d+/m;
