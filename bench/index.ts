// `npm run bench -- <name>`: each benchmark prints a table with its baseline and ratio.
// Loaded lazily, so one benchmark's imports never slow or break another.
const BENCHES: Record<string, () => Promise<void>> = {
  boot: async () => (await import('./boot.js')).bootBench(),
  preview: async () => (await import('./preview.js')).previewBench(),
  sync: async () => (await import('./sync.js')).syncBench(),
  ingest: async () => (await import('./ingest.js')).ingestBench(),
  dashboard: async () => (await import('./dashboard.js')).dashboardBench(),
  metrics: async () => (await import('./metrics.js')).metricsBench(),
};

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in BENCHES));
if (names.length === 0 || unknown.length > 0) {
  process.stderr.write(
    `${unknown.length ? `unknown benchmark: ${unknown.join(', ')}\n` : ''}usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [...]\n`,
  );
  process.exit(2);
}
for (const name of names) await BENCHES[name]!();
