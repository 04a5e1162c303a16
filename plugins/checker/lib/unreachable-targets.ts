/**
 * Unreachable targets: a role of the current edition needs a level of a competency that no
 * published initiative develops it to (a plain `develops` item counts as the first level). In
 * a public build only public content counts, on both sides, as for uncovered competencies.
 */
import { type Edition, isInitiative, levelIndex, ruleIds } from '../../playbook/index.ts';
import { type CheckContext, isInBuild } from './context.ts';

export function checkUnreachableTargets(context: CheckContext): void {
  const { edition } = context;
  if (!edition.isCurrent || edition.roles.size === 0) return;
  const highest = highestLevels(context, edition);
  const initiative = context.audience === 'public' ? 'public initiative' : 'initiative';
  for (const role of edition.roles.values()) {
    if (!isInBuild(context, role)) continue;
    for (const [id, name] of Object.entries(role.targets)) {
      const competency = edition.competencies.get(id);
      const level = competency ? levelIndex(competency, name) : -1;
      if (!competency || level < 0 || !isInBuild(context, competency)) continue;
      const reached = highest.get(id) ?? -1;
      // A `develops` item with a misspelt level is already an error; it may be the one that reaches.
      if (reached >= level || reached === misspelt) continue;
      const why = reached < 0
        ? `no ${initiative} develops \`${id}\``
        : `no ${initiative} develops \`${id}\` beyond \`${competency.levels[reached]!.name}\``;
      context.diagnostics.warning(
        role.source.path,
        role.source.spanOf(['targets', id]),
        ruleIds.unreachableTarget,
        `Target \`${name}\` in \`${id}\` is unreachable: ${why}; add \`{ id: ${id}, level: ${name} }\` to the \`develops\` of an initiative that gets leaders there, or lower the target.`,
      );
    }
  }
}

/** Marks a competency that some initiative develops to a level it does not have. */
const misspelt = Infinity;

/** The highest level any published initiative develops each competency to. */
function highestLevels(context: CheckContext, edition: Edition): Map<string, number> {
  const highest = new Map<string, number>();
  for (const page of edition.pages.values()) {
    if (!isInitiative(page) || !isInBuild(context, page)) continue;
    for (const item of page.developsItems) {
      const competency = edition.competencies.get(item.id);
      if (!competency) continue;
      const level = item.level === undefined ? 0 : levelIndex(competency, item.level);
      highest.set(item.id, level < 0 ? misspelt : Math.max(highest.get(item.id) ?? -1, level));
    }
  }
  return highest;
}
