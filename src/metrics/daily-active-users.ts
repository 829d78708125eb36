// daily_active_users: distinct existing users with a `$token-refresh` per UTC day of the window.
// Each active user is exactly one of new, retained or reactivated on a day, so the split's query
// (daily-active-users-split.ts) answers it too, and a batch sends that query once for both figures.
import { dailySeries } from './daily-series.js';
import { SPLIT } from './daily-active-users-split.js';

export const dailyActiveUsers = dailySeries(
  SPLIT,
  (row) => Number(row.new) + Number(row.retained) + Number(row.reactivated),
);
