/**
 * What one build publishes of each edition: never drafts (except under `npm run dev`), and
 * in a public build only public pages and competencies. Every page, listing, diagram and
 * search record is made from these views, so nothing unpublished can slip through one of them.
 */
import { type PageInitiative, roleLadders, roleTargets, routeInitiatives } from './levels.ts';
import { type Audience, type Competency, type Edition, type Layer, layers, type Level, type Page, type Playbook, type Role } from './model.ts';
import { planRoute, type Route } from './route.ts';
import { canonicalPageId, editionPrefix, pageUrlPath, sitePaths } from './urls.ts';

export interface SiteOptions {
  /** `public` publishes only `visibility: public` content. Default: `all`. */
  audience: Audience;
  /** Drafts are shown (with a badge) only by the dev server. Default: false. */
  includeDrafts: boolean;
  /** The site's base path, with leading and trailing slash. Default: `/`. */
  base: string;
}

export interface SiteEdition {
  edition: Edition;
  label: string;
  isCurrent: boolean;
  /** URL prefix of the edition: `/` or `/v/2025.2/`, under the base path. */
  root: string;
  pages: Page[];
  competencies: Competency[];
  /** A published page by id, in either spelling of a folder's page (`internal`, `internal/index`). */
  page(id: string): Page | undefined;
  /** A published page by the path of its URL (`team_rituals/onboarding-guide`), as site-absolute links name it. */
  pageAtPath(urlPath: string): Page | undefined;
  competency(id: string): Competency | undefined;
  pageUrl(id: string): string;
  /** Where a file of the playbook folder (`playbook/team/chart.png`, relative to the edition) is published. */
  assetUrl(playbookFile: string): string;
  competencyUrl(id: string): string;
  /** The catalogue of the edition's competencies. */
  competenciesUrl: string;
  /** The search page, shared by every edition (it searches the reader's own by default). */
  searchUrl: string;
  /** The folder of the edition's Pagefind bundle. */
  searchBundleUrl: string;
  layerUrl(layer: Layer): string;
  pagesInLayer(layer: Layer): Page[];
  /** Published pages that name `id` among their prerequisites. */
  followers(id: string): Page[];
  /** Published initiatives that develop a competency, by layer. */
  developers(competencyId: string): Page[];
  /** Published roles, by id. */
  roles: Role[];
  role(id: string): Role | undefined;
  roleUrl(id: string): string;
  /** The roles page and the plan builder, written only when the edition publishes a role. */
  rolesUrl: string;
  planUrl: string;
  /** The levels grid, written only when a published competency has levels. */
  levelsUrl: string;
  hasLevels: boolean;
  /** The published roles grouped into ladders by `grows_from`, each from its first rung up. */
  ladders(): Role[][];
  /** The published initiatives as the route reads them. */
  initiatives(): PageInitiative[];
  /**
   * The route to a role: from the levels the first role it grows from needs, or from no level
   * when it grows from none. Worked out once per role, on first use.
   */
  roleRoute(id: string): RoleRoute | undefined;
  /** Published roles that target a competency, with the level each needs, by role name. */
  rolesNeeding(competencyId: string): { role: Role; level: Level }[];
  /** Published roles whose route takes an initiative, by name. */
  rolesServedBy(pageId: string): Role[];
}

export interface RoleRoute {
  route: Route<PageInitiative>;
  /** The role the route starts from, when the role grows from one. */
  from: Role | undefined;
}

/** Whether a build for `options` publishes the entry: the one definition every stage uses. */
export function isPublished(entry: Page | Competency | Role, options: Pick<SiteOptions, 'audience' | 'includeDrafts'>): boolean {
  if (isDraft(entry) && !options.includeDrafts) return false;
  return options.audience !== 'public' || entry.visibility === 'public';
}

export function isDraft(entry: Page | Competency | Role): boolean {
  return entry.kind === 'page' && entry.status === 'draft';
}

export function siteEditions(playbook: Playbook, options: SiteOptions): SiteEdition[] {
  return playbook.editions.map((edition) => siteEdition(edition, options));
}

