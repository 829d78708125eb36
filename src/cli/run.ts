// Shared plumbing for CLI commands: config once, stores when needed, errors turned into clear exits.
import { ConfigError, loadConfig, type Config } from '../config.js';
import { DataDirLockedError } from '../data-dir-lock.js';
import { openStores, type Stores } from '../stores.js';

export const EXIT_CONFIG = 2;
export const EXIT_FAILURE = 1;

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
    const message = error instanceof DataDirLockedError ? error.message : describe(error);
    process.stderr.write(`pulse: ${message}\n`);
    process.exit(EXIT_FAILURE);
  }
}

/** Opens both stores (migrated) for one command and always closes them. */
export async function withStores<T>(config: Config, command: string, body: (stores: Stores) => Promise<T>): Promise<T> {
  const stores = await openStores(config, { command });
  try {
    return await body(stores);
  } finally {
    await stores.close();
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error && !error.message.includes(error.cause.message) ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
