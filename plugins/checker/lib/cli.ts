/**
 * `npm run check [-- --format text|json|github] [--strict]`: checks the content folder and
 * prints the report. Exit status 0 when the playbook may be built, 1 when it has errors (or
 * warnings, with `--strict`), 2 when the command itself was used wrongly.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CommandOutcome } from '../../playbook/index.ts';
import { checkContentInParallel, ContentFolderError } from './check-content.ts';
import { checkOptionsFromEnv, UsageError } from './options.ts';
import { formatReport, jobSummary, type ReportFormat, reportFormats } from './report.ts';

export type CliOutcome = CommandOutcome;

const usage = 'Usage: npm run check [-- --format text|json|github] [--strict]\n';

const help = `${usage}
Checks every file of the playbook and prints every problem with its file, line and column.

  --format text     one line per problem, then a summary (the default)
  --format json     a JSON array of problems: file, line, column, endLine, endColumn,
                    severity, rule, message, suggestion
  --format github   GitHub Actions annotations on the pull request's lines; with
                    GITHUB_STEP_SUMMARY set, also the list in the job's summary
  --strict          warnings fail the check too
  --help            this text

Settings: PLAYBOOK_CONTENT (the content folder, default content), PLAYBOOK_AUDIENCE=public
(check what a public build publishes), PLAYBOOK_TODAY=YYYY-MM-DD (the day dates compare with),
PLAYBOOK_MDX=trusted (allow code in .mdx pages; see the README), PLAYBOOK_ALLOW_IMAGES and
PLAYBOOK_ALLOW_FRAMES (hosts, separated by commas, whose pictures and embedded pages the site
allows, as trellis({ allow }) in astro.config.mjs does).

Exit status: 0 when the playbook may be built, 1 when it has problems to fix, 2 when the
command or a setting was used wrongly.
`;

export async function runCheckCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<CliOutcome> {
  if (args.includes('--help') || args.includes('-h')) return { stdout: help, stderr: '', exitCode: 0 };
  let format: ReportFormat;
  let strict: boolean;
  let result;
  try {
    ({ format, strict } = parseArguments(args));
    result = await checkContentInParallel(checkOptionsFromEnv(env, cwd), treeCacheDir(env, cwd));
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `${error.message}\n${usage}`, exitCode: 2 };
    if (error instanceof ContentFolderError) return { stdout: '', stderr: `${error.message}\n`, exitCode: 2 };
    throw error;
  }
  const failed = result.errorCount > 0 || (strict && result.warningCount > 0);
  if (format === 'github' && env.GITHUB_STEP_SUMMARY) fs.appendFileSync(env.GITHUB_STEP_SUMMARY, jobSummary(result, cwd));
  return { stdout: formatReport(result, format, cwd), stderr: '', exitCode: failed ? 1 : 0 };
}

function parseArguments(args: readonly string[]): { format: ReportFormat; strict: boolean } {
  let format: string = 'text';
  let strict = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--strict') strict = true;
    else if (arg === '--format') format = args[++i] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else throw new UsageError(`Unknown argument \`${arg}\`; the check takes \`--format text|json|github\`, \`--strict\` and \`--help\`.`);
  }
  if (!isFormat(format)) throw new UsageError(`Unknown format \`${format}\`; use one of ${reportFormats.map((name) => `\`${name}\``).join(', ')}.`);
  return { format, strict };
}

function isFormat(value: string): value is ReportFormat {
  return (reportFormats as readonly string[]).includes(value);
}

/**
 * Trees are kept where the build keeps them (Astro's cache folder, `PLAYBOOK_CACHE_DIR` when
 * set), so that a check after a build parses only what changed since; `PLAYBOOK_PARSE_CACHE=off`
 * parses everything.
 */
function treeCacheDir(env: NodeJS.ProcessEnv, cwd: string): string | null {
  if (env.PLAYBOOK_PARSE_CACHE === 'off' || !fs.existsSync(path.join(cwd, 'node_modules'))) return null;
  return path.join(path.resolve(cwd, env.PLAYBOOK_CACHE_DIR || 'node_modules/.astro'), 'trellis-trees');
}
