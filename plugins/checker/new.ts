/**
 * Entry point of `npm run new -- page|competency|role <id>`. A refused id is a message, never
 * a stack trace; a stack trace is only shown for a bug in Trellis itself, with TRELLIS_DEBUG=1.
 */
import { runNewCommand } from './lib/scaffold.ts';

try {
  const outcome = runNewCommand(process.argv.slice(2));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
} catch (error) {
  const detail = process.env.TRELLIS_DEBUG ? `\n${error instanceof Error ? error.stack : String(error)}` : '';
  process.stderr.write(`The command stopped because of a bug in Trellis (${error instanceof Error ? error.message : String(error)}); please report it. Run with TRELLIS_DEBUG=1 to see where it happened.${detail}\n`);
  process.exitCode = 1;
}
