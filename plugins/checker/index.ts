export { checkContent, checkContentInParallel, ContentFolderError, type CheckOptions, type CheckResult } from './lib/check-content.ts';
export { runCheckCommand, type CliOutcome } from './lib/cli.ts';
export { runNewCommand } from './lib/scaffold.ts';
export { resolveLink, type LinkSource, type LinkTarget } from './lib/links.ts';
export { indexEdition, type EditionIndex } from './lib/edition-index.ts';
export { checkOptionsFromEnv, UsageError } from './lib/options.ts';
export { formatReport, reportFormats, summaryLine, type ReportFormat } from './lib/report.ts';
