import type { RuleId } from './rule-ids.ts';

export type Severity = 'error' | 'warning';

/** One problem, exactly as `npm run check --format json` prints it. */
export interface Diagnostic {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: RuleId;
  message: string;
  /** A close existing value, or null. */
  suggestion: string | null;
}

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The start of a file, for problems that concern the file as a whole. */
export const fileStart: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Collects diagnostics from every stage of a run, so that all are reported together. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];

  error(file: string, span: Span, rule: RuleId, message: string, suggestion: string | null = null): void {
    this.items.push({ file, ...span, severity: 'error', rule, message, suggestion });
  }

  warning(file: string, span: Span, rule: RuleId, message: string, suggestion: string | null = null): void {
    this.items.push({ file, ...span, severity: 'warning', rule, message, suggestion });
  }

  get errorCount(): number {
    return this.items.filter((item) => item.severity === 'error').length;
  }

  /** Sorted by file, then position, as editors read them. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(
      (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule),
    );
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
