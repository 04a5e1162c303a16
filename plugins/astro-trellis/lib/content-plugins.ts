/**
 * The remark plugins that turn the playbook's syntax into HTML-ready trees, in order: the
 * context plugin (for pages Astro compiles itself), heading ids (before anything replaces
 * nodes), references, diagrams, callouts, the files pages use, code highlighting. The page
 * renderer and Astro's Markdown processor both take this one list, so every page renders the
 * same way.
 */
import type { PluggableList } from 'unified';
import { remarkAssets } from '../../remark-assets/index.ts';
import { remarkCallouts } from '../../remark-callouts/index.ts';
import { remarkCodeHighlight } from '../../remark-code-highlight/index.ts';
import { remarkDiagrams } from '../../remark-diagrams/index.ts';
import { remarkHeadings } from '../../remark-headings/index.ts';
import { remarkPlaybookRefs } from '../../remark-playbook-refs/index.ts';
import { remarkTrellisContext } from './remark-trellis-context.ts';

export interface ContentPluginOptions {
  /** The font files the site serves, which diagram labels are measured with. */
  fonts: readonly string[];
  /** The content folder, where the images and files pages use are read. */
  contentDir: string;
  /** Smaller copies of large photos are offered in a build, not by the dev server. */
  responsive: boolean;
}

export function contentPlugins(options: ContentPluginOptions): PluggableList {
  return [
    remarkTrellisContext,
    remarkHeadings,
    remarkPlaybookRefs,
    [remarkDiagrams, { fonts: options.fonts }],
    remarkCallouts,
    [remarkAssets, { contentDir: options.contentDir, responsive: options.responsive }],
    remarkCodeHighlight,
  ];
}
