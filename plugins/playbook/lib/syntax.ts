/**
 * The playbook's Markdown syntax as one unified preset: GitHub-flavoured Markdown plus
 * directives (`:competency[id]`, `::diagram{…}`). The checker's parser, the page renderer and
 * Astro's own Markdown and MDX processor all use this list, so they can never disagree about
 * what a line of a page means. Frontmatter is not part of it: only the checker reads whole
 * files; Astro strips frontmatter before its processor runs.
 */
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import type { Preset } from 'unified';

export const playbookSyntax = { plugins: [remarkGfm, remarkDirective] } satisfies Preset;

/** The `type` values of `::diagram{type="…"}`. */
export const diagramTypes = ['ecosystem', 'pathway', 'coverage', 'route', 'levels'] as const;
