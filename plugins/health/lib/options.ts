/**
 * The thresholds of the health report, from `trellis({ health: { … } })` in astro.config.mjs.
 * The page, `npm run health` and `npm run impact` all resolve them here, so the three can
 * never judge the same playbook by different limits.
 */

export interface HealthOptions {
  /** Days before a partner contract ends in which it must be renewed or wound down. Default: 120. */
  noticeDays?: number;
  /** Largest share of external initiatives, or of externally developed competencies, one partner may hold, in percent. Default: 40. */
  partnerShare?: number;
  /** Years after `partner.since` when a partnership is due for rotation. Default: 5. */
  rotationYears?: number;
  /** Days ahead in which a `review_by` date counts as due. Default: 60. */
  reviewWindowDays?: number;
}

export type HealthThresholds = Required<HealthOptions>;

export const defaultThresholds: HealthThresholds = { noticeDays: 120, partnerShare: 40, rotationYears: 5, reviewWindowDays: 60 };

/** What each threshold is, for messages that say what to write. */
const limits: Record<keyof HealthThresholds, { what: string; max: number }> = {
  noticeDays: { what: 'a whole number of days', max: 3650 },
  partnerShare: { what: 'a percentage', max: 100 },
  rotationYears: { what: 'a whole number of years', max: 100 },
  reviewWindowDays: { what: 'a whole number of days', max: 3650 },
};

/** An option in astro.config.mjs that the user has to correct; its message says how. */
export class HealthOptionsError extends Error {
  override name = 'HealthOptionsError';
}

/** The thresholds with defaults filled in; a value that is not a number in range is refused. */
export function resolveHealthOptions(input: unknown = {}): HealthThresholds {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new HealthOptionsError(`\`trellis({ health })\` in astro.config.mjs is \`${String(input)}\`; write an object such as \`health: { noticeDays: 90 }\`, or leave it out for the defaults.`);
  }
  const given = input as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(key in limits)) throw new HealthOptionsError(`\`trellis({ health: { ${key} } })\` in astro.config.mjs is not an option; the options are ${Object.keys(limits).map((name) => `\`${name}\``).join(', ')}.`);
  }
  const resolved = { ...defaultThresholds };
  for (const key of Object.keys(limits) as (keyof HealthThresholds)[]) {
    const value = given[key];
    if (value === undefined) continue;
    const { what, max } = limits[key];
    const whole = key !== 'partnerShare';
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max || (whole && !Number.isInteger(value))) {
      throw new HealthOptionsError(`\`trellis({ health: { ${key} } })\` in astro.config.mjs is \`${String(value)}\`; write ${what} from 1 to ${max}, or leave it out for the default of ${defaultThresholds[key]}.`);
    }
    resolved[key] = value;
  }
  return resolved;
}
