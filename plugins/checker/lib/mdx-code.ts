/**
 * Code in `.mdx` files. By default a page is text: its imports, exports, expressions and
 * components are errors, so nothing in a pull request runs on the build machine, and HTML
 * written as JSX (`<details>`) is rendered like raw HTML. When the site trusts its MDX
 * (`mdx: 'trusted'`), a page's code runs when it is built, within three limits: an import
 * stays in the content folder, an imported page obeys the audience rules as a reference does,
 * and no page replaces its layout with `export default`. Competencies and layer introductions
 * are never compiled as MDX, so they stay text in either mode.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement, MdxjsEsm } from 'mdast-util-mdx';
import { expressionHasCode, isHtmlElement, joinList, ruleIds, type Span } from '../../playbook/index.ts';
import { type CheckContext, checkReferent, type Entry, type ReferenceWords } from './context.ts';
import { isLayer } from './edition-index.ts';
import { existsInside } from './links.ts';

type Program = NonNullable<NonNullable<MdxjsEsm['data']>['estree']>;
type Statement = Program['body'][number];
type Pattern = Extract<Statement, { type: 'VariableDeclaration' }>['declarations'][number]['id'];
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** What Vite tries after an import without an extension. */
const viteExtensions = ['.mjs', '.js', '.mts', '.ts', '.jsx', '.tsx', '.json'];
const longestShownCode = 40;

const importWords: ReferenceWords = {
  draft: (target) => `Page \`${target.id}\` is a draft and will not be published, but this import would publish its text; publish it (remove \`status: draft\`) or remove this import.`,
  notPublic: (from, target) =>
    `Public ${from.kind} \`${from.id}\` imports ${target.kind} \`${target.id}\`, which is not public: its text would reach a public build; make \`${target.id}\` public (\`visibility: public\`) or remove this import.`,
};

