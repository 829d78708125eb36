// How a ClickHouse server moves rows: the client's streamed JSONEachRow insert, in batches, and staged
// inputs as Memory tables dropped after use (a server's files are not ours to write).
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client';
import type { RowMover, Statements } from './client-store.js';
import { AnalyticsError, type InsertRows, type Settings } from './store.js';

/** Rows per INSERT request: bounded so a large write never holds one huge request body. */
const BATCH_ROWS = 100_000;

/** One JSONEachRow request, sent as it is. */
export type SendRows = (table: string, rows: InsertRows) => Promise<void>;

export function clientSend(client: ClickHouseClient, settings: Settings = {}): SendRows {
  const clickhouse_settings = settings as ClickHouseSettings;
  return async (table, rows) => {
    if (!('jsonEachRow' in rows))
      return void (await client.insert({
        table,
        values: rows as object[],
        format: 'JSONEachRow',
        clickhouse_settings,
      }));
    // Text goes as the request body, unchanged: the client's insert wants JSON formats as objects.
    const result = await client.exec({
      query: `INSERT INTO ${table} FORMAT JSONEachRow`,
      values: Readable.from([Buffer.from(rows.jsonEachRow)]),
      clickhouse_settings,
    });
    result.stream.resume();
  };
}

export function serverRows(statements: Statements, send: SendRows): RowMover {
  return {
    async insert(table, rows, { onProgress }) {
      if ('jsonEachRow' in rows) return send(table, rows);
      for (let from = 0; from < rows.length; from += BATCH_ROWS) {
        await send(table, rows.slice(from, from + BATCH_ROWS));
        onProgress?.(Math.min(rows.length, from + BATCH_ROWS));
      }
    },

    async stage(inputs) {
      const prefix = `analytics_internal._staged_${crypto.randomBytes(8).toString('hex')}`;
      const tables = new Map(Object.keys(inputs).map((name, i) => [name, `${prefix}_${i}`]));
      const release = async () => {
        for (const table of tables.values()) await statements.command(`DROP TABLE IF EXISTS ${table}`);
      };
      try {
        for (const [name, input] of Object.entries(inputs)) {
          const table = tables.get(name)!;
          // Structures are constant strings of the writers, never user input.
          await statements.command(`CREATE TABLE ${table} (${input.structure}) ENGINE = Memory`);
          if (input.rows.length > 0) await send(table, input.rows);
        }
      } catch (error) {
        const failure = error instanceof AnalyticsError ? error : new AnalyticsError('staging rows', error);
        const cleanup = await release().then(
          () => null,
          (e: unknown) => e,
        );
        throw cleanup === null
          ? failure
          : new AggregateError([failure, cleanup], `${failure.message}; dropping its staged tables failed too`);
      }
      return {
        from(name) {
          const table = tables.get(name);
          if (!table) throw new Error(`nothing staged as ${JSON.stringify(name)}`);
          return table;
        },
        release,
      };
    },
  };
}
