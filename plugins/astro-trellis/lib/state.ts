/**
 * The checked playbook, shared by the integration (which loads and checks it once, before
 * Astro renders anything), the content loader and the pages. Astro renders pages in the same
 * process, so one load serves the whole build; the dev server replaces it when content changes.
 */
import type { HealthOptions } from '../../health/index.ts';
import type { AllowedHosts, MdxMode, Playbook, Settings, SiteEdition, SiteOptions } from '../../playbook/index.ts';
import type { PublishedAsset } from '../../remark-assets/index.ts';

export interface TrellisOptions {
  /** Site title in the header. Default: "Leadership development playbook". */
  title?: string;
  /** "Edit this page" links: this URL followed by the file's path in the repository. Default: none. */
  editUrl?: string;
  /** Path of the content folder inside the repository, for edit links. Default: `content`. */
  editContentPath?: string;
  /** Fail the build on warnings too. Default: false (also `--strict`). */
  strict?: boolean;
  /**
   * `'trusted'` lets `.mdx` pages run code (imports, exports, expressions, components) when the
   * site is built: anyone who can merge content can then run code on the build machine.
   * Default: `PLAYBOOK_MDX`, else `'safe'`, where that code is an error.
   */
  mdx?: MdxMode;
  /**
   * Thresholds of the ecosystem health report (`/health/`, `npm run health`, `npm run impact`):
   * `noticeDays` (default 120), `partnerShare` in percent (40), `rotationYears` (5),
   * `reviewWindowDays` (60).
   */
  health?: HealthOptions;
  /**
   * The organisation's mark beside the title: the path of an image in `public/`, such as
   * `/corvane-mark.svg`. Default: the Trellis mark (`/favicon.svg`).
   */
  logo?: string;
  /**
   * The brand colour of links in the chrome, the current page and headings' eyebrows, as
   * `#rrggbb`, or one per theme: `{ light: '#0d6e5f', dark: '#6fd6c2' }`. A single colour is
   * lightened for the dark theme. Each must reach 4.5:1 against its theme's backgrounds, or
   * the build stops. Default: Trellis green.
   */
  accent?: string | { light: string; dark: string };
  /**
   * Other hosts pages may show: images from `images` (`['img.shields.io']`) and embedded pages
   * (`<iframe>`) from `frames` (`['www.youtube-nocookie.com']`); `*.example.org` names every
   * subdomain. Each is added, as `https:`, to the pages' Content-Security-Policy. Default:
   * `PLAYBOOK_ALLOW_IMAGES` and `PLAYBOOK_ALLOW_FRAMES`, else none: pages show only the site's
   * own files.
   */
  allow?: Partial<AllowedHosts>;
}

export interface PublishedAssets {
  byTarget: Map<string, PublishedAsset>;
  byEntry: Map<string, PublishedAsset[]>;
}

export interface TrellisState {
  settings: Settings;
  options: Required<Pick<TrellisOptions, 'title' | 'editContentPath' | 'strict'>> & TrellisOptions;
  siteOptions: SiteOptions;
  /** The site's address with its base path: `https://playbook.example.org/`. */
  siteUrl: string;
  playbook: Playbook;
  editions: SiteEdition[];
  /** The font files diagram labels are measured with: those the site serves. */
  diagramFonts: readonly string[];
  /** True under `astro dev`: pages are rendered on request, images served as they are. */
  dev: boolean;
  /**
   * The files published pages use, by where they are published (below the base path), and by
   * the file of the page or competency that uses them; the build copies them into the output
   * when Astro has written the pages, the dev server serves them.
   */
  assets: PublishedAssets;
  /** True under `astro dev` and `astro sync`: the editor's autocomplete collections are filled. */
  editorIntellisense: boolean;
  lastUpdated: Map<string, string>;
  /** The checker's report, when it found anything. */
  report: string | null;
  /** The checker's report when it found errors (shown by the dev server instead of pages). */
  errorReport: string | null;
  warningCount: number;
  /** Where the first error is, for the dev server's error overlay. */
  firstError: { file: string; line: number; column: number } | null;
  /**
   * Older editions whose pages and search bundle this build copies from the edition cache
   * instead of rendering them (see `edition-cache.ts`). Default: none.
   */
  cachedEditions?: ReadonlySet<string>;
  /**
   * Under `astro build`, each route's cacheKey (see `route-keys.ts`): Astro renders a page
   * again only when its key or its templates changed. Default: none (every page rendered).
   */
  routeCacheKey?: (route: import('./routes.ts').Route) => string;
  /**
   * Under `astro build`, the print edition's bodies kept between builds, by key (see
   * `print-body-cache.ts`). Default: none (every body rendered).
   */
  printBodies?: { key: import('./route-keys.ts').CacheKeys['printBody']; cache: import('./print-body-cache.ts').PrintBodyCache };
  /** Under `astro build`, threads that render bodies ahead of the pages (see `render-threads.ts`). Default: none. */
  renderThreads?: import('./render-threads.ts').RenderThreads;
}

const stateKey = Symbol.for('trellis.state');
type Holder = { [stateKey]?: TrellisState };

export function setTrellisState(state: TrellisState): void {
  (globalThis as Holder)[stateKey] = state;
}

/** The state when the integration has loaded it; undefined outside a build or dev server. */
export function findTrellisState(): TrellisState | undefined {
  return (globalThis as Holder)[stateKey];
}

export function getTrellisState(): TrellisState {
  const state = (globalThis as Holder)[stateKey];
  if (!state) throw new Error('Trellis has not loaded the playbook; add the trellis() integration to astro.config.mjs.');
  return state;
}
