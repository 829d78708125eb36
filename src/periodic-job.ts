// A background job of `serve`: runs now and then every interval, one run at a time (a run that outlasts
// the interval delays the next), never keeping the process alive; stopping waits for the run in progress.

/** Starts `run` after `first` (a start-up step), then every `intervalMs`; returns stop. */
export function startPeriodicJob(
  run: () => Promise<unknown>,
  intervalMs: number,
  first: Promise<unknown> = Promise.resolve(),
): () => Promise<void> {
  let running = first;
  const tick = () => {
    // A run handles its own errors (logs them); one that throws anyway must not stop the next.
    running = running.then(run).catch(() => undefined);
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
