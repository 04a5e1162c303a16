/**
 * The remark plugins that turn the playbook's syntax into HTML-ready trees, in order: the
 * context plugin (for pages Astro compiles itself), references, diagrams. The page renderer and
 * Astro's Markdown processor both take this one list, so every page renders the same way.
 */
import type { PluggableList } from 'unified';
import { remarkDiagrams } from '../../remark-diagrams/index.ts';
import { remarkPlaybookRefs } from '../../remark-playbook-refs/index.ts';
import { remarkTrellisContext } from './remark-trellis-context.ts';

/** @param fonts the font files the site serves, which diagram labels are measured with */
export function contentPlugins(fonts: readonly string[]): PluggableList {
  return [remarkTrellisContext, remarkPlaybookRefs, [remarkDiagrams, { fonts }]];
}
