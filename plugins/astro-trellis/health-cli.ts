/**
 * Entry point of `npm run health`: the health report with the thresholds of the project's
 * `trellis({ health })`, read from astro.config.mjs. Findings are the report, never a stack trace.
 */
import { runHealthCommand } from '../health/index.ts';
import { runEntryPoint } from '../playbook/index.ts';
import { readProjectOptions, settingsMistake } from './lib/project-options.ts';

await runEntryPoint(async () => {
  const options = await readProjectOptions(process.cwd());
  return runHealthCommand(process.argv.slice(2), { options: options.health });
}, { stopped: 'The health report stopped because of a bug in Trellis', expected: settingsMistake });
