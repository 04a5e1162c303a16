export type { Diagnostic, Severity, Span } from './lib/diagnostics.ts';
export { DiagnosticList, fileStart } from './lib/diagnostics.ts';
export { compareEditionLabels } from './lib/editions.ts';
export { loadPlaybook, pageIdOf, type LoadResult } from './lib/load.ts';
export * from './lib/model.ts';
export { ruleIds, type RuleId } from './lib/rule-ids.ts';
export { competencySchema, editionSchema, pageSchema, partnerSchema } from './lib/schema.ts';
export { closestMatch, didYouMean } from './lib/suggest.ts';
export { isPublished, siteEdition, siteEditions, type SiteEdition, type SiteOptions } from './lib/site.ts';
