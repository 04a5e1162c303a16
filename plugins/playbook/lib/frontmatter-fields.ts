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

/**
 * What to write, for each field that can be missing or wrong, by its path without list
 * positions: `name` is a competency's name, `partner.name` a partner's, `levels.name` a level's.
 */
const fieldHints: Record<string, string> = {
  title: 'add a short title, e.g. `title: Leadership lab`',
  description: 'add one or two sentences that say what the page is for',
  layer: 'add one of `internal`, `external`, `coaching`, `governance`, `measurement`, `guide`',
  name: 'add the display name, e.g. `name: Strategic foresight`',
  cluster: 'add one of `strategy`, `culture`, `risk`, `people`, `execution`',
  summary: 'add a one-sentence summary',
  develops: 'write a list of competency ids, e.g. `[risk-judgement]`, or of `{ id, level }` entries',
  prerequisites: 'write a list of page ids, e.g. `[internal/leadership-lab]`',
  metrics: 'write a list of measurement page ids, e.g. `[measurement/360-feedback]`',
  related: 'write a list of competency ids, e.g. `[risk-judgement]`',
  review_by: 'write an ISO date, e.g. `2029-06-30`',
  'partner.name': "add the partner's name, e.g. `name: Northbridge Business School`",
  'partner.contract_end': 'write an ISO date, e.g. `2029-03-31`',
  'partner.evaluation': 'say how and when the partnership is evaluated',
  levels: 'write a list of `{ name, description }` entries',
  'levels.name': "add the level's name, e.g. `name: Practitioner`",
  'levels.description': 'add a sentence that says what the level looks like in practice',
  'develops.id': 'name the competency, e.g. `id: risk-judgement`',
  targets: 'write each competency id with the level the role needs, as `strategic-foresight: Expert` on its own line under `targets:`',
  grows_from: 'write a list of role ids, e.g. `[senior-manager]`',
  intakes: 'write a list of ISO dates, e.g. `[2027-02-01, 2027-09-01]`',
  capacity: 'write the number of places per intake, e.g. `24`',
  'partner.since': 'write an ISO date, e.g. `2022-09-01`',
  duration: 'write how long it runs for one participant, e.g. `6 months`',
  commitment: 'write the time it asks of a participant, e.g. `2 days a month`',
};
/** Longer values are cut in messages: the author needs to recognise the value, not reread it. */
const shownLength = 60;

/** The fields of the mappings inside a list, by the list's name, for suggestions. */
const itemFields: Record<string, readonly string[]> = { develops: ['id', 'level'], levels: ['name', 'description'] };

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

function reportIssue(source: SourceFile, field: string, raw: Record<string, unknown>, issue: z.core.$ZodIssue, diagnostics: DiagnosticList, prefix: PropertyKey[] = []): void {
  const path = [field, ...[...prefix, ...issue.path].map((key) => (typeof key === 'symbol' ? String(key) : key))];
  if (issue.code === 'invalid_union') {
    reportUnion(source, field, raw, issue, diagnostics, [...prefix, ...issue.path]);
    return;
  }
  const value = valueAt(raw, path);
  const shown = path.map((key) => (typeof key === 'number' ? `[${key}]` : key)).join('.').replace(/\.\[/g, '[');
  const hint = fieldHints[path.filter((key) => typeof key === 'string').join('.')];
  const span = source.spanOf(path);
  // The field's lines are not valid YAML, which is reported once: its value is not judged too.
  if (source.unreadableFields.includes(field)) return;
  if (value === undefined) {
    const rule = shown === 'partner.evaluation' ? ruleIds.partnerWithoutEvaluation : ruleIds.missingRequiredField;
    diagnostics.error(source.path, span, rule, `Missing required field \`${shown}\`; ${hint ?? 'add it'}.`);
    return;
  }
  if (issue.code === 'unrecognized_keys') {
    const list = path.find((key) => typeof key === 'string' && key in itemFields) as string | undefined;
    for (const key of issue.keys) {
      const suggestion = list ? closestMatch(key, itemFields[list]!) : null;
      const advice = suggestion ? didYouMean(suggestion) : list ? `; an entry of \`${list}\` may have ${itemFields[list]!.map((name) => `\`${name}\``).join(' and ')}.` : '.';
      diagnostics.error(source.path, source.keySpanOf([...path, key]), ruleIds.invalidFieldValue, `Unknown field \`${key}\` in \`${shown}\`${advice}`, suggestion);
    }
    return;
  }
  const wrong: WrongValue = { source, path, shown, value, written: writtenAt(source, path), hint };
  const { reason, suggestion } = issue.code === 'invalid_value' ? enumReason(wrong, issue.values.map(String)) : typeReason(wrong, issue);
  diagnostics.error(source.path, span, ruleIds.invalidFieldValue, reason, suggestion);
}

