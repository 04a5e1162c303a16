/**
 * Frozen editions are cheap: what an older edition produced (its HTML pages and its search
 * bundle, everything under `v/<label>/` of the output) is kept in a cache folder, and a later
 * build whose inputs for that edition are unchanged copies it into the output instead of
 * rendering and indexing the edition again.
 *
 * The key is a hash of everything those files are made from: the edition's own files, the
 * generator (its version and source, the Astro config, the locked dependencies), the build
 * settings, and what its pages show from outside the edition — the list of editions (the
 * switcher), where each of its pages leads in every other edition (switcher and banner),
 * the previous edition's files (its "What changed" page) and its files' last-updated dates.
 * Editing the current edition therefore leaves older editions' entries valid.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { previousEdition } from '../../editions/index.ts';
import { editionPrefix, type SiteEdition } from '../../playbook/index.ts';
import { editionRoutes, sameRouteIn } from './routes.ts';
import type { TrellisState } from './state.ts';

export interface EditionCachePlan {
  /** The cache folder; `null` when the cache is off (`PLAYBOOK_EDITION_CACHE=off`). */
  dir: string | null;
  /** The key of every older edition, by label. */
  keys: Map<string, string>;
  /** Older editions whose output is copied from the cache rather than rendered. */
  hits: Set<string>;
}

/** Entries kept per edition label, so that, say, a public and a full build do not evict each other. */
const entriesPerLabel = 3;
/** Project files that shape every page: the generator's source and its configuration. */
const generatorFolders = ['plugins', 'src'];
const generatorFiles = ['package-lock.json', 'astro.config.mjs'];

/**
 * Decides, before Astro renders anything, which older editions come from the cache (the
 * integration then leaves their routes out of the build).
 */
export function planEditionCache(state: TrellisState, config: Pick<AstroConfig, 'root' | 'cacheDir' | 'site' | 'base' | 'trailingSlash' | 'build'>, env: NodeJS.ProcessEnv = process.env): EditionCachePlan {
  const dir = env.PLAYBOOK_EDITION_CACHE === 'off' ? null : path.join(fileURLToPath(config.cacheDir), 'trellis-editions');
  const older = state.editions.filter((site) => !site.isCurrent);
  const keys = new Map<string, string>();
  const hits = new Set<string>();
  if (dir && older.length) {
    const generator = generatorHash(fileURLToPath(config.root));
    const build = JSON.stringify({ site: config.site ?? null, base: config.base, trailingSlash: config.trailingSlash, format: config.build.format, settings: { audience: state.settings.audience }, options: state.options });
    for (const site of older) {
      const key = editionKey(state, site, generator, build);
      keys.set(site.label, key);
      if (readEntry(dir, site.label, key)) hits.add(site.label);
    }
  }
  return { dir, keys, hits };
}

/**
 * After Astro has written the pages and their search bundles: each newly rendered older
 * edition is stored in the cache, each cached one copied into the output. Returns lines for
 * the build log.
 */
export function finishEditionOutput(siteDir: string, plan: EditionCachePlan, editions: readonly SiteEdition[]): string[] {
  const log: string[] = [];
  for (const site of editions) {
    if (site.isCurrent || !plan.dir || plan.hits.has(site.label)) continue;
    const started = performance.now();
    const files = storeEntry(plan.dir, site.label, plan.keys.get(site.label)!, path.join(siteDir, editionPrefix(site)));
    log.push(`edition ${site.label}: rendered, ${files} files stored in the edition cache in ${Math.round(performance.now() - started)} ms`);
  }
  for (const label of plan.hits) {
    const started = performance.now();
    const files = restoreEntry(plan.dir!, label, plan.keys.get(label)!, siteDir);
    log.push(`edition ${label}: reused from the edition cache, ${files} files copied in ${Math.round(performance.now() - started)} ms`);
  }
  return log;
}

function editionKey(state: TrellisState, site: SiteEdition, generator: string, build: string): string {
  const hash = createHash('sha256');
  hash.update(`trellis-edition-cache 1\0${generator}\0${build}\0`);
  hash.update(JSON.stringify(state.editions.map((other) => [other.label, other.edition.archived, other.edition.released ?? null])));
  hashFolder(hash, path.join(state.settings.contentDir, site.edition.folder));
  const previous = previousEdition(state.editions, site);
  if (previous) hashFolder(hash, path.join(state.settings.contentDir, previous.edition.folder));
  for (const route of editionRoutes(site, state.editions)) {
    for (const other of state.editions) {
      if (other === site) continue;
      const target = sameRouteIn(route, other);
      hash.update(`${route.path}\0${other.label}\0${target.href}\0${target.exists}\0`);
    }
  }
  for (const [file, date] of state.lastUpdated) if (file.startsWith(site.edition.folder)) hash.update(`${file}\0${date}\0`);
  return hash.digest('hex').slice(0, 24);
}

