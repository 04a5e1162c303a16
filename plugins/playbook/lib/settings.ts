/**
 * The build's settings from the environment, read in one place so that `npm run check`,
 * `npm run build`, the dev server and `npm run version:cut` can never disagree on them. The
 * one setting `astro.config.mjs` may also give (`trellis({ mdx })`) must agree with it.
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
  /** Env `PLAYBOOK_MDX`, or the integration's `mdx` option: whether `.mdx` pages may run code. Default `safe`. */
  mdx: MdxMode;
}

/**
 * `safe`: an `.mdx` page is text, and its imports, exports, expressions and components are
 * errors. `trusted`: they run when the site is built, so anyone who can merge content can run
 * code on the build machine.
 */
export type MdxMode = 'safe' | 'trusted';

/** Settings given in `astro.config.mjs`, which the environment must not contradict. */
export interface ConfigSettings {
  /** `trellis({ mdx })`. Default: `PLAYBOOK_MDX`, else `safe`. */
  mdx?: unknown;
}

const mdxModes: readonly string[] = ['safe', 'trusted'] satisfies MdxMode[];

/** A setting the user has to correct; its message says how. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

export function readSettings(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd(), config: ConfigSettings = {}): Settings {
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
    mdx: mdxMode(env.PLAYBOOK_MDX, config.mdx),
  };
}

/** The check reads only the environment, so a setting in the config that it contradicts is refused. */
function mdxMode(fromEnv: string | undefined, fromConfig: unknown): MdxMode {
  if (fromEnv && !mdxModes.includes(fromEnv)) {
    throw new SettingsError(`PLAYBOOK_MDX is \`${fromEnv}\`; set it to \`trusted\` to let \`.mdx\` pages run code when the site is built, or leave it unset (or \`safe\`) to refuse code.`);
  }
  if (fromConfig === undefined) return (fromEnv || 'safe') as MdxMode;
  if (typeof fromConfig !== 'string' || !mdxModes.includes(fromConfig)) {
    throw new SettingsError(`\`trellis({ mdx })\` in astro.config.mjs is \`${String(fromConfig)}\`; write \`mdx: 'trusted'\` to let \`.mdx\` pages run code, or leave it out (or \`'safe'\`) to refuse code.`);
  }
  if (fromEnv && fromEnv !== fromConfig) {
    throw new SettingsError(`PLAYBOOK_MDX is \`${fromEnv}\` but astro.config.mjs sets \`trellis({ mdx: '${fromConfig}' })\`; make the two agree (\`npm run check\` reads only PLAYBOOK_MDX), or leave PLAYBOOK_MDX unset for the build.`);
  }
  return fromConfig as MdxMode;
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
