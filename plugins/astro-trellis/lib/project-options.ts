/**
 * The `trellis({ … })` options of a project, read from its astro.config without starting
 * Astro: the config is imported (it is plain data once evaluated) and the integration named
 * `trellis` hands its options over as `trellisOptions`. A project without a config, or
 * without the integration, has no options: every default applies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TrellisOptions } from './state.ts';

/** The names Astro looks for, in its order. */
const configNames = ['astro.config.mjs', 'astro.config.js', 'astro.config.mts', 'astro.config.ts'];

/** A config that cannot be read; `npm run build` would fail on it too. */
export class ProjectConfigError extends Error {
  override name = 'ProjectConfigError';
}

/** A config that cannot be read, as the commands that read it report it: its message, exit 2. */
export function settingsMistake(error: unknown): { message: string; exitCode: number } | undefined {
  return error instanceof ProjectConfigError ? { message: error.message, exitCode: 2 } : undefined;
}

export async function readProjectOptions(cwd: string): Promise<TrellisOptions> {
  const file = configNames.map((name) => path.join(cwd, name)).find((candidate) => fs.existsSync(candidate));
  if (!file) return {};
  let config: unknown;
  try {
    config = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ProjectConfigError(`\`${path.basename(file)}\` could not be read (${reason}); fix it, as \`npm run build\` needs it too.`);
  }
  const integrations = (config as { integrations?: unknown } | undefined)?.integrations;
  const list = Array.isArray(integrations) ? integrations.flat(Infinity) : [];
  const found = list.find((item): item is { trellisOptions?: TrellisOptions } => !!item && typeof item === 'object' && (item as { name?: unknown }).name === 'trellis');
  return found?.trellisOptions ?? {};
}
