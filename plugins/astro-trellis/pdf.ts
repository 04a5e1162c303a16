/**
 * Entry point of `npm run pdf`. A missing site or Chromium is a message, never a stack trace;
 * a stack trace is only shown for a bug in Trellis itself, with TRELLIS_DEBUG=1.
 */
import { runPdfCommand } from './lib/pdf.ts';

try {
  const outcome = await runPdfCommand();
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
} catch (error) {
  const detail = process.env.TRELLIS_DEBUG ? `\n${error instanceof Error ? error.stack : String(error)}` : '';
  process.stderr.write(`The PDF was not printed because of a bug in Trellis (${error instanceof Error ? error.message : String(error)}); please report it. Run with TRELLIS_DEBUG=1 to see where it happened.${detail}\n`);
  process.exitCode = 1;
}
