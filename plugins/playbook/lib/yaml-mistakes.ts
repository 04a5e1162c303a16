/**
 * YAML mistakes in the editor's words. The `yaml` parser reports a slip of indentation as
 * "Nested mappings are not allowed in compact mappings" on the line above; editors need the
 * line they got wrong and what to type. When the parser finds errors, the frontmatter's lines
 * are read the way an editor writes them (one field or list item a line) to name each mistake
 * once, at its own line and column; only what that reading cannot explain falls back to the
 * parser's own position, in plain words.
 */
import type { YAMLError } from 'yaml';

export interface YamlMistake {
  /** Offsets into the frontmatter's YAML text. */
  start: number;
  end: number;
  message: string;
  /** The top-level field whose lines the mistake makes unreadable, when there is one. */
  key?: string;
}

interface Line {
  /** The line without its line ending. */
  text: string;
  /** The line as written, a `\r` of a CRLF ending included. */
  raw: string;
  start: number;
  indent: number;
  /** `key` of `key: value` or `key:`, else undefined. */
  key?: string;
  /** The value after `key: `, trimmed; '' when the line opens a block. */
  value?: string;
  isListItem: boolean;
}

const fieldLine = /^( *)(- +)?([A-Za-z_][\w-]*):( +(.*))?$/;
const unspacedField = /^( *)([A-Za-z_][\w-]*):([^\s/][^\s]*)/;

export function explainYamlErrors(yamlText: string, errors: readonly YAMLError[]): YamlMistake[] {
  const lines = splitLines(yamlText);
  const mistakes: YamlMistake[] = [];
  for (const line of lines) {
    const found = tabIndent(line) ?? unspacedColon(line) ?? unclosedQuote(line) ?? colonInValue(line);
    if (found) mistakes.push(found);
  }
  mistakes.push(...indentationMistakes(lines, mistakes), ...duplicateKeys(lines, errors));
  const explained = mistakes.length ? mistakes : errors.slice(0, 1).map((error) => parserMistake(yamlText, error));
  return explained.map((mistake) => ({ ...mistake, key: topLevelField(lines, mistake.start) ?? mistake.key })).sort((a, b) => a.start - b.start);
}

/** The field at the start of a line that the offset's line belongs to, by indentation. */
function topLevelField(lines: Line[], offset: number): string | undefined {
  let at = lines.findIndex((line) => offset >= line.start && offset <= line.start + line.raw.length);
  if (at === -1) return undefined;
  while (at > 0 && (lines[at]!.indent > 0 || lines[at]!.text.trim() === '')) at--;
  return lines[at]!.key ?? keyAfterIndent(lines[at]!.text);
}

/**
 * The text with the lines of these mistakes (and the lines indented under them) blanked to
 * spaces of the same length, so that the other fields can still be read at their positions.
 */
export function withoutMistakenLines(yamlText: string, mistakes: readonly YamlMistake[]): string {
  const lines = splitLines(yamlText);
  const blank = new Set<number>();
  lines.forEach((line, i) => {
    if (!mistakes.some((mistake) => mistake.start >= line.start && mistake.start <= line.start + line.raw.length)) return;
    blank.add(i);
    for (let j = i + 1; j < lines.length && (lines[j]!.text.trim() === '' || lines[j]!.indent > line.indent); j++) blank.add(j);
  });
  return lines.map((line, i) => (blank.has(i) ? ' '.repeat(line.raw.length) : line.raw)).join('\n');
}

function splitLines(yamlText: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text of yamlText.split('\n')) {
    const clean = text.replace(/\r$/, '');
    const match = fieldLine.exec(clean);
    const indent = clean.length - clean.trimStart().length;
    lines.push({ text: clean, raw: text, start, indent, key: match?.[3], value: match ? (match[5] ?? '').trim() : undefined, isListItem: /^ *- /.test(clean) || /^ *-$/.test(clean) });
    start += text.length + 1;
  }
  return lines;
}

function tabIndent(line: Line): YamlMistake | null {
  const tab = /^[ ]*\t/.exec(line.text);
  if (!tab) return null;
  const at = line.start + tab[0].length - 1;
  return { start: at, end: at + 1, message: 'This line is indented with a tab, which YAML does not allow; indent with spaces instead (two for each level).', key: keyAfterIndent(line.text) };
}

function unspacedColon(line: Line): YamlMistake | null {
  if (line.key !== undefined) return null;
  const match = unspacedField.exec(line.text);
  if (!match) return null;
  const colon = line.start + match[1]!.length + match[2]!.length;
  return { start: colon, end: colon + 1, message: `Write a space after the colon of \`${match[2]}\`: \`${match[2]}: ${match[3]}\`.`, key: match[2] };
}

function unclosedQuote(line: Line): YamlMistake | null {
  const quote = line.value?.[0];
  if (!line.key || (quote !== '"' && quote !== "'")) return null;
  const rest = line.value!.slice(1);
  const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
  if (closed) return null;
  const at = line.start + line.text.indexOf(quote, line.text.indexOf(':'));
  return { start: at, end: at + 1, message: `The ${quote === '"' ? 'double' : 'single'} quote that opens the value of \`${line.key}\` is never closed; end the value with \`${quote}\` on the same line.`, key: line.key };
}

