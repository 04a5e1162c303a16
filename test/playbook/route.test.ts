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

/** `foresight` Advanced is index 2, `people` Expert 2, `risk` Practised 1. */
const director = [
  { competency: 'foresight', level: 2 },
  { competency: 'people', level: 2 },
  { competency: 'risk', level: 1 },
];

function shown(route: Route<RouteInitiative>): string[] {
  return route.steps.map((step) => {
    const reaches = step.reaches.map((item) => `${item.competency}:${item.level}`).join(' ');
    const before = step.prerequisiteOf.length ? ` before ${step.prerequisiteOf.join(' ')}` : '';
    return `${step.initiative.id}${reaches ? ` ${reaches}` : ''}${before}`;
  });
}

describe('planRoute', () => {
  it('climbs every level, orders by prerequisites, then rung, then internal, external, coaching, then level, then id', () => {
    // Council is internal but needs School (external) first; Shadowing (risk, first level)
    // comes before Cases (foresight, second level); Forum (external, second level of people)
    // before Council (its third); School before Coach (external before coaching); Coach and
    // Mentor tie on everything but the id.
    expect(shown(planRoute(site.initiatives(), director))).toEqual([
      'internal/lab foresight:0 people:0 before internal/cases external/school',
      'internal/shadowing risk:0',
      'internal/cases foresight:1',
      'external/forum people:1',
      'external/school foresight:2 before internal/council',
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
      'external/forum people:1',
      'external/school foresight:2 before internal/council',
      'internal/council people:2',
    ]);
    expect(route.met).toEqual([{ competency: 'risk', level: 1 }]);
    expect(route.unreachable).toEqual([]);
  });

  it('calls out a target no initiative reaches, with the level the route gets to', () => {
    const route = planRoute(site.initiatives(), [{ competency: 'foresight', level: 3 }, { competency: 'nobody-develops', level: 0 }]);
    expect(route.unreachable).toEqual([{ competency: 'foresight', level: 3, reached: 2 }, { competency: 'nobody-develops', level: 0, reached: -1 }]);
    expect(shown(route)).toEqual(['internal/lab foresight:0 before internal/cases external/school', 'internal/cases foresight:1', 'external/school foresight:2']);
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
      'external/forum people:1',
      'external/school foresight:2 before internal/council',
      'internal/council people:2',
    ]);
    expect(site.rolesServedBy('internal/council').map((role) => role.id)).toEqual(['director']);
    expect(site.rolesServedBy('internal/shadowing').map((role) => role.id)).toEqual(['manager']);
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
    const total = totalDuration(route.steps.map((step) => site.page(step.initiative.id)!.duration));
    expect(total).toEqual({ days: 183 + 42 + 91 + 10 + 365 + 548 + 274, unknown: 0 });
    expect([describeDays(5), describeDays(10), describeDays(200), describeDays(total.days), describeDays(730)]).toEqual(['5 days', '2 weeks', 'about 7 months', 'about 4 years 2 months', 'about 2 years']);
  });

  it('finds the next intake on or after today', () => {
    expect(nextIntake(['2027-09-01', '2027-02-01'], '2027-02-01')).toBe('2027-02-01');
    expect(nextIntake(['2027-09-01', '2027-02-01'], '2027-02-02')).toBe('2027-09-01');
    expect(nextIntake(['2027-09-01'], '2028-01-01')).toBeUndefined();
  });
});
