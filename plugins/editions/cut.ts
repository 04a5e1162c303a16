/** Entry point of `npm run version:cut -- <label>`. A refused cut is a message, never a stack trace. */
import { runEntryPoint } from '../playbook/index.ts';
import { runCutCommand } from './lib/cut-cli.ts';

await runEntryPoint(() => runCutCommand(process.argv.slice(2)), {
  stopped: 'The cut stopped because of a bug in Trellis or a file it could not copy',
  advice: 'nothing was written',
});
