// @ts-check
// Trellis: the playbook in PLAYBOOK_CONTENT (default ./content) built into PLAYBOOK_OUT
// (default ./dist). The integration wires everything else; see README.md, "Configuration".
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import trellis from './plugins/astro-trellis/index.ts';

export default defineConfig({
  site: process.env.PLAYBOOK_SITE || 'https://playbook.example.org',
  base: process.env.PLAYBOOK_BASE || '/',
  // Tests give each build its own cache so that builds never share state.
  cacheDir: process.env.PLAYBOOK_CACHE_DIR || './node_modules/.astro',
  integrations: [
    mdx(),
    trellis({
      title: 'Corvane leadership development playbook',
      // editUrl: 'https://github.com/your-org/your-playbook/edit/main/',
    }),
  ],
});
