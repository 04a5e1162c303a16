/**
 * The exports of each edition, made from the checked model with what only the integration
 * knows: the site's address and title, the edition's date, the files' last-updated dates and
 * what changed between editions (which `plugins/editions` computes and `plugins/exports`
 * takes as data, since stages never import each other).
 */
import { editionChanges, previousEdition } from '../../editions/index.ts';
import { absoluteUrl, casePackage, catalogueJsonSchema, catalogueOf, changesFeed, competenciesCsv, competencyJsonLd, competencySetJsonLd, type ExportContext, initiativeJsonLd, initiativesCsv, jsonLdText, printAnchors, printOutline, rolesCsv } from '../../exports/index.ts';
import { type Competency, initiativeLayers, type Page, type Role, type SiteEdition } from '../../playbook/index.ts';
import { renderPrintBody } from './render-page.ts';
import { type CatalogueFile, catalogueUrl, changesFeedPath, changesUrl, clusterTitles, layerTitles, type Route } from './routes.ts';
import { getTrellisState, type TrellisState } from './state.ts';

export function exportContext(site: SiteEdition): ExportContext {
  const state = getTrellisState();
  return {
    siteUrl: state.siteUrl,
    title: state.options.title,
    date: editionDate(state, site),
    changed: (entry) => state.lastUpdated.get(entry.source.path),
    labels: { clusters: clusterTitles, layers: layerTitles },
  };
}

const editionDates = new WeakMap<SiteEdition, string>();

/**
 * The day an edition stands for: its release date, else the last change to its files, else
 * (outside git) the build's today.
 */
export function editionDate(state: TrellisState, site: SiteEdition): string {
  let date = editionDates.get(site);
  if (date === undefined) {
    date = site.edition.released ?? '';
    const inEdition = (file: string) => (site.isCurrent ? !file.startsWith('versions/') : file.startsWith(site.edition.folder));
    if (!date) for (const [file, changed] of state.lastUpdated) if (changed > date && inEdition(file)) date = changed;
    date ||= state.settings.today;
    editionDates.set(site, date);
  }
  return date;
}

/** The text of one file of an edition's `catalogue/`. */
export function catalogueFile(site: SiteEdition, file: CatalogueFile): string {
  const context = exportContext(site);
  const url = (name: CatalogueFile) => absoluteUrl(context, catalogueUrl(site, name));
  const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
  switch (file) {
    case 'catalogue.json':
      return json(catalogueOf(site, context, url('catalogue.schema.json')));
    case 'catalogue.schema.json':
      return json(catalogueJsonSchema(url('catalogue.schema.json')));
    case 'competencies.csv':
      return competenciesCsv(site, context);
    case 'initiatives.csv':
      return initiativesCsv(site, context);
    case 'roles.csv':
      return rolesCsv(site, context);
    case 'case.json':
      return json(casePackage(site, context, url('case.json')));
  }
}

/** `/changes.xml`: every edition of the build, newest first, with what changed in each. */
export function changesFeedXml(): string {
  const state = getTrellisState();
  const { editions } = state;
  const feedEditions = editions.map((site) => {
    const previous = previousEdition(editions, site);
    return { site, date: editionDate(state, site), url: changesUrl(site, editions) ?? site.root, ...(previous ? { previous: { site: previous, changes: editionChanges(site, previous) } } : {}) };
  });
  const context = exportContext(editions[0]!);
  return changesFeed(feedEditions, context, absoluteUrl(context, `${editions[0]!.root}${changesFeedPath}`));
}

/** The page's schema.org JSON-LD, ready for a `<script type="application/ld+json">`; none for most pages. */
export function structuredData(route: Route): string | undefined {
  const context = () => exportContext(route.site);
  if (route.kind === 'competency') return jsonLdText(competencyJsonLd(route.site, route.competency, context()));
  if (route.kind === 'competencies') return jsonLdText(competencySetJsonLd(route.site, context()));
  if (route.kind === 'page' && initiativeLayers.includes(route.page.layer)) return jsonLdText(initiativeJsonLd(route.site, route.page, context()));
  return undefined;
}

/** What the print view needs: the outline, and each body as part of the one document. */
export function printEdition(site: SiteEdition, keepTree: boolean) {
  const context = exportContext(site);
  const body = (entry: Page | Competency | Role) => renderPrintBody(entry, site, keepTree);
  return { context, outline: printOutline(site, context), body, anchors: printAnchors };
}
