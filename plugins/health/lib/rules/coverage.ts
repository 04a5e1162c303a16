/**
 * Coverage risk: competencies that one event could leave undeveloped. Each competency gets
 * at most one of the layer rules: developed by one initiative; by several, all in one
 * layer; only through external partners; only through contracts about to end. (A competency
 * no initiative develops is the checker's `uncovered-competency` warning.)
 */
import type { Competency, Page } from '../../../playbook/index.ts';
import type { Ecosystem } from '../ecosystem.ts';
import { at } from '../findings.ts';
import { codeList, type FindingDraft, type HealthRule } from '../rule.ts';

/** Each published competency with the initiatives that develop it, in catalogue order. */
function developed(ecosystem: Ecosystem): { competency: Competency; pages: Page[] }[] {
  return ecosystem.competencies.map((competency) => ({ competency, pages: ecosystem.developers.get(competency.id) ?? [] })).filter(({ pages }) => pages.length > 0);
}

const ids = (pages: Page[]) => codeList(pages.map((page) => page.id));

export const singleInitiative: HealthRule = {
  id: 'single-initiative',
  area: 'coverage',
  severity: 'warning',
  check: (ecosystem) =>
    developed(ecosystem)
      .filter(({ pages }) => pages.length === 1)
      .map(({ competency, pages }) => ({
        ...at(competency, ['name']),
        message: `Competency \`${competency.id}\` is developed by one initiative only, \`${pages[0]!.id}\`; if that programme pauses or ends, nothing develops it. Add the competency to the \`develops\` of a second initiative, ideally in another layer.`,
      })),
};

export const singleLayer: HealthRule = {
  id: 'single-layer',
  area: 'coverage',
  severity: 'info',
  check: (ecosystem) =>
    developed(ecosystem)
      .filter(({ pages }) => pages.length > 1 && pages[0]!.layer !== 'external' && pages.every((page) => page.layer === pages[0]!.layer))
      .map(({ competency, pages }) => ({
        ...at(competency, ['name']),
        message: `Competency \`${competency.id}\` is developed only in the ${pages[0]!.layer} layer, by ${ids(pages)}; one kind of learning is a narrow base. Develop it in an initiative of another layer as well.`,
      })),
};

export const externalOnly: HealthRule = {
  id: 'external-only',
  area: 'coverage',
  severity: 'warning',
  check: (ecosystem) =>
    developed(ecosystem)
      .filter(({ pages }) => pages.length > 1 && pages.every((page) => page.layer === 'external') && !allEndInNotice(ecosystem, pages))
      .map(({ competency, pages }) => ({
        ...at(competency, ['name']),
        message: `Competency \`${competency.id}\` is developed only through external partners, by ${ids(pages)}; nothing the organisation runs itself keeps it going when a partnership ends. Develop it in an internal or coaching initiative as well.`,
      })),
};

export const expiringCoverage: HealthRule = {
  id: 'expiring-coverage',
  area: 'coverage',
  severity: 'warning',
  check: (ecosystem) =>
    developed(ecosystem)
      .filter(({ pages }) => pages.every((page) => page.layer === 'external') && allEndInNotice(ecosystem, pages))
      .map(({ competency, pages }): FindingDraft => ({
        ...at(competency, ['name']),
        message: `Competency \`${competency.id}\` is developed only by external initiatives whose contracts end within the ${ecosystem.thresholds.noticeDays}-day notice period (by \`${ecosystem.noticeEnd}\`): ${ids(pages)}; when they end, nothing develops it. Renew a contract, or develop the competency in an internal or coaching initiative before then.`,
      })),
};

function allEndInNotice(ecosystem: Ecosystem, pages: Page[]): boolean {
  return pages.every((page) => page.partner?.contract_end !== undefined && page.partner.contract_end <= ecosystem.noticeEnd);
}
