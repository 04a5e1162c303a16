/**
 * A thread of `render-threads.ts`: loads the playbook as the main thread did, from the trees it
 * kept, then renders its bodies in order, keeps each print version in the print body cache and
 * sends each body as soon as it is done. Anything that
 * goes wrong ends the thread, and the main thread renders what is left.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { openTreeCache, parseInParallel } from '../../playbook/index.ts';
import { loadState } from './load-state.ts';
import { openPrintBodyCache } from './print-body-cache.ts';
import { renderForBuild } from './render-page.ts';
import { type BodyMessage, bodyKey, type ThreadJob } from './render-threads.ts';
import { entriesOf } from './route-keys.ts';

const job = workerData as ThreadJob;
const trees = openTreeCache(job.treeCacheDir);
const alreadyChecked = new Set(job.alreadyChecked);
// The main thread has checked this playbook: its rules are not run again here.
const parsed = await parseInParallel(path.resolve(job.settings.contentDir), alreadyChecked, trees);
const state = loadState(job.settings, job.options, job.run, { parsed, alreadyChecked, rules: false });

const entries = new Map(state.editions.flatMap((site) => entriesOf(site).map((entry) => [bodyKey(site, entry), { site, entry }] as const)));
// Kept here, not by the main thread: writing a thousand files is work taken off it too.
const printBodies = job.printBodyCacheDir ? openPrintBodyCache(job.printBodyCacheDir) : null;
for (const { key, printKey } of job.bodies) {
  const found = entries.get(key);
  if (!found) throw new Error(`no entry ${key.replaceAll('\0', ' ')} in the playbook this thread loaded`);
  const body = await renderForBuild(found.entry, found.site);
  if (printBodies && printKey) printBodies.write(printKey, body.print);
  parentPort!.postMessage({ key, printKey: printBodies ? printKey : undefined, ...body } satisfies BodyMessage);
}