function colonInValue(line: Line): YamlMistake | null {
  const value = line.value;
  if (!line.key || !value || /^["'[{|>&*!]/.test(value)) return null;
  const colon = value.search(/:( |$)/);
  if (colon === -1 || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return null;
  const at = line.start + line.text.length - value.length + colon;
  return {
    start: at,
    end: at + 1,
    message: `The value of \`${line.key}\` holds \`: \`, which YAML reads as the start of another field; put the whole value in quotes: \`${line.key}: "${value.replace(/"/g, '\\"')}"\`.`,
    key: line.key,
  };
}

/** A field indented unlike the fields beside it, and list items that belong to no field. */
function indentationMistakes(lines: Line[], found: YamlMistake[]): YamlMistake[] {
  const mistakes: YamlMistake[] = [];
  const onLine = (line: Line) => found.some((mistake) => mistake.start >= line.start && mistake.start <= line.start + line.text.length);
  let previous: Line | undefined;
  for (const line of lines) {
    if (line.text.trim() === '' || line.text.trimStart().startsWith('#')) continue;
    if (previous && !onLine(line) && !onLine(previous)) {
      const mistake = misplacedLine(line, previous, lines);
      if (mistake) mistakes.push(mistake);
    }
    previous = line;
  }
  return mistakes;
}

function misplacedLine(line: Line, previous: Line, lines: Line[]): YamlMistake | null {
  const opensBlock = previous.key !== undefined && previous.value === '';
  if (line.isListItem) {
    const inList = previous.isListItem || opensBlock;
    if (inList) return null;
    const at = line.start + line.indent;
    return { start: at, end: at + 1, message: 'This list item belongs to no field; put it under the field it is part of (one that holds a list, such as `tags:` on a line of its own), indented by 2 spaces.' };
  }
  if (line.key === undefined || line.indent <= previous.indent || opensBlock || previous.isListItem) return null;
  const parent = parentOf(lines, previous);
  const siblings = parent ? `the other fields of \`${parent.key}\` are indented ${previous.indent} spaces` : `the fields above it start at the beginning of the line`;
  const advice = parent ? `indent it by ${previous.indent} spaces, like \`${previous.key}\`` : 'remove the spaces before it';
  const at = line.start;
  return { start: at, end: at + line.indent, message: `\`${line.key}\` is indented ${line.indent} spaces, but ${siblings}; ${advice}.`, key: line.key };
}

function parentOf(lines: Line[], line: Line): Line | undefined {
  for (let i = lines.indexOf(line) - 1; i >= 0; i--) {
    const candidate = lines[i]!;
    if (candidate.text.trim() !== '' && candidate.indent < line.indent && candidate.key) return candidate;
  }
  return undefined;
}

function duplicateKeys(lines: Line[], errors: readonly YAMLError[]): YamlMistake[] {
  if (!errors.some((error) => error.code === 'DUPLICATE_KEY')) return [];
  const seen = new Map<string, Line>();
  const mistakes: YamlMistake[] = [];
  for (const line of lines) {
    if (!line.key || line.isListItem) continue;
    const id = `${line.indent} ${parentOf(lines, line)?.key ?? ''} ${line.key}`;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, line);
      continue;
    }
    const at = line.start + line.indent;
    const firstLine = lines.indexOf(first) + 2;
    mistakes.push({ start: at, end: at + line.key.length, message: `\`${line.key}\` is given twice, here and on line ${firstLine}; keep one of them.` });
  }
  return mistakes;
}

/** What the parser said, without its jargon, at its own position. */
function parserMistake(yamlText: string, error: YAMLError): YamlMistake {
  const [start, end] = error.pos;
  const plain: Record<string, string> = {
    BAD_INDENT: 'This line is indented differently from the fields beside it; give fields of the same level the same number of spaces',
    MISSING_CHAR: 'Something is missing here (a closing quote or bracket, or the value after a colon)',
    TAB_AS_INDENT: 'This line is indented with a tab; indent with spaces instead',
    DUPLICATE_KEY: 'This field is given twice; keep one of them',
  };
  const reason = plain[error.code] ?? `YAML cannot read this: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '')}`;
  return { start, end: Math.max(start, end), message: `${reason}. Each field goes on its own line as \`name: value\`, lists as \`[a, b]\` or as \`- item\` lines under the field.`, key: keyAt(yamlText, start) };
}

function keyAfterIndent(text: string): string | undefined {
  return /^\s*([A-Za-z_][\w-]*):/.exec(text)?.[1];
}

function keyAt(yamlText: string, offset: number): string | undefined {
  const lineStart = yamlText.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  return keyAfterIndent(yamlText.slice(lineStart, yamlText.indexOf('\n', lineStart) === -1 ? undefined : yamlText.indexOf('\n', lineStart)));
}
