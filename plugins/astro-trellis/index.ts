/**
 * The Trellis integration only coordinates: it checks the whole playbook before Astro renders
 * anything, wires its remark plugins into Astro's Markdown processor and injects the site's
 * routes, shares the checked model with the pages, writes each edition's search index
 * (unchanged older editions come from the edition cache instead), and publishes the output
 * atomically. `astro.config.mjs` only says `integrations: [mdx(), trellis({ … })]`.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isUnifiedProcessor, unified } from '@astrojs/markdown-remark';
import type { AstroConfig, AstroIntegration } from 'astro';
import { ContentFolderError } from '../checker/index.ts';
import { HealthOptionsError, resolveHealthOptions } from '../health/index.ts';
import { openTreeCache, parsedTreesOf, parseInParallel, playbookSyntax, readSettings, rehypeSafeAuthorHtml, type Settings, SettingsError, type SiteEdition } from '../playbook/index.ts';
import { openOutput, type Output } from './lib/atomic-output.ts';
import { checkedEditions, recordCheckedEditions } from './lib/checked-editions.ts';
import { serveAssets, writeAssets } from './lib/assets-output.ts';
import { type ContentPluginOptions, contentPlugins } from './lib/content-plugins.ts';
import { followContent } from './lib/dev-server.ts';
import { openPrintBodyCache } from './lib/print-body-cache.ts';
import { bodyKey, type RenderJob, renderThreadCount, type RenderThreads, startRenderThreads, type ThreadEvents } from './lib/render-threads.ts';
import { cacheKeys, entriesOf } from './lib/route-keys.ts';
import { type EditionCachePlan, finishEditionOutput, planEditionCache } from './lib/edition-cache.ts';
import { loadState, type RunSettings } from './lib/load-state.ts';
import { OutputError } from './lib/output-error.ts';
import { catalogueFiles, hasHealthReport, healthPattern } from './lib/routes.ts';
import { writeSearchIndexes } from './lib/search-index.ts';
import { setTrellisState, type TrellisOptions, type TrellisState } from './lib/state.ts';
import { checkLogo, resolveAccent, ThemeError } from './lib/theme.ts';

export { editorCollections } from './lib/editor-collections.ts';
export { mdxFeaturePagesLoader } from './lib/mdx-pages.ts';
export type { TrellisOptions } from './lib/state.ts';

/** The site's routes: URL pattern → component, under the project's `src/routes/`. */
const siteRoutes = [
  { pattern: '/[...path]', entrypoint: '[...path].astro' },
  { pattern: '/search', entrypoint: 'search.astro' },
  { pattern: '/404', entrypoint: '404.astro' },
  { pattern: '/sitemap.xml', entrypoint: 'sitemap.xml.ts' },
  { pattern: '/changes.xml', entrypoint: 'changes.xml.ts' },
  // One pattern per file, so that each is served as a file (no trailing slash) by the dev server too.
  ...catalogueFiles.map((file) => ({ pattern: `/[...edition]/catalogue/${file}`, entrypoint: 'catalogue.ts' })),
  { pattern: '/trellis-theme.css', entrypoint: 'trellis-theme.css.ts' },
];

/** Processors that already hold the plugins: a dev server restart sets the config up again. */
const wiredProcessors = new WeakSet<object>();

/**
 * Pages Astro renders at once: while one waits for its file to be written (or for a body from
 * another thread), the next is rendered. Each holds only its own HTML.
 */
const pagesAtOnce = 4;

/** The site's address when `astro.config.mjs` gives none: canonical URLs and exports need one. */
const defaultSite = 'https://playbook.example.org';

/** The files of the font the site serves (from `public/fonts/`), in fallback order. */
const fontFiles = ['inter-latin-wght-normal.woff2', 'inter-latin-ext-wght-normal.woff2'];

/**
 * The integration, carrying its options as `trellisOptions`: `npm run health` and `npm run
 * impact` import astro.config.mjs and read them there, so that they judge the playbook by the
 * thresholds the site is built with, without starting Astro.
 */
export type TrellisIntegration = AstroIntegration & { trellisOptions: TrellisOptions };

