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

const LOG_STEP = 0.1;

export function createProgress({ label, total, stream = process.stderr, interactive }: ProgressOptions): Progress {
  const tty = interactive ?? ('isTTY' in stream && stream.isTTY === true);
  if (tty) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_value}s left`, stream: stream as NodeJS.WriteStream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { increment: (by = 1) => bar.increment(by), stop: () => bar.stop() };
  }
  let done = 0;
  let nextReport = LOG_STEP;
  const started = performance.now();
  const line = () => `${label}: ${total === 0 ? 100 : Math.floor((done / total) * 100)}% (${done}/${total})`;
  return {
    increment(by = 1) {
      done = Math.min(total, done + by);
      while (total > 0 && done / total >= nextReport && nextReport < 1) {
        stream.write(`${line()}\n`);
        nextReport += LOG_STEP;
      }
    },
    stop() {
      stream.write(`${line()} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
