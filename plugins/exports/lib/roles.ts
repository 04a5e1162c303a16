/**
 * A role as the exports write it: its targets and `grows_from` cut down to what the build
 * publishes, and the route the role's page shows, with levels as their names. One reading for
 * catalogue.json and roles.csv, so the two files never disagree about a role.
 */
import { type LevelOf, type Role, roleTargets, type SiteEdition } from '../../playbook/index.ts';

export interface TargetLevel {
  competency: string;
  level: string;
}

export interface PublishedRole {
  /** The targets on published competencies, in the order written. */
  targets: TargetLevel[];
  /** The published roles it grows from, in the order written. */
  growsFrom: string[];
  /** The role the route starts from: the first published role of `grows_from`. */
  routeFrom: string | undefined;
  /** The published initiatives of the route, in the order to take them. */
  route: string[];
  /** Targets that no published initiative develops to the level. */
  unreachable: TargetLevel[];
}

export function publishedRole(site: SiteEdition, role: Role): PublishedRole {
  const { route, from } = site.roleRoute(role.id)!;
  return {
    targets: roleTargets(role, (id) => site.competency(id)).map((target) => levelName(site, target)),
    growsFrom: [...new Set(role.grows_from.filter((id) => id !== role.id && site.role(id)))],
    routeFrom: from?.id,
    route: route.steps.map((step) => step.initiative.id),
    unreachable: route.unreachable.map((target) => levelName(site, target)),
  };
}

/** `competency: risk-judgement, level: Expert`, as the role's frontmatter names it. */
function levelName(site: SiteEdition, target: LevelOf): TargetLevel {
  return { competency: target.competency, level: site.competency(target.competency)!.levels[target.level]!.name };
}
