/**
 * A failed build must leave the previous site exactly as it was, and a good one must
 * replace it whole. Astro writes into a staging folder beside the output; only when every
 * step (pages, search index) has succeeded is it swapped in with two renames.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function stagingDirFor(outDir: string): string {
  return `${outDir}.staging`;
}

export function clearStaging(outDir: string): void {
  fs.rmSync(stagingDirFor(outDir), { recursive: true, force: true });
  removeLeftovers(outDir);
}

export function publishStaging(outDir: string): void {
  const previous = `${outDir}.previous-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, previous);
  fs.renameSync(stagingDirFor(outDir), outDir);
  removeInBackground(previous);
}

/**
 * Deleting thousands of old files takes seconds and nobody waits for it: a detached `rm`
 * does it after the build has returned. Anything it leaves is removed by the next build.
 */
function removeInBackground(folder: string): void {
  if (!fs.existsSync(folder)) return;
  const child = spawn('rm', ['-rf', folder], { detached: true, stdio: 'ignore' });
  child.on('error', () => fs.rmSync(folder, { recursive: true, force: true }));
  child.unref();
}

function removeLeftovers(outDir: string): void {
  const parent = path.dirname(outDir);
  const prefix = `${path.basename(outDir)}.previous-`;
  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    if (name.startsWith(prefix)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}
