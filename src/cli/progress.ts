// A progress display for long jobs: a live bar on a terminal, a line every 10 % when piped (CI, logs).
import cliProgress from 'cli-progress';

export interface Progress {
  increment(by?: number): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  stream?: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Defaults to whether the stream is a terminal. */
  interactive?: boolean;
}

const LOG_STEPS = 10;

export function createProgress({ label, total, stream = process.stderr, interactive }: ProgressOptions): Progress {
  const tty = interactive ?? ('isTTY' in stream && stream.isTTY === true);
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_value}s left`,
        stream: stream as NodeJS.WriteStream,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { increment: (by = 1) => bar.increment(by), stop: () => bar.stop() };
  }
  let done = 0;
  // Integer steps: summing 0.1s drifts (0.1 + 0.1 + 0.1 > 0.3) and reports a line late.
  let nextStep = 1;
  const started = performance.now();
  const line = () => `${label}: ${total === 0 ? 100 : Math.floor((done / total) * 100)}% (${done}/${total})`;
  return {
    increment(by = 1) {
      done = Math.min(total, done + by);
      while (total > 0 && nextStep < LOG_STEPS && done * LOG_STEPS >= nextStep * total) {
        stream.write(`${line()}\n`);
        nextStep += 1;
      }
    },
    stop() {
      stream.write(`${line()} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
