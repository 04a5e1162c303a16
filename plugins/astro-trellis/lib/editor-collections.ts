/**
 * Autocomplete and inline errors for frontmatter in the editor. Astro's content intellisense
 * turns each collection's Zod schema into a JSON Schema (`.astro/collections/`) and maps every
 * entry's file to it; the Astro extension for VS Code then completes fields and values while
 * an L&D editor types. These collections exist for that alone: their schemas are the format's,
 * with the playbook's own ids as the values of `develops`, `related`, `prerequisites`,
 * `metrics`, a role's `targets` and `grows_from`. They are filled by `astro dev` and `astro sync` only — a build reads nothing into
 * them, so they cost a build nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { competencySchema, type Edition, pageSchema, roleSchema } from '../../playbook/index.ts';
import { getTrellisState } from './state.ts';

/** A list of the playbook's own ids; an empty playbook accepts any word, so the schema stays valid. */
function idList(ids: string[]) {
  return z.array(ids.length ? z.enum(ids as [string, ...string[]]) : z.string()).optional();
}

/** The format's schemas, with each id field listing the current edition's ids. */
export function editorSchemas(edition: Edition) {
  const pages = [...edition.pages.values()];
  const pageIds = pages.map((page) => page.id).sort();
  const measurementIds = pages.filter((page) => page.layer === 'measurement').map((page) => page.id).sort();
  const competencyIds = [...edition.competencies.keys()].sort();
  const roleIds = [...edition.roles.keys()].sort();
  const competencyId = competencyIds.length ? z.enum(competencyIds as [string, ...string[]]) : z.string();
  const develops = z.array(z.union([competencyId, z.object({ id: competencyId, level: z.string().optional() })])).optional();
  return {
    page: pageSchema.extend({ develops, prerequisites: idList(pageIds), metrics: idList(measurementIds) }),
    competency: competencySchema.extend({ related: idList(competencyIds) }),
    role: roleSchema.extend({ targets: z.record(competencyId, z.string()), grows_from: idList(roleIds) }),
  };
}

/** `pages`, `competencies` and `roles`, for `src/content.config.ts`. */
export function editorCollections() {
  const state = getTrellisState();
  const current = state.playbook.editions[0]!;
  const schemas = editorSchemas(current);
  return {
    pages: { loader: entriesLoader('pages'), schema: schemas.page },
    competencies: { loader: entriesLoader('competencies'), schema: schemas.competency },
    roles: { loader: entriesLoader('roles'), schema: schemas.role },
  };
}

/**
 * The current edition's files with the frontmatter as written: the check, not Astro, judges
 * it (an editor's half-typed value must not stop the dev server).
 */
function entriesLoader(kind: 'pages' | 'competencies' | 'roles'): Loader {
  return {
    name: `trellis-editor-${kind}`,
    async load({ store, config }) {
      store.clear();
      const { playbook, settings, editorIntellisense } = getTrellisState();
      if (!editorIntellisense) return;
      const edition = playbook.editions[0]!;
      const entries = [...edition[kind].values()];
      for (const entry of entries) {
        const data = entry.source.frontmatter?.toJS({ maxAliasCount: 20 }) ?? {};
        const filePath = path.relative(fileURLToPath(config.root), path.join(settings.contentDir, entry.source.path));
        store.set({ id: entry.id, data, filePath });
      }
    },
  };
}
