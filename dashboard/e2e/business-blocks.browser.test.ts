// The emails, payments and replays blocks of a brand-new preview, in Chromium against a real server: the
// figures a visitor reads look like a live product of ~600 users (issue 17), and a screenshot of the
// blocks is kept in test-results/ to look at.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyPoint, MetricsResponse } from '../../contract/metrics.js';
import { browserSkipReason } from '../../src/test/browser.js';
import { RESULTS, startDashboard, type DashboardServer } from './dashboard-server.js';

const skip = browserSkipReason();

const daysWith = (points: readonly DailyPoint[]): number => points.filter((p) => p.activity > 0).length;
/** "1,234" → 1234, "$1,234" → 1234, "2%" → 2. */
const numberIn = (text: string | null): number => Number((text ?? '').replace(/[$,%\s]/g, ''));

describe.skipIf(skip)('business blocks of a new preview in Chromium', () => {
  let dashboard: DashboardServer;
  beforeAll(async () => (dashboard = await startDashboard()));
  afterAll(() => dashboard?.stop());

  it('shows hundreds of emails with a low bounce rate, recurring revenue on many days, and replays across the history', async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const overview = page.waitForResponse(
      (r) => /\/api\/v1\/projects\/[^/]+\/metrics$/.test(new URL(r.url()).pathname) && r.request().method() === 'GET',
      { timeout: 60_000 },
    );
    await page.goto(dashboard.url);
    const m = (await (await overview).json()) as MetricsResponse;
    await page.waitForFunction(
      () => document.querySelector('[data-testid=total-users] .stat-value')?.textContent === '584',
      null,
      { timeout: 60_000 },
    );
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[aria-busy=true]').length === 0 &&
        document.querySelectorAll('.recharts-wrapper .recharts-area-curve').length >= 5,
      null,
      { timeout: 30_000 },
    );

    // What the overview answered (the data behind the blocks).
    expect(m.emails.sent).toBeGreaterThanOrEqual(500);
    expect(m.emails.bounced_rate).toBeGreaterThanOrEqual(0.01);
    expect(m.emails.bounced_rate).toBeLessThanOrEqual(0.03);
    expect(daysWith(m.emails.daily_emails)).toBeGreaterThanOrEqual(28);
    expect(m.payments.active_subscriptions).toBeGreaterThanOrEqual(15);
    expect(Object.values(m.payments.subscriptions_by_status).every((n) => n > 0)).toBe(true);
    // Every preview has its own seed: revenue on ≥ 10 of the 31 days held for 40 seeds out of 40 (the third
    // of the days bound is checked on fixed seeds in business-data.test.ts); 8 leaves room for chance.
    expect(daysWith(m.payments.daily_revenue_cents)).toBeGreaterThanOrEqual(8);
    expect(m.payments.mrr_cents).toBeLessThan(m.payments.revenue_cents);
    expect(m.payments.orders).toBeGreaterThanOrEqual(5);
    expect(m.replays.total).toBeGreaterThan(m.replays.last_30_days);
    expect(m.replays.last_30_days).toBeGreaterThan(0);

    // What the visitor reads on the cards.
    const block = (title: string) => page.locator('section.block', { has: page.locator('h2', { hasText: title }) });
    const card = (title: string, label: string) =>
      block(title)
        .locator('.stat-card', { has: page.locator('.stat-label', { hasText: label }) })
        .locator('.stat-value');
    expect(numberIn(await card('Emails', 'Sent').textContent())).toBe(m.emails.sent);
    expect(numberIn(await card('Emails', 'Bounced').textContent())).toBeLessThanOrEqual(3);
    expect(numberIn(await card('Payments', 'Active subs').textContent())).toBe(m.payments.active_subscriptions);
    expect(numberIn(await card('Session replays', 'Total').textContent())).toBeGreaterThan(
      numberIn(await card('Session replays', 'Last 30 days').textContent()),
    );

    await block('Emails').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, 'business-blocks.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
