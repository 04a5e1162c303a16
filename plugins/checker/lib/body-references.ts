/**
 * References in a body: `:competency[id]`, `:page[id]`, and the URLs of links, images and
 * link definitions. One walk per file over the tree load already parsed; the tree is only
 * read, never changed.
 */
import type { Nodes } from 'mdast';
import type {} from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { didYouMean, ruleIds, type Span } from '../../playbook/index.ts';
import { type CheckContext, checkReferent, type Entry } from './context.ts';
import { checkCompetencyId, checkPageId } from './frontmatter-references.ts';
import { type LinkTarget, resolveLink } from './links.ts';
import { closestMatch } from '../../playbook/index.ts';

export function checkBodyReferences(context: CheckContext, from: Entry): void {
  const stack: Nodes[] = [from.source.tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'textDirective' && (node.name === 'competency' || node.name === 'page')) {
      checkInlineReference(context, from, node.name, toString(node).trim(), spanOf(from, node));
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      checkLink(context, from, node.url, spanOf(from, node));
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

function checkInlineReference(context: CheckContext, from: Entry, name: 'competency' | 'page', id: string, span: Span): void {
  if (id === '') {
    const example = name === 'competency' ? ':competency[risk-judgement]' : ':page[internal/leadership-lab]';
    const rule = name === 'competency' ? ruleIds.unknownCompetency : ruleIds.unknownPage;
    context.diagnostics.error(from.source.path, span, rule, `Reference \`:${name}\` names no ${name}; write its id in the brackets, such as \`${example}\`.`);
    return;
  }
  if (name === 'competency') checkCompetencyId(context, from, id, span);
  else checkPageId(context, from, id, span);
}

function checkLink(context: CheckContext, from: Entry, url: string, span: Span): void {
  const target = resolveLink({ path: from.source.path, index: context.index, editions: context.editions }, url);
  if (target.kind === 'broken') {
    reportBrokenLink(context, from, url, target, span);
  } else if (target.kind === 'entry') {
    if (target.entry !== from) checkReferent(context, from, target.entry, span);
    if (target.anchor !== null && target.entry.kind === 'page') checkAnchor(context, from, target.entry, target.anchor, span);
  }
}

function reportBrokenLink(context: CheckContext, from: Entry, url: string, target: Extract<LinkTarget, { kind: 'broken' }>, span: Span): void {
  const { diagnostics } = context;
  const shown = `\`${url}\``;
  if (target.reason === 'outside') {
    const playbook = `${context.edition.folder}playbook/`;
    diagnostics.error(from.source.path, span, ruleIds.linkOutsideContent, `Link ${shown} points outside \`${playbook}\`; link only to pages and files of this edition, and to other sites by their full \`https://\` address.`);
  } else if (target.reason === 'file-path') {
    diagnostics.error(from.source.path, span, ruleIds.linkOutsideContent, `Link ${shown} is a path on a computer, which readers of the site cannot open; link to a page with a relative path such as \`./leadership-lab.mdx\`.`);
  } else {
    const advice = target.suggestion ? didYouMean(target.suggestion) : url.startsWith('/') ? '; link to a page as `/internal/leadership-lab/` or with a relative path to its file.' : '; check the file name and folder, or link to another page.';
    diagnostics.error(from.source.path, span, ruleIds.brokenPageLink, `Link ${shown} names no page${advice}`, target.suggestion);
  }
}

function checkAnchor(context: CheckContext, from: Entry, page: Entry & { kind: 'page' }, anchor: string, span: Span): void {
  if (anchor === 'top' || page.headings.some((heading) => heading.slug === anchor)) return;
  const suggestion = closestMatch(anchor, page.headings.map((heading) => heading.slug));
  const where = page === from ? 'this page' : `page \`${page.id}\``;
  const advice = suggestion ? `; did you mean \`#${suggestion}\`?` : `; link to one of the headings of ${where}, or leave the \`#\` part out.`;
  context.diagnostics.error(from.source.path, span, ruleIds.brokenAnchor, `Anchor \`#${anchor}\` names no heading of ${where}${advice}`, suggestion);
}

function spanOf(from: Entry, node: Nodes): Span {
  const position = node.position;
  if (!position) return from.source.spanAt(0, 0);
  return { line: position.start.line, column: position.start.column, endLine: position.end.line, endColumn: position.end.column };
}
