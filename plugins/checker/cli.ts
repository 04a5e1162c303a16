/** Entry point of `npm run check`. Content problems are the report, never a stack trace. */
import module from 'node:module';

// As `astro` does: a second check compiles none of its modules again (0.1 s of a 2 s warm check).
// Only what is imported after this is cached, hence the imports below.
module.enableCompileCache?.();
const { runEntryPoint } = await import('../playbook/index.ts');
const { runCheckCommand } = await import('./lib/cli.ts');

await runEntryPoint(() => runCheckCommand(process.argv.slice(2)), { stopped: 'The check stopped because of a bug in Trellis' });
