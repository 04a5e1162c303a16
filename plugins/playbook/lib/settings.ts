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
  /** Env `PLAYBOOK_ALLOW_IMAGES` and `PLAYBOOK_ALLOW_FRAMES`, or the integration's `allow`: other hosts pages may show. Default: none. */
  allow: AllowedHosts;
}

/**
 * Hosts, other than the site's own, whose images pages may show and whose pages they may embed
 * in frames (`www.youtube-nocookie.com`, `*.example.org` for every subdomain): each is added to
 * the pages' Content-Security-Policy (as `https:` only) and, for frames, to what the HTML
 * policy keeps.
 */
export interface AllowedHosts {
  images: readonly string[];
  frames: readonly string[];
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
  /** `trellis({ allow: { images, frames } })`. Default: `PLAYBOOK_ALLOW_IMAGES` and `PLAYBOOK_ALLOW_FRAMES`, else none. */
  allow?: unknown;
}

/** `img.shields.io`, `*.example.org`: a host name, or every subdomain of one, lowercase. */
const hostPattern = /^(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
const allowKinds = ['images', 'frames'] as const;

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
    allow: allowedHosts(env, config.allow),
  };
}

/**
 * The check reads only the environment, as for `mdx`: a list in the config that the
 * environment contradicts is refused, so that `npm run check` warns about exactly what the
 * build's pages would block.
 */
function allowedHosts(env: NodeJS.ProcessEnv, fromConfig: unknown): AllowedHosts {
  const fromEnv = { images: hostList(env.PLAYBOOK_ALLOW_IMAGES, 'PLAYBOOK_ALLOW_IMAGES'), frames: hostList(env.PLAYBOOK_ALLOW_FRAMES, 'PLAYBOOK_ALLOW_FRAMES') };
  if (fromConfig === undefined) return { images: fromEnv.images ?? [], frames: fromEnv.frames ?? [] };
  if (fromConfig === null || typeof fromConfig !== 'object' || Array.isArray(fromConfig) || Object.keys(fromConfig).some((key) => !(allowKinds as readonly string[]).includes(key))) {
    throw new SettingsError("`trellis({ allow })` in astro.config.mjs must be an object such as `allow: { images: ['img.shields.io'], frames: ['www.youtube-nocookie.com'] }`; it takes `images` and `frames`, each a list of host names.");
  }
  const allow = { images: [] as string[], frames: [] as string[] };
  for (const kind of allowKinds) {
    const listed = (fromConfig as Record<string, unknown>)[kind];
    const hosts = listed === undefined ? [] : configHosts(listed, kind);
    const variable = kind === 'images' ? 'PLAYBOOK_ALLOW_IMAGES' : 'PLAYBOOK_ALLOW_FRAMES';
    const environment = fromEnv[kind];
    if (environment && environment.join(',') !== [...hosts].sort().join(',')) {
      throw new SettingsError(`${variable} is \`${env[variable]}\` but astro.config.mjs sets \`trellis({ allow: { ${kind}: [${hosts.map((host) => `'${host}'`).join(', ')}] } })\`; make the two name the same hosts (\`npm run check\` reads only ${variable}), or leave ${variable} unset for the build.`);
    }
    allow[kind] = hosts;
  }
  return allow;
}

/** A comma- or space-separated list of hosts from the environment, sorted; undefined when unset. */
function hostList(value: string | undefined, variable: string): string[] | undefined {
  if (!value) return undefined;
  const hosts = value.split(/[\s,]+/).filter(Boolean);
  for (const host of hosts) {
    if (!hostPattern.test(host)) throw new SettingsError(`${variable} lists \`${host}\`, which is not a host name; list hosts such as \`img.shields.io\` or \`*.example.org\`, separated by commas, without \`https://\` or a path.`);
  }
  return [...new Set(hosts)].sort();
}

function configHosts(listed: unknown, kind: string): string[] {
  const example = kind === 'images' ? 'img.shields.io' : 'www.youtube-nocookie.com';
  if (!Array.isArray(listed)) throw new SettingsError(`\`trellis({ allow: { ${kind} } })\` in astro.config.mjs must be a list of host names, such as \`${kind}: ['${example}']\`.`);
  for (const host of listed) {
    if (typeof host !== 'string' || !hostPattern.test(host)) {
      throw new SettingsError(`\`trellis({ allow: { ${kind} } })\` in astro.config.mjs lists \`${String(host)}\`, which is not a host name; write hosts such as \`'${example}'\` or \`'*.example.org'\`, without \`https://\` or a path.`);
    }
  }
  return [...new Set(listed as string[])];
}

/** Whether a host is one of `hosts`, or a subdomain of a `*.` entry (as the CSP matches it). */
export function isAllowedHost(host: string, hosts: readonly string[]): boolean {
  const name = host.toLowerCase();
  return hosts.some((entry) => (entry.startsWith('*.') ? name.endsWith(entry.slice(1)) : name === entry));
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
