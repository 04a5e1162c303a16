/**
 * Incremental builds: Astro skips a page whose route returns the same `cacheKey` as in the
 * last build (and whose templates are unchanged) and copies its HTML from its cache. A key
 * must therefore change whenever anything the page shows can change:
 *
 * - every page shows other entries only through their frontmatter (titles, names, layers,
 *   what they develop — in links, listings, the sidebar, backlinks and diagrams) and the ids
 *   of their headings in capitals (a link to `other.md#faq` is written `#FAQ` when that is
 *   the heading's id), the editions, the settings and the generator; all of that is the
 *   build's `shared` digest;
 * - a page's own body is its own: editing one page's text changes only its key, and so does
 *   changing the size of a picture it shows;
 * - a competency's name is shown only where it is named: a playbook page, and an entry's
 *   print body, hold the names of the competencies it develops and names with
 *   `:competency[…]`, unless it may show any (a diagram that lists competencies, or code of
 *   its own); every other route holds every name. Renaming a competency renders again what
 *   shows it, not the whole playbook.
 *
 * A route kind not listed as showing only its own body depends on every file (`all`), so a
 * route added later is never skipped wrongly: at worst it is rendered again.
 */
import { createHash, type Hash } from 'node:crypto';
import path from 'node:path';
import { canonicalPageId, type Competency, type Page, type Role, type SiteEdition } from '../../playbook/index.ts';
import { generatorHash } from './edition-cache.ts';
import type { Route } from './routes.ts';
import type { TrellisState } from './state.ts';

export interface CacheKeys {
  /** The cacheKey of a route. */
  route: (route: Route) => string;
  /**
   * The key of one entry's body as the print edition shows it: what the body shows of others
   * is in the shared digest (of the names, those it shows), as for a page; the site's address is in its links.
   */
  printBody: (site: SiteEdition, entry: Page | Competency | Role) => string;
}

/** The keys of one build's state. */
export function cacheKeys(state: TrellisState, projectRoot: string): CacheKeys {
  const digests = sharedDigests(state, projectRoot);
  // Asked for several times per body (to plan the threads, to read, to write, to prune): hashed once.
  const printKeys = new Map<string, string>();
  return {
    route: routeKeys(state, digests),
    printBody: (site, entry) => {
      const id = `${site.label}\0${entry.kind}\0${entry.source.path}`;
      let key = printKeys.get(id);
      if (key === undefined) {
        const hash = sharedHash(digests, site, competencyNamesShownBy(entry));
        hash.update(`\0print\0${state.siteUrl}\0${site.label}\0${entry.kind}\0${entry.source.path}\0`).update(entry.source.text);
        hash.update(`\0${JSON.stringify(state.assets.byEntry.get(entry.source.path) ?? [])}`);
        key = hash.digest('hex').slice(0, 32);
        printKeys.set(id, key);
      }
      return key;
    },
  };
}

function routeKeys(state: TrellisState, digests: SharedDigests): (route: Route) => string {
  const everything = allTextDigest(state, digests.whole);
  return (route) => {
    const own = ownEntries(route);
    if (own === 'all') return everything;
    // A playbook page's own view shows no more names than its body and facts; every other route may show any.
    const page = route.kind === 'page' || route.kind === 'home' ? route.page : undefined;
    const hash = sharedHash(digests, route.site, page ? competencyNamesShownBy(page) : 'all').update(route.path);
    for (const entry of own) hash.update('\0').update(entry.source.path).update('\0').update(entry.source.text);
    // A picture's size is in the page's HTML: a picture replaced by one of another size renders the page again.
    for (const entry of own) hash.update(`\0${JSON.stringify(state.assets.byEntry.get(entry.source.path) ?? [])}`);
    return hash.digest('hex').slice(0, 32);
  };
}

/** The entries whose bodies a route shows, or `all` when it may show any of them. */
function ownEntries(route: Route): (Page | Competency)[] | 'all' {
  switch (route.kind) {
    case 'home':
    case 'page':
      return route.page ? [route.page] : [];
    case 'layer':
      return route.intro ? [route.intro] : [];
    case 'competency':
      return [route.competency];
    case 'competencies':
    case 'changes':
      return [];
    default:
      return 'all';
  }
}

/** The shared digest, with the names of the competencies shown or, for `all`, of every one. */
function sharedHash(digests: SharedDigests, site: SiteEdition, names: string[] | 'all'): Hash {
  const hash = createHash('sha256').update(names === 'all' ? digests.whole : digests.withoutNames);
  if (names !== 'all') for (const id of names) hash.update(`\0name\0${id}\0${site.competency(id)?.name ?? ''}`);
  return hash;
}

/**
 * The competencies whose names an entry's body and facts show, or `all`. A page shows those it
 * develops (in its facts, its search filters and its structured data); a body shows those it
 * names as `:competency[id]`. A diagram lists competencies of its own choosing, and code a
 * page brings in MDX may show anything.
 */
