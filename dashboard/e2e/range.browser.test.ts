// The overview's range picker in a real browser against a real server: picking a range with the keyboard
// asks the server for it, writes it into the page URL, survives a reload, and the back button returns.
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../../src/test/browser.js';
import { pageErrors, RESULTS, startDashboard, type DashboardServer } from './dashboard-server.js';

const skip = browserSkipReason();
const PICKER = '[data-testid=range-picker]';

describe.skipIf(skip)('range picker in Chromium', () => {
  let dashboard: DashboardServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    dashboard = await startDashboard();
    page = await dashboard.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    errors = pageErrors(page);
  });
  afterAll(() => dashboard?.stop());

  /** The next overview response (GET …/metrics, with or without a query), as the page receives it. */
  const nextOverview = () =>
    page.waitForResponse((r) => /\/api\/v1\/projects\/[^/]+\/metrics(\?|$)/.test(r.url()), { timeout: 60_000 });
  const windowOf = async (response: Response) => {
    expect(response.status()).toBe(200);
    return ((await response.json()) as { window: { first_day: string; last_day: string; days: number } }).window;
  };
  const shownDays = () => page.textContent('[data-testid=range-days]');
  const pageSearch = () => new URL(page.url()).search;

  it('starts on 30 days: no range in the URL, 31 days shown', async () => {
    const overview = nextOverview();
    await page.goto(dashboard.url);
    const window = await windowOf(await overview);
    expect(window.days).toBe(31);
    await page.waitForSelector('[data-testid=range-days]', { timeout: 60_000 });
    expect(await page.inputValue(PICKER)).toBe('30d');
    expect(pageSearch()).toBe('');
  });

  it('is reached with Tab, shows its focus, and picks 90 days with the arrow keys: URL and figures follow', async () => {
    await page.locator('body').click({ position: { x: 5, y: 500 } });
    for (
      let i = 0;
      i < 10 && !(await page.evaluate(() => document.activeElement?.matches('[data-testid=range-picker]')));
      i++
    )
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('[data-testid=range-picker]'))).toBe(true);
    const outline = await page.$eval(PICKER, (el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');

    const overview = nextOverview();
    await page.keyboard.press('ArrowDown'); // 30 days → 90 days
    const response = await overview;
    expect(new URL(response.url()).search).toBe('?range=90d');
    const window = await windowOf(response);
    expect(window.days).toBe(91);
    expect(pageSearch()).toBe('?range=90d');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=range-days]')?.textContent?.includes('–'),
      null,
      { timeout: 30_000 },
    );
    expect(await page.inputValue(PICKER)).toBe('90d');
    expect(await shownDays()).toBe(`${format(window.first_day)} – ${format(window.last_day)}`);
    await page.screenshot({ path: path.join(RESULTS, 'overview-range-90d.png') });
  });

  it('keeps the range across a reload', async () => {
    const overview = nextOverview();
    await page.reload();
    const response = await overview;
    expect(new URL(response.url()).search).toBe('?range=90d');
    expect((await windowOf(response)).days).toBe(91);
    await page.waitForSelector('[data-testid=range-days]', { timeout: 60_000 });
    expect(await page.inputValue(PICKER)).toBe('90d');
    expect(pageSearch()).toBe('?range=90d');
  });

  it('12 months asks for 366 days; the back button returns to 90 days', async () => {
    const year = nextOverview();
    await page.selectOption(PICKER, '365d');
    expect((await windowOf(await year)).days).toBe(366);
    expect(pageSearch()).toBe('?range=365d');

    const back = nextOverview();
    await page.goBack();
    expect((await windowOf(await back)).days).toBe(91);
    expect(pageSearch()).toBe('?range=90d');
    expect(await page.inputValue(PICKER)).toBe('90d');
    expect(errors).toEqual([]);
  });

  it('a first visit to a link with a range asks for that range only (the page starts no default overview)', async () => {
    const tab = await page.context().browser()!.newPage(); // a fresh session: no project yet, so a preview is created
    const overviews: string[] = [];
    tab.on('request', (request) => {
      const { pathname, search } = new URL(request.url());
      if (/\/metrics$/.test(pathname)) overviews.push(search);
    });
    try {
      const first = tab.waitForResponse((r) => /\/metrics\?range=7d$/.test(r.url()), { timeout: 60_000 });
      await tab.goto(`${dashboard.url}?range=7d`);
      expect((await windowOf(await first)).days).toBe(8);
      await tab.waitForSelector('[data-testid=range-days]', { timeout: 30_000 });
      expect(await tab.inputValue(PICKER)).toBe('7d');
      expect(overviews).toEqual(['?range=7d']);
    } finally {
      await tab.close();
    }
  });
});

/** How the picker writes a day: "Mar 17, 2026". */
const format = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
