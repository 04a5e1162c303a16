/**
 * The print edition shows every body of the edition, so its route is rendered again whenever
 * any file changed: without this cache, a one-line edit re-ran the remark pipeline on every
 * body of the playbook. Each body's print HTML is kept in a file named by its key (see
 * `route-keys.ts`), and a warm build renders only the bodies whose key is new.
 *
 * A file is trusted only when it names its own key and the digest of what follows matches:
 * a half-written or damaged file is rendered again, never shown.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface PrintBodyCache {
  read(key: string): string | undefined;
  /** Whether a body is kept under `key` (read may still find it damaged). */
  has(key: string): boolean;
  write(key: string, html: string): void;
  /** Counts a body another thread of this build wrote under `key` as written by this build. */
  wroteElsewhere(key: string): void;
  /**
   * Removes the bodies that are not among `current` (the keys of every body the print edition
   * shows now) and that this build did not use; says how many it read and wrote. A build whose
   * print edition was copied from Astro's cache read none, and must keep them all.
   */
  prune(current: Iterable<string>): { read: number; written: number };
}

const header = 'trellis-print-body 1';

export function openPrintBodyCache(dir: string): PrintBodyCache {
  const used = new Set<string>();
  const written = new Set<string>();
  const fileOf = (key: string) => path.join(dir, `${key}.html`);
  return {
    read(key) {
      let text: string;
      try {
        text = fs.readFileSync(fileOf(key), 'utf8');
      } catch {
        return undefined;
      }
      const [first, digest] = text.split('\n', 2);
      const html = text.slice((first?.length ?? 0) + (digest?.length ?? 0) + 2);
      if (first !== `${header} ${key}` || digest !== digestOf(html)) return undefined;
      used.add(key);
      return html;
    },
    has: (key) => fs.existsSync(fileOf(key)),
    write(key, html) {
      fs.mkdirSync(dir, { recursive: true });
      const partial = `${fileOf(key)}.${process.pid}.partial`;
      fs.writeFileSync(partial, `${header} ${key}\n${digestOf(html)}\n${html}`);
      fs.renameSync(partial, fileOf(key));
      used.add(key);
      written.add(key);
    },
    wroteElsewhere(key) {
      used.add(key);
      written.add(key);
    },
    prune(current) {
      const keep = new Set([...used, ...current]);
      const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
      for (const name of names) if (!keep.has(name.replace(/\.html$/, ''))) fs.rmSync(path.join(dir, name), { force: true });
      return { read: used.size - written.size, written: written.size };
    },
  };
}

function digestOf(html: string): string {
  return createHash('sha256').update(html).digest('hex');
}
