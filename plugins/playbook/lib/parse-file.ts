/**
 * Parses one file once: frontmatter with the `yaml` package (which keeps source ranges, so
 * every problem points at the exact value) and the body with remark, whose tree every later
 * stage (checker, remark plugins, renderer) reuses instead of parsing again.
 */
import type { Nodes, Root } from 'mdast';
import type { MdxFlowExpression, MdxJsxFlowElement, MdxJsxTextElement, MdxTextExpression } from 'mdast-util-mdx';
import type { Node } from 'unist';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { type Document, isMap, isScalar, isSeq, type Node as YamlNode, parseDocument, visit } from 'yaml';
import { type CrowdedParagraph, crowdedParagraphs, maxParagraphMarks, maxParagraphPieces } from './crowded-paragraphs.ts';
import { type DiagnosticList, fileStart, type Span } from './diagnostics.ts';
import { findFrontmatter } from './frontmatter-fence.ts';
import { keepUnknownDirectivesAsText } from './directives.ts';
import type { SourceFile } from './model.ts';
import { lineIndex } from './positions.ts';
import { ruleIds } from './rule-ids.ts';
import { playbookSyntax } from './syntax.ts';
import { explainYamlErrors, withoutMistakenLines } from './yaml-mistakes.ts';

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(playbookSyntax).freeze();
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(playbookSyntax).freeze();

/** Deeper YAML or Markdown nesting than this is hostile, not prose, and could exhaust the stack. */
const maxNesting = 64;
/** A quote or list level is two or three tree levels (list, item, paragraph). */
const maxTreeDepth = 3 * maxNesting;
/** `div`, `details`, `h2`, `my-element`: a JSX name that is an HTML element, not a component. */
const htmlElementName = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const yamlOptions = { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false } as const;

/**
 * @param written the file as read; a lone carriage return (old Mac line endings) is read as a
 * line break, as Markdown does, so that every position names the line the author sees
 * @param parsed the body's tree when a worker thread (or an earlier run, whose tree was kept)
 * already parsed this exact text with `parseTree`
 */
export function parseSourceFile(path: string, written: string, diagnostics: DiagnosticList, parsed?: Root): SourceFile {
  const text = withLineFeeds(written);
  const index = lineIndex(text);
  const isMdx = path.endsWith('.mdx');
  const { document, offset, end, unreadableFields } = parseFrontmatter(path, text, index, diagnostics);
  const body = parsed ?? parseBody(path, text, isMdx, index, diagnostics);
  const tree: Root = body ?? { type: 'root', children: [] };
  const usesMdxFeatures = isMdx && containsCode(tree);
  const loneReturn = written.search(/\r(?!\n)/);
  if (usesMdxFeatures && loneReturn !== -1 && loneReturn < end) {
    // The MDX compiler reads the frontmatter of these pages itself, and only between LF lines.
    diagnostics.error(path, index.span(loneReturn, loneReturn), ruleIds.invalidYaml, 'Frontmatter lines end with a carriage return alone (old Mac line endings), which the MDX compiler cannot read; save the file with LF line endings.');
  }
  return {
    path,
    text,
    isMdx,
    frontmatter: document,
    frontmatterOffset: offset,
    unreadableFields,
    tree,
    bodyReadable: body !== null,
    usesMdxFeatures,
    spanAt: (start, end) => index.span(start, end),
    spanOf: (keys) => spanOfYamlPath(document, keys, offset, index),
    keySpanOf: (keys) => spanOfYamlKey(document, keys, offset, index) ?? spanOfYamlPath(document, keys, offset, index),
  };
}

/** The same text with each lone `\r` turned into `\n`: the same length, so every offset holds. */
function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The YAML document (null when absent or invalid), its offset, and where the block ends. */
function parseFrontmatter(path: string, text: string, index: ReturnType<typeof lineIndex>, diagnostics: DiagnosticList) {
  const fence = findFrontmatter(text);
  if (fence.kind === 'none') {
    diagnostics.error(path, fileStart, ruleIds.missingRequiredField, 'File has no frontmatter; start it with a `---` block holding the required fields.');
    return { document: null, offset: 0, end: 0, unreadableFields: [] };
  }
  if (fence.kind === 'problem') {
    diagnostics.error(path, index.span(fence.start, fence.end), ruleIds.invalidYaml, fence.message);
    return { document: null, offset: 0, end: 0, unreadableFields: [] };
  }
  const { start: offset, end } = fence;
  const yamlText = text.slice(offset, end);
  const depth = maxBracketDepth(yamlText);
  if (depth > maxNesting) {
    diagnostics.error(path, index.span(offset, offset), ruleIds.tooDeep, `Frontmatter is nested ${depth} levels deep; playbook fields need at most 3.`);
    return { document: null, offset, end, unreadableFields: [] };
  }
  const document = parseDocument(yamlText, yamlOptions);
  if (!document.errors.length) return { document: withoutComplexKeys(document, yamlText, path, offset, index, diagnostics), offset, end, unreadableFields: [] };
  const mistakes = explainYamlErrors(yamlText, document.errors);
  for (const mistake of mistakes) diagnostics.error(path, index.span(offset + mistake.start, offset + mistake.end), ruleIds.invalidYaml, mistake.message);
  // The other fields are still read and checked: only the lines in error are left out.
  const rest = parseDocument(withoutMistakenLines(yamlText, mistakes), yamlOptions);
  return { document: rest.errors.length ? null : withoutComplexKeys(rest, yamlText, path, offset, index, diagnostics), offset, end, unreadableFields: mistakes.flatMap((mistake) => (mistake.key ? [mistake.key] : [])) };
}

