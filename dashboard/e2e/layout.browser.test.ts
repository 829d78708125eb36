// The overview at a phone's, a tablet's, a laptop's and a large screen's width, on a high-density screen:
// nothing sticks out sideways, the header keeps the project on show beside (or below) its controls, and
// the globe and the flat map keep their shape and draw at the screen's density. A screenshot per width
// goes to test-results/ to be looked at.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../../src/test/browser.js';
import { pageErrors, RESULTS, startDashboard, waitForFullOverview, type DashboardServer } from './dashboard-server.js';

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
/** Chromium's device pixel ratio here; the globe draws at up to 2× (more costs frames, not sharpness). */
const DENSITY = 2;

/** Every element whose right edge is past the window's, named, so a failure says what to fix. */
const stickingOut = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String(el.className)} right=${Math.round(el.getBoundingClientRect().right)} text=${(el.textContent ?? '').slice(0, 40)}`,
      ),
  );

/** Width ÷ height of an element's box, and its drawing buffer's width per CSS px (canvas only). */
const shape = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect();
    return {
      ratio: box.width / box.height,
      density: el instanceof HTMLCanvasElement ? el.width / box.width : undefined,
    };
  });

describe.skipIf(browserSkipReason())('dashboard layout at four widths', () => {
  let dashboard: DashboardServer;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    dashboard = await startDashboard();
    context = await dashboard.browser.newContext({ viewport: WIDTHS[0]!, deviceScaleFactor: DENSITY });
    page = await context.newPage();
    errors = pageErrors(page);
    await page.goto(dashboard.url);
    await waitForFullOverview(page);
  });
  afterAll(async () => {
    await context?.close();
    await dashboard?.stop();
  });

  it.each(WIDTHS)('reads well at $width px', async (viewport) => {
    await page.setViewportSize(viewport);
    // Charts re-measure and the globe's buffer follows its box on ResizeObserver: wait for both to settle.
    await page
      .waitForFunction(
        (density) => {
          const globe = document.querySelector<HTMLCanvasElement>('[data-testid=globe]');
          return (
            document.documentElement.scrollWidth <= window.innerWidth &&
            globe !== null &&
            Math.abs(globe.width - globe.clientWidth * density) <= 1
          );
        },
        DENSITY,
        { timeout: 10_000 },
      )
      .catch(() => undefined); // the assertions below say what did not settle
    expect(await stickingOut(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    const globe = await shape(page, '[data-testid=globe]');
    expect(Math.abs(globe.ratio - 1)).toBeLessThanOrEqual(0.02);
    expect(globe.density).toBeCloseTo(DENSITY, 1);

    // The whole project id is on show, and not on top of the controls, which stay on one line.
    const header = await page.evaluate(() => {
      const id = document.querySelector<HTMLElement>('.project-id')!;
      const actions = [...document.querySelectorAll('.topbar-actions > *')].map((el) => el.getBoundingClientRect());
      const a = document.querySelector('.topbar-actions')!.getBoundingClientRect();
      const p = id.getBoundingClientRect();
      return {
        clipped: id.scrollWidth > id.clientWidth,
        overlaps: p.left < a.right && a.left < p.right && p.top < a.bottom && a.top < p.bottom,
        controlLines: new Set(actions.map((r) => Math.round(r.top + r.height / 2))).size,
      };
    });
    expect(header).toEqual({ clipped: false, overlaps: false, controlLines: 1 });

    await page.screenshot({ path: path.join(RESULTS, `overview-${viewport.width}.png`), fullPage: true, scale: 'css' });
    expect(errors).toEqual([]);
  });

  it('keeps the flat map (no WebGL) in shape on a phone', async () => {
    // The same project in a browser without WebGL: the overview draws the 2D map instead of the globe.
    const session = await page.evaluate(() => sessionStorage.getItem('pulse.project'));
    const flat = await dashboard.browser.newContext({ viewport: WIDTHS[0]!, deviceScaleFactor: DENSITY });
    try {
      await flat.addInitScript((saved) => {
        sessionStorage.setItem('pulse.project', saved!);
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          return type.startsWith('webgl') || type === 'experimental-webgl'
            ? null
            : (getContext as (...args: unknown[]) => unknown).call(this, type, ...rest);
        } as typeof getContext;
      }, session);
      const phone = await flat.newPage();
      await phone.goto(dashboard.url);
      await waitForFullOverview(phone);
      expect(await phone.$('[data-testid=globe]')).toBeNull();
      expect(Math.abs((await shape(phone, '[data-testid=flat-map]')).ratio - 2) / 2).toBeLessThanOrEqual(0.02);
      expect(await stickingOut(phone)).toEqual([]);
      await phone.screenshot({ path: path.join(RESULTS, 'overview-390-flat-map.png'), fullPage: true, scale: 'css' });
    } finally {
      await flat.close();
    }
  });
});
