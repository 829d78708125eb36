// The fuzz suites' one assertion about a response: never a 5xx; a 4xx carries the error body, a 400 names
// each bad field; and a refused request left both stores exactly as they were.
import { expect } from 'vitest';
import { ErrorBody } from '../../../contract/api.js';
import type { AnalyticsStore } from '../../analytics/store.js';
import type { PostgresStore } from '../../db/store.js';
import { snapshotStores, type StoreSnapshot } from './store-snapshot.js';

interface Response {
  statusCode: number;
  body: string;
}

const FIELD = /^(body|params|querystring)(\.|$)/;

/** Tracks the stores' snapshot between requests, taking a new one only after a request that wrote. */
export function storeWatcher(postgres: PostgresStore, analytics: AnalyticsStore) {
  let last: StoreSnapshot | undefined;
  return {
    async before(): Promise<StoreSnapshot> {
      last ??= await snapshotStores(postgres, analytics);
      return last;
    },
    async expectClean(what: string, res: Response, before: StoreSnapshot): Promise<void> {
      expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
      if (res.statusCode < 400) {
        last = undefined;
        return;
      }
      const body = ErrorBody.parse(JSON.parse(res.body));
      if (res.statusCode === 400) {
        const issues = (body.error.details as { issues?: { field: string }[] } | undefined)?.issues ?? [];
        expect(issues.length, `${what} → 400 without a field: ${res.body.slice(0, 300)}`).toBeGreaterThan(0);
        for (const issue of issues) expect(issue.field).toMatch(FIELD);
      }
      expect(await snapshotStores(postgres, analytics), `${what} → ${res.statusCode} wrote`).toEqual(before);
    },
  };
}

/** A path segment for any string (lone surrogates would make encodeURIComponent throw). */
export const segment = (value: string) => encodeURIComponent(value.toWellFormed());
