// The one place that builds ClickHouse event rows (docs/product.md §3). The preview seeder, the ingestion
// API and tests all use these builders, so every writer produces the same shape. Pure: no I/O.
import type { z } from 'zod';
import type {
  ClickData as ClickDataSchema,
  IpInfo as IpInfoSchema,
  PageViewData as PageViewDataSchema,
  TokenRefreshData as TokenRefreshDataSchema,
} from '../../contract/events.js';

export const EVENT_TYPES = ['$token-refresh', '$page-view', '$click'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

// The event data shapes are the ingestion contract's, as parsed (defaults applied).
export type IpInfo = z.output<typeof IpInfoSchema>;
export type TokenRefreshData = z.output<typeof TokenRefreshDataSchema>;
export type PageViewData = z.output<typeof PageViewDataSchema>;
export type ClickData = z.output<typeof ClickDataSchema>;

/** A row of analytics_internal.events, exactly as inserted (JSONEachRow). */
export interface EventRow {
  event_type: EventType;
  /** UTC, 'YYYY-MM-DD HH:MM:SS.mmm' (DateTime64(3, 'UTC')). */
  event_at: string;
  project_id: string;
  branch_id: string;
  user_id: string | null;
  team_id: string | null;
  refresh_token_id: string | null;
  session_replay_id: string | null;
  data: TokenRefreshData | PageViewData | ClickData;
}

export interface EventScope {
  projectId: string;
  branchId: string;
}

interface Common {
  at: Date;
  userId: string | null;
  teamId?: string | null;
  refreshTokenId?: string | null;
  sessionReplayId?: string | null;
}

/** DateTime64(3) text in UTC; ClickHouse parses it on every driver without settings. */
export function formatEventAt(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** The inverse of formatEventAt. */
export function parseEventAt(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

function row(scope: EventScope, eventType: EventType, common: Common, data: EventRow['data']): EventRow {
  return {
    event_type: eventType,
    event_at: formatEventAt(common.at),
    project_id: scope.projectId,
    branch_id: scope.branchId,
    user_id: common.userId,
    team_id: common.teamId ?? null,
    refresh_token_id: common.refreshTokenId ?? null,
    session_replay_id: common.sessionReplayId ?? null,
    data,
  };
}

export function tokenRefreshEvent(
  scope: EventScope,
  e: Common & { refreshTokenId: string; isAnonymous: boolean; ipInfo: IpInfo | null },
): EventRow {
  return row(scope, '$token-refresh', e, {
    refresh_token_id: e.refreshTokenId,
    is_anonymous: e.isAnonymous,
    ip_info: e.ipInfo,
  });
}

export function pageViewEvent(scope: EventScope, e: Common & { data: PageViewData }): EventRow {
  return row(scope, '$page-view', e, e.data);
}

export function clickEvent(scope: EventScope, e: Common & { data: ClickData }): EventRow {
  return row(scope, '$click', e, e.data);
}
