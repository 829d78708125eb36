// The dashboard under its Content-Security-Policy (src/http/security-headers.ts), in Chromium against a real
// server: the overview, its charts and the WebGL globe draw with no policy violation and no console error;
// the API docs page works under the same policy.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../../src/test/browser.js';
import {
  pageErrors,
  startDashboard,
  waitForDrawnGlobe,
  waitForFullOverview,
  type DashboardServer,
} from './dashboard-server.js';

/** Policy violations the page reports, collected from the moment it starts. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe.skipIf(browserSkipReason())('security headers in Chromium', () => {
  let dashboard: DashboardServer;
  beforeAll(async () => {
    dashboard = await startDashboard();
  });
  afterAll(() => dashboard?.stop());

  it('sends the headers, and the overview with its charts and globe draws without a violation', async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = pageErrors(page);
    const violations = await recordViolations(page);
    const response = await page.goto(dashboard.url);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self' 'sha256-");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    await waitForFullOverview(page);
    // The WebGL globe is drawn (an undrawn canvas is all background; see overview.browser.test.ts).
    expect(await waitForDrawnGlobe(page)).toBeGreaterThan(0.02);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves the API docs page under the same policy', async () => {
    const page = await dashboard.browser.newPage();
    const errors = pageErrors(page);
    const violations = await recordViolations(page);
    await page.goto(`${dashboard.url}api/docs`);
    await page.waitForSelector('.swagger-ui .opblock', { timeout: 30_000 });
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
