/**
 * The health report as `npm run health` prints it: `text` for people, `json` for tools,
 * `markdown` for a pull request or the steering group's papers. Each lists the same
 * findings, in the same order, as `/health/`.
 */
import path from 'node:path';
import { areaTitles, type Finding, healthAreas } from './findings.ts';
import type { HealthReport } from './health.ts';
import { count } from './rule.ts';

export const healthFormats = ['text', 'json', 'markdown'] as const;
export type HealthFormat = (typeof healthFormats)[number];

/** The report, ending with a newline. Paths are shown relative to `cwd` (json: to the content folder). */
export function formatHealth(report: HealthReport, format: HealthFormat, contentDir: string, cwd: string = process.cwd()): string {
  if (format === 'json') return `${JSON.stringify(report.findings.map(jsonRecord), null, 2)}\n`;
  const where = (finding: Finding) => (finding.file ? `${displayPath(contentDir, finding.file, cwd)}:${finding.line}:${finding.column}` : '');
  const lines = format === 'markdown' ? markdown(report, where) : text(report, where);
  return `${lines.join('\n')}\n`;
}

/** `4 findings in 3 areas: 3 warnings, 1 info.`, or that there are none. */
export function healthSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings: the ecosystem passes every health rule.';
  const areas = new Set(findings.map((finding) => finding.area)).size;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  return `${count(findings.length, 'finding')} in ${count(areas, 'area')}: ${count(warnings, 'warning')}, ${findings.length - warnings} info.`;
}

/** The thresholds and the day the report was made for, as one sentence. */
export function thresholdsLine(report: HealthReport): string {
  const { today, thresholds } = report.ecosystem;
  return `On ${today}, with a notice period of ${count(thresholds.noticeDays, 'day')}, a partner share limit of ${thresholds.partnerShare}%, rotation after ${count(thresholds.rotationYears, 'year')} and reviews due within ${count(thresholds.reviewWindowDays, 'day')}.`;
}

/** `2 warnings, 1 info` for an area's heading. */
export function areaCounts(findings: readonly Finding[]): string {
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const parts = [warnings ? count(warnings, 'warning') : '', findings.length - warnings ? `${findings.length - warnings} info` : ''];
  return parts.filter(Boolean).join(', ');
}

/** The findings of each area that has any, in area order. */
export function findingsByArea(findings: readonly Finding[]) {
  return healthAreas.map((area) => ({ area, title: areaTitles[area], findings: findings.filter((finding) => finding.area === area) })).filter((group) => group.findings.length > 0);
}

function text(report: HealthReport, where: (finding: Finding) => string): string[] {
  const lines = [`Ecosystem health. ${thresholdsLine(report)}`];
  for (const group of findingsByArea(report.findings)) {
    lines.push('', `${group.title}: ${areaCounts(group.findings)}`);
    for (const finding of group.findings) lines.push(`  ${[where(finding), finding.severity, finding.message, finding.rule].filter(Boolean).join('  ')}`);
  }
  lines.push('', healthSummary(report.findings));
  return lines;
}

function markdown(report: HealthReport, where: (finding: Finding) => string): string[] {
  const lines = ['## Ecosystem health', '', `${thresholdsLine(report)} ${healthSummary(report.findings)}`];
  for (const group of findingsByArea(report.findings)) {
    lines.push('', `### ${group.title}: ${areaCounts(group.findings)}`, '');
    for (const finding of group.findings) {
      const place = where(finding);
      lines.push(`- **${finding.severity}** ${finding.message} (${place ? `\`${place}\`, ` : ''}\`${finding.rule}\`)`);
    }
  }
  return lines;
}

/** Exactly the documented keys, in a stable order; `null` where a finding has no value. */
function jsonRecord(finding: Finding) {
  const { rule, severity, area, message } = finding;
  return {
    rule,
    severity,
    area,
    message,
    file: finding.file ?? null,
    line: finding.line ?? null,
    column: finding.column ?? null,
    endLine: finding.endLine ?? null,
    endColumn: finding.endColumn ?? null,
    subject: finding.subject ?? null,
    owner: finding.owner ?? null,
  };
}

export function displayPath(contentDir: string, file: string, cwd: string): string {
  const folder = path.relative(cwd, contentDir).split(path.sep).join('/');
  return folder ? `${folder}/${file}` : file;
}
