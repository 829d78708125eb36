import type { Command } from 'commander';
import { printJson, printTable } from '../output.js';
import { PREVIEW_SIZES, type PreviewSize } from '../../preview/generate/types.js';
import { createPreviewProject, type PreviewProject } from '../../preview/create-preview-project.js';
import { reseedProject, type Reseeded } from '../../preview/reseed-project.js';
import type { ProgressCallback } from '../../preview/writers/analytics.js';
import { createProgress, type Progress } from '../progress.js';
import { runCommand, UsageError, withStores } from '../run.js';
import { parseProjectOption } from '../parse-flags.js';

interface SeedOptions {
  size: string;
  users?: string;
  days?: string;
  seed?: string;
  now?: string;
  project?: string;
  json?: boolean;
}

// Event batches report progress; below this many events a bar would only flicker.
const PROGRESS_MIN_EVENTS = 100_000;

export function seedCommand(program: Command): void {
  program
    .command('seed')
    .description('create a project filled with realistic demo data in both stores (or reseed one with --project)')
    .option('--size <size>', `dataset size: ${PREVIEW_SIZES.join(', ')}`, 'standard')
    .option('--users <n>', 'generated users (overrides the size)')
    .option('--days <n>', 'days of history (overrides the size)')
    .option('--seed <seed>', 'generator seed: the same seed gives the same data')
    .option('--now <iso>', 'the instant the data ends at (default: now; never in the future)')
    .option('--project <id>', 'reseed this project instead of creating one (keeps its seed and size)')
    .option('--json', 'print JSON')
    .action((options: SeedOptions) =>
      runCommand(async (config) => {
        const input = parseSeedOptions(options);
        const project = options.project === undefined ? undefined : parseProjectOption(options.project);
        let progress: Progress | undefined;
        let reported = 0;
        const onProgress: ProgressCallback = (written, total) => {
          if (total < PROGRESS_MIN_EVENTS || options.json) return;
          progress ??= createProgress({ label: 'writing events', total });
          progress.increment(written - reported);
          reported = written;
        };
        const result = await withStores<PreviewProject | Reseeded>(config, 'seed', (stores) => {
          const target = stores;
          return project
            ? reseedProject(target, project, input.now, onProgress)
            : createPreviewProject(target, {
                now: input.now,
                params: input.params,
                isPreview: false,
                expiresAt: null,
                displayName: 'Seeded demo',
                onProgress,
              });
        });
        progress?.stop();
        if (options.json) return printJson(summaryOf(result));
        const keys =
          'ingestKey' in result ? `  admin key:  ${result.adminKey}\n  ingest key: ${result.ingestKey}\n` : '';
        process.stdout.write(`${project ? 'Reseeded' : 'Seeded'} project ${result.projectId}\n${keys}`);
        printTable(
          ['rows', 'count'],
          [
            ...Object.entries(result.seeded).map(([name, count]) => [name, String(count)]),
            ...Object.entries(result.timings).map(([name, ms]) => [name, `${ms} ms`]),
          ],
        );
      }),
    );
}

/** What `--json` prints: the live event rows and candidates are for spares and the keep-alive, not the summary. */
function summaryOf(result: PreviewProject | Reseeded) {
  if (!('live' in result)) return result;
  const { live: _live, ...summary } = result;
  return summary;
}

function parseSeedOptions(options: SeedOptions) {
  if (!PREVIEW_SIZES.includes(options.size as PreviewSize))
    throw new UsageError(`--size must be one of ${PREVIEW_SIZES.join(', ')} (got "${options.size}")`);
  const users = optionalInt('--users', options.users, 0, 1_000_000);
  const days = optionalInt('--days', options.days, 1, 365);
  const now = options.now === undefined ? new Date() : new Date(options.now);
  if (Number.isNaN(now.getTime()))
    throw new UsageError(`--now must be an ISO 8601 instant such as 2026-11-28T12:00:00Z (got "${options.now}")`);
  if (now.getTime() > Date.now())
    throw new UsageError('--now must not be in the future: Pulse never dates data after the present');
  const params = {
    size: options.size as PreviewSize,
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(users !== undefined && { users }),
    ...(days !== undefined && { days }),
  };
  return { now, params };
}

function optionalInt(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}
