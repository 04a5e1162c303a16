/**
 * Reads the import statements of the project's own files, as text, so that the layering and
 * dependency tests judge the code exactly as it is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface Import {
  /** The importing file, relative to the project root, with forward slashes. */
  from: string;
  /** The module as written: `../../playbook/index.ts`, `node:fs`, `astro/zod`. */
  specifier: string;
  /** `import type …` and `export type … from`: erased at run time. */
  typeOnly: boolean;
  line: number;
}

const sourceFile = /\.(ts|mjs|astro)$/;
const importPattern = /(?:^|\n)[ \t]*(import|export)\s+(type\s+)?(?:[^'";(=]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|<script[^>]*\ssrc=["']([^"']+)["']/g;

/** Every file under `folders` (relative to the project root) that can import, sorted. */
export function sourceFiles(folders: readonly string[]): string[] {
  const files: string[] = [];
  for (const folder of folders) {
    const absolute = path.join(projectRoot, folder);
    if (!fs.existsSync(absolute)) continue;
    if (fs.statSync(absolute).isFile()) {
      files.push(folder);
      continue;
    }
    for (const entry of fs.readdirSync(absolute, { recursive: true, withFileTypes: true })) {
      const relative = path.relative(projectRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      if (entry.isFile() && sourceFile.test(entry.name) && !relative.includes('/fixtures/') && !relative.includes('/node_modules/')) files.push(relative);
    }
  }
  return files.sort();
}

export function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(projectRoot, file), 'utf8');
  const imports: Import[] = [];
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[3] ?? match[4] ?? match[5];
    if (!specifier) continue;
    const line = text.slice(0, match.index + (match[0].startsWith('\n') ? 1 : 0)).split('\n').length;
    imports.push({ from: file, specifier, typeOnly: !!match[2], line });
  }
  return imports;
}

/** The project path a relative specifier names, or null for a package or built-in module. */
export function resolveRelative(item: Import): string | null {
  if (!item.specifier.startsWith('.')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(item.from), item.specifier));
}

/** `astro/zod` → `astro`, `@astrojs/mdx/server` → `@astrojs/mdx`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
