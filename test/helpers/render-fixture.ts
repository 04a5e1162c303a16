/**
 * Renders one page of a fixture playbook through some remark plugins, as the site's renderer
 * does: the tree the loader parsed (directives it does not know already turned back into text),
 * the page's `RenderContext` on `file.data.trellis`, then remark-rehype and rehype-stringify.
 * A fixture folder holds `content/` (a playbook), the expected `output.html`, and may hold
 * `options.json`: `{ "page": "guide/faq", "edition": "2025.2", "base": "/handbook/" }`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { loadPlaybook, type RenderContext, siteEdition } from '../../plugins/playbook/index.ts';

export interface FixtureOptions {
  page?: string;
  edition?: string;
  base?: string;
}

export function fixtureOptions(folder: string): FixtureOptions {
  const file = path.join(folder, 'options.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as FixtureOptions) : {};
}

/** The fixture's page, in its published edition: what the renderer puts on `file.data.trellis`. */
export function fixturePage(folder: string): RenderContext & { contentDir: string } {
  const options = fixtureOptions(folder);
  const { playbook } = loadPlaybook(path.join(folder, 'content'));
  const edition = playbook.editions.find((candidate) => candidate.label === (options.edition ?? 'current'))!;
  const site = siteEdition(edition, { audience: 'all', includeDrafts: false, base: options.base ?? '/' });
  return { contentDir: playbook.contentDir, site, entry: site.page(options.page ?? 'index')! };
}

/** @param plugins given the fixture's content folder, the plugins to run */
export async function renderFixture(folder: string, plugins: (contentDir: string) => PluggableList): Promise<string> {
  const { contentDir, site, entry } = fixturePage(folder);
  const tree = structuredClone(entry.source.tree);
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  const processor = unified().use(plugins(contentDir)).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
  const file = new VFile({ path: entry.source.path });
  file.data.trellis = { site, entry };
  const hast = await processor.run(tree as Root, file);
  return String(processor.stringify(hast as never, file));
}

/** The fixture folders under `dir` that hold a playbook. */
export function fixtureCases(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'content')));
}

/** Compares with `output.html`, or writes it when `WRITE_EXPECTED` is set (to review with git diff). */
export function expectedOutput(folder: string, actual: string, file = 'output.html'): string {
  const expected = path.join(folder, file);
  if (process.env.WRITE_EXPECTED) fs.writeFileSync(expected, `${actual}\n`);
  return fs.readFileSync(expected, 'utf8').trimEnd();
}
