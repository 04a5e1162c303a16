/**
 * The health report of one published edition: every rule's findings, and the facts the
 * page draws (partners and their contracts, the competency × layer grid). `/health/`,
 * `npm run health` and `npm run impact` all call this one function.
 */
import type { SiteEdition } from '../../playbook/index.ts';
import { type Ecosystem, readEcosystem } from './ecosystem.ts';
import { compareFindings, type Finding } from './findings.ts';
import { type HealthOptions, resolveHealthOptions } from './options.ts';
import { healthRules } from './rules.ts';

export interface HealthReport {
  ecosystem: Ecosystem;
  /** Sorted by area, severity, file and position. */
  findings: Finding[];
}

/**
 * @param site the published view of the edition; the report is meant for the internal build.
 * @param today `YYYY-MM-DD` (`PLAYBOOK_TODAY`, or today's date).
 */
export function ecosystemHealth(site: SiteEdition, today: string, options: HealthOptions = {}): HealthReport {
  const ecosystem = readEcosystem(site, today, resolveHealthOptions(options));
  const findings = healthRules.flatMap((rule) => rule.check(ecosystem).map((draft): Finding => ({ rule: rule.id, area: rule.area, severity: rule.severity, ...draft })));
  return { ecosystem, findings: findings.sort(compareFindings) };
}
