/**
 * A worker thread of `parseInParallel`: reads and parses the files it is sent and returns
 * their text and tree (null when the file needs the main thread's full reporting).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { maxFileBytes } from './read-files.ts';
import { parseTree } from './parse-file.ts';

const { root } = workerData as { root: string };

parentPort!.on('message', (files: string[]) => {
  const results = files.map((file) => {
    try {
      const absolute = path.join(root, file);
      // Never through a symbolic link: the main thread reports it and reads nothing behind it.
      const stats = fs.lstatSync(absolute);
      if (!stats.isFile() || stats.size > maxFileBytes) return [file, '', null];
      const text = fs.readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
      return [file, text, text.includes('\0') ? null : parseTree(text, file.endsWith('.mdx'))];
    } catch {
      return [file, '', null];
    }
  });
  parentPort!.postMessage(results);
});
