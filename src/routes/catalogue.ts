// Every edition's catalogue as data: catalogue.json and its JSON Schema, competencies.csv,
// initiatives.csv, roles.csv and the CASE package, under `catalogue/` (`/v/<label>/catalogue/`
// for older editions). A public build's files hold public content only, as its pages do.
import type { APIRoute, GetStaticPaths } from 'astro';
import { type CatalogueFile, catalogueFile, catalogueRoutes, getTrellisState } from '../../plugins/astro-trellis/site.ts';
import type { SiteEdition } from '../../plugins/playbook/index.ts';

// The integration injects this file once per catalogue file (`/[...edition]/catalogue/case.json`, …).
export const getStaticPaths = (({ routePattern }) => {
  const { editions, cachedEditions } = getTrellisState();
  // An older edition found in the edition cache is copied into the output, files included.
  const rendered = editions.filter((site) => !cachedEditions?.has(site.label));
  return rendered
    .flatMap(catalogueRoutes)
    .filter((route) => routePattern.endsWith(`/catalogue/${route.file}`))
    .map((route) => ({ params: { edition: route.path.replace(/\/?catalogue\/[^/]+$/, '') || undefined }, props: { site: route.site, file: route.file } }));
}) satisfies GetStaticPaths;

const contentTypes: Record<string, string> = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' };

export const GET: APIRoute = ({ props }) => {
  const { site: edition, file } = props as { site: SiteEdition; file: CatalogueFile };
  return new Response(catalogueFile(edition, file), { headers: { 'Content-Type': contentTypes[file.split('.').pop()!]! } });
};
