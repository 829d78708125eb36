// What the dashboard's browser tests share: a real `pulse serve` on fresh embedded data, headless Chromium,
// and the waits for a fully drawn overview.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, nonBackgroundShare } from '../../src/test/browser.js';
import {
  freePort,
  killStrayPulses,
  startPulse,
  stopPulse,
  waitUntilReady,
  type Running,
} from '../../src/test/spawn-pulse.js';
import { makeTempDir } from '../../src/test/temp-dir.js';

/** Screenshots land here (gitignored), to be looked at after a run. */
export const RESULTS = path.resolve(import.meta.dirname, '..', '..', 'test-results');

export interface DashboardServer {
  url: string;
  browser: Browser;
  /** The data dir, for CLI commands run before the server starts (`before`). */
  dataDir: string;
  server: Running;
  stop: () => Promise<void>;
}

/** Starts Pulse (`env` on top of a fresh data dir and a free port) and Chromium. `before` runs first, on the data dir. */
export async function startDashboard(
  env: Record<string, string> = {},
  before?: (dataDir: string) => Promise<void>,
): Promise<DashboardServer> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const temp = makeTempDir('pulse-browser-');
  await before?.(temp.dir);
  const port = await freePort();
  const server = startPulse(['serve'], { PULSE_DATA_DIR: temp.dir, PORT: String(port), ...env });
  await waitUntilReady(server, port, 60_000); // a loaded 2-core machine may run other servers meanwhile
  const browser = await launchBrowser();
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    dataDir: temp.dir,
    server,
    stop: async () => {
      await browser.close();
      await stopPulse(server);
      killStrayPulses();
      temp.remove();
    },
  };
}

/** Console errors and uncaught exceptions of a page, collected for `expect(errors).toEqual([])`. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** Every block filled: the cards have numbers, nothing is busy, the five charts and the globe (or flat map) are drawn. */
export async function waitForFullOverview(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () =>
      /\d/.test(document.querySelector('[data-testid=total-users] .stat-value')?.textContent ?? '') &&
      /\d/.test(document.querySelector('[data-testid=live-pill]')?.textContent ?? '') &&
      document.querySelectorAll('[aria-busy=true]').length === 0 &&
      document.querySelectorAll('.recharts-wrapper .recharts-area-curve').length >= 5 &&
      document.querySelector('[data-testid=globe], [data-testid=flat-map]') !== null,
    null,
    { timeout },
  );
}

/** The angle the globe was last drawn at (Globe.tsx keeps it in `data-phi`). */
export async function globeAngle(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid=globe]', 'data-phi'));
}

/** Lets the page draw `frames` animation frames (counted, not timed). */
export async function animationFrames(page: Page, frames: number): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const next = () => (--left <= 0 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    frames,
  );
}

/** The globe's angle stays put over 60 animation frames (a turning globe moves every second frame). */
export async function expectGlobeStill(page: Page): Promise<number> {
  const angle = await globeAngle(page);
  await animationFrames(page, 60);
  const after = await globeAngle(page);
  if (after !== angle) throw new Error(`the globe turned from ${angle} to ${after} while it should be still`);
  return angle;
}

/** Waits until the globe has turned past `angle`. */
export async function waitForGlobeTurning(page: Page, angle: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (from) => Number(document.querySelector('[data-testid=globe]')?.getAttribute('data-phi')) > from,
    angle,
    { timeout },
  );
}

/** Polls until the globe's canvas shows a drawn globe (more than 2 % of its pixels off the background). */
export async function waitForDrawnGlobe(page: Page, timeout = 30_000): Promise<number> {
  const globe = page.locator('[data-testid=globe]');
  const deadline = Date.now() + timeout;
  for (;;) {
    const share = nonBackgroundShare(await globe.screenshot());
    if (share > 0.02 || Date.now() > deadline) return share;
    await animationFrames(page, 10);
  }
}
