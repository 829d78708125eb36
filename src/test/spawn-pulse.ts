// Runs the real `pulse` binary as a child process, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'pulse.js');

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<Finished>;
}

const running = new Set<ChildProcess>();

/** For afterAll: a failed test must not leave a server holding a port and a data dir. */
export function killStrayPulses(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function startPulse(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, PULSE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  running.add(child);
  const exited = new Promise<Finished>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, output: () => stdout + stderr, exited };
}

/**
 * For cleanup: SIGINT, then SIGKILL if the server has not exited within `graceMs`. A stop that hangs is
 * reported on stderr with the server's output (the graceful stop itself is asserted in serve.e2e.test.ts),
 * so one stuck shutdown on a loaded machine does not fail the suite that was only cleaning up.
 */
export async function stopPulse(server: Running, graceMs = 30_000): Promise<Finished> {
  server.child.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  const first = await Promise.race([server.exited, late]);
  clearTimeout(timer);
  if (first !== 'late') return first;
  console.warn(`pulse did not stop within ${graceMs} ms of SIGINT; killing it. Its output:\n${server.output()}`);
  server.child.kill('SIGKILL');
  return server.exited;
}

export function runPulse(args: string[], env: Record<string, string>): Promise<Finished> {
  return startPulse(args, env).exited;
}

/** Runs `pulse … --json`, which must exit 0 with nothing on stderr, and parses what it printed. */
export async function pulseJson<T>(args: string[], env: Record<string, string>): Promise<T> {
  const result = await runPulse([...args, '--json'], env);
  if (result.code !== 0 || result.stderr !== '')
    throw new Error(`pulse ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/**
 * Polls `probe` (/readyz by default; /healthz answers even while the server refuses writes) until 200;
 * rejects if the process exits first or the deadline passes.
 */
export async function waitUntilReady(
  running: Running,
  port: number,
  timeoutMs = 20_000,
  probe: '/readyz' | '/healthz' = '/readyz',
): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (running.child.exitCode !== null)
      throw new Error(`pulse exited with ${running.child.exitCode}: ${running.output()}`);
    if (Date.now() - started > timeoutMs)
      throw new Error(`no ${probe} 200 within ${timeoutMs} ms: ${running.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${probe}`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
