/**
 * Loads and checks the playbook into the state the pages read. The integration loads it once
 * per build (and again on each save under the dev server); a thread that renders bodies for
 * the build loads it the same way from the same trees, so that it renders what the main
 * thread would.
 */
import path from 'node:path';
import { type CheckOptions, checkContent, formatReport } from '../../checker/index.ts';
import { type ParsedFiles, type Settings, siteEditions } from '../../playbook/index.ts';
import { collectAssets } from './assets-output.ts';
import { lastUpdatedDates } from './git-dates.ts';
import { setTrellisState, type TrellisOptions, type TrellisState } from './state.ts';

/** What the command being run asks of the loaded playbook. */
export interface RunSettings {
  /** `astro dev`: drafts are shown. */
  dev: boolean;
  /** `astro dev` and `astro sync` fill the editor's autocomplete collections; a build does not. */
  editorIntellisense: boolean;
  base: string;
  /** The site's address with its base path, for the catalogue's identifiers. */
  siteUrl: string;
  diagramFonts: readonly string[];
  /** Dates already read from git, to reuse. Default: read them. */
  lastUpdated?: Map<string, string>;
}

/**
 * Checks the playbook and makes it the current state.
 * @param reuse trees already parsed, older editions already checked, and `rules: false` for a
 * playbook the main thread has checked already (see `CheckOptions`)
 * @throws ContentFolderError when the content folder is missing
 */
export function loadState(settings: Settings, options: TrellisOptions & { strict: boolean }, run: RunSettings, reuse: Pick<CheckOptions, 'parsed' | 'alreadyChecked' | 'rules'> = {}): TrellisState {
  const result = checkContent({ contentDir: settings.contentDir, audience: settings.audience, today: settings.today, mdx: settings.mdx, allow: settings.allow, ...reuse });
  const siteOptions = { audience: settings.audience, includeDrafts: run.dev, base: run.base };
  const report = result.errorCount + result.warningCount > 0 ? formatReport(result, 'text') : null;
  const editions = siteEditions(result.playbook, siteOptions);
  const state: TrellisState = {
    settings,
    options: { title: 'Leadership development playbook', editContentPath: 'content', ...options },
    siteOptions,
    siteUrl: run.siteUrl,
    playbook: result.playbook,
    editions,
    diagramFonts: run.diagramFonts,
    dev: run.dev,
    assets: collectAssets(editions, settings.contentDir, !run.dev),
    editorIntellisense: run.editorIntellisense,
    lastUpdated: run.lastUpdated ?? lastUpdatedDates(settings.contentDir),
    report,
    errorReport: result.errorCount > 0 ? report : null,
    warningCount: result.warningCount,
    firstError: firstErrorOf(result, settings.contentDir),
  };
  setTrellisState(state);
  return state;
}

function firstErrorOf(result: ReturnType<typeof checkContent>, contentDir: string) {
  const first = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  return first ? { file: path.join(contentDir, first.file), line: first.line, column: first.column } : null;
}
