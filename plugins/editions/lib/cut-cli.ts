/**
 * `npm run version:cut -- <label>`: freezes the current content as edition `<label>` and
 * says what it did. Exit status 0 when the edition was written, 1 when the cut was refused
 * (the label exists or is not valid, the content folder is incomplete), 2 when the command
 * itself was used wrongly.
 */
import path from 'node:path';
import { type CommandOutcome, readSettings, SettingsError } from '../../playbook/index.ts';
import { CutRefused, cutEdition } from './cut.ts';

export type CutOutcome = CommandOutcome;

const usage = 'Usage: npm run version:cut -- <label>   (a label such as 2026.1)\n';

export function runCutCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): CutOutcome {
  const labels = args.filter((arg) => arg !== '--');
  if (labels.length !== 1 || labels[0]!.startsWith('-')) {
    const why = labels.length === 0 ? 'Say which label the new edition gets.' : `Expected one label, got \`${labels.join(' ')}\`.`;
    return { stdout: '', stderr: `${why}\n${usage}`, exitCode: 2 };
  }
  const label = labels[0]!;
  try {
    const { contentDir, today } = readSettings(env, cwd);
    const result = cutEdition({ contentDir, label, released: today });
    const shown = shownPath(result.folder, cwd);
    const stdout = [
      ...result.removedCopies.map((copy) => `Removed ${shownPath(copy, cwd)}/, a copy left by a cut that was interrupted.`),
      `Cut edition ${label}: copied ${result.competencies} competencies${result.roles ? `, ${result.roles} roles` : ''} and ${result.pages} pages (${result.files} files) from the current edition into ${shown}/.`,
      `Wrote ${shown}/edition.yml with released: ${today}; add \`archived: true\` there when the edition is no longer maintained.`,
      `The current edition is unchanged: keep editing competencies/${result.roles ? ', roles/' : ''} and playbook/ for the next edition, and run \`npm run check\` before building.`,
      '',
    ].join('\n');
    return { stdout, stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof SettingsError) return { stdout: '', stderr: `${error.message}\n`, exitCode: 2 };
    if (error instanceof CutRefused) return { stdout: '', stderr: `Nothing was written. ${error.message}\n`, exitCode: 1 };
    throw error;
  }
}

/** Inside the project a short relative path; elsewhere the absolute one, not `../../tmp/…`. */
export function shownPath(folder: string, cwd: string): string {
  const relative = path.relative(cwd, folder);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : folder;
}