/**
 * YAML lets a key be a list or a mapping (`? [a, b]`), which no field name is: each such pair is
 * reported at its key and left out, so the other fields are still read (and YAML does not turn
 * the key into a string of its own making).
 */
function withoutComplexKeys(document: Document, yamlText: string, path: string, offset: number, index: ReturnType<typeof lineIndex>, diagnostics: DiagnosticList): Document {
  visit(document, {
    Pair(_, pair) {
      if (pair.key === null || isScalar(pair.key)) return undefined;
      const key = pair.key as YamlNode;
      const [start, end] = key.range ?? [0, 0];
      const kind = isSeq(key) ? 'a list' : 'a mapping';
      const written = yamlText.slice(start, end).replace(/\s+/g, ' ').trim();
      const shown = written.length > 40 ? `${written.slice(0, 40)}...` : written || '?';
      diagnostics.error(path, index.span(offset + start, offset + end), ruleIds.invalidYaml, `Frontmatter key \`${shown}\` is ${kind}, not a field name; write the field's name, a colon and its value, such as \`tags: [growth]\`.`);
      return visit.REMOVE;
    },
  });
  return document;
}

/**
 * The body's tree when the text parses cleanly, else null (the caller then parses again on
 * the main thread, which reports the problem with its position). Used by worker threads.
 */
export function parseTree(written: string, isMdx: boolean): Root | null {
  const text = withLineFeeds(written);
  if (deeplyNestedLine(text) !== -1 || crowdedParagraphs(text, isMdx).length) return null;
  try {
    const tree = (isMdx ? mdxParser : markdownParser).parse(text);
    return deeplyNestedNode(tree) ? null : withoutUnknownDirectives(tree, text);
  } catch {
    return null;
  }
}

/** Done where the tree is made, so that a tree from a worker or from the tree cache is ready as it is. */
function withoutUnknownDirectives(tree: Root, text: string): Root {
  keepUnknownDirectivesAsText(tree, text);
  return tree;
}

function parseBody(path: string, text: string, isMdx: boolean, index: ReturnType<typeof lineIndex>, diagnostics: DiagnosticList): Root | null {
  const deepLine = deeplyNestedLine(text);
  if (deepLine !== -1) {
    diagnostics.error(path, index.span(deepLine, deepLine), ruleIds.tooDeep, `Line is nested more than ${maxNesting} levels deep (quotes and lists); playbook pages need a few at most.`);
    return null;
  }
  const crowded = crowdedParagraphs(text, isMdx);
  for (const paragraph of crowded) diagnostics.error(path, index.span(paragraph.start, paragraph.end), ruleIds.crowdedParagraph, crowdedReason(paragraph));
  if (crowded.length) return null;
  try {
    const tree = (isMdx ? mdxParser : markdownParser).parse(text);
    const deepNode = deeplyNestedNode(tree);
    if (!deepNode) return withoutUnknownDirectives(tree, text);
    const offset = deepNode.position?.start.offset ?? 0;
    diagnostics.error(path, index.span(offset, offset), ruleIds.tooDeep, `Content is nested more than ${maxTreeDepth} levels deep here; playbook pages need a few at most.`);
    return null;
  } catch (error) {
    const place = (error as { place?: { offset?: number; start?: { offset?: number } } }).place;
    const offset = place?.offset ?? place?.start?.offset ?? 0;
    const reason = error instanceof RangeError ? `Content is nested too deeply to read` : `Invalid ${isMdx ? 'MDX' : 'Markdown'}: ${(error as Error).message.replace(/\.$/, '')}`;
    const hint = isMdx ? '; in an `.mdx` file, write `\\{` and `\\<` for literal braces and angle brackets, or rename it to `.md`' : '';
    const unchecked = ". Until the page can be read, links to its headings from other pages are not checked.";
    diagnostics.error(path, index.span(offset, offset), error instanceof RangeError ? ruleIds.tooDeep : ruleIds.invalidMarkdown, `${reason}${hint}${unchecked}`);
    return null;
  }
}

function crowdedReason({ marks, pieces }: CrowdedParagraph): string {
  const slow = 'as more would keep the check busy for minutes';
  if (marks > maxParagraphMarks) {
    return `Paragraph holds ${marks.toLocaleString('en')} emphasis and bracket marks (\`*\`, \`_\`, \`~\`, \`]\`); Trellis reads at most ${maxParagraphMarks} in one paragraph, ${slow}; split it with blank lines, or write a literal mark as \`\\*\`.`;
  }
  return `Paragraph runs to ${pieces.toLocaleString('en')} lines and inline marks (\`\\\`, \`&\`, \`<\`, \`[\`, \`!\`, \`:\` and backticks) without a blank line; Trellis reads at most ${maxParagraphPieces.toLocaleString('en')} in one paragraph, ${slow}; split it with blank lines.`;
}

