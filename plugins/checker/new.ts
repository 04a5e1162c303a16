/** Entry point of `npm run new -- page|competency|role <id>`. A refused id is a message, never a stack trace. */
import { runEntryPoint } from '../playbook/index.ts';
import { runNewCommand } from './lib/scaffold.ts';

await runEntryPoint(() => runNewCommand(process.argv.slice(2)), { stopped: 'The command stopped because of a bug in Trellis' });
