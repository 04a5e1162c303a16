/**
 * Build settings from the environment, read the same way by the build and `npm run check`.
 */
import path from 'node:path';
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

export class SettingsError extends Error {}

export function readSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): TrellisSettings {
  const audience = env.PLAYBOOK_AUDIENCE || 'all';
  if (audience !== 'all' && audience !== 'public') {
    throw new SettingsError(`PLAYBOOK_AUDIENCE is \`${audience}\`; set it to \`public\` for a public build, or leave it unset.`);
  }
  const today = env.PLAYBOOK_TODAY || new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new SettingsError(`PLAYBOOK_TODAY is \`${today}\`; write a date as YYYY-MM-DD, or leave it unset.`);
  }
  return {
    contentDir: path.resolve(cwd, env.PLAYBOOK_CONTENT || 'content'),
    outDir: path.resolve(cwd, env.PLAYBOOK_OUT || 'dist'),
    audience,
    today,
  };
}
