/**
 * `npm run dev` as an editor runs it, on a copy of a fixture playbook that the test may edit:
 * the real Astro dev server on a free port of 127.0.0.1, with its own cache folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { nodeBin, projectRoot, terminalEnvironment } from './build-site.ts';

const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
// `--ignore-lock`: an editor's own dev server may be running on the same project.

export interface DevServer {
  origin: string;
  /** The copy of the content folder the server watches. */
  contentDir: string;
  /** Everything the server printed so far. */
  log(): string;
  /** Replaces `from` with `to` in a content file, as an editor's save does. */
  edit(file: string, from: string, to: string): void;
  write(file: string, text: string): void;
  close(): Promise<void>;
}

export async function startDevServer(fixture: string, env: Record<string, string> = {}): Promise<DevServer> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-dev-'));
  const contentDir = path.join(scratch, 'content');
  fs.cpSync(fixture, contentDir, { recursive: true });
  const port = await freePort();
  const child = spawn(nodeBin, [astroBin, 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: projectRoot,
    env: { ...terminalEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_TODAY: '2026-11-25', PLAYBOOK_CONTENT: contentDir, PLAYBOOK_CACHE_DIR: path.join(scratch, 'cache'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilServing(origin, child, () => output);
  return {
    origin,
    contentDir,
    log: () => output,
    edit(file, from, to) {
      const absolute = path.join(contentDir, file);
      const text = fs.readFileSync(absolute, 'utf8');
      if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
      fs.writeFileSync(absolute, text.replace(from, to));
    },
    write(file, text) {
      fs.mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
      fs.writeFileSync(path.join(contentDir, file), text);
    },
    async close() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The dev server stopped:\n${log()}`);
    try {
      // The port answers before Astro's routes are in place: wait for the home page itself.
      if ((await fetch(`${origin}/`, { signal: AbortSignal.timeout(10_000) })).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The dev server did not answer within 120 s:\n${log()}`);
}
