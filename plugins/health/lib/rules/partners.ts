/**
 * Partners: contracts that end within the notice period, one partner holding too much of the
 * external layer, and partnerships old enough to rotate ("to avoid stagnation"). A contract
 * that has already ended is the checker's `contract-expired` warning.
 */
import { addYears, daysBetween, yearsBetween } from '../dates.ts';
import { type Partner, type Share, sharesOf } from '../ecosystem.ts';
import { at } from '../findings.ts';
import { count, type FindingDraft, type HealthRule, percent, relativeDays } from '../rule.ts';

export const contractEnding: HealthRule = {
  id: 'contract-ending',
  area: 'partners',
  severity: 'warning',
  check: ({ partners, today, noticeEnd, thresholds }) =>
    partners.flatMap((partner) =>
      partner.contracts
        .filter(({ end }) => end !== undefined && end >= today && end <= noticeEnd)
        .map(({ page, end }) => ({
          ...at(page, ['partner', 'contract_end']),
          message: `Contract with \`${partner.name}\` for \`${page.id}\` ends on \`${end}\`, ${relativeDays(daysBetween(today, end!))}, within the ${thresholds.noticeDays}-day notice period; decide now whether to renew it, then record the new \`contract_end\`, or plan how the initiative ends.`,
        })),
    ),
};

export const partnerInitiativeShare: HealthRule = {
  id: 'partner-initiative-share',
  area: 'partners',
  severity: 'warning',
  check: (ecosystem) =>
    ecosystem.partners
      .map((partner) => ({ partner, share: sharesOf(ecosystem, partner).initiatives }))
      .filter(({ share }) => share.over)
      .map(({ partner, share }) => ({
        ...firstPage(partner),
        message: `Partner \`${partner.name}\` runs ${partOf(share, 'external initiative', 'external initiatives')} (${percent(share.part, share.whole)}), more than the ${ecosystem.thresholds.partnerShare}% limit; the ecosystem depends on one vendor. Move an initiative to another partner, or add initiatives with other partners.`,
      })),
};

export const partnerCompetencyShare: HealthRule = {
  id: 'partner-competency-share',
  area: 'partners',
  severity: 'warning',
  check: (ecosystem) =>
    ecosystem.partners
      .map((partner) => ({ partner, share: sharesOf(ecosystem, partner).competencies }))
      .filter(({ share }) => share.over)
      .map(({ partner, share }) => ({
        ...firstPage(partner),
        message: `Partner \`${partner.name}\` develops ${partOf(share, 'competency', 'competencies')} developed externally (${percent(share.part, share.whole)}), more than the ${ecosystem.thresholds.partnerShare}% limit; losing it would take most external development with it. Spread those competencies over other partners.`,
      })),
};

export const partnerRotation: HealthRule = {
  id: 'partner-rotation',
  area: 'partners',
  severity: 'info',
  check: ({ partners, today, thresholds }) =>
    partners.flatMap((partner) =>
      partner.contracts
        .filter(({ since }) => since !== undefined && addYears(since, thresholds.rotationYears) <= today)
        .map(({ page, since }): FindingDraft => ({
          ...at(page, ['partner', 'since']),
          message: `Partnership with \`${partner.name}\` for \`${page.id}\` began on \`${since}\`, ${count(yearsBetween(since!, today), 'year')} ago, longer than the ${thresholds.rotationYears}-year rotation period; compare it with other providers before the next renewal, so that the programme does not go stale.`,
        })),
    ),
};

/** `3 of the 5 external initiatives`, `all 2 …`, `the only …`. */
function partOf(share: Share, one: string, many: string): string {
  if (share.whole === 1) return `the only ${one}`;
  return share.part === share.whole ? `all ${share.whole} ${many}` : `${share.part} of the ${share.whole} ${many}`;
}

/** A partner's findings point at the partner's name on its first page. */
function firstPage(partner: Partner): Omit<FindingDraft, 'message'> {
  return at(partner.initiatives[0]!, ['partner', 'name']);
}
