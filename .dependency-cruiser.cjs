// Imports point down, and it stays so: `npm run lint` fails on an import circle or on an import that
// runs up or sideways between rooms. Rooms, top down: bin/ and cli/ → main.ts → http/ → preview/ →
// sync/ metrics/ ingest/ projects/ admin/ stores.ts → db/ analytics/ events/ → contract/ and the
// process basics (config, logger, lock, branch). Tests may reach across; bench/ sits on top.
const SOURCE = '^(src|contract|dashboard/src)/';
const TEST = '(\\.test\\.tsx?$|^src/test/)';

/** `from` (a path pattern) may not import `to` (a path pattern), outside tests. */
const forbid = (name, comment, from, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: TEST },
  to: { path: to },
});

const ABOVE_STORES = '^src/(sync|metrics|ingest|projects|admin|preview|http|cli)/|^src/(main|stores)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files that import each other in a loop cannot be read, tested or moved apart.',
      severity: 'error',
      from: { path: SOURCE, pathNot: TEST },
      to: { circular: true },
    },
    forbid(
      'contract-stands-alone',
      'The zod contract is shared with the dashboard: it imports nothing of the server.',
      '^contract/',
      '^(src|dashboard)/',
    ),
    forbid(
      'dashboard-through-contract',
      'The dashboard knows the server only through contract/.',
      '^dashboard/',
      '^src/',
    ),
    forbid(
      'stores-below-use-cases',
      'db/, analytics/ and events/ are the ground floor: nothing above them is imported there.',
      '^src/(db|analytics|events)/',
      ABOVE_STORES,
    ),
    forbid(
      'driver-inside-analytics',
      'Only src/analytics/ knows which ClickHouse driver runs.',
      '^(src|bench)/(?!analytics/)',
      '^node_modules/(@clickhouse/client|chdb)/',
    ),
    forbid(
      'services-below-preview',
      'sync/, metrics/, ingest/, projects/ and admin/ do not reach up into preview or the front doors.',
      '^src/(sync|metrics|ingest|projects|admin)/',
      '^src/(preview|http|cli)/|^src/main\\.ts$',
    ),
    {
      name: 'services-side-by-side',
      comment: 'sync/, metrics/ and ingest/ do not import each other.',
      severity: 'error',
      from: { path: '^src/(sync|metrics|ingest)/', pathNot: TEST },
      to: { path: '^src/(sync|metrics|ingest)/', pathNot: '^src/$1/' },
    },
    forbid(
      'preview-below-front-doors',
      'preview/ is called by the front doors, never the other way.',
      '^src/preview/',
      '^src/(http|cli|metrics|ingest)/|^src/main\\.ts$',
    ),
    forbid(
      'generator-is-pure',
      'preview/generate/ computes; it never imports writers, jobs or use cases.',
      '^src/preview/generate/',
      '^src/preview/(writers|jobs)/|^src/preview/[^/]+\\.ts$',
    ),
    forbid(
      'writers-below-use-cases',
      'preview/writers/ are called by the use cases and jobs, never the other way.',
      '^src/preview/writers/',
      '^src/preview/jobs/|^src/preview/[^/]+\\.ts$',
    ),
    forbid(
      'use-cases-below-jobs',
      'Background jobs call the use cases, never the other way.',
      '^src/preview/[^/]+\\.ts$',
      '^src/preview/jobs/',
    ),
    forbid(
      'http-below-cli',
      'The HTTP layer never imports the CLI or the serve process.',
      '^src/http/',
      '^src/cli/|^src/main\\.ts$',
    ),
    forbid(
      'front-doors-apart',
      'The CLI shares code with the HTTP layer through lower rooms (admin/, projects/), not by importing it.',
      '^src/cli/',
      '^src/http/',
    ),
    forbid('no-test-helpers-in-code', 'src/test/ holds test helpers only.', '^(src|contract)/', '^src/test/'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|data|test-results)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
  },
};