export default function trellis(options: TrellisOptions = {}): TrellisIntegration {
  let settings: Settings;
  let state: TrellisState;
  let editionCache: EditionCachePlan | undefined;
  let astroConfig: AstroConfig | undefined;
  let diagramFonts: string[] = [];
  let siteUrl = '';
  let output: Output | undefined;
  return {
    name: 'trellis',
    trellisOptions: options,
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, injectRoute, logger }) => {
        settings = settingsOrExit(options);
        themeOrExit(options, fileURLToPath(config.publicDir));
        diagramFonts = fontFiles.map((name) => path.join(fileURLToPath(config.publicDir), 'fonts', name));
        siteUrl = new URL(config.base, config.site ?? defaultSite).href;
        updateConfig(siteConfig(config, { fonts: diagramFonts, contentDir: settings.contentDir, responsive: command === 'build' }, settings.allow.frames));
        for (const route of siteRoutes) injectRoute({ pattern: route.pattern, entrypoint: new URL(`routes/${route.entrypoint}`, config.srcDir) });
        // The health report is internal: a public build does not even compile its route.
        if (hasHealthReport(settings.audience)) injectRoute({ pattern: healthPattern, entrypoint: new URL('routes/health.astro', config.srcDir) });
        if (command === 'preview') return;
        if (command === 'build') {
          // Before anything else: the output may be refused, held by another build, or need restoring.
          output = outputOrExit(() => openOutput(settings.outDir, { contentDir: settings.contentDir, projectRoot: path.resolve(fileURLToPath(config.root)), homeDir: os.homedir() }));
          for (const note of output.notes) logger.warn(note);
        }
        const strict = options.strict ?? process.argv.includes('--strict');
        const started = performance.now();
        const run: RunSettings = { dev: command === 'dev', editorIntellisense: command === 'dev' || command === 'sync', base: config.base, siteUrl, diagramFonts };
        // Only the files whose bytes changed since the last build or dev server are parsed.
        const treeCacheDir = process.env.PLAYBOOK_PARSE_CACHE === 'off' ? null : path.join(fileURLToPath(config.cacheDir), 'trellis-trees');
        const trees = openTreeCache(treeCacheDir);
        const load = async (alreadyChecked: Set<string>) => {
          const loaded = loadStateOrExit(settings, { ...options, strict }, run, { parsed: await parseInParallel(settings.contentDir, alreadyChecked, trees), alreadyChecked });
          trees.remember(loaded.playbook);
          return loaded;
        };
        if (command === 'build') ({ state, editionCache } = await loadForBuild(load, settings, config));
        else state = await load(new Set());
        if (state.report) process.stderr.write(`${state.report}\n`);
        if (command === 'build') {
          if (state.errorReport) exitWithReport('The build stopped before rendering: fix the errors above, then build again.');
          if (strict && state.warningCount > 0) exitWithReport('Warnings fail the build because --strict is set: fix them, or build without --strict.');
          updateConfig({ outDir: pathToFileURL(`${outputOrExit(() => output!.stage())}/`) });
          astroConfig = config;
        }
        logger.info(`playbook checked in ${Math.round(performance.now() - started)} ms: ${describe(state)}`);
        const unread = state.playbook.editions.filter((edition) => !edition.bodiesRead).map((edition) => edition.label);
        if (command === 'build' && treeCacheDir) {
          const job = { settings, options: { ...options, strict }, run: { ...run, lastUpdated: state.lastUpdated }, alreadyChecked: unread, treeCacheDir, printBodyCacheDir: renderCacheOn() ? printBodyCacheDir(config) : null };
          state.renderThreads = renderThreadsFor(state, job, (message) => logger.warn(message));
        }
        if (unread.length) logger.info(`unchanged since their last check, read from frontmatter only: ${unread.join(', ')}`);
      },
      'astro:server:setup': ({ server, logger }) => {
        serveAssets(server, settings.contentDir);
        followContent(server, settings.contentDir, () => {
          const started = performance.now();
          // Only the files whose text changed are parsed again; git's dates cannot change on a save.
          const previous = state;
          state = loadStateOrExit(settings, { ...options, strict: options.strict ?? false }, { dev: true, editorIntellisense: true, base: server.config.base, siteUrl, diagramFonts, lastUpdated: previous.lastUpdated }, { parsed: parsedTreesOf(previous.playbook) });
          if (state.report) process.stderr.write(`${state.report}\n`);
          logger.info(`playbook reloaded in ${Math.round(performance.now() - started)} ms: ${describe(state)}`);
        });
      },
      'astro:build:done': async ({ logger }) => {
        const threads = await state.renderThreads?.close();
        if (threads) logger.info(`bodies: ${threads.sent} of ${threads.bodies} rendered by ${threads.threads === 1 ? 'one other thread' : `${threads.threads} other threads`}`);
        const staging = output!.staging!;
        const rendered = state.editions.filter((site) => !editionCache!.hits.has(site.label));
        // Before the edition cache stores an older edition's folder: its files are part of it.
        // A cached edition's files come back with its pages.
        const cachedFolders = state.editions.filter((site) => editionCache!.hits.has(site.label)).map((site) => site.edition.folder);
        const published = [...state.assets.byTarget.values()].filter((asset) => !cachedFolders.some((folder) => asset.source.startsWith(folder)));
        const assets = await writeAssets(staging, settings.contentDir, published, path.join(fileURLToPath(astroConfig!.cacheDir), 'trellis-images'));
        if (assets.files) logger.info(`files pages use: ${assets.files} published, ${assets.copies} smaller copies of photos (${assets.made} made, the rest from the cache) in ${assets.ms} ms`);
        const searchCache = !renderCacheOn() ? null : path.join(fileURLToPath(astroConfig!.cacheDir), 'trellis-search');
        for (const result of await writeSearchIndexes(staging, rendered, searchCache)) logger.info(`search index: ${result.label} ${result.pages} pages ${result.reused ? 'unchanged, bundle reused' : 'indexed'} in ${result.ms} ms`);
        for (const line of finishEditionOutput(staging, editionCache!, state.editions)) logger.info(line);
        const bodies = state.printBodies?.cache.prune(currentPrintBodies(state, rendered));
        if (bodies && bodies.read + bodies.written > 0) logger.info(`print edition: ${bodies.written} bodies rendered, ${bodies.read} from the cache`);
        outputOrExit(() => output!.publish());
        recordCheckedEditions(state.playbook, settings, astroConfig!);
        logger.info(`site written to ${settings.outDir}`);
      },
    },
  };
}

