/**
 * Cutting an edition: the current competencies, roles and playbook are copied, as they are, into
 * `versions/<label>/`, which from then on is a frozen older edition. The copy is made in a
 * hidden folder and renamed into place, so a failed cut never leaves half an edition behind
 * (the loader skips folders whose name starts with a dot). A cut stopped outright (Ctrl-C, a
 * killed process) still leaves that hidden copy: the next cut deletes it, and until then
 * `npm run check` warns about it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareEditionLabels, cutCopyPrefix, editionLabelPattern, interruptedCutFolder } from '../../playbook/index.ts';

export interface CutOptions {
  /** The folder holding `competencies/`, `playbook/` and `versions/`. Required. */
  contentDir: string;
  /** The new edition's label, such as `2026.1`. Required. */
  label: string;
  /** `YYYY-MM-DD` written as `released` in the edition's `edition.yml`. Required. */
  released: string;
}

export interface CutResult {
  /** The new edition's folder, absolute. */
  folder: string;
  competencies: number;
  roles: number;
  pages: number;
  /** Every file copied, Markdown or not, `edition.yml` not included. */
  files: number;
  /** Hidden copies that interrupted cuts had left in `versions/`, deleted before this one. */
  removedCopies: string[];
}

/** The cut was refused; the message says why and what to do. Nothing was written. */
export class CutRefused extends Error {
  override name = 'CutRefused';
}

const copiedFolders = ['competencies', 'playbook'] as const;
/** Copied when the current edition has it: a playbook without roles has no `roles/` folder. */
const optionalFolders = ['roles'] as const;

export function cutEdition(options: CutOptions): CutResult {
  const { contentDir, label, released } = options;
  checkLabel(label);
  const versions = path.join(contentDir, 'versions');
  const folder = path.join(versions, label);
  if (fs.existsSync(folder)) {
    throw new CutRefused(`Edition \`${label}\` already exists (\`versions/${label}/\` in the content folder); an edition is never overwritten. Choose a new label, or delete that folder first if you really mean to replace it.`);
  }
  checkOrder(versions, label);
  for (const name of copiedFolders) {
    if (!fs.statSync(path.join(contentDir, name), { throwIfNoEntry: false })?.isDirectory()) {
      throw new CutRefused(`There is no \`${name}/\` folder in \`${contentDir}\` to copy; point PLAYBOOK_CONTENT at the folder that holds \`competencies/\` and \`playbook/\`.`);
    }
  }
  fs.mkdirSync(versions, { recursive: true });
  const removedCopies = removeInterruptedCuts(versions);
  const partial = fs.mkdtempSync(path.join(versions, cutCopyPrefix(label)));
  try {
    const counts = { competencies: 0, roles: 0, pages: 0, files: 0 };
    for (const name of copiedFolders) copyFolder(path.join(contentDir, name), path.join(partial, name), name, counts);
    for (const name of optionalFolders) {
      if (fs.statSync(path.join(contentDir, name), { throwIfNoEntry: false })?.isDirectory()) copyFolder(path.join(contentDir, name), path.join(partial, name), name, counts);
    }
    fs.writeFileSync(path.join(partial, 'edition.yml'), `# Written by \`npm run version:cut\`. May also say \`archived: true\`.\nreleased: ${released}\n`);
    fs.renameSync(partial, folder);
    return { folder, ...counts, removedCopies };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

function removeInterruptedCuts(versions: string): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(versions).sort()) {
    const match = interruptedCutFolder.exec(name);
    if (!match || (match[1] && isRunning(Number(match[1])))) continue;
    try {
      fs.rmSync(path.join(versions, name), { recursive: true, force: true });
    } catch {
      throw new CutRefused(`\`versions/${name}/\` is a copy left by a cut that was interrupted, and Trellis cannot delete it; delete it yourself (it may belong to another user), then cut again.`);
    }
    removed.push(path.join(versions, name));
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function checkLabel(label: string): void {
  if (!editionLabelPattern.test(label) || label === 'current') {
    const why = label === 'current' ? '`current` names the edition being edited' : 'a label is 1 to 40 letters, digits, dots, hyphens and underscores, starting with a letter or digit';
    throw new CutRefused(`\`${label}\` is not a valid edition label: ${why}. Use a version number such as \`2026.1\`.`);
  }
}

/**
 * Editions are ordered by label, newest first, and the cut freezes the newest content: a
 * label that sorts below an existing edition would file today's playbook among older ones.
 */
function checkOrder(versions: string, label: string): void {
  const existing = fs.existsSync(versions) ? fs.readdirSync(versions).filter((name) => !name.startsWith('.') && editionLabelPattern.test(name)) : [];
  const newer = existing.filter((other) => compareEditionLabels(other, label) >= 0).sort(compareEditionLabels).at(-1);
  if (newer) {
    throw new CutRefused(`Edition \`${label}\` would sort before or together with the existing edition \`${newer}\`, but the cut freezes the newest content; choose a label after \`${newer}\`, such as \`${suggestNext(newer)}\`.`);
  }
}

function suggestNext(label: string): string {
  const match = /^(.*?)(\d+)$/.exec(label);
  return match ? `${match[1]}${Number(match[2]) + 1}` : `${label}.1`;
}

/** Copies regular files and folders; a symbolic link is refused, as the loader refuses it. */
type Counts = Pick<CutResult, 'competencies' | 'roles' | 'pages' | 'files'>;

function copyFolder(from: string, to: string, relative: string, counts: Counts): void {
  fs.mkdirSync(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const name = `${relative}/${entry.name}`;
    if (entry.isSymbolicLink()) {
      throw new CutRefused(`\`${name}\` is a symbolic link, which Trellis does not follow; replace it with the file itself, then cut the edition again.`);
    } else if (entry.isDirectory()) {
      copyFolder(source, path.join(to, entry.name), name, counts);
    } else if (entry.isFile()) {
      fs.copyFileSync(source, path.join(to, entry.name), fs.constants.COPYFILE_EXCL);
      counts.files++;
      if (/\.mdx?$/.test(entry.name) && !entry.name.startsWith('.')) counts[countedAs(relative)]++;
    }
  }
}

function countedAs(relative: string): 'competencies' | 'roles' | 'pages' {
  if (relative.startsWith('competencies')) return 'competencies';
  return relative.startsWith('roles') ? 'roles' : 'pages';
}
