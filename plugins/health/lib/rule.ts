/**
 * A health rule: one independent function over the ecosystem's facts, with its id, area and
 * severity declared beside it. The report runs every rule of `healthRules`; a new rule (the
 * roles' unreachable targets, say) is one more entry there.
 */
import { joinList } from '../../playbook/index.ts';
import type { Ecosystem } from './ecosystem.ts';
import type { Finding, FindingSeverity, HealthArea } from './findings.ts';

export type FindingDraft = Omit<Finding, 'rule' | 'area' | 'severity'>;

export interface HealthRule {
  id: string;
  area: HealthArea;
  severity: FindingSeverity;
  check(ecosystem: Ecosystem): FindingDraft[];
}

/** `` `a` ``, `` `a` and `b` ``: values in messages are in backticks, as in every Trellis message. */
export function codeList(values: readonly string[]): string {
  return joinList(values.map((value) => `\`${value}\``));
}

/** `1 initiative`, `3 initiatives`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `63%`, rounded: the rules compare the exact share, the words round it. */
export function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`;
}

/** `in 45 days`, `today`, `61 days ago`. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  return days > 0 ? `in ${count(days, 'day')}` : `${count(-days, 'day')} ago`;
}
