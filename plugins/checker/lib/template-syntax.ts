/**
 * Handbooks moved from another site generator keep its template syntax: Liquid and Nunjucks
 * tags (`{% include footer.html %}`), variables (`{{ site.title }}`), comments (`{# … #}`) and
 * Hugo shortcodes (`{{< youtube … >}}`). Trellis runs none of them, so each is shown to readers
 * exactly as typed: a warning at its place says what to write instead. Code is left alone, so
 * a page may still show template syntax on purpose, in backticks.
 */
import type { Nodes } from 'mdast';
import { ruleIds } from '../../playbook/index.ts';
import type { CheckContext, Entry } from './context.ts';

/** Each kind of tag, in the order they are tried; none runs over a blank line. */
const tagPattern = /\{\{[<%](?:(?!\n[ \t]*\n)[\s\S])*?[>%]\}\}|\{%(?:(?!\n[ \t]*\n)[\s\S])*?%\}|\{\{(?:(?!\n[ \t]*\n)[\s\S])*?\}\}|\{#(?:(?!\n[ \t]*\n)[\s\S])*?#\}/g;
const codeTypes = new Set(['code', 'inlineCode', 'yaml', 'math', 'inlineMath']);

export function checkTemplateSyntax(context: CheckContext, entry: Entry): void {
  const { source } = entry;
  // In `.mdx`, braces are expressions, which the MDX rules already report.
  if (source.isMdx || !/\{[{%#]/.test(source.text)) return;
  const code = codeRanges(entry);
  const start = source.tree.children.find((node) => node.type === 'yaml')?.position?.end.offset ?? 0;
  tagPattern.lastIndex = start;
  for (let match = tagPattern.exec(source.text); match; match = tagPattern.exec(source.text)) {
    const end = match.index + match[0].length;
    if (code.some(([from, to]) => match!.index < to && end > from)) continue;
    context.diagnostics.warning(source.path, source.spanAt(match.index, end), ruleIds.templateSyntax, message(match[0]));
  }
}

function message(tag: string): string {
  const shown = `\`${shorten(tag)}\``;
  const asWritten = 'is shown to readers as written: Trellis does not run the templates of other site generators';
  if (/^\{\{[<%]/.test(tag)) return `Hugo shortcode ${shown} ${asWritten}; write what it stood for in Markdown (a link, an image, a callout), or remove it.`;
  if (tag.startsWith('{%')) return `Template tag ${shown} (Liquid, Jekyll or Nunjucks) ${asWritten}; write out what it stood for (for an include, the included text), or remove it.`;
  if (tag.startsWith('{#')) return `Template comment ${shown} ${asWritten}; remove it, or make it an HTML comment \`<!-- … -->\`.`;
  return `Template variable ${shown} ${asWritten}; write its value instead, or remove it.`;
}

/** The first line of a tag, cut at 60 characters. */
function shorten(tag: string): string {
  const line = tag.split('\n')[0]!;
  return line === tag && line.length <= 60 ? tag : `${line.slice(0, 57)}…`;
}

/** Offsets of the code in a body, where template syntax is shown on purpose. */
function codeRanges(entry: Entry): [number, number][] {
  const ranges: [number, number][] = [];
  const stack: Nodes[] = [entry.source.tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (codeTypes.has(node.type)) {
      const { start, end } = node.position ?? {};
      if (start?.offset !== undefined && end?.offset !== undefined) ranges.push([start.offset, end.offset]);
    } else if ('children' in node) {
      stack.push(...node.children);
    }
  }
  return ranges;
}
