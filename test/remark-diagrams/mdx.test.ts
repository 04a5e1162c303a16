// If this breaks, diagrams vanish or the build fails on pages that Astro compiles with
// @astrojs/mdx (pages with imports or components), while plain pages still show them.
import { compile } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkDiagrams } from '../../plugins/remark-diagrams/index.ts';
import { diagramFonts, fixtureContent, loadSite } from './helpers.ts';

const site = loadSite(fixtureContent('small'));

describe('through the MDX compiler', () => {
  it('turns the figure node into JSX with the SVG, its accessible names and its links', async () => {
    const setContext = () => (_tree: unknown, file: VFile) => void (file.data.trellis = { site, entry: site.page('index')! });
    const source = 'export const note = 1\n\n::diagram{type="ecosystem"}\n\n```framework\nnodes: [{ id: a, label: A }, { id: b, label: B }]\nedges: [{ from: a, to: b, label: then }]\n```\n';
    const output = String(await compile(source, { remarkPlugins: [remarkDirective, setContext, [remarkDiagrams, { fonts: diagramFonts }]] }));
    expect(output).toContain('"aria-labelledby": "diagram-ecosystem-title"');
    expect(output).toContain('viewBox: "0 0 ');
    expect(output).toContain('href: "/internal/leadership-lab/"');
    expect(output).toContain('children: "then"');
    expect(output).not.toContain('language-framework');
  });
});
