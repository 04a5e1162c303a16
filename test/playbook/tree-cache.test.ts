// If this breaks, every check and build parses the whole playbook again (minutes on a large
// one), or, worse, reuses the tree of a file whose text has changed, so the check judges the
// old page while the author looks at the new one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybook, openTreeCache, parseInParallel } from '../../plugins/playbook/index.ts';

function copyOfFixture(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-trees-'));
  fs.cpSync(path.join(import.meta.dirname, 'fixtures/fields/content'), path.join(root, 'content'), { recursive: true });
  return root;
}

describe('the tree cache', () => {
  it('gives back the trees of unchanged files, and none for a changed one', async () => {
    const root = copyOfFixture();
    const content = path.join(root, 'content');
    const cacheDir = path.join(root, 'trees');
    const first = loadPlaybook(content, await parseInParallel(content, new Set(), openTreeCache(cacheDir)));
    openTreeCache(cacheDir).remember(first.playbook);
    fs.appendFileSync(path.join(content, 'playbook/index.md'), '\nA new paragraph.\n');
    const parsed = await parseInParallel(content, new Set(), openTreeCache(cacheDir));
    expect([...parsed.keys()].sort()).toEqual(['competencies/strategic-foresight.md', 'playbook/rotation.md']);
    const second = loadPlaybook(content, parsed);
    const tree = (id: string) => JSON.stringify(second.playbook.editions[0]!.pages.get(id)!.source.tree);
    expect(tree('rotation')).toBe(JSON.stringify(first.playbook.editions[0]!.pages.get('rotation')!.source.tree));
    expect(tree('index')).toContain('A new paragraph.');
  });

  it('keeps trees whose unknown directives are text already, as a fresh parse gives them', async () => {
    const root = copyOfFixture();
    const content = path.join(root, 'content');
    const cacheDir = path.join(root, 'trees');
    fs.appendFileSync(path.join(content, 'playbook/index.md'), '\nThe call starts at 10:30 sharp.\n\n::toc\n');
    const fresh = loadPlaybook(content);
    openTreeCache(cacheDir).remember(fresh.playbook);
    const parsed = await parseInParallel(content, new Set(), openTreeCache(cacheDir));
    const cached = loadPlaybook(content, parsed);
    const tree = (result: typeof fresh) => JSON.stringify(result.playbook.editions[0]!.pages.get('index')!.source.tree);
    expect(parsed.has('playbook/index.md')).toBe(true);
    expect(tree(cached)).toBe(tree(fresh));
    expect(tree(cached)).toContain('"value":"The call starts at 10:30 sharp."');
    expect(tree(cached)).toContain('"value":"::toc"');
    expect(tree(cached)).not.toContain('Directive');
  });

  it('ignores an entry that cannot be read, and parses the file again', async () => {
    const root = copyOfFixture();
    const content = path.join(root, 'content');
    const cacheDir = path.join(root, 'trees');
    openTreeCache(cacheDir).remember(loadPlaybook(content).playbook);
    for (const entry of fs.readdirSync(cacheDir)) fs.writeFileSync(path.join(cacheDir, entry), '{"type":"root","chil');
    expect((await parseInParallel(content, new Set(), openTreeCache(cacheDir))).size).toBe(0);
  });
});
