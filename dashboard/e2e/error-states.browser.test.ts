// The dashboard when something is not as it should be, in Chromium against real servers: a preview the
// server refuses to create, a server the page cannot reach, preview mode off, and a browser without WebGL
// (the flat map, and the globe's chunk never fetched). Each says what happened in words.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser } from '../../src/test/browser.js';
import { runPulse } from '../../src/test/spawn-pulse.js';
import { pageErrors, startDashboard, waitForFullOverview, type DashboardServer } from './dashboard-server.js';

const skip = browserSkipReason();

/** A page in a context of its own (its own sessionStorage), closed by the returned function. */
async function freshPage(browser: Browser): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  return { page: await context.newPage(), context };
}

describe.skipIf(skip)('preview creation refused (one preview per address per minute)', () => {
  let dashboard: DashboardServer;
  beforeAll(async () => {
    dashboard = await startDashboard({ PULSE_PREVIEW_RATE_LIMIT: '1', PULSE_PREVIEW_SPARES: '0' });
  });
  afterAll(() => dashboard?.stop());

  it('says why "New preview" failed, with the server\'s reason, and keeps offering to try again', async () => {
    const { page, context } = await freshPage(dashboard.browser);
    const errors = pageErrors(page);
    await page.goto(dashboard.url);
    await waitForFullOverview(page);
    await page.click('[data-testid=new-preview]');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^Could not create a preview: Too many preview projects from this address: at most 1 a minute; retry in \d+ s Try again$/,
    );
    const retried = page.waitForResponse((r) => r.url().endsWith('/api/v1/preview/projects'));
    await alert.getByRole('button', { name: 'Try again' }).click();
    expect((await retried).status()).toBe(429);
    await page.waitForFunction(() => document.querySelector('[data-testid=creating]') === null);
    expect(await page.getByRole('alert').textContent()).toContain('Too many preview projects');
    // The browser logs the refused request itself; the page adds nothing.
    expect(errors.filter((e) => !e.includes('429'))).toEqual([]);
    await context.close();
  });
});

describe.skipIf(skip)('preview mode off, an unreachable server, no WebGL', () => {
  let dashboard: DashboardServer;
  let project: { projectId: string; adminKey: string };
  beforeAll(async () => {
    dashboard = await startDashboard({ PULSE_PREVIEW: 'off' }, async (dataDir) => {
      const seeded = await runPulse(['seed', '--size', 'tiny', '--json'], { PULSE_DATA_DIR: dataDir });
      project = JSON.parse(seeded.stdout) as typeof project;
    });
  });
  afterAll(() => dashboard?.stop());

  it('preview mode off: the picker says so and how to make a project; no preview is asked for', async () => {
    const { page, context } = await freshPage(dashboard.browser);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(new URL(r.url()).pathname));
    await page.goto(dashboard.url);
    await page.waitForSelector('form.picker');
    expect(await page.textContent('form.picker')).toContain(
      'Preview mode is off on this server. Create a project with pulse projects create --name "My app".',
    );
    expect(await page.$('[data-testid=new-preview]')).toBeNull();
    expect(posts).toEqual([]);
    await context.close();
  });

  it('server unreachable: says so in words with a way to retry, which works once the server answers', async () => {
    const { page, context } = await freshPage(dashboard.browser);
    const offline = (route: { abort: (code: string) => Promise<void> }) => route.abort('connectionrefused');
    await page.route('**/api/**', offline);
    await page.goto(dashboard.url);
    const alert = page.getByTestId('server-unreachable');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Pulse is not reachable: no answer from the server. Check that it is running (npm start or pulse serve), then try again. Try again',
    );
    await page.unroute('**/api/**', offline);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector('form.picker');
    expect(await page.$('[data-testid=server-unreachable]')).toBeNull();
    await context.close();
  });

  it('no WebGL: the flat map stands in for the globe, whose chunk is never fetched', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser(['--disable-3d-apis']);
      const { page } = await freshPage(browser);
      const errors = pageErrors(page);
      const scripts: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
      // The tab already holds the seeded project, as after choosing it in the picker.
      const session = JSON.stringify({ projectId: project.projectId, adminKey: project.adminKey, preview: false });
      await page.addInitScript((saved) => sessionStorage.setItem('pulse.project', saved), session);
      await page.goto(dashboard.url);
      expect(
        await page.evaluate(() => {
          const canvas = document.createElement('canvas');
          return (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) === null;
        }),
      ).toBe(true);
      await waitForFullOverview(page);
      expect(await page.$('[data-testid=globe]')).toBeNull();
      expect(await page.getAttribute('[data-testid=flat-map]', 'aria-label')).toBe('Live users by country (2D map)');
      expect(await page.$('[aria-label="Live users by country"]')).not.toBeNull();
      expect(scripts.filter((s) => /\/Globe-[\w-]+\.js$/.test(s))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});

describe.skipIf(skip)('an expired preview (PULSE_PREVIEW_TTL=5s)', () => {
  let dashboard: DashboardServer;
  beforeAll(async () => {
    dashboard = await startDashboard({ PULSE_PREVIEW_TTL: '5s', PULSE_PREVIEW_SPARES: '0' });
  });
  afterAll(() => dashboard?.stop());

  it('says the preview has expired once its key is refused, and "New preview" makes another', async () => {
    const { page, context } = await freshPage(dashboard.browser);
    await page.goto(dashboard.url);
    await page.waitForSelector('.project-id');
    const first = await page.textContent('.project-id');
    // The live figures are polled every few seconds: the first poll after the expiry gets the 401.
    const notice = page.getByTestId('preview-expired');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toBe('This preview project has expired, and its data is deleted. New preview');
    await notice.getByRole('button', { name: 'New preview' }).click();
    await page.waitForFunction((old) => document.querySelector('.project-id')?.textContent !== old, first, {
      timeout: 60_000,
    });
    await context.close();
  });
});
