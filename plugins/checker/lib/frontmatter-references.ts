/**
 * The id lists of frontmatter: `develops` and `related` name competencies, `prerequisites`
 * and `metrics` name pages (a role's lists are checked in `roles.ts`). Ids are only ever looked up in the edition's maps, so an id such
 * as `../../etc/passwd` is simply unknown and nothing is read.
 */
import { type Competency, competencyIdPattern, didYouMean, type Page, ruleIds, type Span } from '../../playbook/index.ts';
import { type CheckContext, checkReferent, type Entry, inEdition } from './context.ts';

export function checkPageLists(context: CheckContext, page: Page): void {
  // `['develops', i, 'id']` is the id of an `{ id, level }` item, and the item itself when it is a plain id.
  page.develops.forEach((id, i) => checkCompetencyId(context, page, id, page.source.spanOf(['develops', i, 'id'])));
  page.prerequisites.forEach((id, i) => checkPageId(context, page, id, page.source.spanOf(['prerequisites', i])));
  page.metrics.forEach((id, i) => checkMetric(context, page, id, page.source.spanOf(['metrics', i])));
}

export function checkCompetencyLists(context: CheckContext, competency: Competency): void {
  competency.related.forEach((id, i) => checkCompetencyId(context, competency, id, competency.source.spanOf(['related', i])));
}

/** The competency, after reporting it when it does not exist or may not be referred to. */
export function checkCompetencyId(context: CheckContext, from: Entry, id: string, span: Span): Competency | undefined {
  const target = context.index.competency(id);
  if (!target) {
    const suggestion = context.index.closestCompetencyId(id);
    const advice = suggestion
      ? didYouMean(suggestion)
      : competencyIdPattern.test(id)
        ? `; add \`competencies/${id}.md\` or name an existing competency.`
        : '; a competency id is the name of a file in `competencies/` without its extension, such as `risk-judgement`.';
    context.diagnostics.error(from.source.path, span, ruleIds.unknownCompetency, `Unknown competency \`${id}\`${inEdition(context)}${advice}`, suggestion);
    return undefined;
  }
  checkReferent(context, from, target, span);
  return target;
}

/** The page, after reporting it when it does not exist or may not be referred to. */
export function checkPageId(context: CheckContext, from: Entry, id: string, span: Span): Page | undefined {
  const target = context.index.page(id);
  if (!target) {
    reportUnknownPage(context, from, id, span, false);
    return undefined;
  }
  checkReferent(context, from, target, span);
  return target;
}

function checkMetric(context: CheckContext, page: Page, id: string, span: Span): void {
  const target = context.index.page(id);
  if (!target) {
    reportUnknownPage(context, page, id, span, true);
    return;
  }
  if (target.layer !== 'measurement') {
    const suggestion = context.index.closestPageId(id, true);
    const advice = suggestion ? `; did you mean \`${suggestion}\`?` : '; list only pages of layer `measurement` in `metrics`.';
    context.diagnostics.error(page.source.path, span, ruleIds.metricsNotMeasurement, `Metric \`${id}\` is a page of layer \`${target.layer}\`, not \`measurement\`${advice}`, suggestion);
    return;
  }
  checkReferent(context, page, target, span);
}

function reportUnknownPage(context: CheckContext, from: Entry, id: string, span: Span, measurementOnly: boolean): void {
  const suggestion = context.index.closestPageId(id, measurementOnly);
  const advice = suggestion ? didYouMean(suggestion) : '; write the id of a page of this edition: its path under `playbook/` without the extension.';
  context.diagnostics.error(from.source.path, span, ruleIds.unknownPage, `Unknown page \`${id}\`${inEdition(context)}${advice}`, suggestion);
}
