/** Every health rule, in the order the report lists their areas. */
import type { HealthRule } from './rule.ts';
import { expiringCoverage, externalOnly, singleInitiative, singleLayer } from './rules/coverage.ts';
import { unmeasuredInitiative, unmeasuredLayer, unusedMeasure } from './rules/measurement.ts';
import { contractEnding, partnerCompetencyShare, partnerInitiativeShare, partnerRotation } from './rules/partners.ts';
import { reviewDue, reviewOverdue } from './rules/reviews.ts';
import { audienceUnstated, noInternalBaseline } from './rules/sequencing.ts';

export const healthRules: readonly HealthRule[] = [
  singleInitiative,
  singleLayer,
  externalOnly,
  expiringCoverage,
  contractEnding,
  partnerInitiativeShare,
  partnerCompetencyShare,
  partnerRotation,
  reviewOverdue,
  reviewDue,
  unmeasuredInitiative,
  unusedMeasure,
  unmeasuredLayer,
  noInternalBaseline,
  audienceUnstated,
];

/** Every rule id, for tests and for `--format json` readers. */
export const healthRuleIds = healthRules.map((rule) => rule.id);
