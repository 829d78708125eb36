// With preview mode off, the dashboard opens a project by its id and admin key: the picker, its form with
// a wrong key, and the overview it opens pass axe-core (nothing serious or critical), and Tab walks the
// form in reading order.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../../src/test/browser.js';
import { runPulse } from '../../src/test/spawn-pulse.js';
import { blockingViolations } from './axe.js';
import { pageErrors, startDashboard, type DashboardServer } from './dashboard-server.js';

describe.skipIf(browserSkipReason())('project picker (preview mode off)', () => {
  let dashboard: DashboardServer;
  let page: Page;
  let project: { id: string; admin_key: string };

  beforeAll(async () => {
    dashboard = await startDashboard({ PULSE_PREVIEW: 'off' }, async (dataDir) => {
      const created = await runPulse(['projects', 'create', '--name', 'Accessible app', '--json'], {
        PULSE_DATA_DIR: dataDir,
      });
      project = JSON.parse(created.stdout) as typeof project;
    });
    // A context of its own: axe-core opens its frames through it.
    page = await (await dashboard.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(dashboard.url);
    await page.waitForSelector('form.picker');
  });
  afterAll(() => dashboard?.stop());

  it('has no serious or critical violations, and Tab walks id, key, Open', async () => {
    expect(await blockingViolations(page)).toEqual([]);
    await page.focus('body');
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      names.push(
        await page.evaluate(
          () =>
            document.activeElement?.closest('label')?.textContent?.trim() ??
            document.activeElement?.textContent?.trim() ??
            '',
        ),
      );
    }
    expect(names).toEqual(['API', 'Project id', 'Admin key', 'Open']);
  });

  it('says why a wrong admin key is refused, in an alert that passes axe-core too', async () => {
    await page.fill('input[type=password]', 'pulse_admin_wrong');
    await page.getByLabel('Project id').fill(project.id);
    await page.keyboard.press('Enter');
    await page.waitForSelector('form.picker [role=alert]');
    expect(await blockingViolations(page)).toEqual([]);
  });

  it('opens the project from the keyboard; its (empty) overview passes axe-core', async () => {
    const errors = pageErrors(page);
    await page.getByLabel('Admin key').fill(project.admin_key);
    await page.getByLabel('Admin key').press('Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=total-users] .stat-value')?.textContent === '0',
      null,
      { timeout: 30_000 },
    );
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy=true]').length === 0, null, {
      timeout: 30_000,
    });
    expect(await blockingViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
