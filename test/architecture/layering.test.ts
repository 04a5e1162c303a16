// If this breaks, the pipeline no longer reads one way: a lower floor reaches up (the checker
// loads the diagram renderer, the core knows about Astro), two packages depend on each other,
// or a file reaches into another package's `lib/`, so a change in one place silently breaks
// another. The failure names the offending import.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Import, importsOf, projectRoot, resolveRelative, sourceFiles } from './imports.ts';

/** The floors, bottom up; a package may import only from floors below its own. */
const floors: Record<string, number> = {
  'plugins/playbook': 1,
  'plugins/checker': 2,
  'plugins/remark-playbook-refs': 2,
  'plugins/remark-diagrams': 2,
  'plugins/remark-headings': 2,
  'plugins/remark-callouts': 2,
  'plugins/remark-assets': 2,
  'plugins/remark-code-highlight': 2,
  'plugins/editions': 2,
  'plugins/health': 2,
  'plugins/exports': 2,
  'plugins/astro-trellis': 3,
  src: 4,
  'astro.config.mjs': 5,
};

/** What the site's configuration may import: the user's settings and the integrations, nothing else. */
const configImports = ['astro/config', '@astrojs/mdx', './plugins/astro-trellis/index.ts'];

/** `plugins/checker/lib/links.ts` → `plugins/checker`; null for a file of no package (tests, tooling). */
function packageOf(file: string): string | null {
  if (file === 'astro.config.mjs') return file;
  if (file.startsWith('src/')) return 'src';
  const match = /^plugins\/[^/]+/.exec(file);
  return match ? match[0] : null;
}

/** A package's own tests (`test/checker/…`) may reach into its `lib/`; nobody else may. */
function testedPackage(file: string): string | null {
  const match = /^test\/([^/]+)\//.exec(file);
  return match && fs.existsSync(path.join(projectRoot, 'plugins', match[1]!)) ? `plugins/${match[1]}` : null;
}

function show(item: Import, target: string, why: string): string {
  return `${item.from}:${item.line} imports ${target}: ${why}`;
}

function layeringProblems(item: Import): string[] {
  const target = resolveRelative(item);
  if (target === null) return [];
  const from = packageOf(item.from);
  const to = packageOf(target);
  const problems: string[] = [];
  if (to && from !== to && /^plugins\/[^/]+\/lib\//.test(target) && testedPackage(item.from) !== to) {
    problems.push(show(item, target, `another package's lib/; import ${to}/index.ts (or its public entry) instead`));
  }
  if (from && to && from !== to && floors[to]! >= floors[from]!) {
    const why = floors[to] === floors[from] ? 'a package of the same floor; stages stay independent, so move what both need into the core' : `a higher floor (${to} is on floor ${floors[to]}, ${from} on floor ${floors[from]})`;
    problems.push(show(item, target, why));
  }
  return problems;
}

describe('the layering', () => {
  const production = sourceFiles(['plugins', 'src', 'astro.config.mjs']);
  const everything = [...production, ...sourceFiles(['test'])];

  it('reads in the production code: every package lives on a known floor', () => {
    expect(production.length).toBeGreaterThan(50);
    const unknown = production.filter((file) => packageOf(file) === null || floors[packageOf(file)!] === undefined);
    expect(unknown).toEqual([]);
  });

  it('points down: no import from a lower floor to a higher one, or between stages', () => {
    expect(production.flatMap((file) => importsOf(file).flatMap(layeringProblems))).toEqual([]);
  });

  it('keeps every lib/ private to its package and its own tests', () => {
    const intoLib = everything.flatMap((file) => importsOf(file).flatMap(layeringProblems)).filter((line) => line.includes("another package's lib/"));
    expect(intoLib).toEqual([]);
  });

  it('has no import cycle between packages', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of production) {
      for (const item of importsOf(file)) {
        const target = resolveRelative(item);
        const [from, to] = [packageOf(file), target && packageOf(target)];
        if (from && to && from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const reaches = (start: string, goal: string): boolean => {
      const seen = new Set<string>();
      const queue = [...(edges.get(start) ?? [])];
      while (queue.length) {
        const next = queue.shift()!;
        if (next === goal) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(...(edges.get(next) ?? []));
      }
      return false;
    };
    expect([...edges.keys()].filter((name) => reaches(name, name))).toEqual([]);
  });

  it('leaves astro.config.mjs to the site settings: it imports only astro/config, @astrojs/mdx and the integration', () => {
    expect(importsOf('astro.config.mjs').map((item) => item.specifier).filter((specifier) => !configImports.includes(specifier))).toEqual([]);
  });

  it('gives every package a folder of tests and a README', () => {
    const packages = fs.readdirSync(path.join(projectRoot, 'plugins'));
    const missing = packages.flatMap((name) => [`test/${name}`, `plugins/${name}/README.md`, `plugins/${name}/index.ts`]).filter((file) => !fs.existsSync(path.join(projectRoot, file)));
    expect(missing).toEqual([]);
  });

  it('would name an import that reaches up', () => {
    const upward: Import = { from: 'plugins/checker/lib/check-content.ts', specifier: '../../remark-diagrams/index.ts', typeOnly: false, line: 9 };
    const intoLib: Import = { from: 'src/views/PageView.astro', specifier: '../../plugins/astro-trellis/lib/routes.ts', typeOnly: false, line: 5 };
    expect([...layeringProblems(upward), ...layeringProblems(intoLib)]).toEqual([
      'plugins/checker/lib/check-content.ts:9 imports plugins/remark-diagrams/index.ts: a package of the same floor; stages stay independent, so move what both need into the core',
      "src/views/PageView.astro:5 imports plugins/astro-trellis/lib/routes.ts: another package's lib/; import plugins/astro-trellis/index.ts (or its public entry) instead",
    ]);
  });
});
