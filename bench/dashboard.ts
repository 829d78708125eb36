// `npm run bench -- dashboard`: time from navigation to a fully rendered overview (every block filled,
// globe drawn) in headless Chromium against `pulse serve` on fresh embedded data, p50 over 10 loads:
// first visits (each creates its preview) and reloads of an existing project (the baseline the first
// visit is compared with), once with a spare preview ready (serve's default) and once with
// PULSE_PREVIEW_SPARES=0. Each load also records when the user cards first show numbers (the charts and
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

/** What the page-side functions below use of the DOM. */
interface Doc {
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): { length: number };
}

/** ms until the total-users card shows a number, and until the overview is fully rendered: every block has
 *  data, no placeholder is busy (charts and globe loaded), the numbers are in, the globe has painted twice. */
async function renderedMs(
  page: import('playwright-core').Page,
  started: number,
): Promise<{ cards: number; full: number }> {
  // Browser-side code as functions, not strings: the page's CSP forbids evaluating a string (no
  // 'unsafe-eval'). This file is type-checked for Node, not the DOM, hence the local `Doc` type.
  await page.waitForFunction(
    () => {
      const doc = (globalThis as unknown as { document: Doc }).document;
      return /\d/.test(doc.querySelector('[data-testid=total-users] .stat-value')?.textContent ?? '');
    },
    null,
    { timeout: 60_000, polling: 'raf' },
  );
  const cards = performance.now() - started;
  await page.waitForFunction(
    () => {
      const doc = (globalThis as unknown as { document: Doc }).document;
      return (
        doc.querySelectorAll('.block').length > 10 &&
        doc.querySelectorAll('[aria-busy=true]').length === 0 &&
        /\d/.test(doc.querySelector('[data-testid=live-pill]')?.textContent ?? '') &&
        doc.querySelector('[data-testid=globe], [data-testid=flat-map]') !== null
      );
    },
    null,
    { timeout: 60_000, polling: 'raf' },
  );
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const page = globalThis as unknown as { requestAnimationFrame(f: () => void): void };
        page.requestAnimationFrame(() => page.requestAnimationFrame(() => resolve(undefined)));
      }),
  );
  return { cards, full: performance.now() - started };
}

interface Loads {
  first: number[];
  firstCards: number[];
  reload: number[];
  reloadCards: number[];
  /** First visits whose preview came from a spare (the POST answered from_spare: true). */
  fromSpare: number;
}

/** LOADS first visits + reloads against a fresh `pulse serve`; `pauseMs` before each first visit. */
async function runLoads(
  browser: import('playwright-core').Browser,
  env: Record<string, string>,
  pauseMs: number,
): Promise<Loads> {
  const temp = makeTempDir('pulse-bench-dash-');
  const port = await freePort();
  const server = startPulse(['serve'], {
    PULSE_DATA_DIR: temp.dir,
    PORT: String(port),
    PULSE_PREVIEW_RATE_LIMIT: '10000',
    ...env,
  });
  const loads: Loads = { first: [], firstCards: [], reload: [], reloadCards: [], fromSpare: 0 };
  try {
    await waitUntilReady(server, port);
    for (let i = 0; i < LOADS + 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      let spare = false;
      page.on('response', (res) => {
        if (res.url().endsWith('/api/v1/preview/projects'))
          void res.json().then(
            (body: { from_spare?: boolean }) => (spare ||= body.from_spare === true),
            () => {},
          );
      });
      let started = performance.now();
      await page.goto(`http://127.0.0.1:${port}/`);
      const firstMs = await renderedMs(page, started);
      started = performance.now();
      await page.reload();
      const reloadMs = await renderedMs(page, started);
      if (i > 0) {
        loads.first.push(firstMs.full);
        loads.reload.push(reloadMs.full);
        loads.firstCards.push(firstMs.cards);
        loads.reloadCards.push(reloadMs.cards);
        if (spare) loads.fromSpare += 1;
      }
      await context.close();
    }
  } finally {
    server.child.kill('SIGINT');
    await server.exited;
    temp.remove();
  }
  return loads;
}

export async function dashboardBench(): Promise<void> {
  await Promise.all([buildServer(), buildDashboard(), ensurePgliteTemplate()]);
  const browser = await launchBrowser();
  let cold: Loads;
  let warm: Loads;
  try {
    // As served by default: a spare preview is ready when the visitor arrives (the pause lets the
    // previous visitor's spare be seeded again: 3 s refill delay + ~1 s of seeding).
    warm = await runLoads(browser, {}, 6_000);
    // Every preview seeded on request (PULSE_PREVIEW_SPARES=0).
    cold = await runLoads(browser, { PULSE_PREVIEW_SPARES: '0' }, 0);
  } finally {
    await browser.close();
  }
  const ms = (v: number) => Math.round(v);
  const rows = (label: string, l: Loads, target = '') => [
    [
      `${label} (${l.fromSpare}/${l.first.length} from a spare)`,
      ms(median(l.first)),
      ms(percentile(l.first, 95)),
      l.first.length,
      target,
    ],
    [
      '  same loads: user cards show numbers',
      ms(median(l.firstCards)),
      ms(percentile(l.firstCards, 95)),
      l.firstCards.length,
      '',
    ],
  ];
  printTable(
    'Dashboard: navigation → fully rendered overview (Chromium, embedded stores)',
    ['load', 'p50 ms', 'p95 ms', 'loads', 'target'],
    [
      ...rows('first visit, spare ready (serve default)', warm, 'p50 ≤ 1500'),
      ...rows('first visit, PULSE_PREVIEW_SPARES=0 (seeded on request)', cold),
      [
        'baseline: reload of an existing project',
        ms(median(cold.reload)),
        ms(percentile(cold.reload, 95)),
        cold.reload.length,
        '',
      ],
      [
        '  same loads: user cards show numbers',
        ms(median(cold.reloadCards)),
        ms(percentile(cold.reloadCards, 95)),
        cold.reloadCards.length,
        '',
      ],
      ['first visit (spare ready) ÷ reload', `${(median(warm.first) / median(cold.reload)).toFixed(2)}×`, '', '', ''],
      [
        'first visit seeded on request ÷ spare ready',
        `${(median(cold.first) / median(warm.first)).toFixed(2)}×`,
        '',
        '',
        '',
      ],
    ],
  );
  printTable(
    'Dashboard JavaScript chunks (dist/dashboard/assets)',
    ['chunk', 'loaded', 'bytes', 'gzip bytes'],
    chunkRows(dashboardChunks(path.join(ROOT, 'dist', 'dashboard'))),
  );
}