function competencyNamesShownBy(entry: Page | Competency | Role): string[] | 'all' {
  const { source } = entry;
  if (source.usesMdxFeatures || diagramsMayNameCompetencies(source.text)) return 'all';
  const named = competenciesNamedIn(source.text);
  if (named === 'all') return 'all';
  return [...new Set([...(entry.kind === 'page' ? entry.develops : []), ...named])].sort();
}

/**
 * Whether the diagrams a text may hold can show a competency's name. A `framework` block draws
 * only its own labels and a pathway only pages; every other type lists competencies. A
 * directive whose type is not written plainly (a label, entities, a brace on another line) is
 * taken to show any.
 */
function diagramsMayNameCompetencies(text: string): boolean {
  for (const match of text.matchAll(/::diagram(\{[^}\n]*\})?/g)) {
    const types = [...(match[1] ?? '').matchAll(/(?<=[\s{])type=(?:"([\w-]*)"|'([\w-]*)'|([\w-]+)(?=[\s}]))/g)];
    const type = types.length === 1 ? (types[0]![1] ?? types[0]![2] ?? types[0]![3]) : undefined;
    if (type !== 'pathway') return true;
  }
  return false;
}

/**
 * The ids of every `:competency[id]` a text may hold, read from the text itself (in code too:
 * more names only render a page more often). A label that is not a plain id (markup, brackets)
 * is read by the renderer differently: then the page may show any name.
 */
function competenciesNamedIn(text: string): string[] | 'all' {
  const ids: string[] = [];
  for (const match of text.matchAll(/:competency\[([^\]]*)\]/g)) {
    const id = match[1]!.trim();
    if (!/^[\w./-]+$/.test(id)) return 'all';
    ids.push(canonicalPageId(id));
  }
  return ids;
}

interface SharedDigests {
  /** Everything every page may show. */
  whole: string;
  /** The same without the competencies' names, which a page holds only for those it shows. */
  withoutNames: string;
}

/**
 * Everything every page may show: the settings, the generator, the editions and, of every
 * entry of every edition, its file and frontmatter; headings are a page's own. The
 * competencies' names are digested apart, for the routes that show only some of them.
 */
function sharedDigests(state: TrellisState, projectRoot: string): SharedDigests {
  const hash = createHash('sha256');
  const names = createHash('sha256');
  hash.update('trellis-route-key 2\0').update(generatorHash(projectRoot)).update('\0');
  // Where the content and the output live changes no page; the audience, the day and the rest do.
  const { contentDir: _contentDir, outDir: _outDir, ...settings } = state.settings;
  hash.update(JSON.stringify({ settings, options: state.options, siteOptions: state.siteOptions, fonts: state.diagramFonts.map((file) => path.basename(file)) }));
  for (const site of state.editions) {
    hash.update(`\0edition ${site.label} ${site.edition.archived} ${site.edition.released ?? ''}\0`);
    for (const entry of entriesOf(site)) updateWithFrontmatter(hash, site, entry);
    for (const competency of site.competencies) names.update(`${site.label}\0${competency.id}\0${competency.name}\0`);
  }
  for (const [file, date] of [...state.lastUpdated].sort()) hash.update(`${file}\0${date}\0`);
  const withoutNames = hash.digest('hex');
  return { withoutNames, whole: createHash('sha256').update(withoutNames).update(names.digest('hex')).digest('hex') };
}

/** Every entry with a file: roles too, whose targets and routes the initiatives' facts show. */
export function entriesOf(site: SiteEdition): (Page | Competency | Role)[] {
  return [...site.pages, ...site.competencies, ...site.roles];
}

/**
 * The heading ids that change how another page's link is written. A link's anchor is written
 * as the heading's id when it matches one in another letter case, and as written otherwise (an
 * anchor that matches none is an error, so no such build is rendered). GitHub's ids are
 * lowercase, so while every id is, the link is the same whatever the headings: only ids given
 * with `{#…}` in capitals matter, and editing an ordinary heading renders only its own page.
 */
function idsOtherLinksCanSpell(headings: readonly { slug: string }[]): string[] {
  return headings.map((heading) => heading.slug).filter((id) => id !== id.toLowerCase());
}

/**
 * The entry as every other page sees it: its validated fields and the ids of its headings in
 * capitals, not its body; a competency's name is hashed on its own (`sharedDigests`).
 */
function updateWithFrontmatter(hash: Hash, site: SiteEdition, entry: Page | Competency | Role): void {
  const { source, ...fields } = entry;
  const shown = 'headings' in fields ? { ...fields, headings: idsOtherLinksCanSpell(fields.headings) } : entry.kind === 'competency' ? { ...fields, name: undefined } : fields;
  hash.update(`${site.label}\0${source.path}\0${JSON.stringify(shown)}\0`);
}

function allTextDigest(state: TrellisState, shared: string): string {
  const hash = createHash('sha256').update(shared);
  for (const site of state.editions) for (const entry of entriesOf(site)) hash.update(entry.source.path).update('\0').update(entry.source.text);
  return hash.digest('hex').slice(0, 32);
}