/** Span of the value at `keys`, falling back to the nearest parent that exists. */
function spanOfYamlPath(document: Document | null, keys: readonly (string | number)[], offset: number, index: ReturnType<typeof lineIndex>): Span {
  if (!document) return index.span(0, 3);
  for (let length = keys.length; length > 0; length--) {
    const node = document.getIn(keys.slice(0, length), true) as YamlNode | undefined;
    if (node && typeof node === 'object' && node.range) {
      const [start, valueEnd] = node.range;
      return index.span(offset + start, offset + valueEnd);
    }
    const parent = length > 1 ? document.getIn(keys.slice(0, length - 1), true) : document.contents;
    if ((isMap(parent) || isSeq(parent)) && length === keys.length) {
      const key = isMap(parent) ? parent.items.find((pair) => (pair.key as { value?: unknown })?.value === keys[length - 1])?.key : undefined;
      if (key && typeof key === 'object' && 'range' in key && key.range) {
        const [start, end] = key.range as [number, number];
        return index.span(offset + start, offset + end);
      }
    }
  }
  return index.span(0, 3);
}

function spanOfYamlKey(document: Document | null, keys: readonly (string | number)[], offset: number, index: ReturnType<typeof lineIndex>): Span | null {
  const parent = document && (keys.length > 1 ? document.getIn(keys.slice(0, -1), true) : document.contents);
  if (!isMap(parent)) return null;
  const key = parent.items.find((pair) => (pair.key as { value?: unknown })?.value === keys.at(-1))?.key;
  if (!key || typeof key !== 'object' || !('range' in key) || !key.range) return null;
  const [start, end] = key.range as [number, number];
  return index.span(offset + start, offset + end);
}

/**
 * Whether a node of an `.mdx` tree is code that only the MDX compiler can run: an import or
 * export, an expression, a component, or an attribute whose value is an expression. HTML
 * written as JSX (`<details>`, `<div class="note">`) and `{/* comments *\/}` are not.
 */
export function isMdxCode(node: Nodes): boolean {
  switch (node.type) {
    case 'mdxjsEsm':
      return true;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return expressionHasCode(node);
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return !isHtmlElement(node) || node.attributes.some((attribute) => attribute.type === 'mdxJsxExpressionAttribute' || (attribute.value !== null && typeof attribute.value === 'object'));
    default:
      return false;
  }
}

/** A fragment (`<>…</>`) or an element named like HTML; anything else is a component. */
export function isHtmlElement(node: MdxJsxFlowElement | MdxJsxTextElement): boolean {
  return node.name === null || htmlElementName.test(node.name);
}

/** False for `{}` and `{/* a comment *\/}`, which run nothing. */
export function expressionHasCode(node: MdxFlowExpression | MdxTextExpression): boolean {
  const program = node.data?.estree;
  return program ? program.body.length > 0 : node.value.trim() !== '';
}

/** An iterative walk that stops at the first code: `visit` costs seconds on a large site. */
function containsCode(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (isMdxCode(node)) return true;
    if ('children' in node) stack.push(...node.children);
  }
  return false;
}

/**
 * Offset of the first line whose prefix opens more than `maxNesting` quotes and lists, or -1.
 * Found before parsing, because parsing such a line takes the parser seconds or its stack.
 */
function deeplyNestedLine(text: string): number {
  const longPrefix = /^[ \t>*+\-0-9.)]{64,}/gm;
  for (let match = longPrefix.exec(text); match; match = longPrefix.exec(text)) {
    const prefix = match[0];
    const quotes = prefix.split('>').length - 1;
    // Bullets and numbered items (`1. 1. 1.` nests lists as deeply as `- - -`).
    const markers = prefix.match(/(?:[*+-]|\d{1,9}[.)])[ \t]/g)?.length ?? 0;
    const indent = prefix.match(/ {4}|\t/g)?.length ?? 0;
    if (quotes + markers + indent > maxNesting) return match.index;
  }
  return -1;
}

/**
 * The first node deeper than `maxTreeDepth` (an iterative walk), or null. Deeper trees are
 * hostile, and every later stage that recurses (rendering, plain text) would overflow on them.
 */
function deeplyNestedNode(tree: Root): Node | null {
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > maxTreeDepth) return node;
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children) stack.push([child as Node, depth + 1]);
  }
  return null;
}

function maxBracketDepth(yamlText: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < yamlText.length; i++) {
    const char = yamlText.charCodeAt(i);
    if (char === 91 || char === 123) deepest = Math.max(deepest, ++depth);
    else if (char === 93 || char === 125) depth = Math.max(0, depth - 1);
  }
  const indent = yamlText.split('\n').reduce((most, line) => Math.max(most, line.length - line.trimStart().length), 0);
  return Math.max(deepest, Math.floor(indent / 2));
}
