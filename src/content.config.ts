// The content collections. `mdxPages`: when the site trusts its MDX (`mdx: 'trusted'`), the
// pages whose `.mdx` holds code, which @astrojs/mdx compiles; every other page is rendered from
// the tree the checker already parsed, and Astro never reads a page's frontmatter its own way.
// `pages`, `competencies` and `roles` serve the editor alone: their JSON Schemas give VS Code's Astro
// extension autocomplete for every field, every enum and the playbook's own ids. `astro dev`
// and `astro sync` fill them; a build leaves them empty.
import { defineCollection } from 'astro:content';
import { editorCollections, mdxFeaturePagesLoader } from '../plugins/astro-trellis/collections.ts';

const editor = editorCollections();

export const collections = {
  mdxPages: defineCollection({ loader: mdxFeaturePagesLoader() }),
  pages: defineCollection(editor.pages),
  competencies: defineCollection(editor.competencies),
  roles: defineCollection(editor.roles),
};
