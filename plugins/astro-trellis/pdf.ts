/** Entry point of `npm run pdf`. A missing site or Chromium is a message, never a stack trace. */
import { runEntryPoint } from '../playbook/index.ts';
import { runPdfCommand } from './lib/pdf.ts';

await runEntryPoint(runPdfCommand, { stopped: 'The PDF was not printed because of a bug in Trellis' });
