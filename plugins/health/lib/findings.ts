/**
 * What a health finding is, and the areas the report groups them in. A finding is a
 * judgement about the ecosystem, not an error in a file: it never stops a build, and it
 * names the file, line and column it concerns only where there is one.
 */
import type { Competency, Page, SourceFile, Span } from '../../playbook/index.ts';

export const healthAreas = ['coverage', 'partners', 'reviews', 'measurement', 'sequencing', 'equity'] as const;
export type HealthArea = (typeof healthAreas)[number];

export const areaTitles: Record<HealthArea, string> = {
  coverage: 'Coverage',
  partners: 'Partners',
  reviews: 'Reviews',
  measurement: 'Measurement',
  sequencing: 'Sequencing',
  equity: 'Equity',
};

export type FindingSeverity = 'warning' | 'info';

export interface Finding {
  /** The rule's id, such as `single-initiative`; see `healthRuleIds`. */
  rule: string;
  severity: FindingSeverity;
  area: HealthArea;
  /** What is wrong, why it matters and what to do, in a sentence or two. */
  message: string;
  /** Relative to the content folder, when the finding concerns one file. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The page or competency the finding is about, for links. */
  subject?: { kind: 'page' | 'competency'; id: string };
  /** The page's owner, for findings grouped by owner (reviews). */
  owner?: string;
}

/** Where in a file a finding points: a frontmatter field, else the file's title or name. */
export function at(entry: Page | Competency, field: readonly (string | number)[]): Pick<Finding, 'file' | 'subject'> & Partial<Span> {
  return { file: entry.source.path, ...spanOfField(entry.source, field, entry.kind === 'page' ? 'title' : 'name'), subject: { kind: entry.kind, id: entry.id } };
}

/** The field's span when the author wrote it, else the fallback field's: a missing key has no line. */
function spanOfField(source: SourceFile, field: readonly (string | number)[], fallback: string): Span {
  return source.frontmatter?.hasIn(field) ? source.spanOf(field) : source.spanOf([fallback]);
}

const severityOrder: Record<FindingSeverity, number> = { warning: 0, info: 1 };

/**
 * By area, then by owner (so that each owner's reviews are together, pages without one last),
 * then warnings before info, then by file and position: as the page and the CLI list them.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    healthAreas.indexOf(a.area) - healthAreas.indexOf(b.area) ||
    compareText(ownerKey(a), ownerKey(b)) ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    compareText(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.message, b.message)
  );
}

function ownerKey(finding: Finding): string {
  return finding.area === 'reviews' ? (finding.owner ?? '\uffff') : '';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
