/**
 * What a change does to the ecosystem: the playbook at a base commit against the working
 * tree. Pages and competencies added, removed or renamed; competencies whose development
 * changes; health findings and check problems introduced or resolved. Pure: both sides are
 * loaded and checked by the caller.
 */
import type { Competency, Diagnostic, Page, SiteEdition } from '../../playbook/index.ts';
import type { Ecosystem } from './ecosystem.ts';
import type { Finding } from './findings.ts';
import { ecosystemHealth } from './health.ts';
import type { HealthOptions } from './options.ts';

export interface ImpactSide {
  /** The published view of the current edition (internal build). */
  site: SiteEdition;
  /** The check's problems, every edition. */
  problems: readonly Diagnostic[];
}

export interface Renamed<T> {
  before: T;
  after: T;
}

export interface EntryChanges<T> {
  added: T[];
  removed: T[];
  /** The same id with a new title or name, or a new id for the same title or name (a moved file). */
  renamed: Renamed<T>[];
}

export interface CoverageChange {
  competency: Competency;
  /** The initiatives that developed it at the base, and that develop it now. */
  before: Page[];
  after: Page[];
}

export interface EcosystemImpact {
  pages: EntryChanges<Page>;
  competencies: EntryChanges<Competency>;
  coverage: CoverageChange[];
  findings: { introduced: Finding[]; resolved: Finding[] };
  problems: { introduced: Diagnostic[]; resolved: Diagnostic[] };
}

export function ecosystemImpact(base: ImpactSide, head: ImpactSide, today: string, options: HealthOptions = {}): EcosystemImpact {
  const pages = entryChanges(base.site.pages, head.site.pages, (page) => page.title);
  const competencies = entryChanges(base.site.competencies, head.site.competencies, (competency) => competency.name);
  const before = ecosystemHealth(base.site, today, options);
  const after = ecosystemHealth(head.site, today, options);
  const findingKey = (finding: Finding) => `${finding.rule}\0${finding.message}`;
  // Lines move with every edit above them; a problem is the same problem in the same file.
  const problemKey = (problem: Diagnostic) => `${problem.file}\0${problem.rule}\0${problem.message}`;
  return {
    pages,
    competencies,
    coverage: coverageChanges(before.ecosystem, after.ecosystem, pages, competencies),
    findings: { introduced: without(after.findings, before.findings, findingKey), resolved: without(before.findings, after.findings, findingKey) },
    problems: { introduced: without(head.problems, base.problems, problemKey), resolved: without(base.problems, head.problems, problemKey) },
  };
}

/** True when the change does nothing the summary reports. */
export function isNoImpact(impact: EcosystemImpact): boolean {
  const { pages, competencies, coverage, findings, problems } = impact;
  return [pages.added, pages.removed, pages.renamed, competencies.added, competencies.removed, competencies.renamed, coverage, findings.introduced, findings.resolved, problems.introduced, problems.resolved].every((list) => list.length === 0);
}

function entryChanges<T extends Page | Competency>(before: T[], after: T[], label: (entry: T) => string): EntryChanges<T> {
  const afterIds = new Set(after.map((entry) => entry.id));
  const beforeIds = new Set(before.map((entry) => entry.id));
  const gone = before.filter((entry) => !afterIds.has(entry.id));
  const added = after.filter((entry) => !beforeIds.has(entry.id));
  const renamed: Renamed<T>[] = before
    .filter((entry) => afterIds.has(entry.id))
    .map((entry) => ({ before: entry, after: after.find((other) => other.id === entry.id)! }))
    .filter((pair) => label(pair.before) !== label(pair.after));
  // A file moved (a new id, the same title or name): one rename, not a removal and an addition.
  const removed: T[] = [];
  for (const entry of gone) {
    const moved = added.find((other) => label(other) === label(entry) && other.kind === entry.kind);
    if (moved) {
      renamed.push({ before: entry, after: moved });
      added.splice(added.indexOf(moved), 1);
    } else removed.push(entry);
  }
  return { added, removed, renamed };
}

function coverageChanges(base: Ecosystem, head: Ecosystem, pages: EntryChanges<Page>, competencies: EntryChanges<Competency>): CoverageChange[] {
  const newPageId = new Map(pages.renamed.map(({ before, after }) => [before.id, after.id]));
  const oldCompetencyId = new Map(competencies.renamed.map(({ before, after }) => [after.id, before.id]));
  const changes: CoverageChange[] = [];
  for (const competency of head.competencies) {
    const before = base.developers.get(oldCompetencyId.get(competency.id) ?? competency.id);
    if (!before) continue;
    const after = head.developers.get(competency.id) ?? [];
    const beforeIds = new Set(before.map((page) => newPageId.get(page.id) ?? page.id));
    const same = beforeIds.size === after.length && after.every((page) => beforeIds.has(page.id));
    if (!same) changes.push({ competency, before, after });
  }
  return changes;
}

/** The items of `list` that `other` lacks, counting repeats. */
function without<T>(list: readonly T[], other: readonly T[], key: (item: T) => string): T[] {
  const remaining = new Map<string, number>();
  for (const item of other) remaining.set(key(item), (remaining.get(key(item)) ?? 0) + 1);
  return list.filter((item) => {
    const left = remaining.get(key(item)) ?? 0;
    if (left === 0) return true;
    remaining.set(key(item), left - 1);
    return false;
  });
}
