/**
 * Content collections for the playbook, filled from the checked model instead of a second
 * glob-and-parse: entries carry their frontmatter validated by the shared Zod schemas, so
 * `getCollection('pages')` is typed and consistent with what the checker accepted.
 * Older editions' entries have ids prefixed with `v/<label>/`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { Competency, Page } from '../../playbook/index.ts';
import { getTrellisState } from './state.ts';

type Kind = 'pages' | 'competencies';

export function playbookLoader(kind: Kind): Loader {
  return {
    name: `trellis-${kind}`,
    async load({ store, parseData, generateDigest, config }) {
      store.clear();
      const { editions, settings } = getTrellisState();
      for (const site of editions) {
        const entries: (Page | Competency)[] = kind === 'pages' ? site.pages : site.competencies;
        for (const entry of entries) {
          const id = site.isCurrent ? entry.id : `v/${site.label}/${entry.id}`;
          const raw = entry.source.frontmatter?.toJS() ?? {};
          const data = await parseData({ id, data: raw });
          store.set({ id, data, filePath: path.relative(fileURLToPath(config.root), path.join(settings.contentDir, entry.source.path)), digest: generateDigest(entry.source.text) });
        }
      }
    },
  };
}
