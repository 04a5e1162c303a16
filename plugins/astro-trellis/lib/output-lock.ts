/**
 * One build at a time per output folder. The build writing `<out>` holds the folder
 * `<out>.lock/`: a folder, because `mkdir` takes it atomically and `.gitignore` already
 * ignores folders named `dist.<anything>`. Its `owner.json` names the process, the host and
 * the start time. A second build stops at once, naming the first, rather than wait: a build
 * takes seconds to minutes, and an editor or a CI job is better told than left hanging
 * behind a build nobody sees. A lock whose process is gone (killed with SIGKILL, a power
 * cut) is stale: the next build on the same host takes it over and says so.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cannotWriteBeside, OutputError } from './output-error.ts';

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO date and time. */
  started: string;
  /** Tells this build's lock from a later one by a process with the same pid. */
  token: string;
}

export interface OutputLock {
  dir: string;
  owner: LockOwner;
  /** What to tell the user when a stale lock was taken over, or null. */
  tookOver: string | null;
  /** Removes the lock, unless it is no longer this build's. Never throws. */
  release(): void;
}

/** How long a lock folder may lack its `owner.json`: the moment between `mkdir` and the write. */
const ownerWriteMs = 1000;

export function lockDirFor(outDir: string): string {
  return `${outDir}.lock`;
}

/** Takes the lock on `outDir`, or throws an `OutputError` naming the build that holds it. */
export function lockOutput(outDir: string): OutputLock {
  const dir = lockDirFor(outDir);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  let tookOver: string | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryTake(outDir, dir, owner)) return { dir, owner, tookOver, release: () => release(dir, owner) };
    const raw = readOwner(dir);
    if (raw === undefined) continue;
    const holder = parseOwner(raw);
    if (holder && isRunning(holder)) throw new OutputError(`Another build (${describeOwner(holder)}) is writing \`${outDir}\`; wait for it to finish, or stop it, then build again. If no build is running, delete \`${dir}\`.`);
    if (takeAway(outDir, dir, raw)) {
      tookOver = holder
        ? `Took over the lock on \`${outDir}\` from ${describeOwner(holder)}, which is no longer running: that build stopped without finishing.`
        : `Took over the lock \`${dir}\`, which names no build: a build stopped while taking it.`;
    }
  }
  throw new OutputError(`Several builds are starting to write \`${outDir}\` at this moment; let one of them finish, then build again.`);
}

function tryTake(outDir: string, dir: string, owner: LockOwner): boolean {
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw cannotWriteBeside(outDir, error);
  }
  try {
    // Written aside and renamed, so that a reader never sees half an owner.
    fs.writeFileSync(path.join(dir, 'owner.json.tmp'), JSON.stringify(owner));
    fs.renameSync(path.join(dir, 'owner.json.tmp'), path.join(dir, 'owner.json'));
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw cannotWriteBeside(outDir, error);
  }
  return true;
}

/** The lock's `owner.json` as written; `''` when it has none; undefined once the lock is gone. */
function readOwner(dir: string, waitMs = ownerWriteMs): string | undefined {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return fs.readFileSync(path.join(dir, 'owner.json'), 'utf8');
    } catch {
      if (!fs.existsSync(dir)) return undefined;
      if (Date.now() > deadline) return '';
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const owner = JSON.parse(raw) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null;
  }
}

/** A process on another host cannot be asked, so its lock counts as held. */
function isRunning(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock, but only the one that was read: it is first renamed aside, and
 * should it turn out to be a newer lock (another build took the stale one over meanwhile),
 * it is put back. True when the stale lock was removed.
 */
function takeAway(outDir: string, dir: string, staleOwner: string): boolean {
  const aside = `${dir}-stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(dir, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw cannotWriteBeside(outDir, error);
  }
  const removed = (readOwner(aside, 0) ?? '') === staleOwner;
  try {
    if (!removed) fs.renameSync(aside, dir);
  } catch {
    // A third build took the lock meanwhile: three racing at once; the one set aside goes.
  }
  fs.rmSync(aside, { recursive: true, force: true });
  return removed;
}

function release(dir: string, owner: LockOwner): void {
  try {
    if (parseOwner(fs.readFileSync(path.join(dir, 'owner.json'), 'utf8'))?.token === owner.token) fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // A lock that cannot be removed names a process that is about to end: the next build finds it stale.
  }
}

function describeOwner(owner: LockOwner): string {
  const host = owner.host === os.hostname() ? '' : ` on host \`${owner.host}\``;
  return `process ${owner.pid}${host}, started ${clockTime(new Date(owner.started))}`;
}

/** `23:41:02` today, `2026-11-24 23:41:02` on another day, local time. */
function clockTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'at an unknown time';
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return date.toDateString() === new Date().toDateString() ? time : `${day} ${time}`;
}
