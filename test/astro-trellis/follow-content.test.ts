// If this breaks, the preview hangs: a page asked for while files keep changing (a tool writing
// many files, a checkout, an editor that saves on every key) waits for a reload that never comes.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { followContent } from '../../plugins/astro-trellis/lib/dev-server.ts';

type Middleware = (request: unknown, response: unknown, next: () => void) => void;

/** The parts of Vite's dev server that followContent uses: its middleware stack, file watcher and hot channels. */
function devServer() {
  const middlewares: Middleware[] = [];
  const watcher = Object.assign(new EventEmitter(), { add: () => watcher });
  const sent: unknown[] = [];
  const hot = { send: (message: unknown) => sent.push(message) };
  const server = { middlewares: { use: (middleware: Middleware) => middlewares.push(middleware) }, watcher, environments: { client: { hot }, ssr: { hot } } };
  const request = () => new Promise<number>((resolve) => middlewares[0]!({}, {}, () => resolve(performance.now())));
  return { server, watcher, sent, request };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('following the content folder', () => {
  it('reloads once for a burst of saves, and a page asked for meanwhile waits for it', async () => {
    const dev = devServer();
    let reloads = 0;
    followContent(dev.server as never, '/content', () => reloads++);
    dev.watcher.emit('change', '/content/playbook/a.md');
    dev.watcher.emit('add', '/content/playbook/b.md');
    const served = dev.request();
    expect(reloads).toBe(0);
    await served;
    expect(reloads).toBe(1);
    expect(dev.sent).toContainEqual({ type: 'full-reload', path: '*' });
  });

  it('serves a waiting page while saves go on without a pause', async () => {
    const dev = devServer();
    let reloads = 0;
    followContent(dev.server as never, '/content', () => reloads++);
    let saving = true;
    const saves = (async () => {
      for (let save = 0; save < 100 && saving; save++) {
        dev.watcher.emit('change', `/content/playbook/page-${save}.md`);
        await sleep(20);
      }
    })();
    dev.watcher.emit('change', '/content/playbook/first.md');
    const served = await Promise.race([dev.request().then(() => 'served'), saves.then(() => 'saves ended first')]);
    saving = false;
    await saves;
    expect(served).toBe('served');
    expect(reloads).toBeGreaterThanOrEqual(1);
  });

  it('ignores files outside the content folder', async () => {
    const dev = devServer();
    let reloads = 0;
    followContent(dev.server as never, '/content', () => reloads++);
    dev.watcher.emit('change', '/project/src/views/PageView.astro');
    await dev.request();
    await sleep(100);
    expect(reloads).toBe(0);
  });
});
