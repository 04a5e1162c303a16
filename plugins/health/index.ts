export { type CliOutcome, type CommandContext, runHealthCommand } from './lib/cli.ts';
export { addDays, daysBetween, yearFraction } from './lib/dates.ts';
export { type Contract, type Ecosystem, layerCounts, type Partner } from './lib/ecosystem.ts';
export { areaTitles, type Finding, type FindingSeverity, type HealthArea, healthAreas } from './lib/findings.ts';
export { areaCounts, findingsByArea, formatHealth, type HealthFormat, healthFormats, healthSummary, thresholdsLine } from './lib/format.ts';
export { ecosystemHealth, type HealthReport } from './lib/health.ts';
export { defaultThresholds, type HealthOptions, HealthOptionsError, type HealthThresholds, resolveHealthOptions } from './lib/options.ts';
export type { HealthRule } from './lib/rule.ts';
export { healthRuleIds, healthRules } from './lib/rules.ts';
