/**
 * Finds the frontmatter block the way remark-frontmatter reads it: `---` alone on the first
 * line, closed by `---` alone on a later line. Astro's own reader (used for the pages the MDX
 * compiler builds) is looser: it skips blank lines before the fence, takes text after it, ends
 * the block at any line that starts with `---` or `+++`, and reads TOML. Every place where the
 * two would differ is a problem for the author, never silently a page without frontmatter.
 */

export type Fence =
  | { kind: 'none' }
  /** The YAML between the fences: `text.slice(start, end)`. */
  | { kind: 'block'; start: number; end: number }
  | { kind: 'problem'; start: number; end: number; message: string };

/** A line that either reader could take for a fence. */
const fenceLike = /^(?:---|\+\+\+)[^\n]*/gm;
const exactFence = /^---[ \t]*\r?$/;
/** Longer lines are cut in messages: the author needs to recognise the line, not reread it. */
const shownLength = 40;

/** @param text the file, its line endings already LF or CRLF */
export function findFrontmatter(text: string): Fence {
  if (!/^(?:---|\+\+\+)/.test(text)) {
    const late = /^\s*?(?:---|\+\+\+)/.exec(text);
    if (!late) return { kind: 'none' };
    const start = late[0].length - 3;
    return { kind: 'problem', start, end: start + 3, message: 'Frontmatter must start on the first line of the file; remove the blank lines or spaces before `---`.' };
  }
  const open = /^[^\n]*/.exec(text)![0];
  if (!exactFence.test(open)) return misfit(open, 0, 'The first line', 'opens frontmatter', 'on the first line');
  const bodyStart = Math.min(open.length + 1, text.length);
  fenceLike.lastIndex = bodyStart;
  const close = fenceLike.exec(text);
  if (!close) return { kind: 'problem', start: 0, end: 3, message: 'Frontmatter is opened with `---` but never closed; add a line with `---` after the last field.' };
  if (!exactFence.test(close[0])) return misfit(close[0], close.index, 'Line', 'ends frontmatter', 'on this line');
  return { kind: 'block', start: bodyStart, end: close.index };
}

/** A fence with something more on its line (or the wrong marks): say what to write instead. */
function misfit(line: string, start: number, which: string, role: string, where: string): Fence {
  const written = line.replace(/\r$/, '');
  const rest = written.startsWith('----') || written.startsWith('+++') ? '' : written.slice(3).trim();
  const shown = written.length > shownLength ? `${written.slice(0, shownLength - 3)}...` : written;
  const after = rest ? ` and \`${rest.length > shownLength ? `${rest.slice(0, shownLength - 3)}...` : rest}\` on the next` : '';
  return { kind: 'problem', start, end: start + written.length, message: `${which} \`${shown}\` ${role} only when it is exactly \`---\`; write \`---\` alone ${where}${after}.` };
}