export function checkMdxCode(context: CheckContext, entry: Entry): void {
  if (!entry.source.isMdx) return;
  const trusted = context.mdx === 'trusted' && isCompiledByMdx(entry);
  const defined = trusted ? definedNames(entry.source.tree) : new Set<string>();
  const stack: Nodes[] = [entry.source.tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'mdxjsEsm') {
      checkEsm(context, entry, node, trusted);
    } else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !trusted && expressionHasCode(node)) {
      report(context, entry, spanOf(entry, node), `${noCode(context, entry)}: \`{${shortened(node.value)}}\` is an expression; write \`\\{\` for a literal brace, or rename the file to \`.md\`.`);
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (trusted) checkComponentDefined(context, entry, node, defined);
      else checkElement(context, entry, node);
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** Pages have their own route, which renders them with @astrojs/mdx when they hold code. */
function isCompiledByMdx(entry: Entry): boolean {
  return entry.kind === 'page' && !isLayer(entry.id);
}

function noCode(context: CheckContext, entry: Entry): string {
  if (context.mdx === 'safe') return '`.mdx` pages may not run code';
  if (entry.kind === 'page') return "A layer's introduction is never compiled as MDX, so it may not run code";
  return `A ${entry.kind} is never compiled as MDX, so it may not run code`;
}

function checkEsm(context: CheckContext, entry: Entry, node: MdxjsEsm, trusted: boolean): void {
  const program = node.data?.estree;
  if (!program) {
    // The parser always attaches the program; without it nothing here could tell what runs.
    report(context, entry, spanOf(entry, node), `${noCode(context, entry)}: remove this \`import\` or \`export\`.`);
    return;
  }
  for (const statement of program.body) {
    const span = statement.range ? entry.source.spanAt(statement.range[0], statement.range[1]) : spanOf(entry, node);
    const source = 'source' in statement && statement.source ? String(statement.source.value) : null;
    if (isDefaultExport(statement)) report(context, entry, span, '`export default` would replace the layout Trellis gives every page; remove it.');
    else if (trusted) {
      if (source !== null) checkImportSource(context, entry, source, span);
    } else if (source !== null) {
      const advice = /\.mdx?$/.test(withoutQuery(source)) ? 'link to the page with `:page[id]` or a relative link instead' : 'write what it provides in Markdown instead';
      report(context, entry, span, `${noCode(context, entry)}: remove this \`${statement.type === 'ImportDeclaration' ? 'import' : 'export'}\` of \`${source}\`; ${advice}.`);
    } else {
      const names = exportedNames(statement).map((name) => `\`${name}\``);
      report(context, entry, span, `${noCode(context, entry)}: remove this \`export\`${names.length ? ` of ${joinList(names)}` : ''}; write its value in the text instead.`);
    }
  }
}

function isDefaultExport(statement: Statement): boolean {
  if (statement.type === 'ExportDefaultDeclaration') return true;
  if (statement.type !== 'ExportNamedDeclaration') return false;
  return statement.specifiers.some((specifier) => (specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value) === 'default');
}

/**
 * Trusted code may import packages by name, and files of the content folder by a relative
 * path; an imported page or competency is published with the page, so it must be in its build.
 */
function checkImportSource(context: CheckContext, from: Entry, source: string, span: Span): void {
  const specifier = withoutQuery(source);
  const isPath = /^\.{1,2}(\/|$)/.test(specifier);
  if (!isPath && !specifier.startsWith('/') && !/^(file:|[a-z]:[\\/]|\\\\)/i.test(specifier)) return;
  const contentDir = context.index.contentDir;
  const target = isPath ? path.resolve(contentDir, path.posix.dirname(from.source.path), specifier) : specifier.startsWith('file:') ? safeFilePath(specifier) : null;
  const relative = target === null ? null : path.relative(contentDir, target).split(path.sep).join('/');
  if (relative === null || relative === '' || relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) {
    report(context, from, span, `Import \`${source}\` points outside the content folder; even trusted MDX may import only files in the content folder, by a relative path, and packages by name.`);
    return;
  }
  const candidates = path.posix.extname(relative) ? [relative] : [relative, ...viteExtensions.map((extension) => `${relative}${extension}`)];
  const found = candidates.find((candidate) => existsInside(contentDir, candidate));
  if (!found) {
    report(context, from, span, `Import \`${source}\` names no file; check the file name and folder.`);
    return;
  }
  for (const index of context.editions.values()) {
    const imported = index.entryAtPath(found);
    if (imported) checkReferent(context, from, imported, span, importWords);
  }
}

function safeFilePath(url: string): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

/** `./page.mdx?raw` imports the file `./page.mdx`. */
function withoutQuery(specifier: string): string {
  return specifier.replace(/[?#].*$/, '');
}

function checkComponentDefined(context: CheckContext, entry: Entry, node: JsxElement, defined: ReadonlySet<string>): void {
  if (isHtmlElement(node)) return;
  const root = node.name!.split(/[.:]/)[0]!;
  if (defined.has(root)) return;
  report(context, entry, spanOf(entry, node), `Component \`${node.name}\` is neither imported nor defined on this page; import it, or write this part in Markdown or in HTML with lowercase tags.`);
}

function checkElement(context: CheckContext, entry: Entry, node: JsxElement): void {
  if (!isHtmlElement(node)) {
    report(context, entry, spanOf(entry, node), `Trellis provides no component \`${node.name}\`; write this part in Markdown, or in HTML with lowercase tags such as \`<details>\`.`);
    return;
  }
  const element = `\`<${node.name ?? ''}>\``;
  for (const attribute of node.attributes) {
    const span = attribute.position ? spanOf(entry, attribute) : spanOf(entry, node);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(context, entry, span, `${noCode(context, entry)}: \`{${shortened(attribute.value)}}\` in ${element} is an expression; write each attribute with its value in quotes.`);
    } else if (attribute.value !== null && typeof attribute.value === 'object') {
      report(context, entry, span, `${noCode(context, entry)}: the value of \`${attribute.name}\` in ${element} is an expression; write it in quotes, as \`${attribute.name}="…"\`.`);
    }
  }
}

/** Names a page's own code brings into scope: imports and exported declarations. */
function definedNames(tree: Nodes): Set<string> {
  const names = new Set<string>();
  if (!('children' in tree)) return names;
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    for (const statement of node.data?.estree?.body ?? []) {
      if (statement.type === 'ImportDeclaration') for (const specifier of statement.specifiers) names.add(specifier.local.name);
      if (statement.type !== 'ExportNamedDeclaration' || !statement.declaration) continue;
      const declaration = statement.declaration;
      if (declaration.type === 'VariableDeclaration') for (const declarator of declaration.declarations) addPatternNames(declarator.id, names);
      else if (declaration.id) names.add(declaration.id.name);
    }
  }
  return names;
}

function exportedNames(statement: Statement): string[] {
  if (statement.type !== 'ExportNamedDeclaration') return [];
  const names = new Set<string>();
  const declaration = statement.declaration;
  if (declaration?.type === 'VariableDeclaration') for (const declarator of declaration.declarations) addPatternNames(declarator.id, names);
  else if (declaration?.id) names.add(declaration.id.name);
  for (const specifier of statement.specifiers) names.add(specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value));
  return [...names];
}

function addPatternNames(pattern: Pattern | null, names: Set<string>): void {
  if (!pattern) return;
  if (pattern.type === 'Identifier') names.add(pattern.name);
  else if (pattern.type === 'ObjectPattern') for (const property of pattern.properties) addPatternNames(property.type === 'RestElement' ? property.argument : property.value, names);
  else if (pattern.type === 'ArrayPattern') for (const element of pattern.elements) addPatternNames(element, names);
  else if (pattern.type === 'RestElement') addPatternNames(pattern.argument, names);
  else if (pattern.type === 'AssignmentPattern') addPatternNames(pattern.left, names);
}

/** Code on one line, cut short: a message shows where the code is, not all of it. */
function shortened(code: string): string {
  const line = code.replace(/\s+/g, ' ').trim();
  return line.length > longestShownCode ? `${line.slice(0, longestShownCode - 1)}…` : line;
}

function report(context: CheckContext, entry: Entry, span: Span, message: string): void {
  context.diagnostics.error(entry.source.path, span, ruleIds.mdxCode, message);
}

function spanOf(entry: Entry, node: { position?: Nodes['position'] }): Span {
  const position = node.position;
  if (!position) return entry.source.spanAt(0, 0);
  return { line: position.start.line, column: position.start.column, endLine: position.end.line, endColumn: position.end.column };
}
