/**
 * Sequencing and equity. The ecosystem runs from the internal baseline to external learning
 * and coaching, so an external or coaching initiative should have an internal one somewhere
 * among its prerequisites (followed through prerequisites of prerequisites). And every
 * initiative should say who may join.
 */
import { canonicalPageId, type Page, type SiteEdition } from '../../../playbook/index.ts';
import { at } from '../findings.ts';
import type { HealthRule } from '../rule.ts';

export const noInternalBaseline: HealthRule = {
  id: 'no-internal-baseline',
  area: 'sequencing',
  severity: 'info',
  check: ({ site, initiatives }) =>
    initiatives
      .filter((page) => page.layer !== 'internal' && !hasInternalBefore(site, page))
      .map((page) => ({
        ...at(page, ['prerequisites']),
        message: `${page.layer === 'external' ? 'External' : 'Coaching'} initiative \`${page.id}\` has no internal initiative among its \`prerequisites\`, nor among theirs; leaders may reach it without the internal baseline. Add an internal initiative to its \`prerequisites\`, or say on the page why it stands alone.`,
      })),
};

export const audienceUnstated: HealthRule = {
  id: 'audience-unstated',
  area: 'equity',
  severity: 'warning',
  check: ({ initiatives }) =>
    initiatives
      .filter((page) => page.audience.length === 0 && !eligibilityOf(page))
      .map((page) => ({
        ...at(page, ['audience']),
        message: `Initiative \`${page.id}\` says nothing about who may join: it has no \`audience\` and no \`eligibility\`; leaders cannot tell whether it is open to them, and places go to those who already know. Add an \`audience\` list or an \`eligibility\` sentence.`,
      })),
};

/** `eligibility` is a field of format version 2; a playbook read before the schema has it has none. */
function eligibilityOf(page: Page): string | undefined {
  const value = (page as Page & { eligibility?: unknown }).eligibility;
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** Whether an internal initiative comes before the page, directly or through other prerequisites. */
function hasInternalBefore(site: SiteEdition, page: Page): boolean {
  const seen = new Set<string>([page.id]);
  const queue = page.prerequisites.map(canonicalPageId);
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const before = site.page(id);
    if (!before) continue;
    if (before.layer === 'internal' && before.id !== 'internal') return true;
    queue.push(...before.prerequisites.map(canonicalPageId));
  }
  return false;
}
