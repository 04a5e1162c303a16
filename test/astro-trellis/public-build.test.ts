// If this breaks, a public careers site built with PLAYBOOK_AUDIENCE=public draws the pathway
// of an internal programme — its title and place in the sequence — for the world to read,
// because the diagram rules ran without the audience.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot, readPage } from '../helpers/build-site.ts';

const content = path.join(projectRoot, 'test/astro-trellis/fixtures/public-pathway/content');

describe('a public page that draws the pathway of an internal page', () => {
  it('fails the public build with the positioned report, before anything is written', () => {
    const build = buildSite(content, { PLAYBOOK_AUDIENCE: 'public' });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('test/astro-trellis/fixtures/public-pathway/content/playbook/internal/leadership-lab.mdx:10:32  error  Public page `internal/leadership-lab` draws the pathway of `internal/rotation-programme`, which is not public; make `internal/rotation-programme` public, or remove the diagram.  reference-not-public');
    expect(build.stderr).toContain('1 error, 0 warnings in 1 file.');
    expect(build.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(build.outDir)).toEqual([]);
  });

  it('draws it in the internal build, where both pages are published', () => {
    const build = buildSite(content);
    expect(build.status, build.stderr).toBe(0);
    expect(readPage(build.outDir, '/internal/leadership-lab/')).toContain('<a href="/internal/rotation-programme/"');
  });
});
