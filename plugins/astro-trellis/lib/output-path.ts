/**
 * Every build replaces its output folder whole. An output folder that is, holds or lies
 * inside the content folder, or is or holds the project or the home folder, would delete
 * them, so it is refused before anything is touched. Paths are compared as the file system
 * resolves them: a symbolic link, `..` or `.` cannot hide that two paths are one folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OutputError } from './output-error.ts';

export interface GuardedFolders {
  /** The content folder (PLAYBOOK_CONTENT). Required. */
  contentDir: string;
  /** The project folder, Astro's `root`. Required. */
  projectRoot: string;
  /** The user's home folder. Required. */
  homeDir: string;
}

interface Guard {
  folder: keyof GuardedFolders;
  /** How the message names the folder, and what building would delete. */
  name: string;
  setting: string;
  lost: string;
  /** Whether an output folder inside it is refused too: pages written among the content's files. */
  refuseInside: boolean;
}

const guards: Guard[] = [
  { folder: 'contentDir', name: 'the content folder', setting: ' (PLAYBOOK_CONTENT)', lost: 'the content', refuseInside: true },
  { folder: 'projectRoot', name: 'the project folder', setting: '', lost: 'the project', refuseInside: false },
  { folder: 'homeDir', name: 'your home folder', setting: '', lost: 'your home folder', refuseInside: false },
];

type Relation = 'is' | 'holds' | 'lies inside';

function consequence(relation: Relation, guard: Guard): string {
  if (relation === 'lies inside') return 'The site would be written among the content\'s files, replacing whatever is at that path';
  return `Every build replaces its output folder whole, so this one would delete ${guard.lost}`;
}

/** Throws an `OutputError` naming both folders when `outDir` would harm one of `folders`. */
export function refuseUnsafeOutput(outDir: string, folders: GuardedFolders): void {
  const out = resolvedPath(outDir);
  const relationOf = (guard: Guard): Relation | null => {
    const other = resolvedPath(folders[guard.folder]);
    if (other === out) return 'is';
    if (isInside(other, out)) return 'holds';
    return guard.refuseInside && isInside(out, other) ? 'lies inside' : null;
  };
  // One message, the most telling: `.` is the project folder before it holds the content.
  for (const relation of ['is', 'holds', 'lies inside'] as const) {
    const guard = guards.find((candidate) => relationOf(candidate) === relation);
    if (!guard) continue;
    throw new OutputError(`The output folder \`${outDir}\` (PLAYBOOK_OUT) ${relation} ${guard.name} \`${folders[guard.folder]}\`${guard.setting}. ${consequence(relation, guard)}; nothing was touched. Set PLAYBOOK_OUT to a folder used for nothing else, such as \`dist\` (the default).`);
  }
}

/** The real path of the nearest folder that exists, followed by the rest of `folder`. */
function resolvedPath(folder: string): string {
  const rest: string[] = [];
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    try {
      return path.join(fs.realpathSync(current), ...rest);
    } catch {
      if (path.dirname(current) === current) return path.resolve(folder);
      rest.unshift(path.basename(current));
    }
  }
}

function isInside(folder: string, ancestor: string): boolean {
  const relative = path.relative(ancestor, folder);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
