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

/**
 * The kinds of callout, as GitHub's `> [!NOTE]` and as container directives (`:::warning[Title]`).
 * These, `:competency`, `:page` and `::diagram` are the only directives: any other text or leaf
 * directive (`:1s` in `1:1s`, `:30` in `10:30`) is text, as the author wrote it.
 */
export const calloutKinds = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutKind = (typeof calloutKinds)[number];
export const textDirectiveNames: readonly string[] = ['competency', 'page'];
export const leafDirectiveNames: readonly string[] = ['diagram'];

/** The `type` values of `::diagram{type="…"}`. */
export const diagramTypes = ['ecosystem', 'pathway', 'coverage', 'route', 'levels'] as const;

/**
 * Whether a text may hold a diagram. Both forms are spelt out in it: `::diagram`, and a fence
 * whose language is `framework`; a text with neither holds none, and needs no walk for them.
 */
export function mayHoldDiagrams(text: string): boolean {
  return text.includes('::diagram') || /(?:`{3}|~{3})[ \t]*framework/.test(text);
}
