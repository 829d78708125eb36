// What the dashboard's browser tests share: a real `pulse serve` on fresh embedded data, headless Chromium,
// and the waits for a fully drawn overview.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../../src/test/browser.js';
import { freePort, killStrayPulses, startPulse, waitUntilReady, type Running } from '../../src/test/spawn-pulse.js';
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
      server.child.kill('SIGINT');
      await server.exited;
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

/**
 * A screenshot of an element once two taken `gapMs` apart are the same (a still globe may be redrawn once
 * when its map texture arrives, or when a live poll moves a marker); throws if it keeps changing, as a
 * turning globe does.
 */
export async function stillScreenshot(element: Locator, tries = 5, gapMs = 1_200): Promise<Buffer> {
  let previous = await element.screenshot();
  for (let i = 0; i < tries; i++) {
    await element.page().waitForTimeout(gapMs);
    const next = await element.screenshot();
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error(`still changing after ${tries} screenshots ${gapMs} ms apart`);
}
