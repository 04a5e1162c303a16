/**
 * The route to a set of target levels: which initiatives close the gap between a leader's
 * current levels and the targets, and in what order. It is plain data in, plain data out, with
 * no import at all, so that the role pages (at build time) and the plan builder (in the
 * reader's browser, through the core's `route.ts` entry) compute exactly the same route.
 *
 * A target is met by an initiative that develops its competency to at least the target level.
 * Targets are taken in the order written: one already met by the route so far (its initiatives
 * and all their prerequisites) adds nothing; otherwise the route takes the initiative that
 * reaches the target at the lowest level, earliest in the ecosystem's sequence, then by id —
 * or, when none reaches it, the one that comes closest. Every prerequisite joins the route, and
 * an initiative that the others' prerequisites have made redundant leaves it again. The steps
 * are ordered by prerequisites; among steps free to come next, internal comes before external
 * before coaching, then the step whose lowest level is lower, then the id: the same order on
 * every build.
 */

/** The ecosystem's sequence: the internal baseline, then external learning, then coaching. */
export const routeSequence = ['internal', 'external', 'coaching'] as const;
export type RouteLayer = (typeof routeSequence)[number];

/** A level of a competency, as its index in the competency's rubric (0 is the first level). */
export interface LevelOf {
  competency: string;
  level: number;
}

export interface RouteInitiative {
  id: string;
  layer: RouteLayer;
  /** What it develops, each to a level; a plain `develops` item develops to the first level. */
  develops: readonly LevelOf[];
  /** Ids of the initiatives that must come first. */
  prerequisites: readonly string[];
}

export interface RouteStep<T extends RouteInitiative> {
  initiative: T;
  /** The targets' competencies it develops beyond the current level, each to the level it reaches. */
  reaches: LevelOf[];
  /** Ids of the later steps that need this one first, in route order. */
  prerequisiteOf: string[];
}

export interface Route<T extends RouteInitiative> {
  steps: RouteStep<T>[];
  /** Targets that the current levels already meet. */
  met: LevelOf[];
  /** Targets no initiative reaches; `reached` is the highest level the route gets to, -1 for none. */
  unreachable: (LevelOf & { reached: number })[];
}

/**
 * @param current the leader's level in each competency, as an index; a competency left out
 * has no level yet
 */
export function planRoute<T extends RouteInitiative>(initiatives: readonly T[], targets: readonly LevelOf[], current: ReadonlyMap<string, number> = new Map()): Route<T> {
  const byId = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
  const gaps = targets.filter((target) => (current.get(target.competency) ?? -1) < target.level);
  const picked: T[] = [];
  const unreachable: Route<T>['unreachable'] = [];
  for (const target of gaps) {
    const from = current.get(target.competency) ?? -1;
    const developers = initiatives.filter((initiative) => levelIn(initiative, target.competency) > from);
    const wanted = Math.min(target.level, bestLevel(developers, target.competency));
    if (wanted < target.level) unreachable.push({ ...target, reached: Math.max(from, wanted) });
    if (!developers.length || bestLevel(withPrerequisites(picked, byId), target.competency) >= wanted) continue;
    picked.push(developers.filter((initiative) => levelIn(initiative, target.competency) >= wanted).sort(closestTo(target))[0]!);
  }
  const gapIds = new Set(gaps.map((target) => target.competency));
  const steps = withPrerequisites(withoutRedundant(picked, gaps, byId), byId).map((initiative): RouteStep<T> => ({
    initiative,
    reaches: initiative.develops.filter((item) => gapIds.has(item.competency) && item.level > (current.get(item.competency) ?? -1)),
    prerequisiteOf: [],
  }));
  const ordered = orderSteps(steps);
  for (const step of ordered) {
    step.prerequisiteOf = ordered.filter((other) => other !== step && other.initiative.prerequisites.includes(step.initiative.id)).map((other) => other.initiative.id);
  }
  return { steps: ordered, met: targets.filter((target) => !gaps.includes(target)), unreachable };
}

/** The level an initiative develops a competency to, -1 when it does not develop it. */
function levelIn(initiative: RouteInitiative, competency: string): number {
  return Math.max(-1, ...initiative.develops.filter((item) => item.competency === competency).map((item) => item.level));
}

/** The highest level any of the initiatives develops the competency to, -1 for none. */
function bestLevel(initiatives: readonly RouteInitiative[], competency: string): number {
  return Math.max(-1, ...initiatives.map((initiative) => levelIn(initiative, competency)));
}

/** Among initiatives that reach what is wanted: the lowest level, then the earliest in the sequence, then the id. */
function closestTo(target: LevelOf) {
  return (a: RouteInitiative, b: RouteInitiative): number =>
    levelIn(a, target.competency) - levelIn(b, target.competency) || sequenceRank(a) - sequenceRank(b) || compareIds(a.id, b.id);
}

/** The initiatives and every prerequisite, transitively, each once. */
function withPrerequisites<T extends RouteInitiative>(initiatives: readonly T[], byId: ReadonlyMap<string, T>): T[] {
  const found = new Set<T>(initiatives);
  const queue = [...initiatives];
  while (queue.length) {
    for (const id of queue.shift()!.prerequisites) {
      const prerequisite = byId.get(id);
      if (prerequisite && !found.has(prerequisite)) found.add(prerequisite), queue.push(prerequisite);
    }
  }
  return [...found];
}

/**
 * A later pick's prerequisites may take an earlier target as far too: the earlier pick then
 * leaves, unless something needs it. The latest picks are tried first, so the result never depends on
 * anything but the targets' order.
 */
function withoutRedundant<T extends RouteInitiative>(picked: T[], gaps: readonly LevelOf[], byId: ReadonlyMap<string, T>): T[] {
  let kept = [...picked];
  for (const candidate of [...picked].reverse()) {
    const others = kept.filter((initiative) => initiative !== candidate);
    const route = withPrerequisites(others, byId);
    if (route.includes(candidate)) continue;
    const before = withPrerequisites(kept, byId);
    const asFar = gaps.every((target) => bestLevel(route, target.competency) >= Math.min(target.level, bestLevel(before, target.competency)));
    if (asFar) kept = others;
  }
  return kept;
}

function orderSteps<T extends RouteInitiative>(steps: RouteStep<T>[]): RouteStep<T>[] {
  const onRoute = new Set(steps.map((step) => step.initiative.id));
  const placed = new Set<string>();
  const remaining = [...steps];
  const ordered: RouteStep<T>[] = [];
  const free = (step: RouteStep<T>) => step.initiative.prerequisites.every((id) => !onRoute.has(id) || id === step.initiative.id || placed.has(id));
  while (remaining.length) {
    // Prerequisites cannot form a cycle in a checked playbook; were one given, the route still ends.
    const ready = remaining.filter(free);
    const next = (ready.length ? ready : remaining).sort(byStepKey)[0]!;
    remaining.splice(remaining.indexOf(next), 1);
    placed.add(next.initiative.id);
    ordered.push(next);
  }
  return ordered;
}

function byStepKey(a: RouteStep<RouteInitiative>, b: RouteStep<RouteInitiative>): number {
  return sequenceRank(a.initiative) - sequenceRank(b.initiative) || lowestLevel(a) - lowestLevel(b) || compareIds(a.initiative.id, b.initiative.id);
}

/** A step taken only as a prerequisite reaches nothing, and counts as below every level. */
function lowestLevel(step: RouteStep<RouteInitiative>): number {
  return step.reaches.length ? Math.min(...step.reaches.map((item) => item.level)) : -1;
}

function sequenceRank(initiative: RouteInitiative): number {
  return routeSequence.indexOf(initiative.layer);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
