/**
 * Warns about everything the page's sanitiser removes from what the author wrote: elements and
 * attributes of raw HTML (and of HTML written as JSX in `.mdx`), and link or image URLs that
 * could run code. The decisions are the
 * core's (`unsafeAuthorHtml`), the very ones the renderer applies, so a warning here is always
 * something missing from the published page, and nothing is removed without one.
 */
import type { Position } from 'unist';
import type { Schema } from 'hast-util-sanitize';
import { defaultHtmlPolicy, fileStart, htmlPolicy, ruleIds, type Span, unsafeAuthorHtml } from '../../playbook/index.ts';
import type { CheckContext, Entry } from './context.ts';

export function checkUnsafeHtml(context: CheckContext, entry: Entry): void {
  const compiledByMdx = context.mdx === 'trusted' && entry.kind === 'page' && entry.source.usesMdxFeatures;
  const removals = unsafeAuthorHtml(entry.source.tree, { compiledByMdx, schema: policyFor(context.allow.frames) });
  if (!removals.length) return;
  // A link the link rules already refuse (`file:///…`, `C:\…`) is one problem, and its error
  // says what to do: it is not warned about a second time.
  const file = entry.source.path;
  const refused = new Set(context.diagnostics.items.filter((item) => item.file === file && item.severity === 'error').map(spanKey));
  for (const removal of removals) {
    const span = spanOf(removal.position);
    if (!refused.has(spanKey(span))) context.diagnostics.warning(file, span, ruleIds.unsafeHtml, removal.message);
  }
}

const policies = new Map<string, Schema>();

/** The policy pages are published with: frames from the hosts the site allows. */
function policyFor(frameHosts: readonly string[]): Schema {
  const key = frameHosts.join(' ');
  if (!policies.has(key)) policies.set(key, frameHosts.length ? htmlPolicy({ frameHosts }) : defaultHtmlPolicy);
  return policies.get(key)!;
}

function spanOf(position: Position | undefined): Span {
  if (!position) return fileStart;
  return { line: position.start.line, column: position.start.column, endLine: position.end.line, endColumn: position.end.column };
}

function spanKey(span: Span): string {
  return `${span.line}:${span.column}-${span.endLine}:${span.endColumn}`;
}
