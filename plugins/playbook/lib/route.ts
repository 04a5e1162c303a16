/**
 * The route to a set of target levels: which initiatives close the gap between a leader's
 * current levels and the targets, and in what order. It is plain data in, plain data out, with
 * no import at all, so that the role pages (at build time) and the plan builder (in the
 * reader's browser, through the core's `route.ts` entry) compute exactly the same route.
 *
 * For each target the route climbs from the current level one level at a time: at every level
 * some initiative develops the competency to, it takes one initiative — one already on the
 * route when there is one, else the earliest in the ecosystem's sequence, then by id — until
 * the target is reached. Every prerequisite of those initiatives joins the route. The steps are
 * then ordered by prerequisites; among steps free to come next, a lower rung of a climb comes
 * before a higher one, then internal before external before coaching, then the lower level,
 * then the id: the same order on every build.
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
  const developers = developersByCompetency(initiatives);
  const chosen = new Set<string>();
  /** Soft order: the steps each step should follow, the lower rungs of its climbs. */
  const rungs = new Map<string, Set<string>>();
  const met: LevelOf[] = [];
  const unreachable: Route<T>['unreachable'] = [];
  const gaps = new Map<string, number>();
  for (const target of targets) {
    const from = current.get(target.competency) ?? -1;
    if (from >= target.level) {
      met.push(target);
      continue;
    }
    gaps.set(target.competency, from);
    const reached = climb(target, from, developers.get(target.competency) ?? [], chosen, rungs);
    if (reached < target.level) unreachable.push({ ...target, reached });
  }
  const prerequisiteOf = addPrerequisites(chosen, byId);
  const steps = [...chosen].map((id): RouteStep<T> => {
    const initiative = byId.get(id)!;
    const reaches = initiative.develops.filter((item) => gaps.has(item.competency) && item.level > gaps.get(item.competency)!);
    return { initiative, reaches, prerequisiteOf: [...(prerequisiteOf.get(id) ?? [])] };
  });
  const ordered = orderSteps(steps, rungs);
  const position = new Map(ordered.map((step, index) => [step.initiative.id, index]));
  for (const step of ordered) step.prerequisiteOf.sort((a, b) => position.get(a)! - position.get(b)!);
  return { steps: ordered, met, unreachable };
}

interface Developer<T> {
  initiative: T;
  level: number;
}

/** Each initiative once per competency, at the highest level it names for it. */
function developersByCompetency<T extends RouteInitiative>(initiatives: readonly T[]): Map<string, Developer<T>[]> {
  const index = new Map<string, Map<T, number>>();
  for (const initiative of initiatives) {
    for (const { competency, level } of initiative.develops) {
      const levels = index.get(competency) ?? new Map<T, number>();
      levels.set(initiative, Math.max(level, levels.get(initiative) ?? -1));
      index.set(competency, levels);
    }
  }
  return new Map([...index].map(([competency, levels]) => [competency, [...levels].map(([initiative, level]) => ({ initiative, level }))]));
}

/** Takes one initiative per level above `from` until the target is reached; returns the level reached. */
function climb<T extends RouteInitiative>(target: LevelOf, from: number, developers: Developer<T>[], chosen: Set<string>, rungs: Map<string, Set<string>>): number {
  const levels = [...new Set(developers.map((developer) => developer.level))].filter((level) => level > from).sort((a, b) => a - b);
  let reached = from;
  let previous: string | undefined;
  for (const level of levels) {
    if (reached >= target.level) break;
    const [pick] = developers.filter((developer) => developer.level === level).map((developer) => developer.initiative).sort(preferring(chosen));
    chosen.add(pick!.id);
    if (previous !== undefined && previous !== pick!.id) {
      const before = rungs.get(pick!.id) ?? new Set<string>();
      rungs.set(pick!.id, before.add(previous));
    }
    previous = pick!.id;
    reached = level;
  }
  return reached;
}

/** Already on the route first (one step can serve several targets), then by sequence, then by id. */
function preferring(chosen: ReadonlySet<string>) {
  return (a: RouteInitiative, b: RouteInitiative): number =>
    Number(chosen.has(b.id)) - Number(chosen.has(a.id)) || sequenceRank(a) - sequenceRank(b) || compareIds(a.id, b.id);
}

/** Adds every prerequisite, transitively; returns, for each step, the steps that need it first. */
function addPrerequisites(chosen: Set<string>, byId: ReadonlyMap<string, RouteInitiative>): Map<string, Set<string>> {
  const needers = new Map<string, Set<string>>();
  const queue = [...chosen];
  while (queue.length) {
    const id = queue.shift()!;
    for (const prerequisite of byId.get(id)!.prerequisites) {
      if (!byId.has(prerequisite) || prerequisite === id) continue;
      needers.set(prerequisite, (needers.get(prerequisite) ?? new Set()).add(id));
      if (!chosen.has(prerequisite)) {
        chosen.add(prerequisite);
        queue.push(prerequisite);
      }
    }
  }
  return needers;
}

function orderSteps<T extends RouteInitiative>(steps: RouteStep<T>[], rungs: ReadonlyMap<string, ReadonlySet<string>>): RouteStep<T>[] {
  const onRoute = new Set(steps.map((step) => step.initiative.id));
  const placed = new Set<string>();
  const remaining = [...steps];
  const ordered: RouteStep<T>[] = [];
  const free = (step: RouteStep<T>) => step.initiative.prerequisites.every((id) => !onRoute.has(id) || id === step.initiative.id || placed.has(id));
  const onTime = (step: RouteStep<T>) => [...(rungs.get(step.initiative.id) ?? [])].every((id) => placed.has(id));
  while (remaining.length) {
    // Prerequisites cannot form a cycle in a checked playbook; were one given, the route still ends.
    const ready = remaining.filter(free);
    const pool = ready.length ? ready : remaining;
    const inOrder = pool.filter(onTime);
    const next = (inOrder.length ? inOrder : pool).sort(byStepKey)[0]!;
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
