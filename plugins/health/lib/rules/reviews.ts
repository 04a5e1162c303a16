/**
 * Reviews: pages whose `review_by` has passed or falls within the review window. Each names
 * the page's owner, so that the report can hand every owner their own list.
 */
import type { Page } from '../../../playbook/index.ts';
import { addDays, daysBetween } from '../dates.ts';
import type { Ecosystem } from '../ecosystem.ts';
import { at } from '../findings.ts';
import { type FindingDraft, type HealthRule, relativeDays } from '../rule.ts';

export const reviewOverdue: HealthRule = {
  id: 'review-overdue',
  area: 'reviews',
  severity: 'warning',
  check: (ecosystem) =>
    reviewed(ecosystem, (date) => date < ecosystem.today).map((page) =>
      review(page, `${owned(page)}, was due for review on \`${page.review_by}\`, ${relativeDays(daysBetween(ecosystem.today, page.review_by!))}; ${page.owner ? '' : 'name an owner, '}review it, then set \`review_by\` to the date of the next review.`),
    ),
};

export const reviewDue: HealthRule = {
  id: 'review-due',
  area: 'reviews',
  severity: 'info',
  check: (ecosystem) => {
    const windowEnd = addDays(ecosystem.today, ecosystem.thresholds.reviewWindowDays);
    return reviewed(ecosystem, (date) => date >= ecosystem.today && date <= windowEnd).map((page) =>
      review(page, `${owned(page)}, is due for review on \`${page.review_by}\`, ${relativeDays(daysBetween(ecosystem.today, page.review_by!))}; ${page.owner ? 'plan the review with its owner' : 'name an owner to review it'}.`),
    );
  },
};

function reviewed(ecosystem: Ecosystem, when: (date: string) => boolean): Page[] {
  return ecosystem.site.pages.filter((page) => page.review_by !== undefined && when(page.review_by));
}

function owned(page: Page): string {
  return page.owner ? `Page \`${page.id}\`, owned by ${page.owner}` : `Page \`${page.id}\`, which has no \`owner\``;
}

function review(page: Page, message: string): FindingDraft {
  return { ...at(page, ['review_by']), message, ...(page.owner ? { owner: page.owner } : {}) };
}
