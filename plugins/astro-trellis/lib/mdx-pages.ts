/**
 * When the site trusts its MDX, pages with code (imports, exports, expressions, components)
 * are compiled by @astrojs/mdx through a glob collection; every other page, and every page of
 * a safe site, is rendered from the checked tree. This is that collection's loader. Each
 * entry's data is the frontmatter the checker read: Astro's own reading (YAML 1.1, which
 * turns `review_by: 2030-06-30` into a Date) must never judge a page a second time.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { getTrellisState } from './state.ts';

export function mdxFeaturePagesLoader(): Loader {
  const { settings, editions } = getTrellisState();
  const files = settings.mdx === 'trusted' ? editions.flatMap((site) => site.pages.filter((page) => page.source.usesMdxFeatures).map((page) => page.source.path)) : [];
  if (files.length === 0) return { name: 'trellis-no-mdx-pages', load: async ({ store }) => store.clear() };
  const loader = glob({ base: pathToFileURL(`${settings.contentDir}/`), pattern: files, generateId: ({ entry }) => entry });
  return {
    name: 'trellis-mdx-pages',
    load: (context) => loader.load({ ...context, parseData: async <Data extends Record<string, unknown>>({ filePath }: { filePath?: string }) => checkedFrontmatter(filePath) as Data }),
  };
}

function checkedFrontmatter(filePath: string | undefined): Record<string, unknown> {
  const { settings, playbook } = getTrellisState();
  const contentPath = path.relative(settings.contentDir, filePath ?? '').split(path.sep).join('/');
  for (const edition of playbook.editions) {
    for (const page of edition.pages.values()) {
      if (page.source.path !== contentPath) continue;
      const { kind: _kind, id: _id, source: _source, headings: _headings, ...data } = page;
      return data;
    }
  }
  return {};
}
