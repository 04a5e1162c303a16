// If this breaks, a warm build publishes a stale page — an edited body or a renamed
// competency still showing the old words somewhere — or renders everything again on every
// build. A warm build must equal a cold one, byte for byte, across an edit and its revert.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildSite, listFiles, projectRoot } from '../helpers/build-site.ts';

const fixture = path.join(projectRoot, 'test/astro-trellis/fixtures/playbook-small/content');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-incremental-'));
const content = path.join(scratch, 'content');
fs.cpSync(fixture, content, { recursive: true });
const warmCache = path.join(scratch, 'warm-cache');

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function build(name: string, cacheDir: string): BuildResult {
  const result = buildSite(content, { PLAYBOOK_CACHE_DIR: cacheDir }, path.join(scratch, name));
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** Every file of an output, by path, as bytes in base64. */
function output(result: BuildResult): Record<string, string> {
  return Object.fromEntries(listFiles(result.outDir).map((file) => [file, fs.readFileSync(path.join(result.outDir, file)).toString('base64')]));
}

const rendered = (result: BuildResult) => [...result.stdout.matchAll(/[├└]─ (\S+)(?! \(restored\)).*$/gm)].filter((line) => !line[0].includes('(restored)')).map((line) => line[1]!);

function edit(file: string, from: string, to: string): void {
  const absolute = path.join(content, file);
  const text = fs.readFileSync(absolute, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(absolute, text.replace(from, to));
}

describe('an incremental build', () => {
  it('renders only the edited page, equals a cold build, and equals the first build after the revert', () => {
    const first = build('first', warmCache);
    const body = ['playbook/internal/shadowing.md', 'Shadowing follows the', 'Shadowing comes after the'] as const;
    edit(...body);
    const warm = build('warm-edited', warmCache);
    expect(rendered(warm).filter((file) => file.endsWith('/index.html') && !file.startsWith('/search/'))).toEqual(['/internal/shadowing/index.html']);
    expect(output(warm)).toEqual(output(build('cold-edited', path.join(scratch, 'cold-cache-1'))));
    edit(body[0], body[2], body[1]);
    expect(output(build('warm-reverted', warmCache))).toEqual(output(first));
  });

  it('renders every page that shows a renamed competency', () => {
    build('before-rename', warmCache);
    edit('competencies/risk-judgement.md', 'name: Risk judgement', 'name: Judgement of risk');
    const warm = build('renamed', warmCache);
    const cold = build('renamed-cold', path.join(scratch, 'cold-cache-2'));
    expect(output(warm)).toEqual(output(cold));
    expect(rendered(warm).length).toBeGreaterThan(10);
  });
});
