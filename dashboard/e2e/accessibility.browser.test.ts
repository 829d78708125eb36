// The overview for people who use a keyboard, a screen reader or reduced motion: axe-core finds nothing
// serious, the controls are reached by Tab in reading order with a visible focus, each chart's table
// view opens from the keyboard, and with reduced motion the globe stands still.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WINDOW_DAYS } from '../../contract/metrics.js';
import { browserSkipReason } from '../../src/test/browser.js';
import { blockingViolations } from './axe.js';
import {
  expectGlobeStill,
  pageErrors,
  startDashboard,
  waitForDrawnGlobe,
  waitForFullOverview,
  waitForGlobeTurning,
  type DashboardServer,
} from './dashboard-server.js';

const CHARTS = ['Daily sign-ups', 'Daily active users', 'Traffic', 'Emails sent', 'Revenue'];

/** The controls Tab must reach, in this order (other stops may come between): header, range picker, charts. */
const TAB_ORDER = ['New preview', 'Period', ...CHARTS.map((chart) => `${chart} as a table`)];

/** From the top of the page, presses Tab until focus leaves the page or comes round again; each stop's accessible name and whether its focus shows. */
async function tabStops(page: Page, max = 80): Promise<{ name: string; focusShown: boolean }[]> {
  // A click on the header's empty corner: Tab then starts from the top of the page, whatever had focus.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(1, 1);
  const stops: { name: string; focusShown: boolean }[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      // As assistive technology names it: aria-label, else its <label>, else its text.
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
      const name = el.getAttribute('aria-label') ?? labelled ?? el.textContent?.trim() ?? '';
      return { name, focusShown: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (!stop || stops[0]?.name === stop.name) break;
    stops.push(stop);
  }
  return stops;
}

describe.skipIf(browserSkipReason())('dashboard accessibility', () => {
  let dashboard: DashboardServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    dashboard = await startDashboard();
    // A context of its own: axe-core opens its frames through it.
    page = await (await dashboard.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    errors = pageErrors(page);
    await page.goto(dashboard.url);
    await waitForFullOverview(page);
  });
  afterAll(() => dashboard?.stop());

  it('has no serious or critical axe-core violations, with the charts drawn and with their tables open', async () => {
    expect(await blockingViolations(page)).toEqual([]);
    for (const chart of CHARTS) await page.click(`button[aria-label="${chart} as a table"]`);
    expect(await page.locator('[data-testid=chart-table]').count()).toBe(CHARTS.length);
    expect(await blockingViolations(page)).toEqual([]);
    for (const chart of CHARTS) await page.click(`button[aria-label="${chart} as a table"]`);
    expect(errors).toEqual([]);
  });

  it('reaches every control by Tab in reading order, each with a visible focus', async () => {
    const stops = await tabStops(page);
    expect(stops.map((s) => s.name).filter((name) => TAB_ORDER.includes(name))).toEqual(TAB_ORDER);
    expect(stops.filter((s) => !s.focusShown)).toEqual([]);
  });

  it("opens a chart's table view from the keyboard: its numbers by day, then back to the chart", async () => {
    const toggle = page.locator('button[aria-label="Daily sign-ups as a table"]');
    const block = page.locator('section.block', { has: toggle });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const rows = await block
      .locator('[data-testid=chart-table] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
    expect(rows).toHaveLength(WINDOW_DAYS);
    expect(rows.filter(([day, count]) => !/^[A-Z][a-z]{2} \d{1,2}$/.test(day!) || !/^[\d,]+$/.test(count!))).toEqual(
      [],
    );
    const total = rows.reduce((n, [, count]) => n + Number(count!.replace(/,/g, '')), 0);
    // Back to the chart, whose image is named by a summary of the same numbers.
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const summary = await block.locator('[role=img]').getAttribute('aria-label');
    expect(summary).toMatch(/^Daily sign-ups: \d+ days, .+ sign-ups: [\d,]+ in total, most on /);
    expect(summary).toContain(`sign-ups: ${total.toLocaleString('en-US')} in total`);
  });

  it('announces the live-user count politely', async () => {
    const status = page.locator('[role=status]', { has: page.locator('[data-testid=live-pill]') });
    expect(await status.textContent()).toMatch(/^\d+ users? live now$/);
  });

  it('holds the globe still when reduced motion is asked for, and turns it when that is lifted', async () => {
    // The same live figures on every poll, so only rotation could change the globe's pixels.
    let first: { status: number; headers: Record<string, string>; body: Buffer } | undefined;
    await page.route(/\/metrics\/live$/, async (route) => {
      if (!first) {
        const response = await route.fetch();
        first = { status: response.status(), headers: response.headers(), body: await response.body() };
      }
      await route.fulfill(first);
    });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.reload();
    await waitForFullOverview(page);
    const angle = await expectGlobeStill(page);
    expect(await waitForDrawnGlobe(page)).toBeGreaterThan(0.02);
    expect(await page.$eval('.live-dot', (dot) => getComputedStyle(dot).animationName)).toBe('none');

    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await waitForGlobeTurning(page, angle);
    await page.unroute(/\/metrics\/live$/);
    expect(errors).toEqual([]);
  });
});
