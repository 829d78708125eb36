// The rows a small project's figures are computed from (project-rows.ts reads them). Types only.

/** A user_activity row (rollup-scope.ts); UInt64 bits as bigint, times as ClickHouse prints them. */
export interface ActivityRow {
  user_id: string;
  block: number;
  event_anonymous: number;
  refresh_days: bigint;
  view_days: bigint;
  last_refresh_at: string;
  /** Page views and clicks per day of the block: [day offsets, counts]. */
  page_views: [number[], number[]];
  clicks: [number[], number[]];
}

export interface PlaceRow {
  user_id: string;
  block: number;
  event_anonymous: number;
  country_code: string;
  region_code: string | null;
  located_days: bigint;
  last_located_at: string;
}

export interface ReferrerRow {
  user_id: string;
  block: number;
  event_anonymous: number;
  referrer: string;
  view_days: bigint;
}

/** Each user's latest version in the mirror, tombstones included (they keep the anonymous flag). */
export interface UserRow {
  id: string;
  display_name: string | null;
  primary_email: string | null;
  profile_image_url: string | null;
  signed_up_at: string;
  is_anonymous: number;
  sync_is_deleted: number;
  has_verified_email: number;
}

/** A `$token-refresh` of the live interval (now − 120 s, now]. */
export interface LiveRefreshRow {
  user_id: string | null;
  event_at: string;
  country_code: string | null;
  event_anonymous: number;
}

export interface ProjectRows {
  activity: ActivityRow[];
  places: PlaceRow[];
  referrers: ReferrerRow[];
  users: UserRow[];
  live: LiveRefreshRow[];
}