interface WrongValue {
  source: SourceFile;
  path: (string | number)[];
  /** The path as the author would write it: `partner.name`, `formats[1]`. */
  shown: string;
  value: unknown;
  /** The value as written in the file, on one line. */
  written: string;
  hint: string | undefined;
}

function enumReason(wrong: WrongValue, allowed: string[]): { reason: string; suggestion: string | null } {
  const options = allowed.map((option) => `\`${option}\``).join(', ');
  if (Array.isArray(wrong.value)) {
    const item = onlyItem(wrong);
    const suggestion = item === null ? null : allowed.includes(item) ? item : closestMatch(item, allowed);
    const fix = suggestion ? `write \`${assignment(wrong, suggestion)}\`` : `write one of ${options}`;
    return { reason: `${listGiven(wrong)}; ${fix}.`, suggestion };
  }
  if (isMapping(wrong.value)) return { reason: `Invalid \`${wrong.shown}\` value \`${wrong.written}\`, a mapping; expected one of ${options}.`, suggestion: null };
  const suggestion = typeof wrong.value === 'string' ? closestMatch(wrong.value, allowed) : null;
  return { reason: `Invalid \`${wrong.shown}\`${described(wrong)}; expected one of ${options}${didYouMean(suggestion) || '.'}`, suggestion };
}

function typeReason(wrong: WrongValue, issue: z.core.$ZodIssue): { reason: string; suggestion: string | null } {
  const expected = expectedOf(issue);
  const hint = wrong.hint ? ` (${wrong.hint})` : '';
  if (Array.isArray(wrong.value) && expected.single) {
    const item = onlyItem(wrong);
    const fix = item === null ? `expected ${expected.words}${hint}` : `write \`${assignment(wrong, item)}\``;
    return { reason: `${listGiven(wrong)}; ${fix}.`, suggestion: item };
  }
  if (expected.words === 'a list' && typeof wrong.value === 'string' && typeof wrong.path.at(-1) === 'string') {
    return { reason: `Invalid \`${wrong.shown}\`${described(wrong)}; expected a list: write \`${wrong.path.at(-1)}: [${wrong.written}]\`.`, suggestion: null };
  }
  const kind = Array.isArray(wrong.value) ? ', a list' : isMapping(wrong.value) ? ', a mapping' : '';
  const because = issue.code === 'too_small' ? tooSmall(issue).slice(2) : `expected ${expected.words}`;
  return { reason: `Invalid \`${wrong.shown}\`${described(wrong)}${kind}; ${because}${hint}.`, suggestion: null };
}

