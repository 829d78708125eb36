// The only module that reads process.env. Everything else receives a typed Config.
import path from 'node:path';
import { EVENT_AT_DEFAULT_MAX_AGE_MS } from '../contract/events.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type PostgresTarget = { driver: 'pglite'; dataDir: string } | { driver: 'node-postgres'; url: string };

export type ClickHouseTarget = { driver: 'chdb'; dataDir: string } | { driver: 'http'; url: string };

export interface Config {
  dataDir: string;
  postgres: PostgresTarget;
  clickhouse: ClickHouseTarget;
  preview: boolean;
  /** How long a preview project lives before the cleanup job deletes it. */
  previewTtlMs: number;
  /** Preview creations allowed per client IP per minute. */
  previewRateLimit: number;
  /** Standard previews `serve` keeps seeded ahead of time, handed out at once (0 = off). */
  previewSpares: number;
  /** How old an ingested event's `event_at` may be; older ones are refused with a 400. */
  eventMaxAgeMs: number;
  /** Free space each embedded store's disk keeps: below it, writes are refused with a 503 (0 = off). */
  minFreeDiskBytes: number;
  port: number;
  host: string;
  logLevel: LogLevel;
}

/** A bad environment value: names the variable and what it accepts. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly accepts: string,
    readonly got: string,
  ) {
    super(`${variable}: expected ${accepts}, got ${JSON.stringify(got)}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const HOUR_MS = 3_600_000;
const DURATION_UNITS_MS: Record<string, number> = { s: 1_000, m: 60_000, h: HOUR_MS, d: 24 * HOUR_MS };
// 8 years: a window of at most 98 months, so one request's events always fit in one INSERT (ClickHouse
// refuses an insert that touches more than 100 monthly partitions).
const LONGEST_EVENT_MAX_AGE_MS = 2_920 * 24 * HOUR_MS;
const TRUE_WORDS = ['1', 'true', 'on', 'yes'];
const FALSE_WORDS = ['0', 'false', 'off', 'no'];

type Env = Record<string, string | undefined>;

/** Reads the environment once. Throws ConfigError on the first bad value. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const dataDir = path.resolve(cwd, nonEmpty(env, 'PULSE_DATA_DIR') ?? './data');
  return {
    dataDir,
    postgres: postgresTarget(env, dataDir),
    clickhouse: clickhouseTarget(env, dataDir),
    preview: booleanVar(env, 'PULSE_PREVIEW', true),
    previewTtlMs: durationVar(env, 'PULSE_PREVIEW_TTL', 24 * HOUR_MS),
    previewRateLimit: positiveIntVar(env, 'PULSE_PREVIEW_RATE_LIMIT', 10),
    previewSpares: wholeNumberVar(env, 'PULSE_PREVIEW_SPARES', 1, 16),
    eventMaxAgeMs: durationVar(env, 'PULSE_EVENT_MAX_AGE', EVENT_AT_DEFAULT_MAX_AGE_MS, LONGEST_EVENT_MAX_AGE_MS),
    minFreeDiskBytes: sizeVar(env, 'PULSE_MIN_FREE_DISK', 256 * 1024 ** 2),
    port: portVar(env, 'PORT', 3000),
    host: nonEmpty(env, 'HOST') ?? '127.0.0.1',
    logLevel: logLevelVar(env, 'PULSE_LOG_LEVEL', 'info'),
  };
}

/**
 * The crash suite's hook (src/test/crash.e2e.test.ts): the named point of a write at which the process
 * kills itself (src/crash-point.ts). Unset in production; read once.
 */
export function testCrashPoint(env: Env = process.env): string | undefined {
  return nonEmpty(env, 'PULSE_TEST_CRASH_POINT');
}

/** Test helpers' view of the environment: the optional server URLs for driver suites. */
export function loadTestTargets(env: Env = process.env): { databaseUrl?: string; clickhouseUrl?: string } {
  return {
    databaseUrl: nonEmpty(env, 'PULSE_TEST_DATABASE_URL'),
    clickhouseUrl: nonEmpty(env, 'PULSE_TEST_CLICKHOUSE_URL'),
  };
}

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function postgresTarget(env: Env, dataDir: string): PostgresTarget {
  const url = nonEmpty(env, 'PULSE_DATABASE_URL');
  if (!url) return { driver: 'pglite', dataDir: path.join(dataDir, 'postgres') };
  const parsed = parseUrl(url);
  if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new ConfigError(
      'PULSE_DATABASE_URL',
      'unset (embedded PGlite) or postgres://user:pass@host:port/db',
      redact(url),
    );
  }
  return { driver: 'node-postgres', url };
}

function clickhouseTarget(env: Env, dataDir: string): ClickHouseTarget {
  const url = nonEmpty(env, 'PULSE_CLICKHOUSE_URL');
  if (!url) return { driver: 'chdb', dataDir: path.join(dataDir, 'clickhouse') };
  const parsed = parseUrl(url);
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
    throw new ConfigError(
      'PULSE_CLICKHOUSE_URL',
      'unset (embedded chDB) or http(s)://user:pass@host:port/db',
      redact(url),
    );
  }
  return { driver: 'http', url };
}

function booleanVar(env: Env, name: string, fallback: boolean): boolean {
  const value = nonEmpty(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (TRUE_WORDS.includes(value)) return true;
  if (FALSE_WORDS.includes(value)) return false;
  throw new ConfigError(name, `one of ${[...TRUE_WORDS, ...FALSE_WORDS].join(', ')}`, value);
}

function portVar(env: Env, name: string, fallback: number): number {
  const value = nonEmpty(env, name);
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new ConfigError(name, 'an integer from 0 to 65535', value);
  return port;
}

function durationVar(env: Env, name: string, fallback: number, maxMs = Number.POSITIVE_INFINITY): number {
  const value = nonEmpty(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  const match = /^(\d+)(s|m|h|d)$/.exec(value);
  const ms = match ? Number(match[1]) * DURATION_UNITS_MS[match[2]!]! : Number.NaN;
  const upTo = Number.isFinite(maxMs) ? ` up to ${maxMs / (24 * HOUR_MS)}d` : '';
  if (!(ms > 0) || ms > maxMs)
    throw new ConfigError(name, `a positive duration such as 90s, 30m, 24h or 7d${upTo}`, value);
  return ms;
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

function sizeVar(env: Env, name: string, fallback: number): number {
  const value = nonEmpty(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  const match = /^(\d+)\s*(b|kb|mb|gb)?$/.exec(value);
  if (!match) throw new ConfigError(name, 'a size such as 0, 500MB or 2GB', value);
  return Number(match[1]) * SIZE_UNITS[match[2] ?? 'b']!;
}

function positiveIntVar(env: Env, name: string, fallback: number): number {
  const value = nonEmpty(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ConfigError(name, 'a whole number ≥ 1', value);
  return Number(value);
}

function wholeNumberVar(env: Env, name: string, fallback: number, max: number): number {
  const value = nonEmpty(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new ConfigError(name, `a whole number from 0 to ${max}`, value);
  return Number(value);
}

function logLevelVar(env: Env, name: string, fallback: LogLevel): LogLevel {
  const value = nonEmpty(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  const level = LOG_LEVELS.find((l) => l === value);
  if (!level) throw new ConfigError(name, `one of ${LOG_LEVELS.join(', ')}`, value);
  return level;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Never echo a password back into logs or error messages. */
export function redact(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed || !parsed.password) return url;
  parsed.password = '***';
  return parsed.toString();
}
