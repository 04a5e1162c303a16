/**
 * A build that ends must not leave its lock or its half-written staging folder behind,
 * however it ends: it returns, calls `process.exit` (a failed check), throws (a crash), or is
 * stopped with Ctrl-C, `kill` or a closed terminal. Only SIGKILL and power cuts escape, and
 * the lock they leave is stale: the next build takes it over.
 */
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `cleanup` once, when the process ends or when the returned function is called,
 * whichever comes first. After a signal the process still dies of it, as it would have.
 */
export function onProcessEnd(cleanup: () => void): () => void {
  let done = false;
  const run = () => {
    process.off('exit', run);
    for (const signal of signals) process.off(signal, onSignal);
    if (done) return;
    done = true;
    cleanup();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    run();
    // With no listener left, Node's own handling applies again: the process ends by the signal.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('exit', run);
  for (const signal of signals) process.on(signal, onSignal);
  return run;
}
