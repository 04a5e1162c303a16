/**
 * A failed build must leave the previous site exactly as it was, a good one must replace it
 * whole, and two builds must never mix. Beside the output folder `<out>` live:
 *
 *   <out>.lock/                  the one build writing `<out>` (see output-lock.ts)
 *   <out>.staging-<pid>-<rand>   that build's pages, as Astro writes them
 *   <out>.previous               the last good site, only while it is being replaced
 *   <out>.discard-<time>-<rand>  a replaced site, being deleted by a detached `rm`
 *
 * Publishing, once pages and search index are all written:
 *
 *   1. <out> → <out>.previous    2. staging → <out>    3. <out>.previous → discard
 *
 * so the last good site is at every moment in `<out>` or in `<out>.previous`, and nothing of
 * it is deleted before a newer one is in `<out>`. A build that dies partway leaves one of
 * these states, which the next build, holding the lock and before anything else, resolves:
 *
 *   <out> missing, .previous there   died between 1 and 2: .previous goes back to <out>
 *   <out> and .previous both there   died between 2 and 3: .previous is older, discarded
 *   staging folders                  left by builds that died: deleted (the lock holder is
 *                                    the only build writing here, so none is in use)
 *   discard folders                  handed to a new `rm`; one still there after ten
 *                                    minutes could not be deleted, and is reported
 *
 * Whatever stands in the way (permissions, a file where a folder belongs) is an
 * `OutputError` raised before the last good site is touched.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { onProcessEnd } from './on-process-end.ts';
import { cannotWriteBeside, fsReason, OutputError } from './output-error.ts';
import { lockOutput } from './output-lock.ts';
import { type GuardedFolders, refuseUnsafeOutput } from './output-path.ts';

export interface Output {
  /** What the start found and did (a lock taken over, a site restored), for the log. */
  notes: string[];
  /** Makes this build's staging folder, where Astro writes; returns its path. */
  stage(): string;
  /** The staging folder, once made. */
  readonly staging: string | null;
  /** Puts the staging folder in place of the output and releases the lock. */
  publish(): void;
}

/**
 * Everything a build does to its output before rendering: refuses a dangerous output
 * folder, takes the lock (released however the process ends, the unpublished staging folder
 * deleted with it) and resolves what an earlier build left. Throws `OutputError`.
 */
export function openOutput(outDir: string, guarded: GuardedFolders): Output {
  refuseUnsafeOutput(outDir, guarded);
  checkOutputPlace(outDir);
  const lock = lockOutput(outDir);
  let staging: string | null = null;
  const end = onProcessEnd(() => {
    if (staging) removeQuietly(staging);
    lock.release();
  });
  const notes = [...(lock.tookOver ? [lock.tookOver] : []), ...recoverOutput(outDir)];
  return {
    notes,
    stage: () => (staging = createStaging(outDir)),
    get staging() {
      return staging;
    },
    publish: () => {
      publishStaging(outDir, staging!);
      staging = null;
      end();
    },
  };
}

export function previousDirFor(outDir: string): string {
  return `${outDir}.previous`;
}

