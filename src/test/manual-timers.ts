// Timers that fire only when a test says so: the waits a component asks for are read, not slept.
import type { WorkerTimers } from '../sync/worker.js';

interface Pending {
  callback: () => void;
  ms: number;
}

export class ManualTimers implements WorkerTimers {
  private readonly pending = new Set<Pending>();

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { callback, ms };
    this.pending.add(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as Pending);
  }

  /** The delays of the timers waiting now, in the order they were set. */
  delays(): number[] {
    return [...this.pending].map((t) => t.ms);
  }

  /** Fires the one waiting timer (as if its delay had passed); throws unless exactly one waits. */
  fire(): number {
    const [timer, ...others] = this.pending;
    if (!timer || others.length > 0) throw new Error(`expected one waiting timer, found ${this.pending.size}`);
    this.pending.delete(timer);
    timer.callback();
    return timer.ms;
  }
}

/** Lets promise chains and I/O callbacks run until `ready()` holds (no wall-clock wait). */
export async function until(ready: () => boolean, what = 'the condition'): Promise<void> {
  for (let turn = 0; turn < 10_000; turn++) {
    if (ready()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${what} did not happen`);
}

/** Lets whatever is queued (promise chains, I/O callbacks) run for a few turns of the event loop. */
export async function settle(turns = 20): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}
