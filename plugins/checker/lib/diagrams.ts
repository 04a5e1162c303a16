/**
 * The diagrams of one page: `::diagram` directives and `framework` blocks. Every problem is
 * reported at the exact place of the bad value, all of them in one walk, with the same
 * reference rules (drafts, audiences) as every other reference of the page.
 */
import type { Code } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import { closestMatch, diagramTypes, joinList, mayHoldDiagrams, type Page, parseFramework, ruleIds, type Span } from '../../playbook/index.ts';
import { type CheckContext, checkReferent } from './context.ts';
import { checkCompetencyId } from './frontmatter-references.ts';
import { checkRoleId } from './roles.ts';

/** "`ecosystem`, `pathway`, … or `levels`", as a message offers the types. */
const typeChoice = (types: readonly string[]) => joinList(types.map((type) => `\`${type}\``)).replace(/ and (`[^`]+`)$/, ' or $1');

/** Reports every invalid diagram of a page (unknown type, unknown `from`, bad framework YAML). */
export function checkDiagrams(context: CheckContext, page: Page): void {
  if (!mayHoldDiagrams(page.source.text)) return;
  visit(page.source.tree, (node) => {
    // A diagram is a block: the walk need not enter the lines of text, which are most of a tree.
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return SKIP;
    if (node.type === 'leafDirective' && node.name === 'diagram') checkDirective(context, node, page);
    if (node.type === 'code' && node.lang === 'framework') checkFramework(context, node, page);
    return undefined;
  });
}

function checkDirective(context: CheckContext, node: LeafDirective, page: Page): void {
  const { diagnostics } = context;
  const file = page.source.path;
  const type = node.attributes?.type;
  if (!type) {
    diagnostics.error(file, nodeSpan(node, page), ruleIds.invalidDiagram, `Diagram has no \`type\`; write \`::diagram{type="ecosystem"}\`, or use ${typeChoice(diagramTypes.slice(1))}.`);
    return;
  }
  if (!(diagramTypes as readonly string[]).includes(type)) {
    const suggestion = closestMatch(type, diagramTypes);
    const hint = suggestion ? `; did you mean \`${suggestion}\`?` : `; use ${typeChoice(diagramTypes)}.`;
    diagnostics.error(file, attributeSpan(node, page, 'type'), ruleIds.invalidDiagram, `Unknown diagram type \`${type}\`${hint}`, suggestion);
    return;
  }
  if (type === 'pathway') checkPathwayStart(context, node, page);
  if (type === 'route') checkNamed(context, node, page, 'role', 'Route diagram has no `role`; name the role it leads to, as in `::diagram{type="route" role="divisional-director"}`.');
  if (type === 'levels') checkNamed(context, node, page, 'competency', 'Levels diagram has no `competency`; name the competency whose levels it shows, as in `::diagram{type="levels" competency="strategic-foresight"}`.');
}

/** A route's role or a levels diagram's competency: checked as any reference of the page is. */
function checkNamed(context: CheckContext, node: LeafDirective, page: Page, attribute: 'role' | 'competency', missing: string): void {
  const id = node.attributes?.[attribute];
  if (!id) {
    context.diagnostics.error(page.source.path, nodeSpan(node, page), ruleIds.invalidDiagram, missing);
    return;
  }
  const span = attributeSpan(node, page, attribute);
  if (attribute === 'role') checkRoleId(context, page, id, span);
  else checkCompetencyId(context, page, id, span);
}

function checkPathwayStart(context: CheckContext, node: LeafDirective, page: Page): void {
  const file = page.source.path;
  const from = node.attributes?.from;
  if (!from) {
    context.diagnostics.error(file, nodeSpan(node, page), ruleIds.invalidDiagram, 'Pathway diagram has no `from`; name the page it goes through, as in `::diagram{type="pathway" from="internal/leadership-lab"}`.');
    return;
  }
  const start = context.index.page(from);
  const span = attributeSpan(node, page, 'from');
  if (!start) {
    const suggestion = closestMatch(from, context.edition.pages.keys());
    const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '; use the id of a page, its path under `playbook/` without extension.';
    context.diagnostics.error(file, span, ruleIds.unknownPage, `Pathway diagram names unknown page \`${from}\`${hint}`, suggestion);
    return;
  }
  checkReferent(context, page, start, span, pathwayReferenceWords);
}

/** How a pathway's start is named in the reference rules' messages. */
const pathwayReferenceWords = {
  draft: (target: { id: string }) => `Pathway diagram goes through \`${target.id}\`, which is a draft and is never published; publish it first, or draw the pathway of another page.`,
  notPublic: (from: { id: string }, target: { id: string }) => `Public page \`${from.id}\` draws the pathway of \`${target.id}\`, which is not public; make \`${target.id}\` public, or remove the diagram.`,
};

function checkFramework(context: CheckContext, node: Code, page: Page): void {
  const { problems } = parseFramework(node.value);
  if (!problems.length) return;
  const toFile = codeOffsets(node, page.source.text);
  for (const problem of problems) {
    const span = page.source.spanAt(toFile(problem.start), toFile(problem.end));
    context.diagnostics.error(page.source.path, span, ruleIds.badFrameworkYaml, problem.message, problem.suggestion);
  }
}

/**
 * Maps an offset in a code block's value to one in the file. The value starts on the line after
 * the opening fence; inside a list or block quote each line also loses its indent or `>`.
 */
function codeOffsets(node: Code, text: string): (offset: number) => number {
  const valueLines: { start: number; fileStart: number }[] = [];
  let fileLine = text.indexOf('\n', node.position?.start.offset ?? 0) + 1;
  let valueStart = 0;
  for (const line of node.value.split('\n')) {
    const fileEnd = text.indexOf('\n', fileLine);
    const source = text.slice(fileLine, fileEnd === -1 ? text.length : fileEnd).replace(/\r$/, '');
    const content = line.replace(/\r$/, '');
    const prefix = source.endsWith(content) ? source.length - content.length : 0;
    valueLines.push({ start: valueStart, fileStart: fileLine + prefix });
    valueStart += line.length + 1;
    fileLine = fileEnd === -1 ? text.length : fileEnd + 1;
  }
  return (offset) => {
    let line = valueLines[0]!;
    for (const candidate of valueLines) if (candidate.start <= offset) line = candidate;
    return line.fileStart + offset - line.start;
  };
}

function nodeSpan(node: LeafDirective, page: Page): Span {
  const start = node.position?.start.offset ?? 0;
  return page.source.spanAt(start, node.position?.end.offset ?? start);
}

/** The value of `name="…"` inside the directive's braces; the whole directive when not found. */
function attributeSpan(node: LeafDirective, page: Page, name: string): Span {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return nodeSpan(node, page);
  const source = page.source.text.slice(start, end);
  const braces = source.indexOf('{');
  const pattern = new RegExp(`(?:^|[\\s{])${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'}]+))`, 'g');
  pattern.lastIndex = Math.max(braces, 0);
  const match = pattern.exec(source);
  if (!match || braces === -1) return nodeSpan(node, page);
  const value = match[1] ?? match[2] ?? match[3] ?? '';
  const valueStart = start + match.index + match[0].length - value.length - (match[3] === undefined ? 1 : 0);
  return page.source.spanAt(valueStart, valueStart + value.length);
}
