/**
 * Pages whose `.mdx` really uses MDX (imports, exports, JSX or expressions) are compiled by
 * @astrojs/mdx through a glob collection; every other page skips that compile and is
 * rendered from the checked tree. This is that collection's loader.
 */
import { pathToFileURL } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { getTrellisState } from './state.ts';

export function mdxFeaturePagesLoader(): Loader {
  const { settings, editions } = getTrellisState();
  const files = editions.flatMap((site) => site.pages.filter((page) => page.source.usesMdxFeatures).map((page) => page.source.path));
  if (files.length === 0) return { name: 'trellis-no-mdx-pages', load: async ({ store }) => store.clear() };
  return glob({ base: pathToFileURL(`${settings.contentDir}/`), pattern: files, generateId: ({ entry }) => entry });
}
