/**
 * What the site's routes, layouts and components use of the integration: the checked model
 * (through the shared state), the routes derived from it, and the body renderer. The pages
 * import this entry, never the integration's `lib/`.
 */
export { playbookError } from './lib/dev-error.ts';
export { catalogueFile, changesFeedXml, printEdition, structuredData } from './lib/exports.ts';
export { renderBody } from './lib/render-page.ts';
export { type CatalogueFile, catalogueFiles, catalogueRoutes, catalogueUrl, changesFeedPath, changesUrl, clusterTitles, editionRoutes, healthRoute, healthUrl, isLayerIntro, layerPageSize, layerTitles, printUrl, type Route, sameRouteIn } from './lib/routes.ts';
export { getTrellisState, type TrellisState } from './lib/state.ts';
