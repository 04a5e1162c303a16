export { type Catalogue, type CatalogueCompetency, type CataloguePage, type CatalogueRole, catalogueCompetencySchema, catalogueJsonSchema, catalogueOf, cataloguePageSchema, catalogueRoleSchema, catalogueSchema, type Relation, relationSchema, relationsOf, relationTypes } from './lib/catalogue.ts';
export { type CaseAssociation, type CaseItem, type CasePackage, type CaseRubric, casePackage, type LinkUri } from './lib/case.ts';
export { absoluteUrl, type ExportContext } from './lib/context.ts';
export { type Column, competenciesCsv, competencyColumns, csvTable, initiativeColumns, initiativesCsv, roleColumns, rolesCsv } from './lib/csv.ts';
export { changesFeed, type EditionChangeList, type FeedEdition } from './lib/feed.ts';
export { type StableId, stableIds } from './lib/ids.ts';
export { competencyJsonLd, competencySetJsonLd, initiativeJsonLd, jsonLdText } from './lib/json-ld.ts';
export { type PublishedRole, publishedRole, type TargetLevel } from './lib/roles.ts';
export { printAnchors, type PrintLayer, type PrintOutline, printOutline, type PrintTarget, printTargets } from './lib/print.ts';
