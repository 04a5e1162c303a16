// The playbook's content collections. Entries come from the checked playbook (see
// plugins/astro-trellis/lib/content-loader.ts) and are validated by the same Zod schemas
// as `npm run check` uses, so every field, enum and default of the format is typed here.
// `mdxPages` holds only the pages that use MDX features, which @astrojs/mdx compiles.
import { defineCollection } from 'astro:content';
import { mdxFeaturePagesLoader, playbookLoader } from '../plugins/astro-trellis/index.ts';
import { competencySchema, pageSchema } from '../plugins/playbook/index.ts';

export const collections = {
  competencies: defineCollection({ loader: playbookLoader('competencies'), schema: competencySchema }),
  pages: defineCollection({ loader: playbookLoader('pages'), schema: pageSchema }),
  mdxPages: defineCollection({ loader: mdxFeaturePagesLoader(), schema: pageSchema }),
};
