/**
 * Validates frontmatter field by field against the shared Zod schema, so that one bad field
 * yields one message on its own line while the rest of the entry still loads (and other
 * files' references to it do not cascade into errors of their own).
 */
import type { z } from 'astro/zod';
import type { DiagnosticList } from './diagnostics.ts';
import type { SourceFile } from './model.ts';
import { ruleIds } from './rule-ids.ts';
import { closestMatch, didYouMean } from './suggest.ts';

/** What to write, for each field that can be missing or wrong. */
const fieldHints: Record<string, string> = {
  title: 'add a short title, e.g. `title: Leadership lab`',
  description: 'add one or two sentences that say what the page is for',
  layer: 'add one of `internal`, `external`, `coaching`, `governance`, `measurement`, `guide`',
  name: 'add the display name, e.g. `name: Strategic foresight`',
  cluster: 'add one of `strategy`, `culture`, `risk`, `people`, `execution`',
  summary: 'add a one-sentence summary of the competency',
  develops: 'write a list of competency ids, e.g. `[risk-judgement]`',
  prerequisites: 'write a list of page ids, e.g. `[internal/leadership-lab]`',
  metrics: 'write a list of measurement page ids, e.g. `[measurement/360-feedback]`',
  related: 'write a list of competency ids, e.g. `[risk-judgement]`',
  review_by: 'write an ISO date, e.g. `2029-06-30`',
  contract_end: 'write an ISO date, e.g. `2029-03-31`',
  released: 'write an ISO date, e.g. `2025-09-01`',
  evaluation: 'say how and when the partnership is evaluated',
  levels: 'write a list of `{ name, description }` entries',
};

type Shape = Record<string, z.ZodType>;

/** Parsed data (defaults applied, invalid fields dropped to their default) and whether all was valid. */
export function validateFields<T>(source: SourceFile, raw: Record<string, unknown>, shape: Shape, diagnostics: DiagnosticList): { data: T; valid: boolean } {
  const data: Record<string, unknown> = {};
  let valid = true;
  for (const [field, schema] of Object.entries(shape)) {
    const result = schema.safeParse(raw[field]);
    if (result.success) {
      data[field] = result.data;
      continue;
    }
    valid = false;
    for (const issue of result.error.issues) reportIssue(source, field, raw, issue, diagnostics);
    const fallback = schema.safeParse(undefined);
    if (fallback.success) data[field] = fallback.data;
  }
  for (const field of Object.keys(raw)) {
    if (field in shape) continue;
    const suggestion = closestMatch(field, Object.keys(shape));
    diagnostics.warning(source.path, source.spanOf([field]), ruleIds.unknownField, `Unknown field \`${field}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '; Trellis ignores it.'}`, suggestion);
  }
  return { data: data as T, valid };
}

/**
 * Every field's default, for a file whose frontmatter could not be read at all (its problem
 * is already reported once), so that later stages still see the lists the model promises.
 */
export function fieldDefaults<T>(shape: Shape): T {
  const data: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(shape)) {
    const fallback = schema.safeParse(undefined);
    if (fallback.success) data[field] = fallback.data;
  }
  return data as T;
}

function reportIssue(source: SourceFile, field: string, raw: Record<string, unknown>, issue: z.core.$ZodIssue, diagnostics: DiagnosticList): void {
  const path = [field, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
  const name = path.filter((key) => typeof key === 'string').at(-1) as string;
  const value = valueAt(raw, path);
  const shown = path.map((key) => (typeof key === 'number' ? `[${key}]` : key)).join('.').replace(/\.\[/g, '[');
  const hint = fieldHints[name];
  // The field's lines are not valid YAML, which is reported once: its value is not judged too.
  if (source.unreadableFields.includes(field)) return;
  if (value === undefined) {
    const rule = name === 'evaluation' ? ruleIds.partnerWithoutEvaluation : ruleIds.missingRequiredField;
    diagnostics.error(source.path, source.spanOf(path), rule, `Missing required field \`${shown}\`; ${hint ?? 'add it'}.`);
    return;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const allowed = issue.values.map(String);
    const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : null;
    diagnostics.error(source.path, source.spanOf(path), ruleIds.invalidFieldValue, `Invalid \`${shown}\` value \`${String(value)}\`; expected one of ${allowed.map((v) => `\`${v}\``).join(', ')}${didYouMean(suggestion) || '.'}`, suggestion);
    return;
  }
  const expected = issue.code === 'invalid_type' ? `; expected ${article(issue.expected)}` : issue.code === 'too_small' ? '; it must not be empty' : `; expected ${issue.message}`;
  diagnostics.error(source.path, source.spanOf(path), ruleIds.invalidFieldValue, `Invalid \`${shown}\`${describe(value)}${expected}${hint ? ` (${hint})` : ''}.`);
}

function valueAt(raw: unknown, path: (string | number)[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return ` value \`${value.length > 60 ? `${value.slice(0, 57)}...` : value}\``;
  if (value === null) return ' (empty)';
  if (Array.isArray(value)) return ' (a list)';
  if (typeof value === 'object') return ' (a mapping)';
  return ` value \`${String(value)}\``;
}

function article(expected: string): string {
  const words: Record<string, string> = { array: 'a list', string: 'text', object: 'a mapping of fields', boolean: '`true` or `false`', number: 'a number' };
  return words[expected] ?? expected;
}
