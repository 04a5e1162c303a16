// If this breaks, an `.mdx` page could run code on the build machine again (read files or
// environment variables and publish them), a public page could publish internal or draft
// pages by importing them, or an author would not be told where the code is and what to
// write instead.
import { describe, expect, it } from 'vitest';
import { fixtureContent, runCli, shownFixture, stackTrace, today } from './helpers.ts';

const noCode = '`.mdx` pages may not run code';
const expression = (code: string, prefix = noCode) => `${prefix}: \`${code}\` is an expression; write \`\\{\` for a literal brace, or rename the file to \`.md\`.`;
const exportDefault = '`export default` would replace the layout Trellis gives every page; remove it.';

describe('an `.mdx` page in the default (safe) mode', () => {
  it('reports every import, export, expression, expression attribute and component where it is written', () => {
    expect(shownFixture('mdx-code')).toEqual([
      `playbook/guide/hostile.mdx:6:1-6:25: ${noCode}: remove this \`import\` of \`node:fs\`; write what it provides in Markdown instead. [error mdx-code]`,
      `playbook/guide/hostile.mdx:7:1-7:44: ${noCode}: remove this \`import\` of \`../../../../etc/passwd\`; write what it provides in Markdown instead. [error mdx-code]`,
      `playbook/guide/hostile.mdx:8:1-8:61: ${noCode}: remove this \`export\` of \`secret\`; write its value in the text instead. [error mdx-code]`,
      `playbook/guide/hostile.mdx:9:1-9:36: ${exportDefault} [error mdx-code]`,
      `playbook/guide/hostile.mdx:11:1-11:19: ${expression('{process.env.HOME}')} [error mdx-code]`,
      `playbook/guide/hostile.mdx:13:9-13:27: ${expression('{process.env.HOME}')} [error mdx-code]`,
      'playbook/guide/hostile.mdx:13:32-13:50: Trellis provides no component `Chart`; write this part in Markdown, or in HTML with lowercase tags such as `<details>`. [error mdx-code]',
      `playbook/guide/hostile.mdx:15:6-15:20: ${noCode}: the value of \`class\` in \`<div>\` is an expression; write it in quotes, as \`class="…"\`. [error mdx-code]`,
      `playbook/guide/hostile.mdx:15:21-15:31: ${noCode}: \`{...props}\` in \`<div>\` is an expression; write each attribute with its value in quotes. [error mdx-code]`,
    ]);
  });

  it('prints the same report from `npm run check`, without a stack trace or the secret', () => {
    const run = runCli([], { PLAYBOOK_CONTENT: fixtureContent('mdx-code'), PLAYBOOK_TODAY: today });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('playbook/guide/hostile.mdx:6:1  error  `.mdx` pages may not run code: remove this `import` of `node:fs`');
    expect(run.stdout).toContain('9 errors, 0 warnings in 1 file.');
    expect(run.stdout).not.toMatch(stackTrace);
    expect(run.stdout).not.toContain('root:');
    expect(run.stdout).not.toContain(process.env.HOME ?? '/root');
  });

  it('refuses a setting of PLAYBOOK_MDX that is neither `safe` nor `trusted`', () => {
    const run = runCli([], { PLAYBOOK_CONTENT: fixtureContent('mdx-code'), PLAYBOOK_TODAY: today, PLAYBOOK_MDX: 'yes' });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('PLAYBOOK_MDX is `yes`; set it to `trusted` to let `.mdx` pages run code when the site is built, or leave it unset (or `safe`) to refuse code.');
  });
});

describe('an `.mdx` page when MDX is trusted', () => {
  const trusted = [
    `playbook/guide/public-guide.mdx:8:1-8:46: Page \`internal/draft-idea\` is a draft and will not be published, but this import would publish its text; publish it (remove \`status: draft\`) or remove this import. [error reference-to-draft]`,
    'playbook/guide/public-guide.mdx:9:1-9:44: Import `../../../../etc/passwd` points outside the content folder; even trusted MDX may import only files in the content folder, by a relative path, and packages by name. [error mdx-code]',
    'playbook/guide/public-guide.mdx:10:1-10:36: Import `./missing.mdx` names no file; check the file name and folder. [error mdx-code]',
    `playbook/guide/public-guide.mdx:13:1-13:33: ${exportDefault} [error mdx-code]`,
    'playbook/guide/public-guide.mdx:21:1-21:28: Component `Chart` is neither imported nor defined on this page; import it, or write this part in Markdown or in HTML with lowercase tags. [error mdx-code]',
    `playbook/internal/index.mdx:6:8-6:15: ${expression('{2 + 1}', "A layer's introduction is never compiled as MDX, so it may not run code")} [error mdx-code]`,
  ];

  it('runs imports, exports and expressions, but not imports that leave the content folder or `export default`', () => {
    expect(shownFixture('mdx-trusted', 'all', 'trusted')).toEqual(trusted);
  });

  it('follows an import in a public check: a public page may not import an internal page', () => {
    expect(shownFixture('mdx-trusted', 'public', 'trusted')).toEqual([
      'playbook/guide/public-guide.mdx:7:1-7:58: Public page `guide/public-guide` imports page `internal/rotation-programme`, which is not public: its text would reach a public build; make `internal/rotation-programme` public (`visibility: public`) or remove this import. [error reference-not-public]',
      ...trusted.slice(0, -1),
      'playbook/guide/raw-import.mdx:7:1-7:58: Public page `guide/raw-import` imports page `internal/rotation-programme`, which is not public: its text would reach a public build; make `internal/rotation-programme` public (`visibility: public`) or remove this import. [error reference-not-public]',
      ...trusted.slice(-1),
    ]);
  });

  it('is the mode `npm run check` uses when PLAYBOOK_MDX is `trusted`', () => {
    const env = { PLAYBOOK_CONTENT: fixtureContent('mdx-trusted'), PLAYBOOK_TODAY: today };
    expect(runCli([], env).stdout).toContain('playbook/guide/public-guide.mdx:7:1  error  `.mdx` pages may not run code');
    const run = runCli([], { ...env, PLAYBOOK_MDX: 'trusted', PLAYBOOK_AUDIENCE: 'public' });
    expect(run.stdout).toContain('playbook/guide/public-guide.mdx:7:1  error  Public page `guide/public-guide` imports page `internal/rotation-programme`');
    expect(run.stdout).not.toContain('may not run code: remove');
    expect(run.status).toBe(1);
  });
});
