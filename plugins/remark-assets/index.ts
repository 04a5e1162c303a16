export { type Options, type PublishedAsset, remarkAssets, variantPath } from './lib/remark-assets.ts';
