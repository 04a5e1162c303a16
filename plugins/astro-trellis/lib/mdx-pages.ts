/**
 * When the site trusts its MDX, pages with code (imports, exports, expressions, components)
 * are compiled by @astrojs/mdx through a glob collection; every other page, and every page of
 * a safe site, is rendered from the checked tree. This is that collection's loader. Each
 * entry's data is the frontmatter the checker read: Astro's own reading (YAML 1.1, which
 * turns `review_by: 2030-06-30` into a Date) must never judge a page a second time.
 */
import { pathToFileURL } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import type { Page } from '../../playbook/index.ts';
import { getTrellisState } from './state.ts';

export function mdxFeaturePagesLoader(): Loader {
  const { settings, editions } = getTrellisState();
  const compiled = settings.mdx === 'trusted' ? editions.flatMap((site) => site.pages.filter((page) => page.source.usesMdxFeatures)) : [];
  if (compiled.length === 0) return { name: 'trellis-no-mdx-pages', load: async ({ store }) => store.clear() };
  const pages = new Map(compiled.map((page) => [page.source.path, page]));
  const loader = glob({ base: pathToFileURL(`${settings.contentDir}/`), pattern: [...pages.keys()], generateId: ({ entry }) => entry });
  return {
    name: 'trellis-mdx-pages',
    load: (context) => loader.load({ ...context, parseData: async <Data extends Record<string, unknown>>({ id }: { id: string }) => checkedFrontmatter(pages.get(id)) as Data }),
  };
}

/** The page's fields as the checker read and validated them, without Trellis' own. */
function checkedFrontmatter(page: Page | undefined): Record<string, unknown> {
  if (!page) return {};
  const { kind: _kind, id: _id, source: _source, headings: _headings, ...data } = page;
  return data;
}
