/**
 * What `src/content.config.ts` uses of the integration: the loaders of its collections. Astro
 * loads that file through Vite on every build and dev start, so it imports this small entry
 * rather than the integration's index, which would compile and run the whole integration (the
 * checker, the exporters, the search indexer) a second time.
 */
export { editorCollections } from './lib/editor-collections.ts';
export { mdxFeaturePagesLoader } from './lib/mdx-pages.ts';
