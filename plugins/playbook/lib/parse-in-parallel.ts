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
import { DiagnosticList } from './diagnostics.ts';
import { listEditionFolders, listMarkdownFiles } from './read-files.ts';

export type ParsedFiles = Map<string, { text: string; tree: Root }>;

/** Below this, starting the workers (loading the parser in each) costs more than it saves. */
const minimumFiles = 150;

/** @param skipEditions labels of older editions whose bodies will not be read */
export async function parseInParallel(contentDir: string, skipEditions: ReadonlySet<string> = new Set()): Promise<ParsedFiles> {
  const root = path.resolve(contentDir);
  const files = listContentFiles(root, skipEditions);
  const threads = Math.min(os.availableParallelism(), 8);
  if (files.length < minimumFiles || threads < 2) return new Map();
  const batches = Array.from({ length: threads * 4 }, (_, i) => files.filter((_, j) => j % (threads * 4) === i));
  const parsed: ParsedFiles = new Map();
  try {
    await Promise.all(Array.from({ length: threads }, () => runWorker(root, batches, parsed)));
  } catch {
    return new Map();
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
  const folders = ['competencies', 'roles', 'playbook'];
  for (const label of listEditionFolders(root)) if (!skipEditions.has(label)) folders.push(`versions/${label}/competencies`, `versions/${label}/roles`, `versions/${label}/playbook`);
  // Problems found while listing are reported by the load that follows.
  const ignored = new DiagnosticList();
  return folders.flatMap((folder) => listMarkdownFiles(root, folder, ignored));
}
