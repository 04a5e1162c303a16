// If this breaks, building the site could run an `.mdx` page's code on the build machine and
// publish what it read (files, environment variables), a build could crash with a stack
// trace where the check passed, or a site that trusts its MDX could not build its pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkedEditions, recordCheckedEditions } from '../../plugins/astro-trellis/lib/checked-editions.ts';
import { type Playbook, readSettings } from '../../plugins/playbook/index.ts';
import { buildSite, listFiles, projectRoot, readPage, type BuildResult } from '../helpers/build-site.ts';

const fixtures = path.join(projectRoot, 'test/astro-trellis/fixtures');

function mainOf(html: string): string {
  const match = /<main[^>]*>([\s\S]*)<\/main>/.exec(html);
  expect(match, 'page has a <main> landmark').not.toBeNull();
  return match![1]!;
}

describe('a default build of an `.mdx` page that tries to run code', () => {
  let build: BuildResult;

  beforeAll(() => {
    const outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-hostile-')), 'dist');
    build = buildSite(path.join(fixtures, 'mdx-hostile/content'), {}, outDir);
  });

  it('stops before rendering, with the check\'s report and no stack trace', () => {
    const shown = 'test/astro-trellis/fixtures/mdx-hostile/content/playbook/guide/hostile.mdx';
    const noCode = '`.mdx` pages may not run code';
    const braces = 'write `\\{` for a literal brace, or rename the file to `.md`.  mdx-code';
    expect(build.status).toBe(1);
    expect(build.stderr).toContain([
      `${shown}:6:1  error  ${noCode}: remove this \`import\` of \`node:fs\`; write what it provides in Markdown instead.  mdx-code`,
      `${shown}:7:1  error  ${noCode}: remove this \`import\` of \`../../../../etc/passwd\`; write what it provides in Markdown instead.  mdx-code`,
      `${shown}:9:1  error  ${noCode}: remove this \`export\` of \`first\`; write its value in the text instead.  mdx-code`,
      `${shown}:11:9  error  ${noCode}: \`{process.env.HOME}\` is an expression; ${braces}`,
      `${shown}:11:50  error  ${noCode}: \`{first}\` is an expression; ${braces}`,
      '5 errors, 0 warnings in 1 file.',
    ].join('\n'));
    expect(build.stderr).toContain('The build stopped before rendering: fix the errors above, then build again.');
    expect(`${build.stdout}${build.stderr}`).not.toMatch(/^\s+at .+[:(]\d+/m);
    expect(`${build.stdout}${build.stderr}`).not.toContain('root:x:');
  });

  it('writes no output folder', () => {
    expect(fs.existsSync(build.outDir)).toBe(false);
  });
});

describe('a build with `PLAYBOOK_MDX=trusted`', () => {
  let build: BuildResult;

  beforeAll(() => {
    build = buildSite(path.join(fixtures, 'mdx-trusted/content'), { PLAYBOOK_MDX: 'trusted' });
  });

  it('compiles pages that use MDX, with dates in their frontmatter, without a crash', () => {
    expect(`${build.stdout}${build.stderr}`).not.toMatch(/^\s+at .+[:(]\d+/m);
    expect(build.status).toBe(0);
    expect(listFiles(build.outDir).filter((file) => file.endsWith('.html'))).toContain('guide/sizes/index.html');
  });

  it('shows the export, the expression, the references and the imported page', () => {
    const sizes = mainOf(readPage(build.outDir, '/guide/sizes/'));
    expect(sizes).toContain('<p>Each cohort has 24 people; see <a href="/internal/leadership-lab/" class="ref ref-page">Leadership lab</a>.</p>');
    expect(sizes).toContain('<p>The lab meets every month and builds <a href="/competencies/risk-judgement/" class="ref ref-competency">Risk judgement</a>.</p>');
    expect(sizes).toContain('<time datetime="2030-06-30">');
    expect(mainOf(readPage(build.outDir, '/external/risk-council/'))).toContain('<p>The council meets 4 times a year.</p>');
  });

  it('sanitises what @astrojs/mdx compiles as the renderer does, and warns where', () => {
    expect(mainOf(readPage(build.outDir, '/guide/sizes/'))).toContain('<p>A <a>bad link</a> is refused here too.</p>');
    expect(build.stderr).toContain("playbook/guide/sizes.mdx:15:3  warning  Link `javascript:alert(1)` is removed: pages may link only to web pages");
  });
});

describe('the MDX mode of a build', () => {
  it('comes from `trellis({ mdx })` or PLAYBOOK_MDX, which must agree when both are set', () => {
    expect(readSettings({}, projectRoot).mdx).toBe('safe');
    expect(readSettings({ PLAYBOOK_MDX: 'trusted' }, projectRoot).mdx).toBe('trusted');
    expect(readSettings({}, projectRoot, { mdx: 'trusted' }).mdx).toBe('trusted');
    expect(readSettings({ PLAYBOOK_MDX: 'trusted' }, projectRoot, { mdx: 'trusted' }).mdx).toBe('trusted');
    expect(() => readSettings({ PLAYBOOK_MDX: 'safe' }, projectRoot, { mdx: 'trusted' })).toThrow(
      "PLAYBOOK_MDX is `safe` but astro.config.mjs sets `trellis({ mdx: 'trusted' })`; make the two agree (`npm run check` reads only PLAYBOOK_MDX), or leave PLAYBOOK_MDX unset for the build.",
    );
    expect(() => readSettings({}, projectRoot, { mdx: true })).toThrow("`trellis({ mdx })` in astro.config.mjs is `true`; write `mdx: 'trusted'` to let `.mdx` pages run code, or leave it out (or `'safe'`) to refuse code.");
  });

  it('is part of the record of a checked frozen edition, so a safe build checks again what a trusted one passed', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-mdx-checked-'));
    fs.mkdirSync(path.join(scratch, 'content/versions/2025.2/playbook'), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'content/versions/2025.2/playbook/index.mdx'), 'export const code = 1\n');
    const config = { root: pathToFileURL(`${projectRoot}/`), cacheDir: pathToFileURL(`${scratch}/cache/`) };
    const trusted = readSettings({ PLAYBOOK_CONTENT: 'content', PLAYBOOK_MDX: 'trusted' }, scratch);
    const playbook = { contentDir: trusted.contentDir, editions: [{ label: '2025.2', isCurrent: false, bodiesRead: true }] } as Playbook;
    recordCheckedEditions(playbook, trusted, config);
    expect(checkedEditions(trusted, config, {})).toEqual(new Set(['2025.2']));
    expect(checkedEditions({ ...trusted, mdx: 'safe' }, config, {})).toEqual(new Set());
    fs.rmSync(scratch, { recursive: true, force: true });
  });
});
