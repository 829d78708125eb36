// `npm run bench -- boot`: time from spawning `pulse serve` to /readyz = 200, on a first start (empty
// data dir) and a restart (same dir), RSS once ready, and exit code after SIGINT. Baselines in the same
// run: a first start without the install-time PGlite template (full initdb), and a restart that runs
// the TypeScript through tsx instead of the compiled dist/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildServer } from '../scripts/build-server.mjs';
import { ensurePgliteTemplate, pgliteTemplateDir } from '../src/db/pglite-template.js';
import { median, printTable } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const READY_TIMEOUT_MS = 60_000;
const ROOT = path.resolve(import.meta.dirname, '..');

interface Boot {
  readyMs: number;
  rssMb: number;
  exitCode: number | null;
}

export async function bootBench(): Promise<void> {
  await buildServer();
  await ensurePgliteTemplate();
  const compiled = [path.join(ROOT, 'bin', 'pulse.js'), 'serve'];
  const viaTsx = ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'index.ts'), 'serve'];
  const first: Boot[] = [];
  const restart: Boot[] = [];
  const restartTsx: Boot[] = [];
  const firstNoTemplate: Boot[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-boot-'));
    first.push(await boot(compiled, dir));
    restart.push(await boot(compiled, dir));
    restartTsx.push(await boot(viaTsx, dir));
    fs.rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`run ${i + 1}/${RUNS} done\n`);
  }
  // Baseline: hide the template so the first start runs initdb, as it would without `npm install`'s step.
  const template = pgliteTemplateDir();
  const hidden = `${template}.hidden`;
  fs.renameSync(template, hidden);
  try {
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-boot-'));
      firstNoTemplate.push(await boot(compiled, dir));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.renameSync(hidden, template);
  }
  const row = (name: string, runs: Boot[], target: string, baseline?: Boot[]) => [
    name,
    runs.length,
    median(runs.map((r) => r.readyMs)),
    Math.max(...runs.map((r) => r.readyMs)),
    median(runs.map((r) => r.rssMb)),
    [...new Set(runs.map((r) => r.exitCode))].join(','),
    baseline ? `${(median(baseline.map((r) => r.readyMs)) / median(runs.map((r) => r.readyMs))).toFixed(2)}×` : '',
    target,
  ];
  printTable(
    'Boot: spawn → /readyz 200 (embedded PGlite + chDB)',
    ['case', 'runs', 'p50 ms', 'max ms', 'RSS MB', 'exit on SIGINT', 'speed-up vs baseline', 'target'],
    [
      row('first start (template copy)', first, '≤ 3000 ms', firstNoTemplate),
      row('  baseline: first start, initdb', firstNoTemplate, ''),
      row('restart (compiled dist/)', restart, '≤ 1000 ms', restartTsx),
      row('  baseline: restart via tsx', restartTsx, ''),
    ],
  );
}

async function boot(args: string[], dataDir: string): Promise<Boot> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PULSE_DATA_DIR: dataDir, PORT: String(port), PULSE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  while ((await readyStatus(port)) !== 200) {
    if (child.exitCode !== null) throw new Error(`pulse serve exited early (${child.exitCode}): ${stderr}`);
    if (performance.now() - started > READY_TIMEOUT_MS)
      throw new Error(`not ready within ${READY_TIMEOUT_MS} ms: ${stderr}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = Math.round(performance.now() - started);
  const rssMb = Math.round(rssKb(child.pid!) / 1024);
  child.kill('SIGINT');
  return { readyMs, rssMb, exitCode: await exited };
}

async function readyStatus(port: number): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
  } catch {
    return 0;
  }
}

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