/** What a field takes, in words, and whether that is one value (not a list or a mapping). */
function expectedOf(issue: z.core.$ZodIssue): { words: string; single: boolean } {
  if (issue.code === 'invalid_type') return { words: article(issue.expected), single: !['array', 'object', 'record', 'map'].includes(issue.expected) };
  if (issue.code === 'invalid_union') {
    // `word` is text or a number: say which types each alternative takes.
    const types = [...new Set(issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_type' ? [inner.expected] : [])))];
    return { words: types.map(article).join(' or ') || 'another value', single: !types.some((type) => type === 'array' || type === 'object') };
  }
  // The schema's own words (`a real calendar date`); Zod's defaults would read "Invalid input".
  if (issue.code === 'custom' || issue.code === 'invalid_format') return { words: issue.message, single: true };
  return { words: 'another value', single: true };
}

/** `Invalid \`layer\` value \`[guide]\`: a list, but \`layer\` takes one value` */
function listGiven(wrong: WrongValue): string {
  const last = wrong.path.at(-1);
  const owner = typeof last === 'number' ? `each item of \`${wrong.shown.replace(/\[\d+\]$/, '')}\` is one value` : `\`${wrong.shown}\` takes one value`;
  return `Invalid \`${wrong.shown}\` value \`${wrong.written}\`: a list, but ${owner}`;
}

/** The one item of a list, as written, when it is a plain value; else null. */
function onlyItem(wrong: WrongValue): string | null {
  const list = wrong.value as unknown[];
  if (list.length !== 1 || (list[0] !== null && typeof list[0] === 'object')) return null;
  return writtenAt(wrong.source, [...wrong.path, 0]) || null;
}

/** `layer: guide` for a field, just `guide` for an item of a list. */
function assignment(wrong: WrongValue, value: string): string {
  const last = wrong.path.at(-1);
  return typeof last === 'string' ? `${last}: ${value}` : value;
}

function described(wrong: WrongValue): string {
  return wrong.written ? ` value \`${wrong.written}\`` : ' (empty)';
}

/** The value's own text in the frontmatter, on one line: what the author typed, quotes and all. */
function writtenAt(source: SourceFile, path: (string | number)[]): string {
  const node = source.frontmatter?.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (!node || typeof node !== 'object' || !node.range) return '';
  const text = source.text.slice(source.frontmatterOffset + node.range[0], source.frontmatterOffset + node.range[1]).replace(/\s+/g, ' ').trim();
  return text.length > shownLength ? `${text.slice(0, shownLength - 3)}...` : text;
}

function isMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A value that fits no alternative (`develops` items are ids or `{ id, level }`): a mapping is
 * judged by the mapping alternative, anything else is the wrong kind of value.
 */
function reportUnion(source: SourceFile, field: string, raw: Record<string, unknown>, issue: z.core.$ZodIssue & { code: 'invalid_union' }, diagnostics: DiagnosticList, at: PropertyKey[]): void {
  const value = valueAt(raw, [field, ...at.map((key) => (typeof key === 'symbol' ? String(key) : key))]);
  const isMapping = value !== null && typeof value === 'object' && !Array.isArray(value);
  const branch = isMapping ? issue.errors.find((issues) => issues.some((inner) => inner.path.length > 0 || inner.code === 'unrecognized_keys')) : undefined;
  if (branch) {
    for (const inner of branch) reportIssue(source, field, raw, inner, diagnostics, at);
    return;
  }
  const expected = issue.errors.map((issues) => issues.find((inner) => inner.code === 'invalid_type')?.expected).filter((name) => name !== undefined);
  reportIssue(source, field, raw, { code: 'invalid_type', expected: expected.map(article).join(' or '), path: [], message: '', input: value } as z.core.$ZodIssue, diagnostics, at);
}

function tooSmall(issue: z.core.$ZodIssue & { code: 'too_small' }): string {
  if (issue.origin !== 'number') return '; it must not be empty';
  return `; expected a number ${issue.inclusive ? 'of at least' : 'more than'} ${String(issue.minimum)}`;
}

function valueAt(raw: unknown, path: (string | number)[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function article(expected: string): string {
  const words: Record<string, string> = { array: 'a list', string: 'text', object: 'a mapping of fields', record: 'a mapping', boolean: '`true` or `false`', number: 'a number', int: 'a whole number' };
  return words[expected] ?? expected;
}
