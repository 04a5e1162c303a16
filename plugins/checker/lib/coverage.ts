/**
 * Uncovered competencies: a competency of the current edition that no initiative (a
 * published page of layer internal, external or coaching) develops. In a public build only
 * public content counts, on both sides, because that is what the public site shows.
 */
import { initiativeLayers, ruleIds } from '../../playbook/index.ts';
import { type CheckContext, isInBuild } from './context.ts';

export function checkCoverage(context: CheckContext): void {
  if (!context.edition.isCurrent) return;
  const covered = new Set<string>();
  for (const page of context.edition.pages.values()) {
    if (!initiativeLayers.includes(page.layer) || !isInBuild(context, page)) continue;
    for (const id of page.develops) covered.add(id);
  }
  const initiative = context.audience === 'public' ? 'public initiative' : 'initiative';
  for (const competency of context.edition.competencies.values()) {
    if (covered.has(competency.id) || !isInBuild(context, competency)) continue;
    context.diagnostics.warning(
      competency.source.path,
      competency.source.spanOf(['name']),
      ruleIds.uncoveredCompetency,
      `Competency \`${competency.id}\` is not developed by any ${initiative}; add it to the \`develops\` list of an internal, external or coaching page, or retire it.`,
    );
  }
}
