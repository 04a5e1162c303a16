/**
 * The dev server follows every save: when a file of the content folder is added, changed or
 * deleted, the playbook is loaded and checked again, Astro is told that content changed (so
 * that it forgets the routes and props it cached from the old playbook), and the open pages
 * reload. Saves come in bursts (an editor writes, renames, touches), so they are gathered
 * for a moment and the playbook is reloaded once; a page asked for in that moment waits for
 * the new playbook rather than being rendered from the old one (or failing half-way).
 */
import type { AstroIntegration } from 'astro';

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

/** Long enough to gather one save's events, short enough that nobody waits for it. */
const settleMs = 60;
/**
 * However long a burst goes on (a tool writing many files, a checkout), the playbook is
 * reloaded this long after its first event at the latest, so that waiting pages are served.
 */
const longestWaitMs = 400;

export function followContent(server: DevServer, contentDir: string, reload: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  let reloaded: Promise<void> | undefined;
  let finish = () => {};
  let burstStarted = 0;
  const changed = (file: string) => {
    if (!file.startsWith(contentDir)) return;
    if (!reloaded) {
      reloaded = new Promise((resolve) => (finish = resolve));
      burstStarted = performance.now();
    }
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(settleMs, burstStarted + longestWaitMs - performance.now()));
    timer = setTimeout(() => {
      try {
        reload();
        forgetRenderedRoutes(server);
      } finally {
        reloaded = undefined;
        finish();
      }
      server.environments.client.hot.send({ type: 'full-reload', path: '*' });
    }, wait);
  };
  server.middlewares.use((_request, _response, next) => (reloaded ? void reloaded.then(() => next()) : next()));
  server.watcher.add(contentDir);
  server.watcher.on('change', changed).on('add', changed).on('unlink', changed);
}

/** Astro clears its route cache on this event, as it does when a content collection changes. */
function forgetRenderedRoutes(server: DevServer): void {
  for (const [name, environment] of Object.entries(server.environments)) {
    if (name !== 'client') environment.hot.send('astro:content-changed', {});
  }
}
