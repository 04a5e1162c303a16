/**
 * Reads the content folder defensively: content comes from many hands, so symbolic links,
 * huge, binary or non-UTF-8 files and absurd nesting become positioned problems, never a
 * crash, and nothing outside the content folder is ever opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticList, fileStart } from './diagnostics.ts';
import { ruleIds } from './rule-ids.ts';
import { lineIndex } from './positions.ts';

/** A playbook page is prose: anything bigger is a mistake (an export, a pasted binary). */
export const maxFileBytes = 1024 * 1024;
const maxFolderDepth = 12;
const markdownFile = /\.mdx?$/;

export interface RawFile {
  /** Relative to the content folder, with forward slashes. */
  path: string;
  text: string;
}

/** Every `.md`/`.mdx` file under `folder` (relative to `contentDir`), read, sorted by path. */
export function readMarkdownFiles(contentDir: string, folder: string, diagnostics: DiagnosticList): RawFile[] {
  const files: RawFile[] = [];
  for (const relative of listMarkdownFiles(contentDir, folder, diagnostics)) {
    const text = readText(path.join(contentDir, relative), relative, diagnostics);
    if (text !== null) files.push({ path: relative, text });
  }
  return files;
}

/**
 * The paths of every `.md`/`.mdx` file under `folder`, sorted, without following symbolic
 * links (each is reported, the folder itself included), entering hidden folders or going
 * deeper than `maxFolderDepth`.
 */
export function listMarkdownFiles(contentDir: string, folder: string, diagnostics: DiagnosticList): string[] {
  const files: string[] = [];
  if (isFolder(contentDir, folder, diagnostics)) walk(contentDir, folder, 0, files, diagnostics);
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function walk(contentDir: string, folder: string, depth: number, files: string[], diagnostics: DiagnosticList): void {
  for (const entry of readFolder(contentDir, folder, diagnostics)) {
    if (entry.name.startsWith('.')) continue;
    const relative = `${folder}/${entry.name}`;
    if (entry.isSymbolicLink()) {
      reportLink(relative, 'file', diagnostics);
    } else if (entry.isDirectory()) {
      if (depth >= maxFolderDepth) {
        diagnostics.error(relative, fileStart, ruleIds.tooDeep, `Folder \`${relative}\` is nested more than ${maxFolderDepth} levels deep; move its pages higher up.`);
      } else {
        walk(contentDir, relative, depth + 1, files, diagnostics);
      }
    } else if (entry.isFile() && markdownFile.test(entry.name)) {
      files.push(relative);
    }
  }
}

/**
 * The folder names under `versions/` that are not hidden: the older editions' labels,
 * unsorted. A symbolic link, as `versions/` or as an edition, is reported and left out.
 */
export function listEditionFolders(contentDir: string, diagnostics: DiagnosticList = new DiagnosticList()): string[] {
  if (!isFolder(contentDir, 'versions', diagnostics)) return [];
  const labels: string[] = [];
  for (const entry of readFolder(contentDir, 'versions', diagnostics)) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isSymbolicLink()) reportLink(`versions/${entry.name}`, 'folder', diagnostics);
    else if (entry.isDirectory()) labels.push(entry.name);
  }
  return labels;
}

/**
 * What `lstat` says of a path under the content folder, which is never a symbolic link's
 * target: a link is reported (as the `expected` kind of thing) and treated as missing. The
 * content folder itself may be a link (PLAYBOOK_CONTENT is the user's own choice); only what
 * is inside it is checked.
 */
export function entryKind(contentDir: string, relative: string, expected: 'file' | 'folder', diagnostics: DiagnosticList): 'file' | 'folder' | 'other' | 'missing' {
  const stats = fs.lstatSync(path.join(contentDir, relative), { throwIfNoEntry: false });
  if (!stats) return 'missing';
  if (stats.isSymbolicLink()) {
    reportLink(relative, expected, diagnostics);
    return 'missing';
  }
  return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
}

function isFolder(contentDir: string, folder: string, diagnostics: DiagnosticList): boolean {
  const kind = entryKind(contentDir, folder, 'folder', diagnostics);
  if (kind === 'file' || kind === 'other') diagnostics.error(folder, fileStart, ruleIds.unreadableFile, `\`${folder}\` is not a folder, so Trellis reads nothing from it; make it a folder.`);
  return kind === 'folder';
}

function readFolder(contentDir: string, folder: string, diagnostics: DiagnosticList): fs.Dirent[] {
  try {
    return fs.readdirSync(path.join(contentDir, folder), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown reason';
    if (code !== 'ENOENT') diagnostics.error(folder, fileStart, ruleIds.unreadableFile, `Folder cannot be read (${code}); check its permissions.`);
    return [];
  }
}

/**
 * The hidden copy `npm run version:cut` makes before renaming it into place:
 * `.<label>.partial-<pid>-<random>`. The pid tells the copy of a cut that died from that of one
 * still running; copies made before it was added have none.
 */
export const interruptedCutFolder = /^\..+\.partial-(?:(\d+)-)?[A-Za-z0-9]{6}$/;

/** The prefix of that copy's name, for `mkdtemp`. */
export function cutCopyPrefix(label: string): string {
  return `.${label}.partial-${process.pid}-`;
}

/** The hidden folders under `versions/` that a cut stopped halfway left, sorted. */
export function listInterruptedCuts(contentDir: string): string[] {
  try {
    return fs.readdirSync(path.join(contentDir, 'versions'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && interruptedCutFolder.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

function reportLink(relative: string, kind: 'file' | 'folder', diagnostics: DiagnosticList): void {
  diagnostics.error(relative, fileStart, ruleIds.symlink, `\`${relative}\` is a symbolic link, which Trellis does not follow so that nothing outside the content folder is read; replace it with the ${kind} itself.`);
}

/** The file's text, or null after reporting why it cannot be used. */
export function readText(absolute: string, relative: string, diagnostics: DiagnosticList): string | null {
  let bytes: Buffer;
  try {
    // lstat, not stat: a link here (made after its folder was listed) is reported, not followed.
    const stats = fs.lstatSync(absolute);
    if (stats.isSymbolicLink()) {
      reportLink(relative, 'file', diagnostics);
      return null;
    }
    if (!stats.isFile()) {
      diagnostics.error(relative, fileStart, ruleIds.unreadableFile, `\`${relative}\` is not a regular file, so Trellis reads nothing from it; make it a file.`);
      return null;
    }
    if (stats.size > maxFileBytes) {
      diagnostics.error(relative, fileStart, ruleIds.fileTooLarge, `File is larger than ${maxFileBytes / 1024} KiB; split it into several pages or remove what was pasted into it.`);
      return null;
    }
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    diagnostics.error(relative, fileStart, ruleIds.unreadableFile, `File cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown reason'}); check its permissions.`);
    return null;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const span = spanOfByte(bytes, nul);
    diagnostics.error(relative, span, ruleIds.binaryFile, 'File contains binary data (a NUL byte); only Markdown text belongs in the content folder.');
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const span = spanOfByte(bytes, firstInvalidUtf8(bytes));
    diagnostics.error(relative, span, ruleIds.invalidUtf8, 'File is not valid UTF-8 here; save it as UTF-8 in your editor.');
    return null;
  }
}

function spanOfByte(bytes: Buffer, offset: number) {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const index = lineIndex(before);
  return index.span(before.length, before.length);
}

function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >> 5 === 0b110 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return 0;
}
