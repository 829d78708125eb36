// Serving the built dashboard: index.html carries the preview mode (so a first visit need not ask
// /api/v1/info before creating its preview), assets are static files, client routes get index.html,
// API paths keep their JSON 404.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from './app.js';
import { makeTempDir } from '../test/temp-dir.js';

const dir = makeTempDir('pulse-dashboard-');
// No route here touches a store; buildApp only reads their fields.
const noStores = { postgres: {}, analytics: {} } as Parameters<typeof buildApp>[0]['stores'];

beforeAll(() => {
  fs.mkdirSync(path.join(dir.dir, 'assets'));
  fs.writeFileSync(
    path.join(dir.dir, 'index.html'),
    '<!doctype html><html><head><title>Pulse</title></head><body><div id="root"></div></body></html>',
  );
  fs.writeFileSync(path.join(dir.dir, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(() => dir.remove());

describe.each([
  [true, 'on'],
  [false, 'off'],
])('dashboard with preview mode %s', (enabled, content) => {
  let app: App;
  beforeAll(async () => {
    app = await buildApp({
      stores: noStores,
      dashboardDir: dir.dir,
      preview: { enabled, ttlMs: 60_000, ratePerMinute: 10 },
    });
  });
  afterAll(() => app?.close());

  it.each(['/', '/projects/some-client-route'])('GET %s sends index.html with the preview mode', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain(`<meta name="pulse-preview-mode" content="${content}" />`);
    // First in <head>: the early-start script above the stylesheet reads it.
    expect(res.body.indexOf('pulse-preview-mode')).toBeLessThan(res.body.indexOf('<title>'));
    expect(res.body).toContain('<div id="root"></div>');
  });

  it('serves assets as files and keeps JSON 404s for the API', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBeDefined();
  });
});
