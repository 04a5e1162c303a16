/**
 * Parsing is most of what a check costs, and most files have not changed since the last one:
 * each file's tree is kept on disk under the hash of its text and of the parser (the core's
 * source and the locked dependencies), so the next check or build parses only the files whose
 * bytes changed. An entry is written to a temporary name and renamed into place, so a
 * half-written entry never exists; one that cannot be read is ignored and parsed again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { Playbook } from './model.ts';
import type { ParsedFiles } from './parse-in-parallel.ts';

export interface TreeCache {
  /** The trees of these files (paths relative to the content folder) that the cache holds. */
  lookup(contentDir: string, files: readonly string[]): ParsedFiles;
  /** Keeps the trees of a freshly loaded playbook, before anything changes them. */
  remember(playbook: Playbook): void;
}

/** Entries beyond this many times the playbook's files are old: the oldest are removed. */
const keepFactor = 2;

/** @param dir the cache folder, or null for none (every file is parsed) */
export function openTreeCache(dir: string | null): TreeCache {
  if (!dir) return { lookup: () => new Map(), remember: () => {} };
  const parser = parserVersion();
  const fileOf = (text: string) => path.join(dir, `${createHash('sha1').update(parser).update('\0').update(text).digest('hex')}.json`);
  const known = new Set<string>();
  return {
    lookup(contentDir, files) {
      const parsed: ParsedFiles = new Map();
      for (const file of files) {
        const text = readTextOrNull(path.join(contentDir, file));
        if (text === null) continue;
        const entry = fileOf(text);
        const tree = readTree(entry);
        if (!tree) continue;
        known.add(entry);
        parsed.set(file, { text, tree });
      }
      return parsed;
    },
    remember(playbook) {
      fs.mkdirSync(dir, { recursive: true });
      for (const edition of playbook.editions) {
        if (!edition.bodiesRead) continue;
        for (const { source } of [...edition.pages.values(), ...edition.competencies.values()]) {
          if (!source.bodyReadable) continue;
          const entry = fileOf(source.text);
          if (!known.has(entry)) writeAtomically(entry, JSON.stringify(source.tree));
          known.add(entry);
        }
      }
      evictUnused(dir, known);
    },
  };
}

function readTextOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

function readTree(entry: string): Root | null {
  try {
    const tree = JSON.parse(fs.readFileSync(entry, 'utf8')) as Root;
    return tree?.type === 'root' && Array.isArray(tree.children) ? tree : null;
  } catch {
    return null;
  }
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch {
    // A cache that cannot be written only means parsing again next time.
    fs.rmSync(temporary, { force: true });
  }
}

function evictUnused(dir: string, used: Set<string>): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  if (names.length <= used.size * keepFactor) return;
  for (const name of names) {
    const file = path.join(dir, name);
    if (!used.has(file)) fs.rmSync(file, { force: true });
  }
}

/** The parser is the core's source and the locked packages: a change to either parses again. */
function parserVersion(): string {
  const hash = createHash('sha1');
  const core = new URL('./', import.meta.url);
  for (const name of fs.readdirSync(core).sort()) hash.update(name).update(fs.readFileSync(new URL(name, core)));
  const lock = new URL('../../../package-lock.json', import.meta.url);
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  return hash.digest('hex');
}
