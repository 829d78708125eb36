// The dashboard is built into dist/dashboard and served by Pulse itself at `/` (no second server).
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const require = createRequire(import.meta.url);

/** `virtual:country-centroids`: ISO code → [lat, lng] from world-countries, without shipping its 1 MB of JSON. */
function countryCentroids(): Plugin {
  const id = 'virtual:country-centroids';
  return {
    name: 'pulse-country-centroids',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const countries = require('world-countries') as { cca2: string; latlng: [number, number] }[];
      const table = Object.fromEntries(countries.map((c) => [c.cca2, c.latlng]));
      return `export default ${JSON.stringify(table)};`;
    },
  };
}

/**
 * Chunks: the entry (app code) loads with two vendor chunks that change rarely and stay cached across
 * dashboard releases: React and zod (the dashboard parses every response with the shared contract).
 * recharts (DailyChart) and cobe (Globe) are dynamic imports and get chunks of their own; the groups
 * name only packages the first render needs, so nothing lazy is pulled forward into them. (Rolldown adds
 * a < 1 kB runtime chunk for CommonJS interop, which the React packages need.)
 */
const VENDOR_CHUNKS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), countryCentroids()],
  build: {
    outDir: fileURLToPath(new URL('../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 500,
    rolldownOptions: { output: { codeSplitting: { groups: VENDOR_CHUNKS } } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/readyz': 'http://127.0.0.1:3000' } },
});
