// If this breaks, a hostile or broken file in a pull request could crash the check with a
// stack trace, hang it, hide every other problem, or make Trellis read files outside the
// content folder (and print or publish them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkContent } from '../../plugins/checker/index.ts';
import { runCli, show, stackTrace, today } from './helpers.ts';

const frontmatter = '---\ntitle: Hostile\ndescription: A file written to break the checker.\nlayer: guide\n---\n';
let root: string;
let content: string;
let secret: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-hostile-'));
  content = path.join(root, 'content');
  secret = path.join(root, 'outside', 'secret.md');
  write(secret, `${frontmatter}The secret words are swordfish and tuna.\n`);
  write(path.join(content, 'competencies/strategic-foresight.md'), '---\nname: Strategic foresight\ncluster: strategy\nsummary: Reads weak signals early.\n---\nText.\n');
  write(
    path.join(content, 'playbook/internal/leadership-lab.mdx'),
    '---\ntitle: Leadership lab\ndescription: A cohort lab.\nlayer: internal\ndevelops: [strategic-foresight, ../../../../etc/passwd]\nprerequisites: [../../outside/secret]\n---\n' +
      `[a](../../../../etc/passwd.md) [b](/etc/passwd) [c](${secret}) [d](../../../outside/secret.md) :page[../../outside/secret]\n`,
  );
  write(path.join(content, 'playbook/invalid-utf8.md'), Buffer.concat([Buffer.from(`${frontmatter}Caf`), Buffer.from([0xc3, 0x28]), Buffer.from(' au lait\n')]));
  write(path.join(content, 'playbook/binary.md'), Buffer.concat([Buffer.from(`${frontmatter}abc`), Buffer.from([0, 1, 2]), Buffer.from('\n')]));
  write(path.join(content, 'playbook/huge.md'), `${frontmatter}${'All work and no play. '.repeat(50_000)}\n`);
  write(path.join(content, 'playbook/alias-bomb.md'), `---\n${billionLaughs()}title: Bomb\ndescription: Bomb.\nlayer: guide\n---\nText.\n`);
  write(path.join(content, 'playbook/deep-yaml.md'), `---\ntitle: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\nText.\n`);
  write(path.join(content, 'playbook/deep-quote.md'), `${frontmatter}${'>'.repeat(10_000)} deep\n`);
  write(path.join(content, 'playbook/unclosed.md'), '---\ntitle: Unclosed\nText without the closing line.\n');
  fs.symlinkSync(secret, path.join(content, 'playbook/secret-link.md'));
  fs.symlinkSync(path.dirname(secret), path.join(content, 'playbook/outside-folder'));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('hostile content', () => {
  it('turns every hostile file into one positioned problem on that file', () => {
    const shown = checkContent({ contentDir: content, audience: 'all', today }).diagnostics.map(show);
    expect(shown).toEqual([
      'playbook/alias-bomb.md:2:1-2:1: Invalid YAML in frontmatter: Excessive alias count indicates a resource exhaustion attack; write the values out instead of repeating aliases. [error invalid-yaml]',
      'playbook/binary.md:6:4-6:4: File contains binary data (a NUL byte); only Markdown text belongs in the content folder. [error binary-file]',
      'playbook/deep-quote.md:6:1-6:1: Line is nested more than 64 levels deep (quotes and lists); playbook pages need a few at most. [error too-deeply-nested]',
      'playbook/deep-yaml.md:2:1-2:1: Frontmatter is nested 10000 levels deep; playbook fields need at most 3. [error too-deeply-nested]',
      'playbook/huge.md:1:1-1:1: File is larger than 1024 KiB; split it into several pages or remove what was pasted into it. [error file-too-large]',
      'playbook/internal/leadership-lab.mdx:5:33-5:55: Unknown competency `../../../../etc/passwd`; a competency id is the name of a file in `competencies/` without its extension, such as `risk-judgement`. [error unknown-competency]',
      'playbook/internal/leadership-lab.mdx:6:17-6:37: Unknown page `../../outside/secret`; write the id of a page of this edition: its path under `playbook/` without the extension. [error unknown-page-reference]',
      'playbook/internal/leadership-lab.mdx:8:1-8:31: Link `../../../../etc/passwd.md` points outside `playbook/`; link only to pages and files of this edition, and to other sites by their full `https://` address. [error link-outside-content]',
      'playbook/internal/leadership-lab.mdx:8:32-8:48: Link `/etc/passwd` is a path on a computer, which readers of the site cannot open; link to a page with a relative path such as `./leadership-lab.mdx`. [error link-outside-content]',
      `playbook/internal/leadership-lab.mdx:8:49-8:${54 + secret.length}: Link \`${secret}\` is a path on a computer, which readers of the site cannot open; link to a page with a relative path such as \`./leadership-lab.mdx\`. [error link-outside-content]`,
      `playbook/internal/leadership-lab.mdx:8:${55 + secret.length}-8:${86 + secret.length}: Link \`../../../outside/secret.md\` points outside \`playbook/\`; link only to pages and files of this edition, and to other sites by their full \`https://\` address. [error link-outside-content]`,
      `playbook/internal/leadership-lab.mdx:8:${87 + secret.length}-8:${114 + secret.length}: Unknown page \`../../outside/secret\`; write the id of a page of this edition: its path under \`playbook/\` without the extension. [error unknown-page-reference]`,
      'playbook/invalid-utf8.md:6:4-6:4: File is not valid UTF-8 here; save it as UTF-8 in your editor. [error invalid-utf8]',
      'playbook/outside-folder:1:1-1:1: `playbook/outside-folder` is a symbolic link, which Trellis does not follow so that nothing outside the content folder is read; replace it with the file itself. [error symbolic-link]',
      'playbook/secret-link.md:1:1-1:1: `playbook/secret-link.md` is a symbolic link, which Trellis does not follow so that nothing outside the content folder is read; replace it with the file itself. [error symbolic-link]',
      'playbook/unclosed.md:1:1-1:4: Frontmatter is opened with `---` but never closed; add a line with `---` after the last field. [error invalid-yaml]',
    ]);
  });

  it('touches nothing outside the content folder', () => {
    const touched: string[] = [];
    const names = ['readFileSync', 'readdirSync', 'statSync', 'lstatSync', 'existsSync', 'openSync', 'realpathSync'] as const;
    const spies = names.map((name) => {
      const original = fs[name] as (...args: unknown[]) => unknown;
      return vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
        touched.push(path.resolve(String(args[0])));
        return original.apply(fs, args);
      }) as never);
    });
    try {
      checkContent({ contentDir: content, audience: 'all', today });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(touched.length).toBeGreaterThan(10);
    expect(touched.filter((file) => file !== content && !file.startsWith(content + path.sep))).toEqual([]);
  });

  it('prints the report without a stack trace or the secret, in every format', () => {
    for (const format of ['text', 'json', 'github']) {
      const run = runCli(['--format', format], { PLAYBOOK_CONTENT: content, PLAYBOOK_TODAY: today });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toMatch(stackTrace);
      expect(run.stdout).not.toContain('swordfish');
    }
  });

  it('reports a folder that is not there, or has no pages, instead of passing it', () => {
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    expect(checkContent({ contentDir: empty, audience: 'all', today }).diagnostics.map(show)).toEqual([
      `playbook:1:1-1:1: Content folder \`${empty}\` has no \`playbook/\` folder; add one with the playbook's pages, or point PLAYBOOK_CONTENT at the right folder. [error missing-playbook-folder]`,
    ]);
    expect(() => checkContent({ contentDir: path.join(root, 'nothing'), audience: 'all', today })).toThrow(/does not exist/);
  });
});

function write(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

/** Nine levels of nine aliases each: a billion `lol`s once expanded. */
function billionLaughs(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}
