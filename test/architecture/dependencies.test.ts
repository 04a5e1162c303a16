// If this breaks, the code imports a package that package.json does not declare: it works
// today only because another dependency happens to bring it in, and a future `npm ci` breaks
// the build with no change here. Or the site imports a dev-only package that a production
// install leaves out, or package.json declares a package nothing uses.
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { importsOf, packageName, projectRoot, sourceFiles } from './imports.ts';

const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const dependencies = new Set(Object.keys(manifest.dependencies));
const devDependencies = new Set(Object.keys(manifest.devDependencies));

/** Type-only modules come from DefinitelyTyped; `astro:content` and the like are Astro's virtual modules. */
const typePackages: Record<string, string> = { mdast: '@types/mdast', hast: '@types/hast', unist: '@types/unist' };
/** Declared for what they are, not for an import: the Node 22 the scripts run on, the font the site serves, axe read from disk, the compiler. */
const usedWithoutImport = new Set(['node', '@fontsource-variable/inter', 'axe-core', 'typescript', '@types/node']);

function bareImports(folders: string[]) {
  return sourceFiles(folders)
    .flatMap(importsOf)
    .filter((item) => !item.specifier.startsWith('.') && !item.specifier.startsWith('node:') && !item.specifier.startsWith('astro:') && !builtinModules.includes(item.specifier))
    .map((item) => ({ ...item, name: typePackages[item.specifier] ?? packageName(item.specifier) }));
}

describe('the dependencies', () => {
  const production = bareImports(['plugins', 'src', 'astro.config.mjs']);
  const tests = bareImports(['test', 'vitest.config.ts']);

  it('declare every package the site and plugins import, as a dependency (types as either)', () => {
    expect(production.length).toBeGreaterThan(20);
    const undeclared = production.filter((item) => !dependencies.has(item.name) && !(item.name.startsWith('@types/') && devDependencies.has(item.name)));
    expect(undeclared.map((item) => `${item.from}:${item.line} imports \`${item.specifier}\`, which package.json does not declare under dependencies`)).toEqual([]);
  });

  it('declare every package the tests import', () => {
    const undeclared = tests.filter((item) => !dependencies.has(item.name) && !devDependencies.has(item.name));
    expect(undeclared.map((item) => `${item.from}:${item.line} imports \`${item.specifier}\`, which package.json does not declare`)).toEqual([]);
  });

  it('declare nothing that nothing uses', () => {
    const used = new Set([...production, ...tests].map((item) => item.name));
    const unused = [...dependencies, ...devDependencies].filter((name) => !used.has(name) && !usedWithoutImport.has(name));
    expect(unused).toEqual([]);
  });
});
