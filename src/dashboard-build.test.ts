// The dashboard that `pulse serve` serves is React's production build, whoever built it: `npm install`,
// `npm start`, or the test suite's global setup (where NODE_ENV is 'test'; see scripts/build-dashboard.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardDir } from './package-root.js';

const assets = path.join(dashboardDir(), 'assets');

describe('built dashboard', () => {
  it('is a production build (no React development code)', () => {
    const scripts = fs.readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const development = scripts.filter((name) =>
      fs.readFileSync(path.join(assets, name), 'utf8').includes('Download the React DevTools'),
    );
    expect(development).toEqual([]);
  });

  it('starts the preview before the stylesheet: the early-start script precedes every stylesheet and module script', () => {
    const html = fs.readFileSync(path.join(dashboardDir(), 'index.html'), 'utf8');
    const early = html.indexOf('__pulseEarlyStart');
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(html.indexOf('rel="stylesheet"'));
    expect(early).toBeLessThan(html.indexOf('type="module"'));
  });
});
