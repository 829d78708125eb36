// `npm run bench -- dashboard`: time from navigation to a fully rendered overview (every block filled,
// globe drawn) in headless Chromium against `pulse serve` on fresh embedded data, p50 over 10 loads:
// first visits (each creates its preview) and reloads of an existing project (the baseline the first
// visit is compared with). Also the dashboard's JS bundle size.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildDashboard } from '../scripts/build-dashboard.mjs';
import { buildServer } from '../scripts/build-server.mjs';
import { ensurePgliteTemplate } from '../src/db/pglite-template.js';
import { launchBrowser } from '../src/test/browser.js';
import { freePort, startPulse, waitUntilReady } from '../src/test/spawn-pulse.js';
import { makeTempDir } from '../src/test/temp-dir.js';
import { median, percentile, printTable } from './stats.js';

const LOADS = Number(process.env.BENCH_RUNS ?? 10);
const ROOT = path.resolve(import.meta.dirname, '..');

/** Every block has data (none busy), the numbers are in, and the globe has painted twice. */
async function renderedMs(page: import('playwright-core').Page, started: number): Promise<number> {
  // Browser-side code as strings: this file is type-checked for Node, not the DOM.
  await page.waitForFunction(
    `document.querySelectorAll('.block').length > 10 &&
     document.querySelectorAll('[aria-busy=true]').length === 0 &&
     /\\d/.test(document.querySelector('[data-testid=total-users] .stat-value')?.textContent ?? '') &&
     /\\d/.test(document.querySelector('[data-testid=live-pill]')?.textContent ?? '') &&
     document.querySelector('[data-testid=globe], [data-testid=flat-map]') !== null`,
    null,
    { timeout: 60_000, polling: 'raf' },
  );
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return performance.now() - started;
}

export async function dashboardBench(): Promise<void> {
  await Promise.all([buildServer(), buildDashboard(), ensurePgliteTemplate()]);
  const temp = makeTempDir('pulse-bench-dash-');
  const port = await freePort();
  const server = startPulse(['serve'], { PULSE_DATA_DIR: temp.dir, PORT: String(port), PULSE_PREVIEW_RATE_LIMIT: '10000' });
  const browser = await launchBrowser();
  const first: number[] = [];
  const reload: number[] = [];
  try {
    await waitUntilReady(server, port);
    for (let i = 0; i < LOADS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      let started = performance.now();
      await page.goto(`http://127.0.0.1:${port}/`);
      const firstMs = await renderedMs(page, started);
      started = performance.now();
      await page.reload();
      const reloadMs = await renderedMs(page, started);
      if (i > 0) {
        first.push(firstMs);
        reload.push(reloadMs);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.child.kill('SIGINT');
    await server.exited;
    temp.remove();
  }
  const assets = path.join(ROOT, 'dist', 'dashboard', 'assets');
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(assets, f)));
  const raw = js.reduce((n, b) => n + b.length, 0);
  const gz = js.reduce((n, b) => n + zlib.gzipSync(b).length, 0);
  const ms = (v: number) => Math.round(v);
  printTable('Dashboard: navigation → fully rendered overview (Chromium, embedded stores)', ['load', 'p50 ms', 'p95 ms', 'loads', 'target'], [
    ['first visit (creates a standard preview)', ms(median(first)), ms(percentile(first, 95)), first.length, 'p50 ≤ 1500'],
    ['baseline: reload of an existing project', ms(median(reload)), ms(percentile(reload, 95)), reload.length, ''],
    ['first visit ÷ reload', `${(median(first) / median(reload)).toFixed(2)}×`, '', '', ''],
  ]);
  printTable('Dashboard bundle', ['asset', 'bytes', 'gzip bytes'], [['JavaScript', raw, gz]]);
}
