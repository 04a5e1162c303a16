/**
 * Entry point of `npm run impact`: what the working tree changes against a commit, with the
 * project's `trellis({ health, mdx })` from astro.config.mjs and the real checker on both
 * sides. The summary is the output, never a stack trace; a stack trace is only shown for a
 * bug in Trellis itself, with TRELLIS_DEBUG=1.
 */
import { checkContent } from '../checker/index.ts';
import { runImpactCommand } from '../health/index.ts';
import { ProjectConfigError, readProjectOptions } from './lib/project-options.ts';

try {
  const options = await readProjectOptions(process.cwd());
  const outcome = await runImpactCommand(process.argv.slice(2), { check: checkContent, options: options.health, mdx: options.mdx });
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
} catch (error) {
  if (error instanceof ProjectConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    const detail = process.env.TRELLIS_DEBUG ? `\n${error instanceof Error ? error.stack : String(error)}` : '';
    process.stderr.write(`The impact summary stopped because of a bug in Trellis (${error instanceof Error ? error.message : String(error)}); please report it. Run with TRELLIS_DEBUG=1 to see where it happened.${detail}\n`);
    process.exitCode = 1;
  }
}
