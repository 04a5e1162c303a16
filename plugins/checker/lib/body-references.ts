/**
 * References in a body: `:competency[id]`, `:page[id]`, the URLs of links, images and link
 * definitions, what readers would miss of an image, and container directives that are no
 * callout. One walk per file over the tree load already parsed; the tree is only read, never
 * changed.
 */
import type { ImageReference, Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { Position } from 'unist';
import type {} from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { closestMatch, collectHeadings, didYouMean, editionPrefix, generatedSectionIds, htmlUrls, matchHeadingId, ruleIds, type Span } from '../../playbook/index.ts';
import { type CheckContext, checkReferent, type Entry } from './context.ts';
import { checkCompetencyId, checkPageId } from './frontmatter-references.ts';
import { checkCallout } from './callouts.ts';
import { checkAltText, checkExternalHost, checkImageFile } from './images.ts';
import { type LinkSource, type LinkTarget, resolveLink } from './links.ts';

export function checkBodyReferences(context: CheckContext, from: Entry): void {
  const stack: Nodes[] = [from.source.tree];
  const definitions = new Map<string, string>();
  const imageReferences: ImageReference[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'textDirective' && (node.name === 'competency' || node.name === 'page')) {
      checkInlineReference(context, from, node.name, toString(node).trim(), spanOf(from, node));
    } else if (node.type === 'link' || node.type === 'definition') {
      checkLink(context, from, node.url, 'Link', spanOf(from, node));
      if (node.type === 'definition') definitions.set(node.identifier, node.url);
    } else if (node.type === 'image') {
      checkLink(context, from, node.url, 'Image', spanOf(from, node));
      checkAltText(context, from, node.url, node.alt, spanOf(from, node));
    } else if (node.type === 'imageReference') {
      imageReferences.push(node);
    } else if (node.type === 'containerDirective') {
      checkCallout(context, from, node);
    } else if (node.type === 'html') {
      for (const url of htmlUrls(node, from.source.text)) checkHtmlUrl(context, from, url.tagName, url.url, url.alt, spanOfPosition(from, url.position));
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && jsxUrlAttributes[node.name]) {
      checkJsxUrl(context, from, node);
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  // `![Logo][logo]` is an image of its definition's URL, which the walk may meet after it.
  for (const reference of imageReferences) {
    const url = definitions.get(reference.identifier);
    if (url === undefined) continue;
    checkImageTarget(context, from, url, resolveLink(linkSource(context, from), url), spanOf(from, reference));
    checkAltText(context, from, url, reference.alt, spanOf(from, reference));
  }
}

/** What raw HTML links to is checked as Markdown's links and images are; frames from other hosts are the HTML policy's. */
function checkHtmlUrl(context: CheckContext, from: Entry, tagName: string, url: string, alt: string | null, span: Span): void {
  if (tagName === 'iframe' && /^(?:https?:)?\/\//i.test(url)) return;
  checkLink(context, from, url, tagName === 'img' ? 'Image' : 'Link', span);
  if (tagName === 'img') checkAltText(context, from, url, alt, span, true);
}

/** HTML written as JSX in `.mdx` (`<img src="./chart.png" />`), where the attribute is a plain string. */
const jsxUrlAttributes: Record<string, string> = { a: 'href', img: 'src', iframe: 'src' };

function checkJsxUrl(context: CheckContext, from: Entry, node: MdxJsxFlowElement | MdxJsxTextElement): void {
  const attributeOf = (name: string) => node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name);
  const url = attributeOf(jsxUrlAttributes[node.name!]!);
  if (typeof url?.value !== 'string') return;
  const alt = attributeOf('alt')?.value;
  checkHtmlUrl(context, from, node.name!, url.value, typeof alt === 'string' ? alt : null, spanOfPosition(from, url.position ?? node.position));
}

function linkSource(context: CheckContext, from: Entry): LinkSource {
  return { path: from.source.path, index: context.index, editions: context.editions };
}

/** What only an image needs of its target: another host the CSP allows, or a file that is a picture. */
function checkImageTarget(context: CheckContext, from: Entry, url: string, target: LinkTarget, span: Span): void {
  if (target.kind === 'external') checkExternalHost(context, from, url, 'images', span);
  if (target.kind === 'file') checkImageFile(context, from, url, target.contentPath, span);
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

/** `{{ site.baseurl }}/x`: the template-syntax rule reports the tag; the link cannot be judged. */
const templateTag = /\{\{|\{%/;

export function checkLink(context: CheckContext, from: Entry, url: string, kind: 'Link' | 'Image', span: Span): void {
  if (templateTag.test(url)) return;
  const target = resolveLink(linkSource(context, from), url);
  if (kind === 'Image') checkImageTarget(context, from, url, target, span);
  if (target.kind === 'broken') {
    reportBrokenLink(context, from, kind, url, target, span);
  } else if (target.kind === 'entry') {
    if (target.entry !== from) checkReferent(context, from, target.entry, span);
    if (target.anchor !== null) checkAnchor(context, from, target.entry, target.anchor, span);
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
    case 'folder-without-index':
      diagnostics.error(file, span, ruleIds.brokenPageLink, `${shown} names a folder that has no \`index.md\` page, which is what a link to a folder opens; add one, or link to a page inside the folder.`);
      return;
    default: {
      const advice = target.suggestion ? didYouMean(target.suggestion) : url.startsWith('/') ? '; link to a page as `/internal/leadership-lab/` or with a relative path to its file.' : '; check the file name and folder, or link to another page.';
      diagnostics.error(file, span, ruleIds.brokenPageLink, `${shown} names no page${advice}`, target.suggestion);
    }
  }
}

function checkAnchor(context: CheckContext, from: Entry, entry: Entry, anchor: string, span: Span): void {
  // A page that could not be parsed has no headings to match; its own error says so, once.
  if (!entry.source.bodyReadable) return;
  const ids = anchorIds(entry);
  // A page's link is written with the heading's own id, as GitHub matches anchors whatever their case.
  const found = entry.kind === 'page' ? matchHeadingId(entry.headings, anchor) !== null : ids.includes(anchor);
  if (anchor === 'top' || found) return;
  const suggestion = closestMatch(anchor, ids);
  const where = entry === from ? 'this page' : `${entry.kind} \`${entry.id}\``;
  const advice = suggestion ? `; did you mean \`#${suggestion}\`?` : `; link to one of the headings of ${where}, or leave the \`#\` part out.`;
  context.diagnostics.error(from.source.path, span, ruleIds.brokenAnchor, `Anchor \`#${anchor}\` names no heading of ${where}${advice}`, suggestion);
}

/** The ids an `#anchor` may name on the entry's page: its headings', and the sections a competency's or a role's page adds. */
function anchorIds(entry: Entry): string[] {
  if (entry.kind === 'page') return entry.headings.map((heading) => heading.slug);
  const sections = generatedSectionIds[entry.kind];
  return [...collectHeadings(entry.source.tree, sections).map((heading) => heading.slug), ...sections];
}

function spanOf(from: Entry, node: Nodes): Span {
  return spanOfPosition(from, node.position);
}

function spanOfPosition(from: Entry, position: Position | undefined): Span {
  if (!position) return from.source.spanAt(0, 0);
  return { line: position.start.line, column: position.start.column, endLine: position.end.line, endColumn: position.end.column };
}
