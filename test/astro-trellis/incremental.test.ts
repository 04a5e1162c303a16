// If this breaks, a warm build publishes a stale page — an edited body or a renamed
// competency still showing the old words somewhere — or renders everything again on every
// build. A warm build must equal a cold one, byte for byte, across an edit and its revert.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildSite, differingFiles, projectRoot } from '../helpers/build-site.ts';

const fixtures = path.join(projectRoot, 'test/astro-trellis/fixtures');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-incremental-'));
const content = path.join(scratch, 'content');
fs.cpSync(path.join(fixtures, 'playbook-small/content'), content, { recursive: true });
const warmCache = path.join(scratch, 'warm-cache');

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function build(name: string, cacheDir: string, contentDir = content): BuildResult {
  // With a thread rendering bodies, as a large playbook's build has: a warm build renders there only the bodies it must.
  const result = buildSite(contentDir, { PLAYBOOK_CACHE_DIR: cacheDir, PLAYBOOK_RENDER_THREADS: '1' }, path.join(scratch, name));
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** Pages that show every body or the whole playbook (search, print, health, the levels grid) are rendered each time. */
const wholePlaybook = /^\/(search|print|health|competencies\/levels|roles|plan)\//;
/** The pages a build rendered: Astro renders several at once, so one line of its log may name several, the next one's time right after a path. */
const rendered = (result: BuildResult) => [...result.stdout.matchAll(/[├└]─ (\S+?)(?=\d\d:\d\d:\d\d |\s|$)( \((?:restored|cached)\))?/g)].filter((match) => !match[2]).map((match) => match[1]!);

function edit(file: string, from: string, to: string, contentDir = content): void {
  const absolute = path.join(contentDir, file);
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
    expect(rendered(warm).filter((file) => file.endsWith('/index.html') && !wholePlaybook.test(file))).toEqual(['/internal/shadowing/index.html']);
    // The print edition shows every body, but renders again only the edited one.
    expect(warm.stdout).toMatch(/print edition: 1 bodies rendered, \d+ from the cache/);
    expect(differingFiles(warm.outDir, build('cold-edited', path.join(scratch, 'cold-cache-1')).outDir)).toEqual([]);
    edit(body[0], body[2], body[1]);
    expect(differingFiles(build('warm-reverted', warmCache).outDir, first.outDir)).toEqual([]);
  });

  it('reuses the search bundle and keeps the print bodies through a build that changed nothing', () => {
    const before = build('unchanged-1', warmCache);
    const unchanged = build('unchanged-2', warmCache);
    // Nothing indexed changed: the search bundle is the last build's, and the output the same.
    expect(unchanged.stdout).toMatch(/search index: current \d+ pages unchanged, bundle reused/);
    expect(differingFiles(unchanged.outDir, before.outDir)).toEqual([]);
    // A kept bundle whose files were changed since is not trusted: the pages are indexed again.
    const kept = path.join(warmCache, 'trellis-search/current/bundle');
    const entry = path.join(kept, 'pagefind-entry.json');
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('{', '{ '));
    const damaged = build('unchanged-damaged', warmCache);
    expect(damaged.stdout).toMatch(/search index: current \d+ pages indexed/);
    expect(differingFiles(damaged.outDir, before.outDir)).toEqual([]);
    edit('playbook/internal/shadowing.md', 'Shadowing follows the', 'Shadowing comes after the');
    const warm = build('after-unchanged', warmCache);
    expect(warm.stdout).toMatch(/print edition: 1 bodies rendered, \d+ from the cache/);
    edit('playbook/internal/shadowing.md', 'Shadowing comes after the', 'Shadowing follows the');
  });

  it('renders again every page that shows a renamed competency, and no other page', () => {
    // A coverage diagram lists competencies: its page shows the new name without naming it. A
    // pathway draws pages (the lab develops the competency) and a framework block its own labels.
    const coverage = path.join(content, 'playbook/guide/coverage.md');
    const pathway = path.join(content, 'playbook/guide/pathway.md');
    fs.writeFileSync(coverage, '---\ntitle: Coverage\ndescription: What the initiatives develop.\nlayer: guide\n---\n::diagram{type="coverage"}\n');
    fs.writeFileSync(pathway, '---\ntitle: Pathway\ndescription: The steps after the lab.\nlayer: guide\n---\n::diagram{type="pathway" from="internal/leadership-lab"}\n\n```framework\nnodes:\n  - { id: lab, label: Lab }\n```\n');
    build('before-rename', warmCache);
    edit('competencies/risk-judgement.md', 'name: Risk judgement', 'name: Judgement of risk');
    const warm = build('renamed', warmCache);
    const cold = build('renamed-cold', path.join(scratch, 'cold-cache-2'));
    expect(differingFiles(warm.outDir, cold.outDir)).toEqual([]);
    expect(rendered(warm).filter((file) => file.endsWith('/index.html') && !wholePlaybook.test(file)).sort()).toEqual([
      // Every layer's listing and every competency's page; the pages that develop it, name it in their text, or draw a diagram.
      ...['/coaching/', '/competencies/', '/competencies/risk-judgement/', '/competencies/stakeholder-management/', '/competencies/strategic-foresight/', '/external/'],
      ...['/external/risk-council/', '/guide/coverage/', '/guide/', '/guide/with-components/', '/', '/internal/', '/internal/leadership-lab/', '/measurement/'],
    ].map((url) => `${url}index.html`).sort());
    // The thread renders the six bodies that show the name (the renamed competency's own among
    // them); the pages of the other two competencies and the internal layer's intro render again
    // with their pages; the four others (the pathway's among them) are read from the cache.
    expect(warm.stdout).toContain('bodies: 6 of 6 rendered by one other thread');
    expect(warm.stdout).toContain('print edition: 9 bodies rendered, 4 from the cache');
    fs.rmSync(coverage);
    fs.rmSync(pathway);
  });

  it('renders only its own page when an ordinary heading is edited', () => {
    build('before-heading', warmCache);
    edit('playbook/internal/shadowing.md', '## How it works', '## How shadowing works');
    const warm = build('heading-edited', warmCache);
    expect(rendered(warm).filter((file) => file.endsWith('/index.html') && !wholePlaybook.test(file))).toEqual(['/internal/shadowing/index.html']);
    edit('playbook/internal/shadowing.md', '## How shadowing works', '## How it works');
  });

  it("renders again a page whose link names another page's heading when that heading's id changes", () => {
    // GitHub matches `#How-it-works` to the heading `How it works` without regard to case, and
    // the site writes the heading's own id; an id given with {#…} changes what the link says.
    edit('playbook/coaching/executive-coaching.mdx', '\n---\n', '\n---\n\nSee [how shadowing works](../internal/shadowing.md#How-it-works).\n');
    build('before-heading-id', warmCache);
    edit('playbook/internal/shadowing.md', '## How it works', '## How it works {#How-it-works}');
    const warm = build('heading-id', warmCache);
    const page = fs.readFileSync(path.join(warm.outDir, 'coaching/executive-coaching/index.html'), 'utf8');
    expect(page).toContain('href="/internal/shadowing/#How-it-works"');
    expect(differingFiles(warm.outDir, build('heading-id-cold', path.join(scratch, 'cold-cache-3')).outDir)).toEqual([]);
  });

  it("renders every page that shows a role when the role's targets change", () => {
    const roles = path.join(scratch, 'roles-content');
    fs.cpSync(path.join(fixtures, 'roles/content'), roles, { recursive: true });
    const rolesCache = path.join(scratch, 'roles-cache');
    build('roles-first', rolesCache, roles);
    edit('roles/senior-manager.md', 'strategic-foresight: Practised', 'strategic-foresight: Advanced', roles);
    const warm = build('roles-edited', rolesCache, roles);
    expect(differingFiles(warm.outDir, build('roles-cold', path.join(scratch, 'roles-cold-cache'), roles).outDir)).toEqual([]);
  });
});
