/**
 * "Last updated" dates for every content file from one `git log`, not one process per page.
 * In a shallow clone the history is cut short and the dates would be wrong, and outside git
 * there are none: both give an empty map and the pages simply show no date.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export function lastUpdatedDates(contentDir: string): Map<string, string> {
  const dates = new Map<string, string>();
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', contentDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 }).trim();
    if (git('rev-parse', '--is-shallow-repository') === 'true') return dates;
    const top = git('rev-parse', '--show-toplevel');
    const prefix = path.relative(top, contentDir).split(path.sep).join('/');
    let date = '';
    for (const line of git('log', '--format=%x00%cI', '--name-only', '--', '.').split('\n')) {
      if (line.startsWith('\0')) date = line.slice(1, 11);
      else if (line && date) {
        const relative = prefix ? line.slice(prefix.length + 1) : line;
        if (!dates.has(relative)) dates.set(relative, date);
      }
    }
  } catch {
    // Not a git checkout, or git is missing: no dates.
  }
  return dates;
}
