/**
 * `npm run check [-- --format text|json|github] [--strict]`: checks the content folder and
 * prints the report. Exit status 0 when the playbook may be built, 1 when it has errors (or
 * warnings, with `--strict`), 2 when the command itself was used wrongly.
 */
import { checkContentInParallel, ContentFolderError } from './check-content.ts';
import { checkOptionsFromEnv, UsageError } from './options.ts';
import { formatReport, type ReportFormat, reportFormats } from './report.ts';

export interface CliOutcome {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

const usage = 'Usage: npm run check [-- --format text|json|github] [--strict]\n';

export async function runCheckCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<CliOutcome> {
  let format: ReportFormat;
  let strict: boolean;
  let result;
  try {
    ({ format, strict } = parseArguments(args));
    result = await checkContentInParallel(checkOptionsFromEnv(env, cwd));
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `${error.message}\n${usage}`, exitCode: 2 };
    if (error instanceof ContentFolderError) return { stdout: '', stderr: `${error.message}\n`, exitCode: 2 };
    throw error;
  }
  const failed = result.errorCount > 0 || (strict && result.warningCount > 0);
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
    else throw new UsageError(`Unknown argument \`${arg}\`; the check takes \`--format text|json|github\` and \`--strict\`.`);
  }
  if (!isFormat(format)) throw new UsageError(`Unknown format \`${format}\`; use one of ${reportFormats.map((name) => `\`${name}\``).join(', ')}.`);
  return { format, strict };
}

function isFormat(value: string): value is ReportFormat {
  return (reportFormats as readonly string[]).includes(value);
}
