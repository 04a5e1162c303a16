/**
 * The current edition of a content folder as the internal build publishes it: what the
 * health report judges. Older editions are frozen records, so only their frontmatter is read.
 */
import fs from 'node:fs';
import { listEditionFolders, loadPlaybook, type Playbook, type SiteEdition, siteEdition } from '../../playbook/index.ts';

/** Every published page and competency of the internal build; the report is never public. */
export const internalView = { audience: 'all', includeDrafts: false, base: '/' } as const;

export interface CurrentEdition {
  site: SiteEdition;
  /** Errors the loader found in the current edition's files; `npm run check` reports them in full. */
  errorCount: number;
}

/** A missing content folder is a setting to fix, not a crash. */
export class MissingContentError extends Error {
  override name = 'MissingContentError';
}

/** The folder itself, or a `MissingContentError` saying which setting to correct. */
export function existingContentFolder(contentDir: string): string {
  if (!fs.statSync(contentDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new MissingContentError(`Content folder \`${contentDir}\` does not exist; point PLAYBOOK_CONTENT at the folder that holds \`competencies/\` and \`playbook/\`.`);
  }
  return contentDir;
}

export function loadCurrentEdition(contentDir: string): CurrentEdition {
  existingContentFolder(contentDir);
  const { playbook, diagnostics } = loadPlaybook(contentDir, new Map(), new Set(listEditionFolders(contentDir)));
  const errorCount = diagnostics.items.filter((item) => item.severity === 'error' && !item.file.startsWith('versions/')).length;
  return { site: currentSite(playbook), errorCount };
}

export function currentSite(playbook: Playbook): SiteEdition {
  return siteEdition(playbook.editions[0]!, internalView);
}
