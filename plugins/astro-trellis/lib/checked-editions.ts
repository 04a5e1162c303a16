/**
 * A frozen edition that passed the check, unchanged since, with the same generator, audience
 * and MDX mode, cannot fail it now: the next build reads only its frontmatter (enough for the
 * switcher, banners and What changed pages) instead of parsing and checking every page.
 * A marker file per edition records the check; it is keyed like the edition cache.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { listEditionFolders, type Playbook, type Settings } from '../../playbook/index.ts';
import { generatorHash, hashFolder } from './edition-cache.ts';

type Config = Pick<AstroConfig, 'root' | 'cacheDir'>;

/** Labels of the older editions whose check is on record. */
export function checkedEditions(settings: Settings, config: Config, env: NodeJS.ProcessEnv = process.env): Set<string> {
  const found = new Set<string>();
  if (env.PLAYBOOK_EDITION_CACHE === 'off') return found;
  const labels = listEditionFolders(settings.contentDir);
  if (labels.length === 0) return found;
  const generator = generatorHash(fileURLToPath(config.root));
  for (const label of labels) if (fs.existsSync(markerFile(settings, config, generator, label))) found.add(label);
  return found;
}

/** Records the older editions this build parsed and checked without an error. */
export function recordCheckedEditions(playbook: Playbook, settings: Settings, config: Config): void {
  const generator = generatorHash(fileURLToPath(config.root));
  for (const edition of playbook.editions) {
    if (edition.isCurrent || !edition.bodiesRead) continue;
    const marker = markerFile(settings, config, generator, edition.label);
    fs.mkdirSync(path.dirname(marker), { recursive: true });
    fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  }
}

function markerFile(settings: Settings, config: Config, generator: string, label: string): string {
  const hash = createHash('sha256');
  hash.update(`trellis-checked-edition 1\0${generator}\0${settings.audience}\0${settings.mdx}\0${label}\0`);
  hashFolder(hash, path.join(settings.contentDir, 'versions', label));
  return path.join(fileURLToPath(config.cacheDir), 'trellis-editions', 'checked', `${label}-${hash.digest('hex').slice(0, 24)}`);
}
