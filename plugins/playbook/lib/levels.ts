/**
 * Levels as the route needs them: a level name as its place in the competency's rubric, what
 * each initiative develops to which level, and what each role targets. One reading, shared by
 * the checker's unreachable-target rule, the published view and the plan builder's data.
 */
import type { Competency, Page, Role } from './model.ts';
import type { LevelOf, RouteInitiative, RouteLayer } from './route.ts';
import { routeSequence } from './route.ts';

/** The level's place in the rubric, or -1 when the competency has no level of that name. */
export function levelIndex(competency: Competency, name: string): number {
  return competency.levels.findIndex((level) => level.name === name);
}

/**
 * The level a page develops a competency to: the level its item names, or the first level for
 * a plain item; -1 when it does not develop it or names a level the competency lacks.
 */
export function developedLevel(page: Page, competency: Competency): number {
  let best = -1;
  for (const item of page.developsItems) {
    if (item.id !== competency.id) continue;
    best = Math.max(best, item.level === undefined ? 0 : levelIndex(competency, item.level));
  }
  return best;
}

/** An initiative as the route reads it, with the page it stands for. */
export type PageInitiative = RouteInitiative & { page: Page };

export function isInitiative(page: Page): page is Page & { layer: RouteLayer } {
  return (routeSequence as readonly string[]).includes(page.layer);
}

/**
 * The initiatives among `pages`, each with the levels it develops in `competency` (unknown
 * competencies and levels left out) and the prerequisites that are themselves initiatives.
 */
export function routeInitiatives(pages: readonly Page[], competency: (id: string) => Competency | undefined, page: (id: string) => Page | undefined): PageInitiative[] {
  return pages.filter(isInitiative).map((initiative) => ({
    id: initiative.id,
    layer: initiative.layer,
    page: initiative,
    develops: initiative.developsItems.flatMap((item): LevelOf[] => {
      const target = competency(item.id);
      const level = target ? developedLevel(initiative, target) : -1;
      return level >= 0 ? [{ competency: item.id, level }] : [];
    }),
    prerequisites: initiative.prerequisites.map((id) => page(id)).filter((other) => other !== undefined && isInitiative(other)).map((other) => other!.id),
  }));
}

/** A role's targets that name a published competency and one of its levels, in the order written. */
export function roleTargets(role: Role, competency: (id: string) => Competency | undefined): LevelOf[] {
  return Object.entries(role.targets).flatMap(([id, name]) => {
    const target = competency(id);
    const level = target ? levelIndex(target, name) : -1;
    return level >= 0 ? [{ competency: id, level }] : [];
  });
}

/**
 * The roles as ladders: each group of roles joined by `grows_from`, from the roles that grow
 * from none up, each rung by name. A `grows_from` cycle (nothing forbids one) still places
 * every role once.
 */
export function roleLadders(roles: readonly Role[]): Role[][] {
  const byId = new Map(roles.map((role) => [role.id, role]));
  const neighbours = new Map<Role, Set<Role>>(roles.map((role) => [role, new Set()]));
  for (const role of roles) {
    for (const id of role.grows_from) {
      const from = byId.get(id);
      if (!from || from === role) continue;
      neighbours.get(role)!.add(from);
      neighbours.get(from)!.add(role);
    }
  }
  const seen = new Set<Role>();
  const ladders: Role[][] = [];
  for (const start of [...roles].sort(byName)) {
    if (seen.has(start)) continue;
    const group: Role[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const role = queue.shift()!;
      group.push(role);
      for (const other of neighbours.get(role)!) if (!seen.has(other)) queue.push(other), seen.add(other);
    }
    const rung = rungs(group, byId);
    ladders.push(group.sort((a, b) => rung.get(a)! - rung.get(b)! || byName(a, b)));
  }
  return ladders.sort((a, b) => b.length - a.length || byName(a[0]!, b[0]!));
}

/** How many roles, at most, lead up to each role. */
function rungs(group: Role[], byId: Map<string, Role>): Map<Role, number> {
  const depth = new Map<Role, number>();
  const visiting = new Set<Role>();
  const depthOf = (role: Role): number => {
    if (depth.has(role)) return depth.get(role)!;
    if (visiting.has(role)) return 0;
    visiting.add(role);
    const below = role.grows_from.map((id) => byId.get(id)).filter((from) => from !== undefined && from !== role);
    const value = below.length ? 1 + Math.max(...below.map((from) => depthOf(from!))) : 0;
    visiting.delete(role);
    depth.set(role, value);
    return value;
  };
  for (const role of group) depthOf(role);
  return depth;
}

function byName(a: Role, b: Role): number {
  return a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
