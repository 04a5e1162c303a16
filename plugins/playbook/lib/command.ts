/**
 * What every command-line entry point of Trellis shares: a command's outcome (what it prints
 * and how it exits), and the rule that content never produces a stack trace. Anything a
 * command throws is a bug in Trellis itself (or a file it could not touch): one line says so,
 * and the stack is shown only with TRELLIS_DEBUG=1.
 */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  /** 0 done, 1 problems found (or the command failed), 2 the command was called wrongly. */
  exitCode: 0 | 1 | 2;
}

export interface EntryPoint {
  /** What stopped, and why: `The check stopped because of a bug in Trellis`. */
  stopped: string;
  /** What follows the error's own message. Default: `please report it`. */
  advice?: string;
  /** An error the command expects (a mistake in the project's settings): its message and exit code. */
  expected?: (error: unknown) => { message: string; exitCode: number } | undefined;
}

export async function runEntryPoint(command: () => CommandOutcome | Promise<CommandOutcome>, entry: EntryPoint): Promise<void> {
  try {
    const outcome = await command();
    process.stdout.write(outcome.stdout);
    process.stderr.write(outcome.stderr);
    process.exitCode = outcome.exitCode;
  } catch (error) {
    const known = entry.expected?.(error);
    if (known) {
      process.stderr.write(`${known.message}\n`);
      process.exitCode = known.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const detail = process.env.TRELLIS_DEBUG ? `\n${error instanceof Error ? error.stack : String(error)}` : '';
    process.stderr.write(`${entry.stopped} (${message}); ${entry.advice ?? 'please report it'}. Run with TRELLIS_DEBUG=1 to see where it happened.${detail}\n`);
    process.exitCode = 1;
  }
}
