// daily_signups: existing users per UTC sign-up day in the window (anonymous ones only when asked).
import { IN_SCOPE } from './clickhouse-scope.js';
import { dailySeries, type DayRow } from './daily-series.js';
import type { ProjectRows } from './row-types.js';
import { countBy, rowScope } from './row-scope.js';
import type { MetricScope } from './types.js';

const QUERY = `
  SELECT toString(toDate(signed_up_at)) AS day, count() AS value
  FROM analytics_internal.users FINAL
  WHERE ${IN_SCOPE}
    AND sync_is_deleted = 0
    AND ({includeAnonymous:Bool} OR is_anonymous = 0)
    AND signed_up_at >= {from:DateTime64(3, 'UTC')}
    AND signed_up_at <= {to:DateTime64(3, 'UTC')}
  GROUP BY day`;

/** QUERY's rows, from a small project's rows. */
function fromRows(rows: ProjectRows, scope: MetricScope, now: Date): DayRow[] {
  const s = rowScope(rows, scope, now);
  const { from, to } = s.params;
  const signedUp = rows.users.filter((u) => s.exists(u.id) && u.signed_up_at >= from && u.signed_up_at <= to);
  return [...countBy(signedUp, (u) => u.signed_up_at.slice(0, 10))].map(([day, value]) => ({ day, value }));
}

export const dailySignups = dailySeries({ query: QUERY, fromRows });
