/**
 * `npm run impact -- --base <git-ref> [--format markdown|text]`: what the working tree's
 * playbook changes against the one at `<git-ref>`. Exit status 0 with the summary, 2 when
 * the command was used wrongly or the base cannot be read.
 */
import { type Audience, type Diagnostic, type MdxMode, type Playbook, readSettings, SettingsError } from '../../playbook/index.ts';
import type { CliOutcome } from './cli.ts';
import { contentAtCommit, ImpactError } from './git-base.ts';
import { ecosystemImpact } from './impact.ts';
import { formatImpact, type ImpactFormat, impactFormats } from './impact-format.ts';
import { currentSite, existingContentFolder, MissingContentError } from './load.ts';
import { HealthOptionsError, type HealthOptions } from './options.ts';

/** The checker's `checkContent`: the health package does not depend on the checker, its caller hands it over. */
export type CheckFunction = (options: { contentDir: string; audience: Audience; today: string; mdx: MdxMode }) => { playbook: Playbook; diagnostics: readonly Diagnostic[] };

export interface ImpactContext {
  check: CheckFunction;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** `trellis({ health })` from astro.config.mjs. Default: none, so the defaults. */
  options?: HealthOptions;
  /** `trellis({ mdx })` from astro.config.mjs, which the environment must agree with. */
  mdx?: unknown;
}

const usage = 'Usage: npm run impact -- --base <git-ref> [--format markdown|text]\n';

export async function runImpactCommand(args: readonly string[], context: ImpactContext): Promise<CliOutcome> {
  const { env = process.env, cwd = process.cwd() } = context;
  try {
    const { base, format } = parseArguments(args);
    const settings = readSettings(env, cwd, { mdx: context.mdx });
    const check = (contentDir: string) => context.check({ contentDir, audience: settings.audience, today: settings.today, mdx: settings.mdx });
    const head = check(existingContentFolder(settings.contentDir));
    const at = contentAtCommit(base, settings.contentDir);
    try {
      const before = check(at.contentDir);
      const impact = ecosystemImpact({ site: currentSite(before.playbook), problems: before.diagnostics }, { site: currentSite(head.playbook), problems: head.diagnostics }, settings.today, context.options);
      return { stdout: formatImpact(impact, format, { base, commit: at.commit, contentDir: settings.contentDir, cwd }), stderr: '', exitCode: 0 };
    } finally {
      at.remove();
    }
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `${error.message}\n${usage}`, exitCode: 2 };
    if (error instanceof ImpactError || error instanceof SettingsError || error instanceof HealthOptionsError || error instanceof MissingContentError) return { stdout: '', stderr: `${error.message}\n`, exitCode: 2 };
    throw error;
  }
}

class UsageError extends Error {}

function parseArguments(args: readonly string[]): { base: string; format: ImpactFormat } {
  let base: string | undefined;
  let format = 'text';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--base') base = args[++i] ?? '';
    else if (arg.startsWith('--base=')) base = arg.slice('--base='.length);
    else if (arg === '--format') format = args[++i] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else throw new UsageError(`Unknown argument \`${arg}\`; the impact summary takes \`--base <git-ref>\` and \`--format markdown|text\`.`);
  }
  if (!base) throw new UsageError('Name the commit to compare with, such as `--base main`.');
  if (!(impactFormats as readonly string[]).includes(format)) throw new UsageError(`Unknown format \`${format}\`; use \`markdown\` or \`text\`.`);
  return { base, format: format as ImpactFormat };
}
