/**
 * Checks a whole content folder: load reports what is wrong with single files, then every
 * rule that relates files to each other runs over every edition, each edition resolving its
 * references in itself. Everything is collected and returned together; nothing is thrown for
 * a content problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type AllowedHosts, type Audience, type Diagnostic, type Edition, fileStart, loadPlaybook, type MdxMode, openTreeCache, parseInParallel, type ParsedFiles, type Playbook, ruleIds } from '../../playbook/index.ts';
import { checkBodyReferences } from './body-references.ts';
import type { CheckContext, Entry } from './context.ts';
import { checkCoverage } from './coverage.ts';
import { checkDiagrams } from './diagrams.ts';
import { checkDates } from './dates.ts';
import { type EditionIndex, indexEdition } from './edition-index.ts';
import { checkExternalPartner } from './external-partner.ts';
import { checkCompetencyLists, checkPageLists } from './frontmatter-references.ts';
import { checkMdxCode } from './mdx-code.ts';
import { checkLeadingHeading } from './page-title.ts';
import { checkPrerequisiteCycles } from './prerequisite-cycles.ts';
import { checkDevelopsLevels, checkRole } from './roles.ts';
import { checkUnreachableTargets } from './unreachable-targets.ts';
import { checkTemplateSyntax } from './template-syntax.ts';
import { checkUnsafeHtml } from './unsafe-html.ts';

export interface CheckOptions {
  /** The folder holding `competencies/`, `playbook/` and `versions/`. Required. */
  contentDir: string;
  /** `public` checks what a public build publishes. Required. */
  audience: Audience;
  /** `YYYY-MM-DD`; dates before it have passed. Required, so that results never depend on the clock. */
  today: string;
  /**
   * `trusted` lets `.mdx` pages run code (imports, exports, expressions, components) when the
   * site is built; `safe` reports that code as errors. Default: `safe`.
   */
  mdx?: MdxMode;
  /**
   * Hosts whose images (`images`) and embedded pages (`frames`) the site's pages may show, as
   * `trellis({ allow })` gives them; an image or frame from any other host is a warning.
   * Default: none.
   */
  allow?: Partial<AllowedHosts>;
  /** Trees already parsed by `parseInParallel`, reused when their text is unchanged. Default: none. */
  parsed?: ParsedFiles;
  /**
   * Older editions that passed this same check unchanged (same files, same generator): only
   * their frontmatter is read and their rules are not run again. Default: none.
   */
  alreadyChecked?: ReadonlySet<string>;
  /**
   * False loads the playbook without running the rules across files: only for a playbook this
   * same process has just checked, loaded again where the report is not wanted (a thread that
   * renders its bodies). Default: true.
   */
  rules?: boolean;
}

export interface CheckResult {
  playbook: Playbook;
  /** Sorted by file, line and column. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Files read or rejected, in every edition. */
  fileCount: number;
}

