/**
 * Build settings from the environment. Content folder, audience and date come from the
 * checker's own reader, so `npm run build` and `npm run check` can never disagree on them.
 */
import path from 'node:path';
import { checkOptionsFromEnv, UsageError } from '../../checker/index.ts';
import type { Audience } from '../../playbook/index.ts';

export interface TrellisSettings {
  /** Absolute path of the folder holding `competencies/`, `playbook/`, `versions/`. Env `PLAYBOOK_CONTENT`, default `content`. */
  contentDir: string;
  /** Absolute output folder. Env `PLAYBOOK_OUT`, default `dist`. */
  outDir: string;
  /** Env `PLAYBOOK_AUDIENCE`: `public` for a public build; default `all`. */
  audience: Audience;
  /** Env `PLAYBOOK_TODAY` (YYYY-MM-DD) for date rules; default today. */
  today: string;
}

export { UsageError as SettingsError };

export function readSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): TrellisSettings {
  return { ...checkOptionsFromEnv(env, cwd), outDir: path.resolve(cwd, env.PLAYBOOK_OUT || 'dist') };
}