/**
 * What the site needs of Astro's configuration: URLs that end in `/`, one folder per page,
 * styles and scripts as files (the Content-Security-Policy allows no inline code), and the
 * playbook's syntax, plugins and HTML sanitiser in Astro's Markdown processor for the pages it
 * compiles itself, whose own highlighter is off: it writes `style=` attributes, and the plugins
 * highlight code with classes instead.
 */
function siteConfig(config: AstroConfig, plugins: ContentPluginOptions, frameHosts: readonly string[]) {
  const current = config.markdown.processor;
  const processor = current && isUnifiedProcessor(current) ? current : unified();
  if (!wiredProcessors.has(processor)) {
    // The playbook's own GFM is in the preset; Astro's must not run a second time, and quotes
    // stay as written, as on every page Trellis renders itself.
    Object.assign(processor.options, { gfm: false, smartypants: false });
    const remarkPlugins = [...playbookSyntax.plugins, ...contentPlugins(plugins)];
    processor.options.remarkPlugins.push(...(remarkPlugins as typeof processor.options.remarkPlugins));
    processor.options.rehypePlugins.push([rehypeSafeAuthorHtml, { frameHosts }]);
    wiredProcessors.add(processor);
  }
  return {
    trailingSlash: 'always' as const,
    build: { format: 'directory' as const, inlineStylesheets: 'never' as const, concurrency: pagesAtOnce },
    devToolbar: { enabled: false },
    // JSON Schemas of the editor collections, for the Astro extension's frontmatter autocomplete.
    // Pages whose route key and templates did not change are copied from Astro's cache.
    experimental: { contentIntellisense: true, incrementalBuild: renderCacheOn() },
    vite: { build: { assetsInlineLimit: 0 } },
    markdown: { processor, syntaxHighlight: false as const },
  };
}

