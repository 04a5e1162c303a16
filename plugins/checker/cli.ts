/**
 * Entry point of `npm run check`. Content problems are the report, never a stack trace; a
 * stack trace is only shown for a bug in Trellis itself, with TRELLIS_DEBUG=1.
 */
import { runCheckCommand } from './lib/cli.ts';

try {
  const outcome = await runCheckCommand(process.argv.slice(2));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
} catch (error) {
  const detail = process.env.TRELLIS_DEBUG ? `\n${error instanceof Error ? error.stack : String(error)}` : '';
  process.stderr.write(`The check stopped because of a bug in Trellis (${error instanceof Error ? error.message : String(error)}); please report it. Run with TRELLIS_DEBUG=1 to see where it happened.${detail}\n`);
  process.exitCode = 1;
}
