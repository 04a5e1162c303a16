/**
 * Entry point of `npm run version:cut -- <label>`. A refused cut is a message, never a stack
 * trace; a stack trace is only shown for a bug in Trellis itself, with TRELLIS_DEBUG=1.
 */
import { runCutCommand } from './lib/cut-cli.ts';

try {
  const outcome = runCutCommand(process.argv.slice(2));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
} catch (error) {
  const detail = process.env.TRELLIS_DEBUG ? `\n${error instanceof Error ? error.stack : String(error)}` : '';
  process.stderr.write(`The cut stopped because of a bug in Trellis or a file it could not copy (${error instanceof Error ? error.message : String(error)}); nothing was written. Run with TRELLIS_DEBUG=1 to see where it happened.${detail}\n`);
  process.exitCode = 1;
}
