/**
 * A failed build must leave the previous site exactly as it was, and a good one must
 * replace it whole. Astro writes into a staging folder beside the output; only when every
 * step (pages, search index) has succeeded is it swapped in with two renames.
 */
import fs from 'node:fs';

export function stagingDirFor(outDir: string): string {
  return `${outDir}.staging`;
}

export function clearStaging(outDir: string): void {
  fs.rmSync(stagingDirFor(outDir), { recursive: true, force: true });
}

export function publishStaging(outDir: string): void {
  const staging = stagingDirFor(outDir);
  const previous = `${outDir}.previous`;
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(outDir)) fs.renameSync(outDir, previous);
  fs.renameSync(staging, outDir);
  fs.rmSync(previous, { recursive: true, force: true });
}
