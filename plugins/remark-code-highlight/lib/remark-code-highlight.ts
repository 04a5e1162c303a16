/**
 * Fenced code blocks are highlighted when the site is built, by Shiki (the highlighter Astro
 * itself uses), so readers get coloured code with no JavaScript. The pages'
 * Content-Security-Policy forbids `style=` attributes, so instead of Shiki's inline colours
 * each token gets a class naming its role (`tok-keyword`, `tok-string`): Shiki reads the code
 * with GitHub's light theme, whose few colours each stand for one role, and the site's
 * stylesheet gives every role a colour in the light and the dark theme alike.
 */
import type { Element, ElementContent } from 'hast';
import type { Code, Nodes, Root } from 'mdast';
import { type BundledLanguage, bundledLanguages, createHighlighter, type Highlighter, type ThemedToken } from 'shiki';

/** GitHub's light theme's colours (lowercase) → the role each stands for; its text colour has none. */
export const codeRoles: Readonly<Record<string, string>> = {
  '#6a737d': 'comment',
  '#005cc5': 'constant',
  '#6f42c1': 'entity',
  '#22863a': 'tag',
  '#d73a49': 'keyword',
  '#032f62': 'string',
  '#e36209': 'variable',
  '#b31d28': 'invalid',
  '#586069': 'muted',
};
const theme = 'github-light';
/** Shiki's font-style flags. */
const italic = 1;
const bold = 2;
const underline = 4;

/** One highlighter for the whole build, made when the first code block needs it. */
let highlighter: Promise<Highlighter> | undefined;

export function remarkCodeHighlight() {
  return async function highlightCode(tree: Root): Promise<void> {
    const blocks = codeBlocks(tree);
    if (!blocks.length) return;
    highlighter ??= createHighlighter({ themes: [theme], langs: [] });
    const shiki = await highlighter;
    for (const node of blocks) {
      const lang = node.lang!.toLowerCase() as BundledLanguage;
      if (!shiki.getLoadedLanguages().includes(lang)) await shiki.loadLanguage(lang);
      // No time limit per line: on a busy machine Shiki would otherwise give up half-way
      // through a line, and the same page would be highlighted differently from build to build.
      const lines = shiki.codeToTokensBase(node.value, { lang, theme, tokenizeTimeLimit: 0 });
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: [`language-${node.lang}`, 'highlighted'] }, hChildren: lines.flatMap((line, index) => (index === 0 ? [lineElement(line)] : [{ type: 'text' as const, value: '\n' }, lineElement(line)])) };
    }
  };
}

/** The code blocks of a language Shiki knows; others (and `framework`, drawn as a diagram) stay plain. */
function codeBlocks(tree: Root): Code[] {
  const found: Code[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'code' && node.lang && Object.hasOwn(bundledLanguages, node.lang.toLowerCase())) found.push(node);
    else if ('children' in node) stack.push(...node.children);
  }
  return found;
}

function lineElement(tokens: ThemedToken[]): Element {
  const children: ElementContent[] = [];
  let previous: { classes: string; element: Element } | undefined;
  for (const token of tokens) {
    const classes = tokenClasses(token);
    if (!classes) {
      children.push({ type: 'text', value: token.content });
      previous = undefined;
    } else if (previous?.classes === classes) {
      (previous.element.children[0] as { value: string }).value += token.content;
    } else {
      previous = { classes, element: { type: 'element', tagName: 'span', properties: { className: classes.split(' ') }, children: [{ type: 'text', value: token.content }] } };
      children.push(previous.element);
    }
  }
  return { type: 'element', tagName: 'span', properties: { className: ['line'] }, children };
}

function tokenClasses(token: ThemedToken): string {
  const classes: string[] = [];
  const role = token.color ? codeRoles[token.color.toLowerCase()] : undefined;
  if (role) classes.push(`tok-${role}`);
  const style = token.fontStyle ?? 0;
  if (style > 0 && style & italic) classes.push('tok-italic');
  if (style > 0 && style & bold) classes.push('tok-bold');
  if (style > 0 && style & underline) classes.push('tok-underline');
  return classes.join(' ');
}
