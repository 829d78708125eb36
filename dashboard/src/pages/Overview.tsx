// The project overview: composes the two hooks with pure components; no fetch calls here. The chart and
// globe chunks start loading on mount, alongside /metrics, and never hold up the cards.
import { useEffect } from 'react';
import type { ProjectSession } from '../api/session.js';
import { useLiveMetrics } from '../api/use-live-metrics.js';
import { useMetrics } from '../api/use-metrics.js';
import { useRange } from '../api/use-range.js';
import { Block } from '../components/Block.js';
import { blockState } from '../components/block-state.js';
import { preloadDailyChart } from '../components/LazyDailyChart.js';
import { LiveCount } from '../components/LiveCount.js';
import { RangePicker } from '../components/RangePicker.js';
import { StatCard } from '../components/StatCard.js';
import { preloadGlobe } from '../globe/LazyGlobe.js';
import { LiveGlobe } from '../globe/LiveGlobe.js';
import { hasWebGL } from '../globe/webgl.js';
import { formatCount, formatPercent } from '../format.js';
import { ActivitySection } from './ActivitySection.js';
import { BusinessSection } from './BusinessSection.js';

/** `onNewPreview`: offered when the key of a preview is refused (it has expired). */
export function Overview({ session, onNewPreview }: { session: ProjectSession; onNewPreview?: () => void }) {
  // Live first: its request goes out first, and chDB answers one query at a time (see index.html).
  const live = useLiveMetrics(session);
  const [range, setRange] = useRange();
  const metrics = useMetrics(session, range);
  useEffect(() => {
    preloadDailyChart();
    if (hasWebGL()) preloadGlobe();
  }, []);
  const m = metrics.data;
  const liveUsers = live.data?.live_users ?? m?.live_users;
  const total = m ? m.total_users : undefined;
  // The dashboard never shows MAU above total users (anonymous users are excluded from both).
  const mau = m ? Math.min(m.mau, m.total_users) : undefined;
  const verifiedShare = m && m.total_users > 0 ? m.verified_users / m.total_users : undefined;

  // A preview's keys are refused from its expiry on (then the preview is deleted): no block can load again.
  if (session.preview && [live.error, metrics.error].some((e) => e?.code === 'invalid_api_key'))
    return (
      <p className="notice error" role="alert" data-testid="preview-expired">
        This preview project has expired, and its data is deleted.{' '}
        {onNewPreview && <button onClick={onNewPreview}>New preview</button>}
      </p>
    );

  return (
    <main className="overview">
      <div className="span-all">
        <RangePicker value={range} onChange={setRange} shown={m?.window} />
      </div>
      <Block title="Users" {...blockState(metrics)} className="span-all">
        <div className="stats">
          <StatCard
            testId="total-users"
            label="Total users"
            value={total === undefined ? '—' : formatCount(total)}
            hint={m ? `${formatCount(m.anonymous_users)} anonymous not counted` : undefined}
          />
          <StatCard testId="mau" label="Monthly active" value={mau === undefined ? '—' : formatCount(mau)} />
          <StatCard
            testId="live-users"
            label="Live now"
            value={<LiveCount users={liveUsers} />}
            hint="last 2 minutes"
          />
          <StatCard testId="teams" label="Teams" value={m ? formatCount(m.total_teams) : '—'} />
          <StatCard
            testId="verified"
            label="Verified"
            value={verifiedShare === undefined ? '—' : formatPercent(verifiedShare)}
            hint={m ? `${formatCount(m.verified_users)} of ${formatCount(m.total_users)}` : undefined}
          />
        </div>
      </Block>
      <Block title="Live users" {...blockState(live)} className="span-2">
        {live.data && <LiveGlobe byCountry={live.data.live_users_by_country} still={!m} />}
      </Block>
      <ActivitySection metrics={metrics} />
      <BusinessSection metrics={metrics} />
    </main>
  );
}
