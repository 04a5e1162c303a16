// @ts-check
// Trellis: the playbook in PLAYBOOK_CONTENT (default ./content) built into PLAYBOOK_OUT
// (default ./dist). See README.md, "Configuration".
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkDirective from 'remark-directive';
import trellis from './plugins/astro-trellis/index.ts';
import { remarkTrellisContext } from './plugins/astro-trellis/lib/remark-trellis-context.ts';
import { remarkDiagrams } from './plugins/remark-diagrams/index.ts';
import { remarkPlaybookRefs } from './plugins/remark-playbook-refs/index.ts';

export default defineConfig({
  site: process.env.PLAYBOOK_SITE || 'https://playbook.example.org',
  base: process.env.PLAYBOOK_BASE || '/',
  trailingSlash: 'always',
  // Tests give each build its own cache so that builds never share state.
  cacheDir: process.env.PLAYBOOK_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Scripts and styles stay external files, so the Content-Security-Policy needs no 'unsafe-inline'.
  vite: { build: { assetsInlineLimit: 0 } },
  // Astro 7's default processor does not run remark plugins; any Markdown Astro compiles
  // itself goes through the same plugins as the pages Trellis renders.
  markdown: { processor: unified({ remarkPlugins: [remarkDirective, remarkTrellisContext, remarkPlaybookRefs, remarkDiagrams] }) },
  integrations: [
    mdx(),
    trellis({
      title: 'Corvane leadership development playbook',
      // editUrl: 'https://github.com/your-org/your-playbook/edit/main/',
    }),
  ],
});
