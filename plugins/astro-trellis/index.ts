/**
 * The Trellis integration only coordinates: it checks the whole playbook before Astro renders
 * anything, shares the checked model with the pages, registers the remark plugins for any
 * content Astro itself compiles, writes each edition's search index (unchanged older editions
 * come from the edition cache instead), and publishes the output atomically.
 */
import path from 'node:path';
import type { AstroConfig, AstroIntegration } from 'astro';
import { checkContent, ContentFolderError, formatReport } from '../checker/index.ts';
import { type ParsedFiles, parseInParallel, siteEditions } from '../playbook/index.ts';
import { clearStaging, publishStaging, stagingDirFor } from './lib/atomic-output.ts';
import { lastUpdatedDates } from './lib/git-dates.ts';
import { checkedEditions, type EditionCachePlan, finishEditionOutput, planEditionCache, recordCheckedEditions } from '../editions/index.ts';
import { readSettings, SettingsError, type TrellisSettings } from './lib/settings.ts';
import { setTrellisState, type TrellisOptions, type TrellisState } from './lib/state.ts';

export { playbookLoader } from './lib/content-loader.ts';
export { mdxFeaturePagesLoader } from './lib/mdx-pages.ts';
export { playbookError } from './lib/dev-error.ts';
export { renderBody } from './lib/render-page.ts';
export { readSettings, type TrellisSettings } from './lib/settings.ts';
export { getTrellisState, type TrellisOptions, type TrellisState } from './lib/state.ts';

export default function trellis(options: TrellisOptions = {}): AstroIntegration {
  let settings: TrellisSettings;
  let command = 'build';
  let editionCache: EditionCachePlan | undefined;
  let astroConfig: AstroConfig | undefined;
  return {
    name: 'trellis',
    hooks: {
      'astro:config:setup': async ({ command: current, config, updateConfig, logger }) => {
        command = current;
        settings = settingsOrExit();
        if (command === 'preview') return;
        const strict = options.strict ?? process.argv.includes('--strict');
        const started = performance.now();
        const load = async (alreadyChecked: Set<string>) => loadState(settings, { ...options, strict }, command === 'dev', config.base, await parseInParallel(settings.contentDir, alreadyChecked), alreadyChecked);
        const alreadyChecked = command === 'build' ? checkedEditions(settings, config) : new Set<string>();
        let state = await load(alreadyChecked);
        if (command === 'build') {
          editionCache = planEditionCache(state, config);
          // A checked edition whose pages are not in the cache must be rendered: read it whole.
          if ([...alreadyChecked].some((label) => !editionCache!.hits.has(label))) {
            state = await load(new Set());
            editionCache = planEditionCache(state, config);
          }
        }
        if (state.report) process.stderr.write(`${state.report}\n`);
        if (command === 'build') {
          if (state.errorReport) exitWithReport('The build stopped before rendering: fix the errors above, then build again.');
          if (strict && state.warningCount > 0) exitWithReport('Warnings fail the build because --strict is set: fix them, or build without --strict.');
          updateConfig({ outDir: new URL(`file://${stagingDirFor(settings.outDir)}/`) });
          clearStaging(settings.outDir);
          astroConfig = config;
        }
        logger.info(`playbook checked in ${Math.round(performance.now() - started)} ms: ${describe(state)}`);
        const unread = state.playbook.editions.filter((edition) => !edition.bodiesRead).map((edition) => edition.label);
        if (unread.length) logger.info(`unchanged since their last check, read from frontmatter only: ${unread.join(', ')}`);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(settings.contentDir);
        const reload = (file: string) => {
          if (!file.startsWith(settings.contentDir)) return;
          const state = loadState(settings, getOptions(), true, server.config.base);
          if (state.report) process.stderr.write(`${state.report}\n`);
          logger.info(`playbook reloaded: ${describe(state)}`);
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', reload).on('add', reload).on('unlink', reload);
      },
      'astro:build:done': async ({ logger }) => {
        const staging = stagingDirFor(settings.outDir);
        for (const line of await finishEditionOutput(staging, editionCache!)) logger.info(line);
        publishStaging(settings.outDir);
        recordCheckedEditions(editionCache!.state.playbook, settings, astroConfig!);
        logger.info(`site written to ${settings.outDir}`);
      },
    },
  };

  function getOptions() {
    return { ...options, strict: options.strict ?? false };
  }
}

function settingsOrExit(): TrellisSettings {
  try {
    return readSettings();
  } catch (error) {
    if (error instanceof SettingsError) exitWithReport(error.message);
    throw error;
  }
}

function loadState(settings: TrellisSettings, options: TrellisOptions & { strict: boolean }, dev: boolean, base: string, parsed?: ParsedFiles, alreadyChecked?: ReadonlySet<string>): TrellisState {
  const result = checkedContent({ contentDir: settings.contentDir, audience: settings.audience, today: settings.today, parsed, alreadyChecked });
  const siteOptions = { audience: settings.audience, includeDrafts: dev, base };
  const report = result.errorCount + result.warningCount > 0 ? formatReport(result, 'text') : null;
  const state: TrellisState = {
    settings,
    options: { title: 'Leadership development playbook', editContentPath: 'content', ...options },
    siteOptions,
    playbook: result.playbook,
    editions: siteEditions(result.playbook, siteOptions),
    lastUpdated: lastUpdatedDates(settings.contentDir),
    report,
    errorReport: result.errorCount > 0 ? report : null,
    warningCount: result.warningCount,
    firstError: firstErrorOf(result, settings.contentDir),
  };
  setTrellisState(state);
  return state;
}

/** A missing content folder is a setting to fix, reported like any content problem. */
function checkedContent(options: Parameters<typeof checkContent>[0]) {
  try {
    return checkContent(options);
  } catch (error) {
    if (error instanceof ContentFolderError) exitWithReport(error.message);
    throw error;
  }
}

function firstErrorOf(result: ReturnType<typeof checkContent>, contentDir: string) {
  const first = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  return first ? { file: path.join(contentDir, first.file), line: first.line, column: first.column } : null;
}

function describe(state: TrellisState): string {
  return state.editions.map((edition) => `${edition.label} ${edition.pages.length} pages, ${edition.competencies.length} competencies`).join('; ');
}

/** A content problem is the author's to fix, not a crash: the report, then a non-zero exit. */
function exitWithReport(report: string): never {
  process.stderr.write(`${report}\n`);
  process.exit(1);
}
