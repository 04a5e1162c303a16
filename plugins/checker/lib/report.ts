/**
 * The report of a check, as `npm run check` prints it and as the Astro build prints it, so
 * the two are identical: `text` for people, `json` for tools, `github` for pull requests
 * (workflow commands that annotate the changed lines).
 */
import path from 'node:path';
import type { Diagnostic } from '../../playbook/index.ts';
import type { CheckResult } from './check-content.ts';

export const reportFormats = ['text', 'json', 'github'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/**
 * The whole report, ending with a newline. Every format gives paths relative to `cwd`
 * (default: `process.cwd()`), as an editor's "go to file" and GitHub's annotations need them.
 */
export function formatReport(result: CheckResult, format: ReportFormat, cwd: string = process.cwd()): string {
  const shown = (item: Diagnostic) => displayPath(result.playbook.contentDir, item.file, cwd);
  if (format === 'json') return `${JSON.stringify(result.diagnostics.map((item) => jsonRecord({ ...item, file: shown(item) })), null, 2)}\n`;
  const lines = result.diagnostics.map((item) => (format === 'github' ? githubLine(item, shown(item)) : textLine(item, shown(item))));
  lines.push(summaryLine(result));
  return `${lines.join('\n')}\n`;
}

/** `3 errors, 1 warning in 2 files.`, or `No problems in 57 files.` */
export function summaryLine(result: CheckResult): string {
  if (result.diagnostics.length === 0) return `No problems in ${count(result.fileCount, 'file')}.`;
  const files = new Set(result.diagnostics.map((item) => item.file)).size;
  return `${count(result.errorCount, 'error')}, ${count(result.warningCount, 'warning')} in ${count(files, 'file')}.`;
}

/**
 * The check as Markdown for a GitHub Actions job summary (`GITHUB_STEP_SUMMARY`): the counts,
 * then every problem with its place, so a reviewer sees the whole list on the run's page.
 */
export function jobSummary(result: CheckResult, cwd: string = process.cwd()): string {
  const lines = ['## Playbook check', '', summaryLine(result), ''];
  if (result.diagnostics.length) {
    lines.push('| | where | problem | rule |', '| --- | --- | --- | --- |');
    for (const item of result.diagnostics) {
      const where = `${displayPath(result.playbook.contentDir, item.file, cwd)}:${item.line}:${item.column}`;
      lines.push(`| ${item.severity} | \`${where}\` | ${markdownCell(item.message)} | \`${item.rule}\` |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** A message inside a table cell: pipes escaped, one line. */
function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function textLine(item: Diagnostic, file: string): string {
  return `${file}:${item.line}:${item.column}  ${item.severity}  ${item.message}  ${item.rule}`;
}

function githubLine(item: Diagnostic, file: string): string {
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${item.line}`,
    `col=${item.column}`,
    `endLine=${item.endLine}`,
    `endColumn=${item.endColumn}`,
    `title=${escapeProperty(item.rule)}`,
  ];
  return `::${item.severity} ${properties.join(',')}::${escapeData(item.message)}`;
}

/** Exactly the documented keys, in a stable order, whatever else a diagnostic carries. */
function jsonRecord(item: Diagnostic): Diagnostic {
  const { file, line, column, endLine, endColumn, severity, rule, message, suggestion } = item;
  return { file, line, column, endLine, endColumn, severity, rule, message, suggestion };
}

function displayPath(contentDir: string, file: string, cwd: string): string {
  const folder = path.relative(cwd, contentDir).split(path.sep).join('/');
  return folder ? `${folder}/${file}` : file;
}

/** As GitHub's own toolkit escapes workflow command data. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
