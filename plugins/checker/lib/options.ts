/**
 * The check's settings from the environment, so that `npm run check` and the build read
 * `PLAYBOOK_CONTENT`, `PLAYBOOK_AUDIENCE` and `PLAYBOOK_TODAY` the same way.
 */
import path from 'node:path';
import type { CheckOptions } from './check-content.ts';

/** A setting the user has to correct; its message says how. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Options from `PLAYBOOK_CONTENT` (default `content`), `PLAYBOOK_AUDIENCE` and `PLAYBOOK_TODAY` (default: today, local time). */
export function checkOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): CheckOptions {
  const audience = env.PLAYBOOK_AUDIENCE || 'all';
  if (audience !== 'all' && audience !== 'public') {
    throw new UsageError(`PLAYBOOK_AUDIENCE is \`${audience}\`; set it to \`public\` to check a public build, or leave it unset (or \`all\`) to check everything.`);
  }
  const today = env.PLAYBOOK_TODAY || localToday();
  if (!isCalendarDate(today)) {
    throw new UsageError(`PLAYBOOK_TODAY is \`${today}\`; write a date as YYYY-MM-DD, such as 2026-06-30, or leave it unset to use today's date.`);
  }
  return { contentDir: path.resolve(cwd, env.PLAYBOOK_CONTENT || 'content'), audience, today };
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
