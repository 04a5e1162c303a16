/**
 * The impact of a change in words: Markdown for a pull request's job summary, text for a
 * terminal. Both say the same, in the same order: a sentence that sums it up, then pages,
 * competencies, coverage, health findings and check problems, each left out when unchanged.
 */
import { type Competency, type Diagnostic, initiativeLayers, joinList, type Layer, type Page } from '../../playbook/index.ts';
import type { Finding } from './findings.ts';
import { displayPath } from './format.ts';
import { type CoverageChange, type EcosystemImpact, type EntryChanges, isNoImpact } from './impact.ts';
import { count } from './rule.ts';

export const impactFormats = ['markdown', 'text'] as const;
export type ImpactFormat = (typeof impactFormats)[number];

export interface ImpactLabels {
  /** The `--base` the user gave, and the commit it named. */
  base: string;
  commit: string;
  contentDir: string;
  cwd: string;
}

/** Author-written words (titles, names) are escaped in Markdown; ids and messages are ours. */
interface Style {
  words(text: string): string;
  strong(text: string): string;
}

const styles: Record<ImpactFormat, Style> = {
  markdown: { words: (text) => text.replace(/[\\`*_[\]<>#|~]/g, '\\$&'), strong: (text) => `**${text}**` },
  text: { words: (text) => text, strong: (text) => text },
};

export function formatImpact(impact: EcosystemImpact, format: ImpactFormat, labels: ImpactLabels): string {
  const style = styles[format];
  const compared = `Compared with \`${labels.base}\` (\`${labels.commit.slice(0, 7)}\`).`;
  const sections = [
    { title: 'Pages', items: entryItems(impact.pages, style, (page) => page.title) },
    { title: 'Competencies', items: entryItems(impact.competencies, style, (competency) => competency.name) },
    { title: 'Coverage', items: impact.coverage.map((change) => coverageLine(change, style)) },
    { title: 'Health findings', items: [...impact.findings.introduced.map((f) => findingLine('Introduced', f, style)), ...impact.findings.resolved.map((f) => findingLine('Resolved', f, style))] },
    { title: 'Check problems', items: [...impact.problems.introduced.map((p) => problemLine('Introduced', p, style, labels)), ...impact.problems.resolved.map((p) => problemLine('Resolved', p, style, labels))] },
  ].filter((section) => section.items.length > 0);
  const lines = format === 'markdown' ? ['## What this change does to the playbook', '', `${compared} ${impactSummary(impact)}`] : [`What this change does to the playbook. ${compared}`, impactSummary(impact)];
  for (const section of sections) {
    if (format === 'markdown') lines.push('', `### ${section.title}`, '', ...section.items.map((item) => `- ${item}`));
    else lines.push('', section.title, ...section.items.map((item) => `  - ${item}`));
  }
  return `${lines.join('\n')}\n`;
}

/** One sentence: `This change removes 1 page, changes how 2 competencies are developed and introduces 1 health finding.` */
export function impactSummary(impact: EcosystemImpact): string {
  if (isNoImpact(impact)) return 'This change leaves the ecosystem as it was: no page or competency added, removed or renamed, no change in coverage, and no health finding or check problem introduced or resolved.';
  const { pages, competencies, coverage, findings, problems } = impact;
  const parts = [
    ...entryParts(pages, 'page'),
    ...entryParts(competencies, 'competency', 'competencies'),
    coverage.length ? `changes how ${count(coverage.length, 'competency', 'competencies')} ${coverage.length === 1 ? 'is' : 'are'} developed` : '',
    findings.introduced.length ? `introduces ${count(findings.introduced.length, 'health finding')}` : '',
    findings.resolved.length ? `resolves ${count(findings.resolved.length, 'health finding')}` : '',
    problems.introduced.length ? `introduces ${count(problems.introduced.length, 'check problem')}` : '',
    problems.resolved.length ? `resolves ${count(problems.resolved.length, 'check problem')}` : '',
  ].filter(Boolean);
  return `This change ${joinList(parts)}.`;
}

function entryParts<T>(changes: EntryChanges<T>, one: string, many = `${one}s`): string[] {
  return [
    changes.added.length ? `adds ${count(changes.added.length, one, many)}` : '',
    changes.removed.length ? `removes ${count(changes.removed.length, one, many)}` : '',
    changes.renamed.length ? `renames ${count(changes.renamed.length, one, many)}` : '',
  ];
}

function entryItems<T extends Page | Competency>(changes: EntryChanges<T>, style: Style, label: (entry: T) => string): string[] {
  return [
    ...changes.added.map((entry) => `Added \`${entry.id}\`: ${style.words(label(entry))}`),
    ...changes.removed.map((entry) => `Removed \`${entry.id}\`: ${style.words(label(entry))}`),
    ...changes.renamed.map(({ before, after }) =>
      before.id === after.id
        ? `Renamed \`${after.id}\`: ${style.words(label(before))} → ${style.words(label(after))}`
        : `Moved \`${before.id}\` → \`${after.id}\`: ${style.words(label(after))}`,
    ),
  ];
}

/** `Resilience: developed by 3 initiatives → 1; loses its only coaching initiative (Executive coaching).` */
export function coverageLine(change: CoverageChange, style: Style = styles.text): string {
  const { before, after } = change;
  const titles = (pages: Page[]) => joinList(pages.map((page) => style.words(page.title)));
  const clauses = [`developed by ${before.length ? count(before.length, 'initiative') : 'no initiative'} → ${after.length || 'none'}`];
  const dropped: Page[] = [];
  const joined: Page[] = [];
  for (const layer of initiativeLayers) {
    const was = inLayer(before, layer).filter((page) => !after.some((other) => other.id === page.id));
    const now = inLayer(after, layer).filter((page) => !before.some((other) => other.id === page.id));
    const kept = inLayer(after, layer).length - now.length;
    if (was.length && kept === 0 && now.length === 0) clauses.push(was.length === 1 ? `loses its only ${layer} initiative (${titles(was)})` : `loses all ${was.length} of its ${layer} initiatives (${titles(was)})`);
    else dropped.push(...was);
    if (now.length && inLayer(before, layer).length === 0) clauses.push(now.length === 1 ? `gains its first ${layer} initiative (${titles(now)})` : `gains its first ${count(now.length, `${layer} initiative`)} (${titles(now)})`);
    else joined.push(...now);
  }
  if (dropped.length) clauses.push(`no longer developed by ${titles(dropped)}`);
  if (joined.length) clauses.push(`now also developed by ${titles(joined)}`);
  return `${style.words(change.competency.name)}: ${clauses.join('; ')}.`;
}

function inLayer(pages: Page[], layer: Layer): Page[] {
  return pages.filter((page) => page.layer === layer);
}

function findingLine(what: string, finding: Finding, style: Style): string {
  return `${what}: ${style.strong(finding.severity)} ${finding.message} (\`${finding.rule}\`)`;
}

function problemLine(what: string, problem: Diagnostic, style: Style, labels: ImpactLabels): string {
  return `${what}: ${style.strong(problem.severity)} \`${displayPath(labels.contentDir, problem.file, labels.cwd)}:${problem.line}:${problem.column}\` ${problem.message} (\`${problem.rule}\`)`;
}
