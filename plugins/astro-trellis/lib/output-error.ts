/**
 * A problem with the output folder is the user's to fix, like a content problem: the build
 * prints the message (what, where, what to do) and exits 1, never a stack trace.
 */
import path from 'node:path';

/** The output folder cannot be used as it is; the message says why and what to do. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** Why a file-system call failed, in words a user can act on. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOTDIR') return 'part of the path is a file';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** The parent folder refuses to be written: the output, its lock and staging all live there. */
export function cannotWriteBeside(outDir: string, error: unknown): OutputError {
  return new OutputError(`Trellis cannot write in \`${path.dirname(outDir)}\` (${fsReason(error)}), where it keeps the output folder \`${outDir}\` (PLAYBOOK_OUT) with its lock and staging folders. Make that folder writable for this user, or set PLAYBOOK_OUT to a folder you can write.`);
}
