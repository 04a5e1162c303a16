/**
 * The check's settings from the environment: the core's reader, so that `npm run check` and
 * the build read `PLAYBOOK_CONTENT`, `PLAYBOOK_AUDIENCE`, `PLAYBOOK_TODAY` and `PLAYBOOK_MDX` the same way.
 */
import { readSettings, SettingsError } from '../../playbook/index.ts';
import type { CheckOptions } from './check-content.ts';

/** A setting or argument the user has to correct; its message says how. */
export { SettingsError as UsageError };

/** Options from `PLAYBOOK_CONTENT` (default `content`), `PLAYBOOK_AUDIENCE`, `PLAYBOOK_TODAY` (default: today, local time), `PLAYBOOK_MDX` (default `safe`) and `PLAYBOOK_ALLOW_IMAGES`, `PLAYBOOK_ALLOW_FRAMES` (default none). */
export function checkOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): CheckOptions {
  const { contentDir, audience, today, mdx, allow } = readSettings(env, cwd);
  return { contentDir, audience, today, mdx, allow };
}
