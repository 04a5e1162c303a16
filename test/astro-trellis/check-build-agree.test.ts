// If this breaks, `npm run check` passes a pull request whose build then crashes (or the
// other way round), or one of them shows an author a stack trace instead of the line to fix.
// Each variant is the fixture playbook with one seeded mutation of the kind content from many
// hands brings: YAML slips, stray fences, MDX code, raw HTML, binary bytes, odd line endings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatReport } from '../../plugins/checker/index.ts';
import { buildSite, projectRoot } from '../helpers/build-site.ts';

const fixture = path.join(projectRoot, 'test/astro-trellis/fixtures/playbook-small/content');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-agree-'));
const today = '2026-11-25';
const stackTrace = /^\s+at .+[:(]\d+/m;

type Mutation = (text: string, random: () => number) => string;

/** Each takes a file's text and returns it changed the way a hurried edit or an attack might. */
const mutations: Record<string, Mutation> = {
  'a date Astro would read as a Date': (text) => text.replace(/^---\n/, '---\nreview_by: 2030-06-30\n'),
  'a tab before a key': (text) => text.replace(/^(title:)/m, '\t$1'),
  'an extra space of indentation': (text) => text.replace(/^(description:)/m, ' $1'),
  'an unclosed quote': (text) => text.replace(/^title: (.*)$/m, 'title: "$1'),
  'a fourth dash on the opening fence': (text) => text.replace(/^---\n/, '----\n'),
  'a field on the fence line': (text) => text.replace(/^---\n/, '---'),
  'CR-only line endings': (text) => text.replace(/\n/g, '\r'),
  'CRLF line endings': (text) => text.replace(/\n/g, '\r\n'),
  'a blank line before the fence': (text) => `\n${text}`,
  'an MDX expression': (text) => `${text}\nThe budget is {process.env.HOME}.\n`,
  'an MDX import': (text) => text.replace(/\n---\n/, "\n---\nimport fs from 'node:fs'\n\n"),
  'export default': (text) => `${text}\nexport default function Layout() {}\n`,
  'a component': (text) => `${text}\n<Chart data="x" />\n`,
  'raw script and handlers': (text) => `${text}\n<script>alert(1)</script>\n<img src="x" onerror="alert(1)">\n`,
  'an unknown directive and a time': (text) => `${text}\nWe meet at 10:30 for :1s and :foo[bar].\n`,
  'an unknown competency reference': (text) => `${text}\nSee :competency[nonexistent-skill].\n`,
  'a NUL byte': (text, random) => insertAt(text, Math.floor(random() * text.length), '\0'),
  'a long run of asterisks': (text) => `${text}\n${'*'.repeat(5000)}\n`,
  'a mapping where a word belongs': (text) => text.replace(/^layer: (\w+)$/m, 'layer: { name: $1 }'),
  'a list where one value belongs': (text) => text.replace(/^layer: (\w+)$/m, 'layer: [$1]'),
  'a deleted line': (text, random) => {
    const lines = text.split('\n');
    lines.splice(Math.floor(random() * lines.length), 1);
    return lines.join('\n');
  },
  'a duplicated line': (text, random) => {
    const lines = text.split('\n');
    const at = Math.floor(random() * lines.length);
    lines.splice(at, 0, lines[at]!);
    return lines.join('\n');
  },
};

function insertAt(text: string, at: number, value: string): string {
  return `${text.slice(0, at)}${value}${text.slice(at)}`;
}

/** A small, seeded generator (mulberry32): the same variants on every run and machine. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function markdownFiles(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** One variant per mutation, each applied to a file chosen by the seed. */
function variants(): { name: string; file: string; content: string }[] {
  const files = markdownFiles(fixture);
  return Object.entries(mutations).map(([name, mutate], i) => {
    const random = seeded(1000 + i);
    const file = files[Math.floor(random() * files.length)]!;
    const content = path.join(scratch, `variant-${i}`, 'content');
    fs.cpSync(fixture, content, { recursive: true });
    const absolute = path.join(content, file);
    fs.writeFileSync(absolute, mutate(fs.readFileSync(absolute, 'utf8'), random));
    return { name, file, content };
  });
}

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('check and build agree on every variant', () => {
  for (const variant of variants()) {
    it(`${variant.name} (in ${variant.file})`, () => {
      const check = checkContent({ contentDir: variant.content, audience: 'all', today, mdx: 'safe' });
      const build = buildSite(variant.content, { PLAYBOOK_TODAY: today }, path.join(path.dirname(variant.content), 'out'));
      const report = formatReport(check, 'text', projectRoot);
      expect(build.stderr).not.toMatch(stackTrace);
      expect(build.stdout).not.toMatch(stackTrace);
      expect(report).not.toMatch(stackTrace);
      if (check.errorCount > 0) {
        expect(build.status, `the check found errors but the build ${build.status === 0 ? 'passed' : 'failed differently'}:\n${report}`).toBe(1);
        expect(build.stderr).toContain(report.trimEnd());
      } else {
        expect(build.status, `the check passed but the build failed:\n${build.stderr.slice(-3000)}`).toBe(0);
      }
    });
  }
});
