// If this breaks, a leader planning a move is sent to the wrong programmes or in the wrong
// order: an advanced programme before the foundation it builds on, coaching before the
// internal baseline, a prerequisite missing, a different order on every build, or a target
// that nothing reaches silently left out of their plan.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeDays, durationDays, loadPlaybook, nextIntake, planRoute, type Route, type RouteInitiative, siteEdition, totalDuration } from '../../plugins/playbook/index.ts';

const content = fileURLToPath(new URL('fixtures/route/content', import.meta.url));
const site = siteEdition(loadPlaybook(content).playbook.editions[0]!, { audience: 'all', includeDrafts: false, base: '/' });

/** Practised is index 1, Expert index 2: the director's targets. */
const director = [
  { competency: 'foresight', level: 1 },
  { competency: 'people', level: 2 },
  { competency: 'risk', level: 1 },
  { competency: 'data', level: 1 },
];

function shown(route: Route<RouteInitiative>): string[] {
  return route.steps.map((step) => {
    const reaches = step.reaches.map((item) => `${item.competency}:${item.level}`).join(' ');
    const before = step.prerequisiteOf.length ? ` before ${step.prerequisiteOf.join(' ')}` : '';
    return `${step.initiative.id}${reaches ? ` ${reaches}` : ''}${before}`;
  });
}

describe('planRoute', () => {
  it('takes for each target the initiative that reaches it at the lowest level, then orders by prerequisites, sequence, level and id', () => {
    // Foresight at Practised: School (external, Practised) rather than Rotation (internal, but
    // Advanced). Council is internal but needs School first. Lab comes before Analytics, both
    // internal and free, because its level is lower, though `analytics` sorts first. Coach and
    // Mentor tie on level and layer; the id decides.
    expect(shown(planRoute(site.initiatives(), director))).toEqual([
      'internal/lab foresight:0 people:0 before external/school',
      'internal/analytics data:1',
      'external/school foresight:1 risk:0 before internal/council',
      'internal/council people:2',
      'coaching/coach risk:1',
    ]);
  });

  it('is the same whatever order the initiatives come in', () => {
    const reversed = [...site.initiatives()].reverse();
    expect(shown(planRoute(reversed, director))).toEqual(shown(planRoute(site.initiatives(), director)));
  });

  it('starts from the current levels, keeps the prerequisites, and says which targets are already met', () => {
    const route = planRoute(site.initiatives(), director, new Map([['foresight', 1], ['risk', 1]]));
    expect(shown(route)).toEqual([
      'internal/lab people:0 before external/school',
      'internal/analytics data:1',
      'external/school before internal/council',
      'internal/council people:2',
    ]);
    expect(route.met).toEqual([{ competency: 'foresight', level: 1 }, { competency: 'risk', level: 1 }]);
    expect(route.unreachable).toEqual([]);
  });

  it('drops a step that a later step\'s prerequisites make redundant', () => {
    // Risk at Foundational first takes Shadowing; Council then brings School, which develops risk too.
    const route = planRoute(site.initiatives(), [{ competency: 'risk', level: 0 }, { competency: 'people', level: 2 }]);
    expect(shown(route)).toEqual(['internal/lab people:0 before external/school', 'external/school risk:0 before internal/council', 'internal/council people:2']);
  });

  it('calls out a target no initiative reaches, with the level the route gets to, and goes as far as it can', () => {
    const route = planRoute(site.initiatives(), [{ competency: 'foresight', level: 3 }, { competency: 'nobody-develops', level: 0 }]);
    expect(route.unreachable).toEqual([{ competency: 'foresight', level: 3, reached: 2 }, { competency: 'nobody-develops', level: 0, reached: -1 }]);
    expect(shown(route)).toEqual(['internal/lab foresight:0 before internal/rotation', 'internal/rotation foresight:2']);
  });

  it('never stalls on a prerequisite cycle, which the checker refuses', () => {
    const cycle: RouteInitiative[] = [
      { id: 'a', layer: 'internal', develops: [{ competency: 'x', level: 0 }], prerequisites: ['b'] },
      { id: 'b', layer: 'internal', develops: [{ competency: 'x', level: 1 }], prerequisites: ['a'] },
    ];
    expect(planRoute(cycle, [{ competency: 'x', level: 1 }]).steps.map((step) => step.initiative.id)).toEqual(['a', 'b']);
  });
});

describe('the route to a role', () => {
  it('starts from the levels of the role it grows from', () => {
    const { route, from } = site.roleRoute('director')!;
    expect(from?.id).toBe('manager');
    expect(shown(route)).toEqual([
      'internal/lab people:0 before external/school',
      'internal/analytics data:1',
      'external/school before internal/council',
      'internal/council people:2',
    ]);
    expect(site.rolesServedBy('internal/council').map((role) => role.id)).toEqual(['director']);
    expect(site.rolesServedBy('coaching/coach').map((role) => role.id)).toEqual(['manager']);
    expect(site.rolesNeeding('risk').map(({ role, level }) => `${role.id} ${level.name}`)).toEqual(['director Practised', 'manager Practised']);
  });

  it('groups roles into ladders, from the first rung up', () => {
    expect(site.ladders().map((ladder) => ladder.map((role) => role.id))).toEqual([['manager', 'director']]);
  });
});

describe('durations and intakes', () => {
  it('reads the first number and unit of a duration, in digits or words', () => {
    expect(['6 months', 'a year', 'six weeks', '10 days over 3 months', 'ongoing', undefined].map(durationDays)).toEqual([183, 365, 42, 10, null, null]);
  });

  it('adds up a route and says it in words a reader plans with', () => {
    const route = planRoute(site.initiatives(), director);
    const total = totalDuration([...route.steps.map((step) => site.page(step.initiative.id)!.duration), 'ongoing']);
    expect(total).toEqual({ days: 183 + 42 + 365 + 91 + 274, unknown: 1 });
    expect([describeDays(5), describeDays(10), describeDays(200), describeDays(total.days), describeDays(730)]).toEqual(['5 days', '2 weeks', 'about 7 months', 'about 2 years 7 months', 'about 2 years']);
  });

  it('finds the next intake on or after today', () => {
    expect(nextIntake(['2027-09-01', '2027-02-01'], '2027-02-01')).toBe('2027-02-01');
    expect(nextIntake(['2027-09-01', '2027-02-01'], '2027-02-02')).toBe('2027-09-01');
    expect(nextIntake(['2027-09-01'], '2028-01-01')).toBeUndefined();
  });
});
