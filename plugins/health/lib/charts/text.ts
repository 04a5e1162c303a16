/**
 * Label widths for the charts, estimated from Inter's character widths without reading the
 * font: the charts are drawn where no font file may be at hand (a page rendered by any
 * build), so the estimate errs wide, and a label that would still not fit is cut with "…"
 * and given whole in the row's `<title>` and in the table beside the chart.
 */

/** Ems per character class, a little over Inter's widest member of each. */
function advance(char: string): number {
  if (/[iljtf.,:;'!|()[\] ]/.test(char)) return 0.34;
  if (/[mwMW@%—]/.test(char)) return 0.96;
  if (/[A-Z0-9&]/.test(char)) return 0.74;
  return 0.58;
}

export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += advance(char);
  return width * size;
}

/** Greedy word wrap into at most `maxLines` lines; the last is cut with "…" when the words run over. */
export function wrapText(text: string, maxWidth: number, size: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (const [index, word] of words.entries()) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size) <= maxWidth || !line) {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) return [...lines, truncate(`${line} ${words.slice(index).join(' ')}`, maxWidth, size)];
    lines.push(line);
    line = word;
  }
  return [...lines, truncate(line, maxWidth, size)];
}

function truncate(text: string, maxWidth: number, size: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, size) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
