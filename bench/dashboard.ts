// `npm run bench -- dashboard`: time from navigation to a fully rendered overview (every block filled,
// globe drawn) in headless Chromium against `pulse serve` on fresh embedded data, p50 over 10 loads:
// first visits (each creates its preview) and reloads of an existing project (the baseline the first
// visit is compared with). Each load also records when the user cards first show numbers (the charts and
// the globe are lazy chunks and may still be placeholders then). Also the dashboard's JS chunks.
import path from 'node:path';
import { buildDashboard } from '../scripts/build-dashboard.mjs';
import { buildServer } from '../scripts/build-server.mjs';
import { ensurePgliteTemplate } from '../src/db/pglite-template.js';
import { launchBrowser } from '../src/test/browser.js';
import { freePort, startPulse, waitUntilReady } from '../src/test/spawn-pulse.js';
import { makeTempDir } from '../src/test/temp-dir.js';
import { chunkRows, dashboardChunks } from './dashboard-bundle.js';
import { median, percentile, printTable } from './stats.js';

const LOADS = Number(process.env.BENCH_RUNS ?? 10);
const ROOT = path.resolve(import.meta.dirname, '..');

/** ms until the total-users card shows a number, and until the overview is fully rendered: every block has
 *  data, no placeholder is busy (charts and globe loaded), the numbers are in, the globe has painted twice. */
async function renderedMs(page: import('playwright-core').Page, started: number): Promise<{ cards: number; full: number }> {
  // Browser-side code as strings: this file is type-checked for Node, not the DOM.
  await page.waitForFunction(`/\\d/.test(document.querySelector('[data-testid=total-users] .stat-value')?.textContent ?? '')`, null, { timeout: 60_000, polling: 'raf' });
  const cards = performance.now() - started;
  await page.waitForFunction(
    `document.querySelectorAll('.block').length > 10 &&
     document.querySelectorAll('[aria-busy=true]').length === 0 &&
     /\\d/.test(document.querySelector('[data-testid=live-pill]')?.textContent ?? '') &&
     document.querySelector('[data-testid=globe], [data-testid=flat-map]') !== null`,
    null,
    { timeout: 60_000, polling: 'raf' },
  );
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return { cards, full: performance.now() - started };
}

export async function dashboardBench(): Promise<void> {
  await Promise.all([buildServer(), buildDashboard(), ensurePgliteTemplate()]);
  const temp = makeTempDir('pulse-bench-dash-');
  const port = await freePort();
  const server = startPulse(['serve'], { PULSE_DATA_DIR: temp.dir, PORT: String(port), PULSE_PREVIEW_RATE_LIMIT: '10000' });
  const browser = await launchBrowser();
  const first: number[] = [];
  const reload: number[] = [];
  const firstCards: number[] = [];
  const reloadCards: number[] = [];
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
        first.push(firstMs.full);
        reload.push(reloadMs.full);
        firstCards.push(firstMs.cards);
        reloadCards.push(reloadMs.cards);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.child.kill('SIGINT');
    await server.exited;
    temp.remove();
  }
  const ms = (v: number) => Math.round(v);
  printTable('Dashboard: navigation → fully rendered overview (Chromium, embedded stores)', ['load', 'p50 ms', 'p95 ms', 'loads', 'target'], [
    ['first visit (creates a standard preview)', ms(median(first)), ms(percentile(first, 95)), first.length, 'p50 ≤ 1500'],
    ['  same loads: user cards show numbers', ms(median(firstCards)), ms(percentile(firstCards, 95)), firstCards.length, ''],
    ['baseline: reload of an existing project', ms(median(reload)), ms(percentile(reload, 95)), reload.length, ''],
    ['  same loads: user cards show numbers', ms(median(reloadCards)), ms(percentile(reloadCards, 95)), reloadCards.length, ''],
    ['first visit ÷ reload', `${(median(first) / median(reload)).toFixed(2)}×`, '', '', ''],
  ]);
  printTable('Dashboard JavaScript chunks (dist/dashboard/assets)', ['chunk', 'loaded', 'bytes', 'gzip bytes'], chunkRows(dashboardChunks(path.join(ROOT, 'dist', 'dashboard'))));
}
