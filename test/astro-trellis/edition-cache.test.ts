// If this breaks, every build would render and index every frozen edition again (slow builds
// that grow with each edition cut), or, worse, a build would publish an older edition from a
// stale cache: an edited old page not updated, or a switcher still pointing at a page the
// current edition no longer has.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildSite, differingFiles, listFiles, projectRoot, readPage } from '../helpers/build-site.ts';

const fixture = path.join(projectRoot, 'test/editions/fixtures/basic/content');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-edition-cache-'));
const content = path.join(scratch, 'content');
/** One cache folder shared by every build of this file, as a developer's machine would have. */
const cacheDir = path.join(scratch, 'astro-cache');

function build(name: string, from: Workspace = { content, cacheDir }): BuildResult {
  const result = buildSite(from.content, { PLAYBOOK_CACHE_DIR: from.cacheDir }, path.join(scratch, name));
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** What the build log says about each older edition: `2025.2 rendered`, `2025.1 reused`. */
function editionLog(result: BuildResult): string[] {
  return [...`${result.stdout}${result.stderr}`.matchAll(/edition (\S+): (rendered|reused)/g)].map(([, label, what]) => `${label} ${what}`);
}

interface Workspace {
  content: string;
  cacheDir: string;
}

/**
 * A copy of the content and the warm cache as the first two builds left them, so that each
 * test makes its own change and runs alone (`-t`) as well as with the others.
 */
function warmCopy(name: string): Workspace {
  const copy = { content: path.join(scratch, `${name}-content`), cacheDir: path.join(scratch, `${name}-cache`) };
  fs.cpSync(content, copy.content, { recursive: true });
  fs.cpSync(cacheDir, copy.cacheDir, { recursive: true });
  return copy;
}

function edit(file: string, from: string, to: string, folder = content): void {
  const absolute = path.join(folder, file);
  const text = fs.readFileSync(absolute, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(absolute, text.replace(from, to));
}

let first: BuildResult;
let second: BuildResult;

beforeAll(() => {
  fs.cpSync(fixture, content, { recursive: true });
  first = build('first');
  edit('playbook/internal/mentoring.mdx', 'paired with a mentor for a year', 'paired with a mentor for eighteen months');
  second = build('second');
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('the edition cache', () => {
  it('renders older editions once and stores them', () => {
    expect(editionLog(first)).toEqual(['2025.2 rendered', '2025.1 rendered']);
  });

  it('reuses them, byte for byte, when only the current edition changed', () => {
    expect(editionLog(second)).toEqual(['2025.2 reused', '2025.1 reused']);
    expect(first.stdout).not.toContain('read from frontmatter only');
    expect(second.stdout).toContain('unchanged since their last check, read from frontmatter only: 2025.2, 2025.1');
    expect(differingFiles(path.join(second.outDir, 'v'), path.join(first.outDir, 'v'))).toEqual([]);
    expect(listFiles(path.join(second.outDir, 'v'))).toContain('2025.2/pagefind/pagefind-entry.json');
    expect(readPage(second.outDir, '/internal/mentoring/')).toContain('eighteen months');
  });

  it('renders an older edition again when one of its files changed, and only that one', () => {
    const workspace = warmCopy('third');
    edit('versions/2025.2/playbook/internal/job-rotation.mdx', 'Two six-month moves', 'Two nine-month moves', workspace.content);
    const third = build('third', workspace);
    expect(editionLog(third)).toEqual(['2025.2 rendered', '2025.1 reused']);
    expect(third.stdout).toContain('read from frontmatter only: 2025.1\n');
    expect(readPage(third.outDir, '/v/2025.2/internal/job-rotation/')).toContain('Two nine-month moves');
    expect(differingFiles(path.join(third.outDir, 'v/2025.1'), path.join(first.outDir, 'v/2025.1'))).toEqual([]);
  });

  it('renders an older edition again when the current edition no longer has one of its pages', () => {
    const workspace = warmCopy('fourth');
    fs.rmSync(path.join(workspace.content, 'playbook/coaching/peer-circles.mdx'));
    const fourth = build('fourth', workspace);
    expect(editionLog(fourth)).toEqual(['2025.2 rendered', '2025.1 reused']);
    const switcher = /<details class="version-switcher">[\s\S]*?<\/details>/.exec(readPage(fourth.outDir, '/v/2025.2/coaching/peer-circles/'))![0];
    expect(switcher).toContain('<a href="/" hreflang="en">Current edition (home: page not in this edition)</a>');
  });

  it('is left alone when switched off', () => {
    const workspace = warmCopy('off');
    edit('versions/2025.2/playbook/internal/job-rotation.mdx', 'Two six-month moves', 'Two nine-month moves', workspace.content);
    const off = buildSite(workspace.content, { PLAYBOOK_CACHE_DIR: workspace.cacheDir, PLAYBOOK_EDITION_CACHE: 'off' }, path.join(scratch, 'off'));
    expect(off.status).toBe(0);
    expect(editionLog(off)).toEqual([]);
    expect(readPage(off.outDir, '/v/2025.2/internal/job-rotation/')).toContain('Two nine-month moves');
  });
});
