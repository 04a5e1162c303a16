/**
 * What every rule is given for one edition, and the one place that decides whether a
 * reference that does resolve may still not be made (to a draft, or from public content to
 * content a public build leaves out), so that ids, inline references and links agree.
 */
import type { Audience, Competency, DiagnosticList, Edition, Page, Span } from '../../playbook/index.ts';
import { ruleIds } from '../../playbook/index.ts';
import type { EditionIndex } from './edition-index.ts';

export type Entry = Page | Competency;

export interface CheckContext {
  edition: Edition;
  index: EditionIndex;
  /** Every edition by label, for site-absolute links into `/v/<label>/`. */
  editions: ReadonlyMap<string, EditionIndex>;
  audience: Audience;
  /** `YYYY-MM-DD`. */
  today: string;
  diagnostics: DiagnosticList;
}

/** Reports a reference from `from` to an existing `target` that a build could not honour. */
export function checkReferent(context: CheckContext, from: Entry, target: Entry, span: Span): void {
  if (target === from) return;
  if (isDraft(target) && !isDraft(from)) {
    context.diagnostics.error(from.source.path, span, ruleIds.draftReference, `Page \`${target.id}\` is a draft and will not be published; publish it (remove \`status: draft\`) or remove this reference.`);
    return;
  }
  if (context.audience === 'public' && from.visibility === 'public' && !isDraft(from) && target.visibility !== 'public') {
    context.diagnostics.error(
      from.source.path,
      span,
      ruleIds.notPublicReference,
      `Public ${from.kind} \`${from.id}\` refers to ${target.kind} \`${target.id}\`, which is not public and is left out of a public build; make \`${target.id}\` public (\`visibility: public\`) or remove this reference.`,
    );
  }
}

/** `` in edition `2025.2` `` for an older edition, else nothing: where a reference was looked up. */
export function inEdition(context: CheckContext): string {
  return context.edition.isCurrent ? '' : ` in edition \`${context.edition.label}\``;
}

export function isDraft(entry: Entry): boolean {
  return entry.kind === 'page' && entry.status === 'draft';
}

/** Whether the entry is published by a build for the context's audience. */
export function isInBuild(context: CheckContext, entry: Entry): boolean {
  return !isDraft(entry) && (context.audience !== 'public' || entry.visibility === 'public');
}
