/**
 * Shared by the core's tests: content folders written byte for byte into a temporary folder
 * (line endings and symbolic links cannot live in fixtures), and diagnostics as exact
 * positioned strings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent } from '../../plugins/checker/index.ts';
import type { Diagnostic } from '../../plugins/playbook/index.ts';

/** Every check runs as if on this day, so date rules never depend on the clock. */
export const today = '2026-06-15';

/** `playbook/x.mdx:5:13-5:34: Unknown competency … [error unknown-competency]` */
export function show(item: Diagnostic): string {
  return `${item.file}:${item.line}:${item.column}-${item.endLine}:${item.endColumn}: ${item.message} [${item.severity} ${item.rule}]`;
}

/** A fresh folder under the system's temporary folder; the caller removes it. */
export function temporaryFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `trellis-${prefix}-`));
}

/** Writes each file (path relative to `root`), creating folders on the way. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, data] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
}

/** What `npm run check` reports for a content folder, as positioned strings. */
export function shownCheck(contentDir: string): string[] {
  return checkContent({ contentDir, audience: 'all', today }).diagnostics.map(show);
}

/** One competency that a page develops, so that the coverage warning stays out of the way. */
export const competencyFile = '---\nname: Risk judgement\ncluster: risk\nsummary: Weighs risk.\n---\nText.\n';
