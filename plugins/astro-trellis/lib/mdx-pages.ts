/**
 * Pages whose `.mdx` really uses MDX (imports, exports, JSX or expressions) are compiled by
 * @astrojs/mdx through a glob collection; every other page skips that compile and is
 * rendered from the checked tree. This lists the files that need the compiler.
 */
import { pathToFileURL } from 'node:url';
import { getTrellisState } from './state.ts';

/** Never matches a file: the glob loader needs a pattern even when no page uses MDX. */
const noFile = '.trellis-no-mdx-pages';

export function mdxFeaturePages(): { base: URL; pattern: string[] } {
  const { settings, editions } = getTrellisState();
  const files = editions.flatMap((site) => site.pages.filter((page) => page.source.usesMdxFeatures).map((page) => page.source.path));
  return { base: pathToFileURL(`${settings.contentDir}/`), pattern: files.length ? files : [noFile] };
}
