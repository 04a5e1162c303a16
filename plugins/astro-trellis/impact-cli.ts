/**
 * Entry point of `npm run impact`: what the working tree changes against a commit, with the
 * project's `trellis({ health, mdx })` from astro.config.mjs and the real checker on both
 * sides. The summary is the output, never a stack trace.
 */
import { checkContent } from '../checker/index.ts';
import { runImpactCommand } from '../health/index.ts';
import { runEntryPoint } from '../playbook/index.ts';
import { readProjectOptions, settingsMistake } from './lib/project-options.ts';

await runEntryPoint(async () => {
  const options = await readProjectOptions(process.cwd());
  return runImpactCommand(process.argv.slice(2), { check: checkContent, options: options.health, mdx: options.mdx });
}, { stopped: 'The impact summary stopped because of a bug in Trellis', expected: settingsMistake });