/** The output's parent must be a folder (it is made when missing) and the output not a file. */
export function checkOutputPlace(outDir: string): void {
  const file = fileOnPath(path.dirname(outDir));
  if (file) throw new OutputError(`The output folder \`${outDir}\` (PLAYBOOK_OUT) cannot be made: \`${file}\` is a file, not a folder. Move that file away, or set PLAYBOOK_OUT to a path inside a folder.`);
  try {
    fs.mkdirSync(path.dirname(outDir), { recursive: true });
  } catch (error) {
    throw new OutputError(`The folder \`${path.dirname(outDir)}\`, where the output folder \`${outDir}\` (PLAYBOOK_OUT) goes, cannot be made (${fsReason(error)}). Make it yourself, or set PLAYBOOK_OUT to a folder you can write.`);
  }
  if (fs.statSync(outDir, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new OutputError(`The output folder \`${outDir}\` (PLAYBOOK_OUT) is a file; every build writes a folder there. Move the file away, or set PLAYBOOK_OUT to another path.`);
  }
}

/** The nearest existing ancestor of `folder` (itself included) when it is not a folder. */
function fileOnPath(folder: string): string | null {
  for (let current = folder; ; current = path.dirname(current)) {
    const stat = fs.statSync(current, { throwIfNoEntry: false });
    if (stat) return stat.isDirectory() ? null : current;
    if (path.dirname(current) === current) return null;
  }
}

/** Resolves what a build that died left beside `outDir` (see the table above); returns notes. */
export function recoverOutput(outDir: string): string[] {
  const notes = removeLeftovers(outDir);
  const previous = previousDirFor(outDir);
  if (fs.existsSync(previous) && !fs.existsSync(outDir)) {
    move(previous, outDir, (reason) => `A build stopped while publishing and left the last good site in \`${previous}\`, but Trellis cannot move it back to \`${outDir}\` (${reason}). Move it back yourself, then build again.`);
    notes.push(`A build stopped while publishing and left the last good site in \`${previous}\`; it is back in \`${outDir}\`.`);
  } else if (fs.existsSync(previous)) {
    const discard = discardDirFor(outDir);
    move(previous, discard, (reason) => `\`${previous}\` is an older site, left by a build that stopped while publishing, and Trellis cannot move it out of the way (${reason}). Delete it, then build again; the site in \`${outDir}\` is untouched.`);
    removeInBackground(discard);
  }
  return notes;
}

export function createStaging(outDir: string): string {
  try {
    return fs.mkdtempSync(`${outDir}.staging-${process.pid}-`);
  } catch (error) {
    throw cannotWriteBeside(outDir, error);
  }
}

/** Steps 1 to 3 of the table above. A failed step leaves the last good site in `<out>`. */
export function publishStaging(outDir: string, staging: string): void {
  const previous = previousDirFor(outDir);
  const hadSite = fs.existsSync(outDir);
  if (hadSite) move(outDir, previous, (reason) => `Trellis cannot move the previous site \`${outDir}\` aside to publish the new one (${reason}); it is untouched. Make \`${path.dirname(outDir)}\` writable for this user, then build again.`);
  try {
    fs.renameSync(staging, outDir);
  } catch (error) {
    const restored = !hadSite || tryRename(previous, outDir);
    throw new OutputError(`Trellis cannot move the new site from \`${staging}\` to \`${outDir}\` (${fsReason(error)}); ${restored ? 'the previous site is untouched' : `the previous site is in \`${previous}\`, and the next build puts it back`}.`);
  }
  const discard = discardDirFor(outDir);
  // Should the rename fail, the next build finds both folders and discards the older one.
  if (hadSite && tryRename(previous, discard)) removeInBackground(discard);
}

function move(from: string, to: string, message: (reason: string) => string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    throw new OutputError(message(fsReason(error)));
  }
}

function tryRename(from: string, to: string): boolean {
  try {
    fs.renameSync(from, to);
    return true;
  } catch {
    return false;
  }
}

function discardDirFor(outDir: string): string {
  return `${outDir}.discard-${Date.now()}-${randomBytes(4).toString('hex')}`;
}

/**
 * Deleting thousands of old files takes seconds and nobody waits for it: a detached `rm`
 * does it after the build has returned. Anything it leaves is removed by the next build.
 */
function removeInBackground(folder: string): void {
  const child = spawn('rm', ['-rf', folder], { detached: true, stdio: 'ignore' });
  child.on('error', () => removeQuietly(folder));
  child.unref();
}

/** How long the detached `rm` of a replaced site may take before what is left counts as stuck. */
const discardGraceMs = 10 * 60 * 1000;

/**
 * Deletes what builds that died left beside `outDir`, including the names older versions of
 * Trellis used (`<out>.staging`, `<out>.previous-<pid>`). A folder that cannot be deleted is
 * in nobody's way: it is reported, and the build goes on.
 */
function removeLeftovers(outDir: string): string[] {
  const base = path.basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const leftover = new RegExp(`^${base}\\.(?:staging-\\d+-[A-Za-z0-9]{6}|(discard)-(\\d+)-[0-9a-f]{8}|lock-stale-\\d+-[0-9a-f]{8}|staging|previous-\\d+)$`);
  const notes: string[] = [];
  for (const name of fs.readdirSync(path.dirname(outDir))) {
    const match = leftover.exec(name);
    const folder = path.join(path.dirname(outDir), name);
    // A replaced site may be under its `rm` still: another `rm` does no harm, where deleting
    // it here would meet files vanishing underfoot and report them as a failure.
    if (match?.[1] && Date.now() - Number(match[2]) < discardGraceMs) removeInBackground(folder);
    else if (match && !removeNow(folder)) notes.push(`Trellis cannot delete \`${folder}\`, left by an earlier build: some of its files are not this user's to delete. It is not used, so this build goes on; delete it yourself when you can, as the user who made it.`);
  }
  return notes;
}

function removeNow(folder: string): boolean {
  try {
    fs.rmSync(folder, { recursive: true, force: true });
    return true;
  } catch {
    // Node reports a file it may not delete as ENOTDIR, so the reason is not worth repeating.
    return false;
  }
}

/** Only for what this build made and no longer needs: failing to delete it is not worth a message. */
function removeQuietly(folder: string): void {
  try {
    fs.rmSync(folder, { recursive: true, force: true });
  } catch {
    // The next build deletes it, or says why it cannot.
  }
}