export function generatorHash(root: string): string {
  const hash = createHash('sha256');
  // The version, not the whole package.json: adding an npm script changes no page.
  const { version, dependencies } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string; dependencies?: unknown };
  hash.update(JSON.stringify({ version, dependencies }));
  for (const name of generatorFiles) hashFile(hash, root, name);
  for (const name of generatorFolders) hashFolder(hash, path.join(root, name));
  return hash.digest('hex');
}

/** Every file under `folder`, by relative path and content, in a stable order. */
export function hashFolder(hash: Hash, folder: string): void {
  const files = fs.existsSync(folder) ? fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()) : [];
  const relative = files.map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort();
  hash.update(`${relative.length}\0`);
  for (const name of relative) hashFile(hash, folder, name);
}

function hashFile(hash: Hash, folder: string, name: string): void {
  const file = path.join(folder, name);
  hash.update(`${name}\0`);
  if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  hash.update('\0');
}

interface EntryInfo {
  label: string;
  key: string;
  files: number;
  /** Files under `_astro/` that the cached pages refer to (styles, scripts). */
  assets: string[];
}

function entryDir(dir: string, label: string, key: string): string {
  return path.join(dir, `${label}-${key}`);
}

function readEntry(dir: string, label: string, key: string): EntryInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(entryDir(dir, label, key), 'entry.json'), 'utf8')) as EntryInfo;
    return info.label === label && info.key === key && fs.existsSync(path.join(entryDir(dir, label, key), 'files')) ? info : null;
  } catch {
    return null;
  }
}

/**
 * Copies an edition's output into a temporary folder and renames it into place, so that a
 * build stopped half-way, or two builds at once, never leave an entry that looks complete.
 */
function storeEntry(dir: string, label: string, key: string, editionDir: string): number {
  const files = listFiles(editionDir);
  const assets = new Set<string>();
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    for (const match of fs.readFileSync(path.join(editionDir, file), 'utf8').matchAll(/\/_astro\/([^"'\s)?#]+)/g)) assets.add(match[1]!);
  }
  fs.mkdirSync(dir, { recursive: true });
  const partial = fs.mkdtempSync(path.join(dir, `.${label}-`));
  try {
    fs.cpSync(editionDir, path.join(partial, 'files'), { recursive: true });
    const info: EntryInfo = { label, key, files: files.length, assets: [...assets].sort() };
    fs.writeFileSync(path.join(partial, 'entry.json'), `${JSON.stringify(info, null, 2)}\n`);
    fs.rmSync(entryDir(dir, label, key), { recursive: true, force: true });
    fs.renameSync(partial, entryDir(dir, label, key));
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  evictOldEntries(dir, label);
  return files.length;
}

function restoreEntry(dir: string, label: string, key: string, siteDir: string): number {
  const info = readEntry(dir, label, key);
  const missing = info?.assets.filter((asset) => !fs.existsSync(path.join(siteDir, '_astro', asset))) ?? [];
  if (!info || missing.length) {
    fs.rmSync(entryDir(dir, label, key), { recursive: true, force: true });
    const why = info ? `its pages refer to \`_astro/${missing[0]}\`, which this build did not produce` : 'the entry disappeared during the build';
    throw new Error(`The cached output of edition ${label} cannot be used: ${why}. The entry has been removed; build again and the edition will be rendered afresh.`);
  }
  const target = path.join(siteDir, editionPrefix({ isCurrent: false, label }));
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // A copy, not hard links, so that whatever later edits the published files cannot alter the
  // cache; copy-on-write clones where the file system has them.
  fs.cpSync(path.join(entryDir(dir, label, key), 'files'), target, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
  const now = new Date();
  fs.utimesSync(entryDir(dir, label, key), now, now);
  return info.files;
}

/** Keeps the most recently used entries of a label; the others can no longer be hit often. */
function evictOldEntries(dir: string, label: string): void {
  const pattern = new RegExp(`^${label.replace(/[.]/g, '\\.')}-[0-9a-f]{24}$`);
  const entries = fs.readdirSync(dir)
    .filter((name) => pattern.test(name))
    .map((name) => ({ name, used: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const entry of entries.slice(entriesPerLabel)) fs.rmSync(path.join(dir, entry.name), { recursive: true, force: true });
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}
