/**
 * What the plan builder's script needs of an edition, as JSON embedded in the page (a data
 * block, which the Content-Security-Policy allows, unlike inline code): the competencies with
 * levels, the initiatives as the core's route reads them plus what a step shows, and the roles.
 * Only what the edition publishes, so a public build's page holds nothing internal.
 */
import { roleTargets, type LevelOf, type RouteInitiative, type SiteEdition } from '../../plugins/playbook/index.ts';

export interface PlanInitiative extends RouteInitiative {
  title: string;
  url: string;
  duration?: string;
  commitment?: string;
  intakes: string[];
}

export interface PlanData {
  competencies: { id: string; name: string; levels: string[] }[];
  initiatives: PlanInitiative[];
  roles: { id: string; name: string; url: string; targets: LevelOf[] }[];
}

export function planData(site: SiteEdition): PlanData {
  return {
    competencies: site.competencies.filter((c) => c.levels.length > 0).map((c) => ({ id: c.id, name: c.name, levels: c.levels.map((level) => level.name) })),
    initiatives: site.initiatives().map(({ page, ...initiative }) => ({
      ...initiative,
      title: page.title,
      url: site.pageUrl(page.id),
      ...(page.duration ? { duration: page.duration } : {}),
      ...(page.commitment ? { commitment: page.commitment } : {}),
      intakes: page.intakes,
    })),
    roles: site.roles.map((role) => ({ id: role.id, name: role.name, url: site.roleUrl(role.id), targets: roleTargets(role, (id) => site.competency(id)) })),
  };
}

/** JSON that cannot end the `<script>` element it sits in, whatever the content says. */
export function dataBlock(data: PlanData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