export function siteEdition(edition: Edition, options: SiteOptions): SiteEdition {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const root = `${base}${editionPrefix(edition)}`;
  const pages = [...edition.pages.values()].filter((page) => isPublished(page, options)).sort(byId);
  const competencies = [...edition.competencies.values()].filter((c) => isPublished(c, options)).sort(byId);
  const pageById = new Map(pages.map((page) => [page.id, page]));
  const pageByPath = new Map(pages.map((page) => [pageUrlPath(page.id), page]));
  const competencyById = new Map(competencies.map((competency) => [competency.id, competency]));
  const byLayer = new Map<Layer, Page[]>(layers.map((layer) => [layer, []]));
  for (const page of pages) if (pageUrlPath(page.id) !== page.layer && page.id !== 'index') byLayer.get(page.layer)!.push(page);
  const depth = prerequisiteDepths(pageById);
  for (const list of byLayer.values()) list.sort((a, b) => depth.get(a.id)! - depth.get(b.id)! || a.title.localeCompare(b.title, 'en'));
  const followers = indexBy(pages, (page) => page.prerequisites.map(canonicalPageId));
  const developers = indexBy(pages, (page) => page.develops);
  const roles = [...edition.roles.values()].filter((role) => isPublished(role, options)).sort(byId);
  const roleById = new Map(roles.map((role) => [role.id, role]));
  const competency = (id: string) => competencyById.get(id);
  const page = (id: string) => pageById.get(canonicalPageId(id));
  const initiatives = once(() => routeInitiatives(pages, competency, page));
  const routes = new Map<string, RoleRoute>();
  const roleRoute = (id: string): RoleRoute | undefined => {
    const role = roleById.get(id);
    if (!role) return undefined;
    if (!routes.has(id)) routes.set(id, routeToRole(role, roleById, competency, initiatives()));
    return routes.get(id);
  };
  const served = once(() => indexRoles(roles, (role) => roleRoute(role.id)!.route.steps.map((step) => step.initiative.id)));
  const needing = once(() => rolesByTarget(roles, competency));
  return {
    edition,
    label: edition.label,
    isCurrent: edition.isCurrent,
    root,
    pages,
    competencies,
    page: (id) => pageById.get(canonicalPageId(id)),
    pageAtPath: (urlPath) => pageByPath.get(canonicalPageId(urlPath)),
    competency: (id) => competencyById.get(id),
    pageUrl: (id) => `${root}${sitePaths.page(id)}`,
    assetUrl: (playbookFile) => `${root}${sitePaths.asset(playbookFile.replace(/^playbook\//, ''))}`,
    competencyUrl: (id) => `${root}${sitePaths.competency(id)}`,
    competenciesUrl: `${root}${sitePaths.competencies}`,
    searchUrl: `${base}${sitePaths.search}`,
    searchBundleUrl: `${root}${sitePaths.searchBundle}`,
    layerUrl: (layer) => `${root}${sitePaths.layer(layer)}`,
    pagesInLayer: (layer) => byLayer.get(layer) ?? [],
    followers: (id) => followers.get(id) ?? [],
    developers: (id) => developers.get(id) ?? [],
    roles,
    role: (id) => roleById.get(id),
    roleUrl: (id) => `${root}${sitePaths.role(id)}`,
    rolesUrl: `${root}${sitePaths.roles}`,
    planUrl: `${root}${sitePaths.plan}`,
    levelsUrl: `${root}${sitePaths.levels}`,
    hasLevels: competencies.some((c) => c.levels.length > 0),
    ladders: once(() => roleLadders(roles)),
    initiatives,
    roleRoute,
    rolesNeeding: (id) => needing().get(id) ?? [],
    rolesServedBy: (id) => served().get(canonicalPageId(id)) ?? [],
  };
}

/** Work done on first use only, so that an edition without roles or levels pays nothing for them. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) (value = make()), (made = true);
    return value as T;
  };
}

function routeToRole(role: Role, roles: Map<string, Role>, competency: (id: string) => Competency | undefined, initiatives: PageInitiative[]): RoleRoute {
  const from = role.grows_from.map((id) => roles.get(id)).find((other) => other !== undefined && other !== role);
  const current = new Map((from ? roleTargets(from, competency) : []).map((target) => [target.competency, target.level]));
  return { route: planRoute(initiatives, roleTargets(role, competency), current), from };
}

function indexRoles(roles: Role[], keys: (role: Role) => string[]): Map<string, Role[]> {
  const index = new Map<string, Role[]>();
  for (const role of [...roles].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    for (const key of new Set(keys(role))) index.set(key, [...(index.get(key) ?? []), role]);
  }
  return index;
}

function rolesByTarget(roles: Role[], competency: (id: string) => Competency | undefined): Map<string, { role: Role; level: Level }[]> {
  const index = new Map<string, { role: Role; level: Level }[]>();
  for (const role of [...roles].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    for (const target of roleTargets(role, competency)) {
      const level = competency(target.competency)!.levels[target.level]!;
      index.set(target.competency, [...(index.get(target.competency) ?? []), { role, level }]);
    }
  }
  return index;
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One pass over the pages, so per-page lookups never rescan the whole site. */
function indexBy(pages: Page[], keys: (page: Page) => string[]): Map<string, Page[]> {
  const index = new Map<string, Page[]>();
  for (const page of pages) {
    for (const key of new Set(keys(page))) {
      const list = index.get(key);
      if (list) list.push(page);
      else index.set(key, [page]);
    }
  }
  return index;
}

/**
 * How many prerequisites come before each page, at most: layers list pages in the order a
 * leader would take them, then by title. Cycles are the checker's to report; here they stop.
 * A depth-first search with its own stack, so that a chain of any length fits.
 */
function prerequisiteDepths(pages: Map<string, Page>): Map<string, number> {
  const depths = new Map<string, number>();
  const open = new Set<string>();
  for (const start of pages.keys()) {
    if (depths.has(start)) continue;
    const path = [{ id: start, next: 0, depth: 0 }];
    open.add(start);
    while (path.length) {
      const frame = path.at(-1)!;
      const prerequisites = pages.get(frame.id)!.prerequisites;
      if (frame.next < prerequisites.length) {
        const id = canonicalPageId(prerequisites[frame.next++]!);
        const known = depths.get(id);
        if (known !== undefined) frame.depth = Math.max(frame.depth, known + 1);
        else if (pages.has(id) && !open.has(id)) {
          open.add(id);
          path.push({ id, next: 0, depth: 0 });
        }
        continue;
      }
      path.pop();
      open.delete(frame.id);
      depths.set(frame.id, frame.depth);
      const parent = path.at(-1);
      if (parent) parent.depth = Math.max(parent.depth, frame.depth + 1);
    }
  }
  return depths;
}
