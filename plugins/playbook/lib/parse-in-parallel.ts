/**
 * Parsing Markdown is most of the time a check or a build takes, and it is the same work for
 * every file: worker threads parse the files on every core while the main thread waits, then
 * `loadPlaybook` reuses their trees. Reading, frontmatter and every problem report stay on
 * the main thread, so results are identical to a single-threaded load.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import type { Playbook } from './model.ts';
import { DiagnosticList } from './diagnostics.ts';
import { listEditionFolders, listMarkdownFiles } from './read-files.ts';
import type { TreeCache } from './tree-cache.ts';

export type ParsedFiles = Map<string, { text: string; tree: Root }>;

/** Below this, starting the workers (loading the parser in each) costs more than it saves. */
const minimumFiles = 150;

/**
 * @param skipEditions labels of older editions whose bodies will not be read
 * @param cache trees of earlier runs: only the files it does not hold are parsed
 */
export async function parseInParallel(contentDir: string, skipEditions: ReadonlySet<string> = new Set(), cache?: TreeCache): Promise<ParsedFiles> {
  const root = path.resolve(contentDir);
  const files = listContentFiles(root, skipEditions);
  const parsed = cache ? cache.lookup(root, files) : new Map();
  const unparsed = files.filter((file) => !parsed.has(file));
  const threads = Math.min(os.availableParallelism(), 8);
  if (unparsed.length < minimumFiles || threads < 2) return parsed;
  const batches = Array.from({ length: threads * 4 }, (_, i) => unparsed.filter((_, j) => j % (threads * 4) === i));
  try {
    await Promise.all(Array.from({ length: threads }, () => runWorker(root, batches, parsed)));
  } catch {
    return cache ? cache.lookup(root, files) : new Map();
  }
  return parsed;
}

function runWorker(root: string, batches: string[][], parsed: ParsedFiles): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: { root } });
    const next = () => {
      const batch = batches.pop();
      if (batch) worker.postMessage(batch);
      else void worker.terminate().then(() => resolve());
    };
    worker.on('message', (results: [string, string, Root | null][]) => {
      for (const [file, text, tree] of results) if (tree) parsed.set(file, { text, tree });
      next();
    });
    worker.on('error', reject);
    next();
  });
}

/** The Markdown files `loadPlaybook` will read, found by the same walk. */
function listContentFiles(root: string, skipEditions: ReadonlySet<string>): string[] {
  // Problems found while listing (symbolic links among them) are reported by the load that follows.
  const ignored = new DiagnosticList();
  const folders = ['competencies', 'roles', 'playbook'];
  for (const label of listEditionFolders(root, ignored)) if (!skipEditions.has(label)) folders.push(`versions/${label}/competencies`, `versions/${label}/roles`, `versions/${label}/playbook`);
  return folders.flatMap((folder) => listMarkdownFiles(root, folder, ignored));
}

/**
 * The trees of a loaded playbook, to be reused by the next load: a file whose text has not
 * changed is not parsed again (the dev server reloads the whole playbook on every save).
 */
export function parsedTreesOf(playbook: Playbook): ParsedFiles {
  const parsed: ParsedFiles = new Map();
  for (const edition of playbook.editions) {
    if (!edition.bodiesRead) continue;
    for (const entry of [...edition.pages.values(), ...edition.competencies.values()]) {
      if (entry.source.bodyReadable) parsed.set(entry.source.path, { text: entry.source.text, tree: entry.source.tree });
    }
  }
  return parsed;
}
