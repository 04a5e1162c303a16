/**
 * Builds a playbook folder with the real `astro build`, as a user would, into a temporary
 * output folder. Each build gets its own Astro cache folder so builds never share state.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const nodeBin = path.join(projectRoot, 'node_modules/.bin/node');
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

/**
 * The environment of an editor's terminal: without what the test runner adds. Vitest sets
 * `NODE_ENV=test` and mirrors `import.meta.env` (`DEV`, `PROD`, `BASE_URL`, …) into the
 * environment, which the build would otherwise take for its own mode; and CI's `CI=true`,
 * under which Astro shortens the build log that some tests read.
 */
export function terminalEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(VITEST|TEST$|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|BASE_URL$|CI$)/.test(name)) delete env[name];
  return env;
}

export function buildSite(contentDir: string, env: Record<string, string> = {}, outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-out-'))): BuildResult {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-cache-'));
  const result = spawnSync(nodeBin, [astroBin, 'build'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...terminalEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_TODAY: '2026-11-25', PLAYBOOK_CONTENT: contentDir, PLAYBOOK_OUT: outDir, PLAYBOOK_CACHE_DIR: cacheDir, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  fs.rmSync(cacheDir, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

/** The HTML of a built URL path such as `/internal/leadership-lab/`. */
export function readPage(outDir: string, urlPath: string): string {
  return fs.readFileSync(path.join(outDir, urlPath, urlPath.endsWith('.html') ? '' : 'index.html'), 'utf8');
}

/** Every file under a folder, relative paths, sorted. */
export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * The files in which two folders differ: in one only, or with other bytes. Empty when they hold
 * the same files byte for byte; a failing test names the stale files rather than printing them.
 */
export function differingFiles(actualDir: string, expectedDir: string): string[] {
  const actual = new Set(listFiles(actualDir));
  const expected = new Set(listFiles(expectedDir));
  const same = (file: string) => fs.readFileSync(path.join(actualDir, file)).equals(fs.readFileSync(path.join(expectedDir, file)));
  return [...new Set([...actual, ...expected])].sort().filter((file) => !actual.has(file) || !expected.has(file) || !same(file));
}
