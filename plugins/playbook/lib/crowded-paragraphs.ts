/**
 * The Markdown parser takes time that grows with the square of what one paragraph holds: it
 * resolves emphasis (`*`, `_`), strikethrough (`~`) and brackets (`]`) by walking back over the
 * paragraph from each mark, and it joins the text of each line (or around each piece of inline
 * syntax) by moving everything after it. A 100 KB line of `x*`, or 100 KB of short lines without
 * a blank line, keeps it busy for minutes. Such a paragraph is found here, in time that grows
 * with the file, before the parser sees it; paragraphs of prose hold a fraction of the limits.
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { playbookSyntax } from './syntax.ts';

/** Runs of `*`, `_` or `~` (a run such as `**` counts once) and `]`, in one paragraph. */
export const maxParagraphMarks = 200;
/** Lines, and `\`, `&`, `<`, `[`, `!`, `:` and runs of backticks, in one paragraph. */
export const maxParagraphPieces = 2000;

export interface CrowdedParagraph {
  start: number;
  end: number;
  marks: number;
  pieces: number;
}

/** The paragraphs, headings and table cells of `text` over either limit, in order. */
export function crowdedParagraphs(text: string, isMdx: boolean): CrowdedParagraph[] {
  if (!anyStretchCrowded(text)) return [];
  // The masked text has the same blocks, but no inline syntax left to slow its parser down.
  const blocks = (isMdx ? mdxBlocks : markdownBlocks).parse(masked(text));
  return inlineSpans(blocks)
    .map(([start, end]) => ({ start, end, ...count(text, start, end) }))
    .filter(isCrowded);
}

/** A blank line ends every paragraph: when no stretch between blank lines is crowded, none is. */
function anyStretchCrowded(text: string): boolean {
  const blankLine = /\n[ \t]*(?=\r?\n|$)/g;
  let from = 0;
  for (let blank = blankLine.exec(text); blank; blank = blankLine.exec(text)) {
    if (isCrowded(count(text, from, blank.index))) return true;
    from = blank.index + blank[0].length;
  }
  return isCrowded(count(text, from, text.length));
}

function isCrowded({ marks, pieces }: { marks: number; pieces: number }): boolean {
  return marks > maxParagraphMarks || pieces > maxParagraphPieces;
}

function count(text: string, start: number, end: number): { marks: number; pieces: number } {
  let marks = 0;
  let pieces = 1;
  for (let i = start; i < end; i++) {
    const char = text[i]!;
    if (char === '\n' || char === '&' || char === '<' || char === '[' || char === '!' || char === ':') pieces++;
    else if (char === ']') marks++;
    else if (char === '\\') {
      pieces++;
      if (/[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) i++;
    } else if (char === '*' || char === '_' || char === '~' || char === '`') {
      if (char === '`') pieces++;
      else marks++;
      while (text[i + 1] === char) i++;
    }
  }
  return { marks, pieces };
}

/**
 * The parser of the real syntax, except that MDX pages are read as Markdown without indented
 * code (MDX has none) and their JSX, like HTML, as the paragraphs it looks like once masked:
 * never a smaller paragraph than the real one, so nothing crowded is missed.
 */
const markdownBlocks = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(playbookSyntax).freeze();
const mdxBlocks = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(playbookSyntax)
  .use(function withoutIndentedCode() {
    this.data('micromarkExtensions', [...(this.data('micromarkExtensions') ?? []), { disable: { null: ['codeIndented'] } }]);
  })
  .freeze();

const containerMark = /^[ \t]*(?:>|[-*+](?=[ \t]|\r?$)|\d{1,9}[.)](?=[ \t]|\r?$))/;
const thematicBreak = /^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\r?$/;
const setextUnderline = /^[ \t]*(?:=+|-+)[ \t]*\r?$/;
const tableDelimiter = /^[ \t]*(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$/;
const fence = /^[ \t]*(?:#{1,6}(?=[ \t]|\r?$))?[ \t]*(`{3,}(?=[^`]*$)|~{3,})?/;

/**
 * Each line with its block syntax kept (quote and list marks, headings' `#`, fences, thematic
 * breaks, setext underlines, the delimiter row of a table) and everything else but spaces and
 * `|` turned into `$`, which no inline syntax starts with: the same length, so offsets hold.
 */
function masked(text: string): string {
  const lines = text.split('\n');
  return lines.map((line, i) => (keptWhole(lines, i) ? line : maskLine(line))).join('\n');
}

function keptWhole(lines: string[], i: number): boolean {
  const rest = withoutContainers(lines[i]!);
  if (thematicBreak.test(rest) || setextUnderline.test(rest)) return true;
  // Kept only where a table can start, so that a paragraph holds at most one kept line.
  const header = i > 0 ? lines[i - 1]! : '';
  const before = i > 1 ? withoutQuotes(lines[i - 2]!) : '';
  return tableDelimiter.test(rest) && header.includes('|') && (endsParagraph(before) || /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/.test(withoutQuotes(header)));
}

/** A line after which the next line starts a new block: blank, a heading, a break or a fence. */
function endsParagraph(line: string): boolean {
  return /^[ \t]*(?:#{1,6}(?:[ \t]|\r?$)|```(?=[^`]*$)|~~~|\r?$)/.test(line) || thematicBreak.test(line) || setextUnderline.test(line);
}

function maskLine(line: string): string {
  let keep = line.length - withoutContainers(line).length;
  const opening = fence.exec(line.slice(keep))!;
  keep += opening[0].length;
  const rest = line.slice(keep).replace(/\\\|/g, '$$$$').replace(/[^ \t|\r]/g, '$');
  return line.slice(0, keep) + rest;
}

/** The line after its quote and list marks; a thematic break (`* * *`) is not a list of lists. */
function withoutContainers(line: string): string {
  let rest = line;
  // Deeper lines were refused before this runs; the bound keeps the loop linear regardless.
  for (let depth = 0; depth <= 64 && !thematicBreak.test(rest); depth++) {
    const mark = containerMark.exec(rest);
    if (!mark) break;
    rest = rest.slice(mark[0].length);
  }
  return rest;
}

function withoutQuotes(line: string): string {
  return line.replace(/^(?:[ \t]*>)*/, '');
}

/** Offsets of the inline content of every node that holds text directly. */
function inlineSpans(tree: Root): [number, number][] {
  const spans: [number, number][] = [];
  const stack: Node[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (!('children' in node) || !Array.isArray(node.children)) continue;
    const children = node.children as Node[];
    const first = children[0]?.position?.start.offset;
    const last = children.at(-1)?.position?.end.offset;
    if (children.some((child) => child.type === 'text') && first !== undefined && last !== undefined) spans.push([first, last]);
    for (const child of children) stack.push(child);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
