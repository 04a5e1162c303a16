/**
 * How the role pages, the levels grid and the initiative pages put a route into words: what a
 * step develops, when it next starts, how long the whole route takes.
 */
import { describeDays, type LevelOf, nextIntake, type PageInitiative, type RouteStep, type SiteEdition, totalDuration } from '../../plugins/playbook/index.ts';

/** One initiative of a layer, as a step of a route names it. */
export const stepKinds = { internal: 'Internal programme', external: 'External partnership', coaching: 'Coaching' } as const;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2027-02-01` → "1 February 2027". */
export function longDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** "Strategic foresight", the level name, and its place in the rubric. */
export function levelOf(site: SiteEdition, item: LevelOf): { competency: string; level: string; href: string } {
  const competency = site.competency(item.competency);
  return { competency: competency?.name ?? item.competency, level: competency?.levels[item.level]?.name ?? '', href: site.competencyUrl(item.competency) };
}

/**
 * The next intake when the edition is current and `today` is known; an older edition is a
 * frozen record (and its pages are cached across days), so it lists its intakes instead.
 */
export function intakeText(site: SiteEdition, intakes: readonly string[], today: string): { label: string; dates: string[] } | null {
  if (!intakes.length) return null;
  if (!site.isCurrent) return { label: intakes.length === 1 ? 'Intake' : 'Intakes', dates: [...intakes].sort() };
  const next = nextIntake(intakes, today);
  return next ? { label: 'Next intake', dates: [next] } : null;
}

/** "about 3 years 2 months, taken one after another" and the steps whose length is not given. */
export function routeTotal(steps: readonly RouteStep<PageInitiative>[]): string {
  const { days, unknown } = totalDuration(steps.map((step) => step.initiative.page.duration));
  const known = steps.length - unknown;
  if (!known) return 'No step gives its duration.';
  const rest = unknown ? `, plus ${unknown} ${unknown === 1 ? 'step' : 'steps'} whose length is not given` : '';
  return `In all ${describeDays(days)} if taken one after another${rest}.`;
}
