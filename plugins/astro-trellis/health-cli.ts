/**
 * Entry point of `npm run health`: the health report with the thresholds of the project's
 * `trellis({ health })`, read from astro.config.mjs. Findings are the report, never a stack
 * trace; a stack trace is only shown for a bug in Trellis itself, with TRELLIS_DEBUG=1.
 */
import { runHealthCommand } from '../health/index.ts';
import { ProjectConfigError, readProjectOptions } from './lib/project-options.ts';

try {
  const options = await readProjectOptions(process.cwd());
  const outcome = await runHealthCommand(process.argv.slice(2), { options: options.health });
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
} catch (error) {
  if (error instanceof ProjectConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    const detail = process.env.TRELLIS_DEBUG ? `\n${error instanceof Error ? error.stack : String(error)}` : '';
    process.stderr.write(`The health report stopped because of a bug in Trellis (${error instanceof Error ? error.message : String(error)}); please report it. Run with TRELLIS_DEBUG=1 to see where it happened.${detail}\n`);
    process.exitCode = 1;
  }
}
