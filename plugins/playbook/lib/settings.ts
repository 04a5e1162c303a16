/**
 * The build's settings from the environment, read in one place so that `npm run check`,
 * `npm run build`, the dev server and `npm run version:cut` can never disagree on them.
 */
import path from 'node:path';
import type { Audience } from './model.ts';

export interface Settings {
  /** Absolute path of the folder holding `competencies/`, `playbook/`, `versions/`. Env `PLAYBOOK_CONTENT`, default `content`. */
  contentDir: string;
  /** Absolute output folder. Env `PLAYBOOK_OUT`, default `dist`. */
  outDir: string;
  /** Env `PLAYBOOK_AUDIENCE`: `public` for a public build; default `all`. */
  audience: Audience;
  /** Env `PLAYBOOK_TODAY` (YYYY-MM-DD) for date rules; default today, local time. */
  today: string;
}

/** A setting the user has to correct; its message says how. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

export function readSettings(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Settings {
  const audience = env.PLAYBOOK_AUDIENCE || 'all';
  if (audience !== 'all' && audience !== 'public') {
    throw new SettingsError(`PLAYBOOK_AUDIENCE is \`${audience}\`; set it to \`public\` to check a public build, or leave it unset (or \`all\`) to check everything.`);
  }
  const today = env.PLAYBOOK_TODAY || localToday();
  if (!isCalendarDate(today)) {
    throw new SettingsError(`PLAYBOOK_TODAY is \`${today}\`; write a date as YYYY-MM-DD, such as 2026-06-30, or leave it unset to use today's date.`);
  }
  return {
    contentDir: path.resolve(cwd, env.PLAYBOOK_CONTENT || 'content'),
    outDir: path.resolve(cwd, env.PLAYBOOK_OUT || 'dist'),
    audience,
    today,
  };
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