/** `PLAYBOOK_RENDER_CACHE=off` turns off every cache of rendered output: Astro's pages, the print bodies, the search bundle. */
function renderCacheOn(): boolean {
  return process.env.PLAYBOOK_RENDER_CACHE !== 'off';
}

/**
 * A build's playbook: older editions that passed their last check unchanged are read from
 * frontmatter only, unless the edition cache lacks their pages; then the caches' keys.
 */
async function loadForBuild(load: (alreadyChecked: Set<string>) => Promise<TrellisState>, settings: Settings, config: AstroConfig) {
  const alreadyChecked = checkedEditions(settings, config);
  let state = await load(alreadyChecked);
  let editionCache = planEditionCache(state, config);
  // A checked edition whose pages are not in the cache must be rendered: read it whole.
  if ([...alreadyChecked].some((label) => !editionCache.hits.has(label))) {
    state = await load(new Set());
    editionCache = planEditionCache(state, config);
  }
  state.cachedEditions = editionCache.hits;
  if (renderCacheOn()) {
    const keys = cacheKeys(state, fileURLToPath(config.root));
    state.routeCacheKey = keys.route;
    state.printBodies = { key: keys.printBody, cache: openPrintBodyCache(printBodyCacheDir(config)) };
  }
  return { state, editionCache };
}

/** Threads that render, ahead of the pages, every body of the rendered editions that the print body cache does not hold. */
function renderThreadsFor(state: TrellisState, job: RenderJob, warn: (message: string) => void): RenderThreads | undefined {
  const cached = state.printBodies;
  const bodies = state.editions
    .filter((site) => !state.cachedEditions?.has(site.label))
    .flatMap((site) => entriesOf(site).map((entry) => ({ key: bodyKey(site, entry), printKey: cached?.key(site, entry) })))
    .filter((body) => !body.printKey || !cached!.cache.has(body.printKey));
  const threads = renderThreadCount(bodies.length);
  const events: ThreadEvents = { kept: (key) => cached?.cache.wroteElsewhere(key), failed: warn };
  return threads > 0 ? startRenderThreads(job, bodies, threads, events) : undefined;
}

function printBodyCacheDir(config: AstroConfig): string {
  return path.join(fileURLToPath(config.cacheDir), 'trellis-print-bodies');
}

/** The keys of every body the print editions of this build show, whether or not they were rendered. */
function currentPrintBodies(state: TrellisState, rendered: readonly SiteEdition[]): string[] {
  const key = state.printBodies!.key;
  return rendered.flatMap((site) => entriesOf(site).map((entry) => key(site, entry)));
}

/** The environment's settings, the config's `mdx` that `npm run check` must agree with, and valid health thresholds. */
function settingsOrExit(options: TrellisOptions): Settings {
  try {
    resolveHealthOptions(options.health);
    return readSettings(process.env, process.cwd(), { mdx: options.mdx, allow: options.allow });
  } catch (error) {
    if (error instanceof SettingsError || error instanceof HealthOptionsError) exitWithReport(error.message);
    throw error;
  }
}

/** The logo must be a file of `public/`, and the accent readable in both themes. */
function themeOrExit(options: TrellisOptions, publicDir: string): void {
  try {
    checkLogo(options.logo, path.resolve(publicDir));
    if (options.accent !== undefined) resolveAccent(options.accent);
  } catch (error) {
    if (error instanceof ThemeError) exitWithReport(error.message);
    throw error;
  }
}

function outputOrExit<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof OutputError) exitWithReport(error.message);
    throw error;
  }
}

/** The checked playbook for this command; a missing content folder is a setting to fix, reported like any content problem. */
function loadStateOrExit(...args: Parameters<typeof loadState>): TrellisState {
  try {
    return loadState(...args);
  } catch (error) {
    if (error instanceof ContentFolderError) exitWithReport(error.message);
    throw error;
  }
}

function describe(state: TrellisState): string {
  return state.editions.map((edition) => `${edition.label} ${edition.pages.length} pages, ${edition.competencies.length} competencies`).join('; ');
}

/** A content or output problem is the user's to fix, not a crash: the report, then a non-zero exit. */
function exitWithReport(report: string): never {
  process.stderr.write(`${report}\n`);
  process.exit(1);
}
