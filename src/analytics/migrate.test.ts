import { describe, expect, it } from 'vitest';
import { listAnalyticsMigrations, splitStatements } from './migrate.js';

describe('ClickHouse migration files', () => {
  it('split into statements at semicolons ending a line, comments dropped', () => {
    expect(splitStatements('-- a comment; with a semicolon\nCREATE TABLE a (x UInt8) ENGINE = Memory;\n\nCREATE TABLE b\n(y String)\nENGINE = Memory;\n')).toEqual([
      'CREATE TABLE a (x UInt8) ENGINE = Memory',
      'CREATE TABLE b\n(y String)\nENGINE = Memory',
    ]);
  });

  it('are numbered without gaps, and every statement is idempotent', () => {
    const migrations = listAnalyticsMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const statement of migrations.flatMap((m) => m.statements)) expect(statement).toMatch(/^CREATE TABLE IF NOT EXISTS /);
  });
});
