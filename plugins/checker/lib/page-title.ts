/**
 * A page shows its `title` as its one H1, so a body that starts with `# Title` (as every
 * GitHub handbook page does) is not shown twice: its H1 is left out of the page. When that
 * H1 says something else, the reader never sees it, so the author is told.
 */
import type { Nodes } from 'mdast';
import { headingText, ruleIds } from '../../playbook/index.ts';
import type { CheckContext, Entry } from './context.ts';

export function checkLeadingHeading(context: CheckContext, entry: Entry): void {
  const first = entry.source.tree.children.find((node: Nodes) => node.type !== 'yaml');
  if (first?.type !== 'heading' || first.depth !== 1 || !first.position) return;
  const field = entry.kind === 'page' ? 'title' : 'name';
  // A title the frontmatter lacks, or YAML could not read, is reported already; a stand-in is not compared.
  if (typeof entry.source.frontmatter?.get(field) !== 'string') return;
  const heading = normalise(headingText(first).text);
  const title = entry.kind === 'page' ? entry.title : entry.name;
  if (heading === normalise(title)) return;
  const { start, end } = first.position;
  context.diagnostics.warning(entry.source.path, { line: start.line, column: start.column, endLine: end.line, endColumn: end.column }, ruleIds.headingNotTitle, `Heading \`# ${heading}\` is not the page's ${field} \`${title}\`, which the page shows as its heading instead, so this heading is not shown; make the two the same, or remove the heading.`);
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
