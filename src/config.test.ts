import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redact } from './config.js';

const CWD = '/srv/pulse';

describe('loadConfig', () => {
  it('defaults to embedded stores under ./data, preview on, 127.0.0.1:3000', () => {
    expect(loadConfig({}, CWD)).toEqual({
      dataDir: '/srv/pulse/data',
      postgres: { driver: 'pglite', dataDir: '/srv/pulse/data/postgres' },
      clickhouse: { driver: 'chdb', dataDir: '/srv/pulse/data/clickhouse' },
      preview: true,
      previewTtlMs: 24 * 3_600_000,
      previewRateLimit: 10,
      previewSpares: 1,
      eventMaxAgeMs: 366 * 86_400_000,
      minFreeDiskBytes: 256 * 1024 * 1024,
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
    });
  });

  it('switches each store to its server driver by URL', () => {
    const config = loadConfig(
      {
        PULSE_DATABASE_URL: 'postgres://u:p@db:5432/pulse',
        PULSE_CLICKHOUSE_URL: 'https://u:p@ch:8443/analytics',
        PULSE_DATA_DIR: 'var/pulse',
        PULSE_PREVIEW: 'off',
        PULSE_PREVIEW_TTL: '90m',
        PULSE_PREVIEW_RATE_LIMIT: '100',
        PULSE_PREVIEW_SPARES: '0',
        PULSE_EVENT_MAX_AGE: '730d',
        PULSE_MIN_FREE_DISK: '2GB',
        PORT: '8080',
        HOST: '0.0.0.0',
        PULSE_LOG_LEVEL: 'DEBUG',
      },
      CWD,
    );
    expect(config).toEqual({
      dataDir: path.join(CWD, 'var/pulse'),
      postgres: { driver: 'node-postgres', url: 'postgres://u:p@db:5432/pulse' },
      clickhouse: { driver: 'http', url: 'https://u:p@ch:8443/analytics' },
      preview: false,
      previewTtlMs: 90 * 60_000,
      previewRateLimit: 100,
      previewSpares: 0,
      eventMaxAgeMs: 730 * 86_400_000,
      minFreeDiskBytes: 2 * 1024 ** 3,
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'debug',
    });
  });

  it.each([
    ['PORT', 'abc', /PORT: expected an integer from 0 to 65535, got "abc"/],
    ['PORT', '70000', /PORT: expected an integer/],
    ['PULSE_PREVIEW', 'maybe', /PULSE_PREVIEW: expected one of 1, true, on, yes, 0, false, off, no/],
    [
      'PULSE_PREVIEW_TTL',
      '24',
      /PULSE_PREVIEW_TTL: expected a positive duration such as 90s, 30m, 24h or 7d, got "24"/,
    ],
    ['PULSE_PREVIEW_TTL', '0h', /PULSE_PREVIEW_TTL: expected a positive duration/],
    ['PULSE_EVENT_MAX_AGE', '2921d', /PULSE_EVENT_MAX_AGE: expected a positive duration .* up to 2920d, got "2921d"/],
    ['PULSE_MIN_FREE_DISK', '5%', /PULSE_MIN_FREE_DISK: expected a size such as 0, 500MB or 2GB, got "5%"/],
    ['PULSE_PREVIEW_RATE_LIMIT', '0', /PULSE_PREVIEW_RATE_LIMIT: expected a whole number ≥ 1/],
    ['PULSE_PREVIEW_SPARES', '17', /PULSE_PREVIEW_SPARES: expected a whole number from 0 to 16, got "17"/],
    ['PULSE_PREVIEW_SPARES', '-1', /PULSE_PREVIEW_SPARES: expected a whole number from 0 to 16/],
    ['PULSE_LOG_LEVEL', 'loud', /PULSE_LOG_LEVEL: expected one of fatal, error/],
    ['PULSE_DATABASE_URL', 'mysql://x', /PULSE_DATABASE_URL: expected unset \(embedded PGlite\) or postgres:\/\//],
    [
      'PULSE_CLICKHOUSE_URL',
      'tcp://ch:9000',
      /PULSE_CLICKHOUSE_URL: expected unset \(embedded chDB\) or http\(s\):\/\//,
    ],
  ])('rejects %s=%s with a message naming the variable', (variable, value, message) => {
    const attempt = () => loadConfig({ [variable]: value }, CWD);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });

  it('never echoes a password in an error', () => {
    expect(() => loadConfig({ PULSE_DATABASE_URL: 'mysql://user:hunter2@db/x' }, CWD)).toThrow(/\*\*\*/);
    expect(redact('postgres://user:hunter2@db/x')).toBe('postgres://user:***@db/x');
  });
});
