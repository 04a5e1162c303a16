// If this breaks, a symbolic link anywhere in the content folder (the `playbook` or
// `competencies` folder, `versions/` or an edition in it, an edition's `edition.yml`) makes
// Trellis read, check and publish files from outside the content folder, or an edition
// vanishes from the site without a word.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkContent } from '../../plugins/checker/index.ts';
import { parseInParallel } from '../../plugins/playbook/index.ts';
import { show, temporaryFolder, today, writeFiles } from './helpers.ts';

const page = '---\ntitle: Page\ndescription: A page.\nlayer: guide\n---\nText.\n';
const secret = '---\ntitle: Secret\ndescription: The secret words are swordfish and tuna.\nlayer: guide\n---\nSwordfish.\n';
const linkReason = 'is a symbolic link, which Trellis does not follow so that nothing outside the content folder is read;';
let root: string;
/** Every symbolic link made, by its path. */
const links: string[] = [];

beforeAll(() => {
  root = temporaryFolder('links');
  writeFiles(path.join(root, 'outside'), {
    'competencies/risk-judgement.md': '---\nname: Swordfish\ncluster: risk\nsummary: Secret.\n---\n',
    'playbook/guide/secret.md': secret,
    'edition.yml': 'archived: true\n',
  });
  writeFiles(path.join(root, 'content'), {
    'playbook/guide/page.md': page,
    'versions/2025.2/versions-real.txt': '',
    'versions/2025.3/playbook/guide/page.md': page,
  });
  writeFiles(path.join(root, 'content-b'), { 'unrelated.txt': '' });
  writeFiles(path.join(root, 'content-c'), { 'playbook/guide/page.md': page });
  link('outside/competencies', 'content/competencies');
  link('outside/playbook/guide/secret.md', 'content/playbook/guide/link.md');
  link('outside', 'content/versions/2025.1');
  link('outside/playbook', 'content/versions/2025.2/playbook');
  link('outside/competencies', 'content/versions/2025.2/competencies');
  link('outside/edition.yml', 'content/versions/2025.2/edition.yml');
  link('outside/playbook', 'content-b/playbook');
  link('outside', 'content-b/versions');
  link('content-c', 'linked-content');
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function link(target: string, at: string): void {
  fs.symlinkSync(path.join(root, target), path.join(root, at));
  links.push(path.join(root, at));
}

function linkProblem(relative: string, kind: 'file' | 'folder'): string {
  return `${relative}:1:1-1:1: \`${relative}\` ${linkReason} replace it with the ${kind} itself. [error symbolic-link]`;
}

/** The check of `folder`, with every path the file system was asked about. */
function checkWatched(folder: string): { shown: string[]; touched: [string, string][] } {
  const touched: [string, string][] = [];
  const names = ['readFileSync', 'readdirSync', 'statSync', 'lstatSync', 'existsSync', 'openSync', 'opendirSync', 'realpathSync'] as const;
  const spies = names.map((name) => {
    const original = fs[name] as (...args: unknown[]) => unknown;
    return vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
      if (typeof args[0] === 'string') touched.push([name, path.resolve(args[0])]);
      return original.apply(fs, args);
    }) as never);
  });
  try {
    const shown = checkContent({ contentDir: path.join(root, folder), audience: 'all', today }).diagnostics.map(show);
    return { shown, touched };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe('symbolic links in the content folder', () => {
  it('reports each link once at its path, at every level, and reads nothing through it', () => {
    const { shown, touched } = checkWatched('content');
    expect(shown).toEqual([
      linkProblem('competencies', 'folder'),
      linkProblem('playbook/guide/link.md', 'file'),
      linkProblem('versions/2025.1', 'folder'),
      linkProblem('versions/2025.2/competencies', 'folder'),
      linkProblem('versions/2025.2/edition.yml', 'file'),
      linkProblem('versions/2025.2/playbook', 'folder'),
    ]);
    expect(touched.filter(([, file]) => links.some((at) => file.startsWith(at + path.sep)))).toEqual([]);
    expect(touched.filter(([name, file]) => (name === 'readFileSync' || name === 'openSync' || name === 'readdirSync') && links.includes(file))).toEqual([]);
    expect(touched.filter(([, file]) => !file.startsWith(path.join(root, 'content')))).toEqual([]);
  });

  it('reports a linked `playbook` or `versions` folder of the content folder', () => {
    const { shown, touched } = checkWatched('content-b');
    expect(shown).toEqual([linkProblem('playbook', 'folder'), linkProblem('versions', 'folder')]);
    expect(touched.filter(([, file]) => links.some((at) => file.startsWith(at + path.sep)))).toEqual([]);
  });

  it('lists no file behind a link for the worker threads', async () => {
    const pages = (prefix: string) => Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`${prefix}/guide/page-${i}.md`, page]));
    writeFiles(path.join(root, 'outside'), pages('playbook'));
    writeFiles(path.join(root, 'content-d'), { ...pages('playbook'), 'versions/2025.2/competencies/.keep': '' });
    link('outside/playbook', 'content-d/versions/2025.2/playbook');
    const parsed = await parseInParallel(path.join(root, 'content-d'));
    expect(parsed.size).toBe(200);
    expect([...parsed.keys()].filter((file) => !file.startsWith('playbook/'))).toEqual([]);
  });

  it('reports a folder that is a file and an `edition.yml` that is a folder, instead of skipping them', () => {
    writeFiles(path.join(root, 'content-e'), { playbook: 'Not a folder.\n', 'versions/2025.1/edition.yml/notes.txt': '' });
    expect(checkWatched('content-e').shown).toEqual([
      'playbook:1:1-1:1: `playbook` is not a folder, so Trellis reads nothing from it; make it a folder. [error unreadable-file]',
      'versions/2025.1/edition.yml:1:1-1:1: `versions/2025.1/edition.yml` is not a regular file, so Trellis reads nothing from it; make it a file. [error unreadable-file]',
    ]);
  });

  it('follows the content folder itself when it is a link, as PLAYBOOK_CONTENT is the user’s own setting', () => {
    expect(checkWatched('linked-content').shown).toEqual([]);
  });
});
