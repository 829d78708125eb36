// A real `pulse serve` on fresh embedded data in a temp dir, and one Chromium page on it that records
// console errors: what the dashboard's browser tests start in beforeAll and stop in afterAll.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { freePort, killStrayPulses, startPulse, waitUntilReady, type Running } from './spawn-pulse.js';
import { makeTempDir } from './temp-dir.js';

export interface DashboardInBrowser {
  page: Page;
  /** The dashboard's address, `http://127.0.0.1:<port>/`. */
  url: string;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  close(): Promise<void>;
}

export async function openDashboardInBrowser(tempPrefix: string): Promise<DashboardInBrowser> {
  const temp = makeTempDir(tempPrefix);
  let server: Running | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    server?.child.kill('SIGINT');
    await server?.exited;
    killStrayPulses();
    temp.remove();
  };
  try {
    const port = await freePort();
    server = startPulse(['serve'], { PULSE_DATA_DIR: temp.dir, PORT: String(port) });
    await waitUntilReady(server, port);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    return { page, url: `http://127.0.0.1:${port}/`, errors, close };
  } catch (error) {
    await close();
    throw error;
  }
}
