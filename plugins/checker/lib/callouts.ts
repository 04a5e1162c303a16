/**
 * Container directives (`:::warning[Title]`) are callouts, and only the five kinds of
 * `calloutKinds` are: any other name would be shown as a plain box with nothing to say what it
 * is, so it is an error with the closest kind.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import { calloutKinds, closestMatch, ruleIds } from '../../playbook/index.ts';
import type { CheckContext, Entry } from './context.ts';

export function checkCallout(context: CheckContext, from: Entry, node: ContainerDirective): void {
  if ((calloutKinds as readonly string[]).includes(node.name)) return;
  const start = node.position?.start;
  if (!start) return;
  // The opening `:::name`, not the whole block, which may run to the end of the page.
  const span = { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + 3 + node.name.length };
  const suggestion = closestMatch(node.name.toLowerCase(), calloutKinds);
  const kinds = calloutKinds.map((kind) => `\`${kind}\``).join(', ');
  const advice = suggestion ? `did you mean \`:::${suggestion}\`?` : 'use one of them, or write the text without `:::`.';
  context.diagnostics.error(from.source.path, span, ruleIds.unknownCallout, `Container \`:::${node.name}\` is not one of the callouts ${kinds}; ${advice}`, suggestion);
}
