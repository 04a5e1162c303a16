/**
 * `npm run health [-- --format text|json|markdown] [--fail-on warning|info]`: the health
 * report of the current edition. Exit status 0, unless `--fail-on` is given and a finding of
 * that severity (or, for `info`, of any severity) is found: then 1. Wrong usage: 2.
 */
import { type CommandOutcome, readSettings, SettingsError } from '../../playbook/index.ts';
import { formatHealth, type HealthFormat, healthFormats } from './format.ts';
import { ecosystemHealth } from './health.ts';
import { loadCurrentEdition, MissingContentError } from './load.ts';
import { HealthOptionsError, type HealthOptions } from './options.ts';

export type CliOutcome = CommandOutcome;

export interface CommandContext {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** `trellis({ health })` from the project's astro.config.mjs. Default: none, so the defaults. */
  options?: HealthOptions;
}

const usage = 'Usage: npm run health [-- --format text|json|markdown] [--fail-on warning|info]\n';
const failLevels = ['warning', 'info'] as const;

export async function runHealthCommand(args: readonly string[], context: CommandContext = {}): Promise<CliOutcome> {
  const { env = process.env, cwd = process.cwd() } = context;
  try {
    const { format, failOn } = parseArguments(args);
    const { contentDir, today } = readSettings(env, cwd);
    const current = loadCurrentEdition(contentDir);
    const report = ecosystemHealth(current.site, today, context.options);
    const failed = failOn !== null && report.findings.some((finding) => failOn === 'info' || finding.severity === 'warning');
    const note = current.errorCount ? `The playbook has ${current.errorCount === 1 ? 'an error' : `${current.errorCount} errors`} that \`npm run check\` reports; findings about the files concerned may be missing until it is fixed.\n` : '';
    return { stdout: formatHealth(report, format, contentDir, cwd), stderr: note, exitCode: failed ? 1 : 0 };
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `${error.message}\n${usage}`, exitCode: 2 };
    if (error instanceof SettingsError || error instanceof HealthOptionsError || error instanceof MissingContentError) return { stdout: '', stderr: `${error.message}\n`, exitCode: 2 };
    throw error;
  }
}

class UsageError extends Error {}

function parseArguments(args: readonly string[]): { format: HealthFormat; failOn: (typeof failLevels)[number] | null } {
  let format = 'text';
  let failOn: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--format') format = args[++i] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--fail-on') failOn = args[++i] ?? '';
    else if (arg.startsWith('--fail-on=')) failOn = arg.slice('--fail-on='.length);
    else throw new UsageError(`Unknown argument \`${arg}\`; the health report takes \`--format text|json|markdown\` and \`--fail-on warning|info\`.`);
  }
  if (!(healthFormats as readonly string[]).includes(format)) throw new UsageError(`Unknown format \`${format}\`; use one of ${healthFormats.map((name) => `\`${name}\``).join(', ')}.`);
  if (failOn !== null && !(failLevels as readonly string[]).includes(failOn)) throw new UsageError(`Unknown severity \`${failOn}\` for \`--fail-on\`; use \`warning\` (fail on warnings) or \`info\` (fail on any finding).`);
  return { format: format as HealthFormat, failOn: failOn as (typeof failLevels)[number] | null };
}
