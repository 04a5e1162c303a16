export { addAsset, type Options, pageAssets, type PublishedAsset, remarkAssets, variantPath } from './lib/remark-assets.ts';
