/** Entry point of `npm run check`. Content problems are the report, never a stack trace. */
import { runEntryPoint } from '../playbook/index.ts';
import { runCheckCommand } from './lib/cli.ts';

await runEntryPoint(() => runCheckCommand(process.argv.slice(2)), { stopped: 'The check stopped because of a bug in Trellis' });
