// If this breaks, a build whose bodies were rendered by other threads publishes something
// different from one rendered on the main thread alone, or a thread that fails takes its
// bodies with it instead of leaving them to the main thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../plugins/playbook/index.ts';
import { startRenderThreads } from '../../plugins/astro-trellis/lib/render-threads.ts';
import { type BuildResult, buildSite, differingFiles, projectRoot } from '../helpers/build-site.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-render-threads-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function build(name: string, threads: string): BuildResult {
  const result = buildSite(path.join(projectRoot, 'content'), { PLAYBOOK_RENDER_THREADS: threads }, path.join(scratch, name));
  expect(result.status, result.stderr).toBe(0);
  return result;
}

describe('bodies rendered by other threads', () => {
  it('give the same site, byte for byte, as bodies rendered on the main thread', () => {
    const threaded = build('threaded', '2');
    const bodies = /bodies: (\d+) of (\d+) rendered by 2 other threads/.exec(threaded.stdout);
    expect(bodies, threaded.stdout).not.toBeNull();
    // Every body of the bundled playbook, each rendered by one of the threads.
    expect(Number(bodies![2])).toBeGreaterThan(50);
    expect(bodies![1]).toBe(bodies![2]);
    expect(threaded.stdout + threaded.stderr).not.toMatch(/thread rendering bodies stopped/);
    const alone = build('main-thread', '0');
    expect(alone.stdout).not.toMatch(/other threads?\b/);
    expect(differingFiles(threaded.outDir, alone.outDir)).toEqual([]);
  });

  it('are left to the main thread, with a warning, when their thread cannot load the playbook', async () => {
    const missing = path.join(scratch, 'no-such-content');
    const settings = readSettings({ PLAYBOOK_CONTENT: missing }, scratch);
    const warnings: string[] = [];
    const threads = startRenderThreads(
      { settings, options: { strict: false }, run: { dev: false, editorIntellisense: false, base: '/', siteUrl: 'https://playbook.example.org/', diagramFonts: [], lastUpdated: new Map() }, alreadyChecked: [], treeCacheDir: path.join(scratch, 'trees'), printBodyCacheDir: null },
      [{ key: 'current\0page\0playbook/a.md' }, { key: 'current\0page\0playbook/b.md' }],
      1,
      { kept: () => {}, failed: (message) => warnings.push(message) },
    );
    const site = { label: 'current' } as Parameters<typeof threads.take>[0];
    const taken = threads.take(site, { kind: 'page', source: { path: 'playbook/a.md' } } as Parameters<typeof threads.take>[1]);
    await expect(taken).rejects.toThrow(/content folder|no-such-content/i);
    expect(threads.take(site, { kind: 'page', source: { path: 'playbook/c.md' } } as Parameters<typeof threads.take>[1])).toBeUndefined();
    expect(warnings).toEqual([`a thread rendering bodies stopped (Content folder \`${missing}\` does not exist; point PLAYBOOK_CONTENT at the folder that holds \`competencies/\` and \`playbook/\`.); the main thread renders its 2 remaining bodies`]);
    await threads.close();
  });
});
