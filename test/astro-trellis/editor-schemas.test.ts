// If this breaks, an L&D editor typing frontmatter in VS Code gets no completion for a field's
// values, or is offered competencies and pages that do not exist in their playbook.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeBin, projectRoot, terminalEnvironment } from '../helpers/build-site.ts';

const content = path.join(projectRoot, 'test/astro-trellis/fixtures/playbook-small/content');
const collections = path.join(projectRoot, '.astro/collections');

type Schema = { properties: Record<string, { enum?: string[]; items?: { enum?: string[] } }> };
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(collections, name), 'utf8'));

beforeAll(() => {
  // `astro sync` is what `npm run dev` and the typecheck run first: it writes the schemas.
  const sync = spawnSync(nodeBin, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...terminalEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_CONTENT: content, PLAYBOOK_TODAY: '2026-11-25' },
  });
  expect(sync.status, sync.stderr).toBe(0);
});

describe('the schemas the editor completes frontmatter with', () => {
  it('list every enum of the format and the playbook\'s own ids', () => {
    const pages = read('pages.schema.json') as Schema;
    expect(pages.properties.layer!.enum).toEqual(['internal', 'external', 'coaching', 'governance', 'measurement', 'guide']);
    expect(pages.properties.formats!.items!.enum).toContain('coaching-session');
    const competencyIds = fs.readdirSync(path.join(content, 'competencies')).map((file) => file.replace(/\.mdx?$/, '')).sort();
    // A develops item is an id or `{ id, level }`: both name the playbook's own competencies.
    const develops = pages.properties.develops!.items as unknown as { anyOf: { enum?: string[]; properties?: { id: { enum: string[] } } }[] };
    expect(develops.anyOf[0]!.enum).toEqual(competencyIds);
    expect(develops.anyOf[1]!.properties!.id.enum).toEqual(competencyIds);
    expect(pages.properties.prerequisites!.items!.enum).toContain('internal/leadership-lab');
    const competencies = read('competencies.schema.json') as Schema;
    expect(competencies.properties.cluster!.enum).toEqual(['strategy', 'culture', 'risk', 'people', 'execution']);
    expect(competencies.properties.related!.items!.enum).toEqual(competencyIds);
  });

  it('map each file of the playbook to its schema', () => {
    const manifest = read('collections.json') as { entries: Record<string, string> };
    const lab = new URL(`file://${path.join(content, 'playbook/internal/leadership-lab.mdx')}`).href.toLowerCase();
    expect(manifest.entries[lab]).toBe('pages');
  });
});