/** Thrown when there is nothing to check: the content folder itself is missing. */
export class ContentFolderError extends Error {
  override name = 'ContentFolderError';
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `checkContent` with the Markdown parsed on every core first: the same result, sooner.
 * @param treeCacheDir where trees are kept between runs, so that only changed files are parsed
 */
export async function checkContentInParallel(options: CheckOptions, treeCacheDir: string | null = null): Promise<CheckResult> {
  const exists = fs.statSync(options.contentDir, { throwIfNoEntry: false })?.isDirectory();
  const cache = openTreeCache(exists ? treeCacheDir : null);
  const result = checkContent({ ...options, parsed: exists ? await parseInParallel(options.contentDir, options.alreadyChecked, cache) : undefined });
  cache.remember(result.playbook);
  return result;
}

export function checkContent(options: CheckOptions): CheckResult {
  const { contentDir, audience, today, mdx = 'safe' } = options;
  const allow = { images: options.allow?.images ?? [], frames: options.allow?.frames ?? [] };
  if (!isoDay.test(today)) throw new TypeError(`\`today\` must be a date such as 2026-06-30, not \`${today}\`.`);
  if (audience !== 'all' && audience !== 'public') throw new TypeError(`\`audience\` must be \`all\` or \`public\`, not \`${String(audience)}\`.`);
  if (mdx !== 'safe' && mdx !== 'trusted') throw new TypeError(`\`mdx\` must be \`safe\` or \`trusted\`, not \`${String(mdx)}\`.`);
  if (!fs.statSync(contentDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ContentFolderError(`Content folder \`${contentDir}\` does not exist; point PLAYBOOK_CONTENT at the folder that holds \`competencies/\` and \`playbook/\`.`);
  }
  const { playbook, diagnostics } = loadPlaybook(contentDir, options.parsed, options.alreadyChecked);
  if (!fs.existsSync(path.join(playbook.contentDir, 'playbook'))) {
    diagnostics.error('playbook', fileStart, ruleIds.missingPlaybook, `Content folder \`${contentDir}\` has no \`playbook/\` folder; add one with the playbook's pages, or point PLAYBOOK_CONTENT at the right folder.`);
  }
  const duplicates = diagnostics.items.filter((item) => item.rule === ruleIds.duplicateId || item.rule === ruleIds.duplicateUrl).map((item) => item.file);
  const editions = new Map<string, EditionIndex>(playbook.editions.map((edition) => [edition.label, indexEdition(edition, playbook.contentDir, duplicates)]));
  for (const edition of playbook.editions) {
    if (!edition.bodiesRead || options.rules === false) continue;
    checkEdition({ edition, index: editions.get(edition.label)!, editions, audience, today, mdx, allow, diagnostics });
  }
  const sorted = diagnostics.sorted();
  const errorCount = sorted.filter((item) => item.severity === 'error').length;
  return { playbook, diagnostics: sorted, errorCount, warningCount: sorted.length - errorCount, fileCount: countFiles(playbook, sorted) };
}

function checkEdition(context: CheckContext): void {
  for (const page of context.edition.pages.values()) {
    guarded(context, page, () => {
      checkPageLists(context, page);
      checkDevelopsLevels(context, page);
      checkExternalPartner(context, page);
      checkBodyReferences(context, page);
      checkLeadingHeading(context, page);
      checkTemplateSyntax(context, page);
      checkDiagrams(context, page);
      checkMdxCode(context, page);
      checkUnsafeHtml(context, page);
    });
  }
  for (const competency of context.edition.competencies.values()) {
    guarded(context, competency, () => {
      checkCompetencyLists(context, competency);
      checkBodyReferences(context, competency);
      checkLeadingHeading(context, competency);
      checkTemplateSyntax(context, competency);
      checkMdxCode(context, competency);
      checkUnsafeHtml(context, competency);
    });
  }
  for (const role of context.edition.roles.values()) {
    guarded(context, role, () => {
      checkRole(context, role);
      checkBodyReferences(context, role);
      checkLeadingHeading(context, role);
      checkTemplateSyntax(context, role);
      checkMdxCode(context, role);
    });
  }
  checkPrerequisiteCycles(context);
  checkDates(context);
  checkCoverage(context);
  checkUnreachableTargets(context);
}

/**
 * A bug in a rule must not hide every other file's problems behind a stack trace: it
 * becomes one positioned message on the file that triggered it.
 */
function guarded(context: CheckContext, entry: Entry, check: () => void): void {
  try {
    check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.diagnostics.error(entry.source.path, fileStart, ruleIds.internalError, `Trellis could not finish checking this file (${reason.split('\n')[0]}); please report it with the file attached.`);
  }
}

function countFiles(playbook: Playbook, diagnostics: Diagnostic[]): number {
  const files = new Set<string>(diagnostics.map((item) => item.file));
  const add = (edition: Edition) => {
    for (const entry of [...edition.pages.values(), ...edition.competencies.values(), ...edition.roles.values()]) files.add(entry.source.path);
  };
  playbook.editions.forEach(add);
  return files.size;
}
