// Shared plumbing for CLI commands: config once, stores when needed, errors turned into clear exits.
import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { DataDirLockedError } from '../data-dir-lock.js';
import { DiskLowError, diskGuardFor } from '../disk-guard.js';
import { withoutValues } from '../log-errors.js';
import { DuplicateAuthValueError } from '../db/constraint-violation.js';
import type { MigrationListener } from '../analytics/migrate.js';
import { openStores, type Stores } from '../stores.js';

export const EXIT_CONFIG = 2;
/** A bad command line (missing or malformed flag): the same code as a bad environment. */
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

/** The command line itself is wrong; nothing was opened or written. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Commander's own errors (a missing required option or argument, an unknown option, no subcommand) exit
 * with EXIT_USAGE instead of commander's 1; `--help` still exits 0. Call before adding subcommands: they
 * inherit it.
 */
export function exitUsageErrorsWithCode2(command: Command): Command {
  return command.exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : EXIT_USAGE));
}

/** Runs a command body; any error ends the process with a message, never a stack trace for known cases. */
export async function runCommand(body: (config: Config) => Promise<void>): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`pulse: invalid configuration — ${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
  try {
    await body(config);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`pulse: ${error.message}\n`);
      process.exit(EXIT_USAGE);
    }
    // Known failures say everything in their message; their cause (e.g. the failed SQL) would only confuse.
    const message =
      error instanceof DataDirLockedError || error instanceof DuplicateAuthValueError || error instanceof DiskLowError
        ? error.message
        : describe(error);
    process.stderr.write(`pulse: ${message}\n`);
    process.exit(EXIT_FAILURE);
  }
}

/** Opens both stores (migrated) for one command and always closes them. A command that writes (any but
 * `… list`) is refused first while a store's disk is below the floor (PULSE_MIN_FREE_DISK). */
export async function withStores<T>(config: Config, command: string, body: (stores: Stores) => Promise<T>): Promise<T> {
  if (!command.endsWith(' list')) await diskGuardFor(config).assertWritable();
  const stores = await openStores(config, { command, onMigration: reportSlowMigration() });
  for (const { from, to } of stores.recovered)
    process.stderr.write(`pulse: moved a damaged ClickHouse mutation file aside: ${from} → ${to}\n`);
  try {
    return await body(stores);
  } finally {
    await stores.close();
  }
}

/** Says on stderr when an upgrade's migration runs past `afterMs` (one that rebuilds a big events table
 * takes minutes), and how long it took. Quiet otherwise, and always on a new store, whose tables are empty. */
export function reportSlowMigration(
  afterMs = 2_000,
  write: (text: string) => unknown = (text) => process.stderr.write(text),
): MigrationListener {
  let timer: NodeJS.Timeout | undefined;
  let reported = false;
  return ({ version, name }, step) => {
    const label = `ClickHouse migration ${String(version).padStart(4, '0')} (${name})`;
    if (step.phase === 'start') {
      reported = false;
      if (!step.upgrading) return;
      timer = setTimeout(() => {
        reported = true;
        write(
          `pulse: applying ${label}: still running after ${afterMs / 1000} s (rewriting a table of millions of events takes minutes)…\n`,
        );
      }, afterMs);
      return;
    }
    clearTimeout(timer);
    if (reported) write(`pulse: applied ${label} in ${(step.ms / 1000).toFixed(1)} s\n`);
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error.cause instanceof Error && !error.message.includes(error.cause.message) ? ` (${error.cause.message})` : '';
  // stderr often ends up in a log too: no values of the statement that failed.
  return withoutValues(`${error.message}${cause}`);
}
