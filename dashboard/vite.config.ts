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

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), countryCentroids()],
  build: { outDir: fileURLToPath(new URL('../dist/dashboard', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/readyz': 'http://127.0.0.1:3000' } },
});
