/**
 * What every rule is given for one edition, and the one place that decides whether a
 * reference that does resolve may still not be made (to a draft, or from public content to
 * content a public build leaves out), so that ids, inline references and links agree.
 */
import { type AllowedHosts, type Audience, type Competency, type DiagnosticList, type Edition, isDraft, isPublished, type MdxMode, type Page, type Role, ruleIds, type Span } from '../../playbook/index.ts';
import type { EditionIndex } from './edition-index.ts';

export type Entry = Page | Competency | Role;

export interface CheckContext {
  edition: Edition;
  index: EditionIndex;
  /** Every edition by label, for site-absolute links into `/v/<label>/`. */
  editions: ReadonlyMap<string, EditionIndex>;
  audience: Audience;
  /** `YYYY-MM-DD`. */
  today: string;
  /** Whether `.mdx` pages may run code. */
  mdx: MdxMode;
  /** Hosts whose images and frames the pages' Content-Security-Policy allows. */
  allow: AllowedHosts;
  diagnostics: DiagnosticList;
}

/** The messages of a refused reference; the defaults fit ids, inline references and links. */
export interface ReferenceWords {
  draft(target: Entry): string;
  notPublic(from: Entry, target: Entry): string;
}

const referenceWords: ReferenceWords = {
  draft: (target) => `Page \`${target.id}\` is a draft and will not be published; publish it (remove \`status: draft\`) or remove this reference.`,
  notPublic: (from, target) =>
    `Public ${from.kind} \`${from.id}\` refers to ${target.kind} \`${target.id}\`, which is not public and is left out of a public build; make \`${target.id}\` public (\`visibility: public\`) or remove this reference.`,
};

/** Reports a reference from `from` to an existing `target` that a build could not honour. */
export function checkReferent(context: CheckContext, from: Entry, target: Entry, span: Span, words: ReferenceWords = referenceWords): void {
  if (target === from) return;
  if (isDraft(target) && !isDraft(from)) {
    context.diagnostics.error(from.source.path, span, ruleIds.draftReference, words.draft(target));
    return;
  }
  if (isInBuild(context, from) && !isInBuild(context, target)) {
    context.diagnostics.error(from.source.path, span, ruleIds.notPublicReference, words.notPublic(from, target));
  }
}

/** `` in edition `2025.2` `` for an older edition, else nothing: where a reference was looked up. */
export function inEdition(context: CheckContext): string {
  return context.edition.isCurrent ? '' : ` in edition \`${context.edition.label}\``;
}

/** Whether the entry is published by a build for the context's audience. */
export function isInBuild(context: CheckContext, entry: Entry): boolean {
  return isPublished(entry, { audience: context.audience, includeDrafts: false });
}
