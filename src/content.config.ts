// The one content collection: when the site trusts its MDX (`mdx: 'trusted'`), the pages
// whose `.mdx` holds code (imports, exports, expressions, components), which @astrojs/mdx
// compiles. Every other page is rendered from the tree the checker already parsed. Its entries'
// data is the frontmatter the checker read and validated, so there is no schema here: Astro
// never reads a page's frontmatter a second time, its own way.
import { defineCollection } from 'astro:content';
import { mdxFeaturePagesLoader } from '../plugins/astro-trellis/index.ts';

export const collections = {
  mdxPages: defineCollection({ loader: mdxFeaturePagesLoader() }),
};
