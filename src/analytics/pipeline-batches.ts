// Items in batches, in order, with the next batch staged (JavaScript on the event loop) while the current
// one is written (ClickHouse's own threads): the two overlap instead of taking turns.

export interface PipelineSteps<S> {
  stage: (from: number, to: number) => Promise<S>;
  /** Owns its staged batch: cleans it up whatever happens. */
  write: (staged: S) => Promise<void>;
  /** Cleans up a batch staged but never written, as after a failed write. */
  discard: (staged: S) => Promise<unknown>;
  /** After each write, with the number of items done. */
  onBatch?: (done: number) => void;
}

export async function pipelineBatches<S>(count: number, size: number, steps: PipelineSteps<S>): Promise<void> {
  // Staged ahead and awaited later: mark it handled now, so a failure while the current write runs is
  // not an unhandled rejection (the loop still sees it when it awaits).
  const stageAt = (from: number) => {
    const staged = steps.stage(from, Math.min(count, from + size));
    staged.catch(() => undefined);
    return staged;
  };
  let next: Promise<S> | undefined = count > 0 ? stageAt(0) : undefined;
  try {
    for (let from = 0; next; from += size) {
      const staged = await next;
      next = from + size < count ? stageAt(from + size) : undefined;
      await steps.write(staged);
      steps.onBatch?.(Math.min(count, from + size));
    }
  } finally {
    if (next) await next.then(steps.discard, () => undefined);
  }
}
