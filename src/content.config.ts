// The one content collection: the pages whose `.mdx` really uses MDX (imports, exports, JSX or
// expressions), which @astrojs/mdx compiles. Every other page is rendered from the tree the
// checker already parsed, and frontmatter is read by the checker alone, so there is no
// collection of pages or competencies to load on every build.
import { defineCollection } from 'astro:content';
import { mdxFeaturePagesLoader } from '../plugins/astro-trellis/index.ts';
import { pageSchema } from '../plugins/playbook/index.ts';

export const collections = {
  mdxPages: defineCollection({ loader: mdxFeaturePagesLoader(), schema: pageSchema }),
};
