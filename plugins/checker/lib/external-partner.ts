/**
 * A page of layer external names its partner. A partner without `evaluation` is reported by
 * load with the other field problems; this rule only adds the partner that is missing
 * altogether, so that one mistake gives one message.
 */
import { type Page, ruleIds } from '../../playbook/index.ts';
import type { CheckContext } from './context.ts';

export function checkExternalPartner(context: CheckContext, page: Page): void {
  if (page.layer !== 'external' || page.partner || page.source.frontmatter?.has('partner')) return;
  context.diagnostics.error(
    page.source.path,
    page.source.spanOf(['layer']),
    ruleIds.externalWithoutPartner,
    'Page of layer `external` has no `partner`; add `partner:` with its `name` and `evaluation` (and `contract_end` if there is one).',
  );
}
