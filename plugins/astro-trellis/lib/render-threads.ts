/**
 * Astro renders a build's pages one after another on one thread, and a third of that time is
 * spent in the bodies: the remark plugins, ELK laying out diagrams, the HTML and its print
 * version. So while Astro bundles the site and renders the pages' frames, other threads render
 * the bodies ahead of it: each loads the same playbook from the same trees (the tree cache the
 * main thread has just filled) and renders its share, in the order the pages ask for them; a
 * page takes its body as it arrives. The main thread renders none itself: that would load ELK
 * and the highlighter a second time and warm them up again, which costs more than a short wait.
 * A thread that fails leaves its bodies to the main thread, which renders them as it always
 * could: the output is the same either way.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Competency, Page, Role, Settings, SiteEdition } from '../../playbook/index.ts';
import type { RunSettings } from './load-state.ts';
import type { TrellisOptions } from './state.ts';

/** A body as its page shows it, and as the print edition shows it. */
export interface RenderedBody {
  html: string;
  print: string;
}

export interface RenderThreads {
  /** The body a thread renders for `entry`, as it arrives; undefined when no thread was given it. */
  take(site: SiteEdition, entry: Page | Competency | Role): Promise<RenderedBody> | undefined;
  /** Stops every thread still working; says how many bodies they sent, of how many. */
  close(): Promise<{ sent: number; bodies: number; threads: number }>;
}

/** What a thread needs to load the playbook exactly as the main thread did. */
export interface RenderJob {
  settings: Settings;
  options: TrellisOptions & { strict: boolean };
  run: RunSettings;
  /** Labels of older editions read from frontmatter only. */
  alreadyChecked: string[];
  /** Where the main thread's trees are kept. */
  treeCacheDir: string;
  /** The print body cache, where a thread keeps each print body it renders (see `print-body-cache.ts`); null for none. */
  printBodyCacheDir: string | null;
}

/** A body to render: its entry (`bodyKey`), and the key its print version is kept under, if any. */
export interface BodyToRender {
  key: string;
  printKey?: string;
}

/** What one thread is sent: the job, and its share of the bodies, in the order pages ask for them. */
export interface ThreadJob extends RenderJob {
  bodies: BodyToRender[];
}

/** One rendered body, as a thread sends it; `printKey` when it kept the print version in the cache. */
export type BodyMessage = BodyToRender & RenderedBody;

/** Below this many bodies, loading the playbook again in a thread costs more than it saves. */
const minimumBodies = 100;

/** `PLAYBOOK_RENDER_THREADS`: how many threads render bodies (0: none); by default one core fewer than the machine has, at most 3, and none for a small build. */
export function renderThreadCount(bodies: number, env: NodeJS.ProcessEnv = process.env): number {
  const set = env.PLAYBOOK_RENDER_THREADS;
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), 8);
  if (bodies < minimumBodies) return 0;
  return Math.max(0, Math.min(os.availableParallelism() - 1, 3));
}

export function bodyKey(site: SiteEdition, entry: Page | Competency | Role): string {
  return `${site.label}\0${entry.kind}\0${entry.source.path}`;
}

interface Pending {
  promise: Promise<RenderedBody>;
  resolve: (body: RenderedBody) => void;
  reject: (error: Error) => void;
}

/** What the main thread is told while the threads work. */
export interface ThreadEvents {
  /** A thread kept a print body in the cache. */
  kept(printKey: string): void;
  /** A thread stopped before it had sent its share; told once per thread. */
  failed(message: string): void;
}

/**
 * Starts `threads` threads over `bodies` (in the order pages will ask for them), each with
 * every `threads`-th body.
 */
export function startRenderThreads(job: RenderJob, bodies: readonly BodyToRender[], threads: number, events: ThreadEvents): RenderThreads {
  const pending = new Map(bodies.map((body) => [body.key, deferred()]));
  let sent = 0;
  let closing = false;
  const workers = Array.from({ length: threads }, (_, thread) => {
    const share = bodies.filter((_, index) => index % threads === thread);
    const worker = new Worker(new URL('./render-thread.ts', import.meta.url), { workerData: { ...job, bodies: share } satisfies ThreadJob });
    const unsent = new Set(share.map((body) => body.key));
    worker.on('message', (body: BodyMessage) => {
      sent++;
      unsent.delete(body.key);
      if (body.printKey) events.kept(body.printKey);
      pending.get(body.key)?.resolve({ html: body.html, print: body.print });
    });
    const fail = (reason: string) => {
      if (unsent.size === 0) return;
      if (!closing) events.failed(`a thread rendering bodies stopped (${reason}); the main thread renders its ${unsent.size} remaining bodies`);
      for (const key of unsent) pending.get(key)!.reject(new Error(reason));
      unsent.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    return worker;
  });
  return {
    take: (site, entry) => pending.get(bodyKey(site, entry))?.promise,
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
      return { sent, bodies: bodies.length, threads };
    },
  };
}

function deferred(): Pending {
  let resolve!: (body: RenderedBody) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<RenderedBody>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // A body no page asks for after its thread failed is not an unhandled rejection.
  promise.catch(() => {});
  return { promise, resolve, reject };
}
