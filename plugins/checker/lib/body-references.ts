/**
 * References in a body: `:competency[id]`, `:page[id]`, and the URLs of links, images and
 * link definitions. One walk per file over the tree load already parsed; the tree is only
 * read, never changed.
 */
import type { Nodes } from 'mdast';
import type {} from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { closestMatch, didYouMean, editionPrefix, ruleIds, type Span } from '../../playbook/index.ts';
import { type CheckContext, checkReferent, type Entry } from './context.ts';
import { checkCompetencyId, checkPageId } from './frontmatter-references.ts';
import { type LinkTarget, resolveLink } from './links.ts';

export function checkBodyReferences(context: CheckContext, from: Entry): void {
  const stack: Nodes[] = [from.source.tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'textDirective' && (node.name === 'competency' || node.name === 'page')) {
      checkInlineReference(context, from, node.name, toString(node).trim(), spanOf(from, node));
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      checkLink(context, from, node.url, node.type === 'image' ? 'Image' : 'Link', spanOf(from, node));
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

function checkLink(context: CheckContext, from: Entry, url: string, kind: 'Link' | 'Image', span: Span): void {
  const target = resolveLink({ path: from.source.path, index: context.index, editions: context.editions }, url);
  if (target.kind === 'broken') {
    reportBrokenLink(context, from, kind, url, target, span);
  } else if (target.kind === 'entry') {
    if (target.entry !== from) checkReferent(context, from, target.entry, span);
    if (target.anchor !== null && target.entry.kind === 'page') checkAnchor(context, from, target.entry, target.anchor, span);
  }
}

function reportBrokenLink(context: CheckContext, from: Entry, kind: 'Link' | 'Image', url: string, target: Extract<LinkTarget, { kind: 'broken' }>, span: Span): void {
  const file = from.source.path;
  const shown = `${kind} \`${url}\``;
  const { diagnostics } = context;
  switch (target.reason) {
    case 'outside':
      diagnostics.error(file, span, ruleIds.linkOutsideContent, `${shown} points outside \`${context.edition.folder}playbook/\`; link only to pages and files of this edition, and to other sites by their full \`https://\` address.`);
      return;
    case 'competency-file':
      diagnostics.error(file, span, ruleIds.linkOutsideContent, `${shown} points at a competency's file, which the site does not publish; write \`:competency[id]\` or link to \`/competencies/<id>/\` instead.`);
      return;
    case 'file-path':
      diagnostics.error(file, span, ruleIds.linkOutsideContent, `${shown} is a path on a computer, which readers of the site cannot open; link to a page with a relative path such as \`./leadership-lab.mdx\`.`);
      return;
    case 'malformed':
      diagnostics.error(file, span, ruleIds.brokenPageLink, `${shown} is not a valid address (a \`%\` must be followed by two hexadecimal digits); write \`%25\` for a percent sign.`);
      return;
    case 'unknown-edition': {
      const suggestion = target.suggestion && `/${editionPrefix({ isCurrent: false, label: target.suggestion })}`;
      const advice = suggestion ? `; did you mean \`${suggestion}\`?` : '; this playbook has no older editions.';
      diagnostics.error(file, span, ruleIds.brokenPageLink, `${shown} names no edition${advice}`, suggestion);
      return;
    }
    case 'not-generated': {
      const why = url.includes('/competencies/levels')
        ? 'the levels grid is written only when a competency has `levels`; add levels to a competency'
        : 'the roles and the plan builder are written only for an edition with roles; add a role in `roles/`';
      diagnostics.error(file, span, ruleIds.brokenPageLink, `${shown} names a page this edition does not have: ${why}, or remove the link.`);
      return;
    }
    case 'missing-file':
      diagnostics.error(file, span, ruleIds.brokenPageLink, `${shown} names no file; check the file name and folder.`);
      return;
    default: {
      const advice = target.suggestion ? didYouMean(target.suggestion) : url.startsWith('/') ? '; link to a page as `/internal/leadership-lab/` or with a relative path to its file.' : '; check the file name and folder, or link to another page.';
      diagnostics.error(file, span, ruleIds.brokenPageLink, `${shown} names no page${advice}`, target.suggestion);
    }
  }
}

function checkAnchor(context: CheckContext, from: Entry, page: Entry & { kind: 'page' }, anchor: string, span: Span): void {
  // A page that could not be parsed has no headings to match; its own error says so, once.
  if (!page.source.bodyReadable) return;
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
