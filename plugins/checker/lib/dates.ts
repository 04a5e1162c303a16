/**
 * Dates that have passed: `review_by`, `partner.contract_end`, and `intakes` when every one has. Only the current edition
 * is reviewed: older editions are frozen records of what was published, nobody maintains
 * them, and a warning there could never be fixed.
 */
import { type Page, ruleIds } from '../../playbook/index.ts';
import { type CheckContext, isInBuild } from './context.ts';

export function checkDates(context: CheckContext): void {
  if (!context.edition.isCurrent) return;
  for (const page of context.edition.pages.values()) {
    if (context.audience === 'public' && !isInBuild(context, page)) continue;
    checkPageDates(context, page);
  }
}

function checkPageDates(context: CheckContext, page: Page): void {
  const { diagnostics, today } = context;
  if (page.review_by !== undefined && page.review_by < today) {
    diagnostics.warning(page.source.path, page.source.spanOf(['review_by']), ruleIds.reviewOverdue, `Review date \`${page.review_by}\` has passed; review the page, then set \`review_by\` to the date of the next review.`);
  }
  const lastIntake = [...page.intakes].sort().at(-1);
  if (lastIntake !== undefined && lastIntake < today) {
    diagnostics.warning(page.source.path, page.source.spanOf(['intakes']), ruleIds.intakesPassed, `Every intake has passed, the last on \`${lastIntake}\`; add the dates of the next intakes, or remove \`intakes\` if the initiative now runs on request.`);
  }
  const contractEnd = page.partner?.contract_end;
  if (contractEnd !== undefined && contractEnd < today) {
    diagnostics.warning(page.source.path, page.source.spanOf(['partner', 'contract_end']), ruleIds.contractExpired, `Partner contract ended on \`${contractEnd}\`; record the renewed \`contract_end\`, or retire the page if the partnership is over.`);
  }
}
