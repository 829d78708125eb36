import type { MetricsResponse } from '../../../contract/metrics.js';
import type { Polled } from '../api/use-polling.js';
import { Block } from '../components/Block.js';
import { blockState } from '../components/block-state.js';
import { ChartWithTable } from '../components/ChartWithTable.js';
import { RankedList } from '../components/RankedList.js';
import { UserList } from '../components/UserList.js';
import { formatCount } from '../format.js';

const sum = (points: { activity: number }[]) => points.reduce((n, p) => n + p.activity, 0);

export function ActivitySection({ metrics }: { metrics: Polled<MetricsResponse> }) {
  const m = metrics.data;
  const state = blockState(metrics);
  const now = m ? new Date(m.now) : new Date();
  const split = m?.daily_active_users_split ?? [];
  return (
    <>
      <Block title="Daily sign-ups" {...state} empty={m && sum(m.daily_signups) === 0}>
        {m && (
          <ChartWithTable
            label="Daily sign-ups"
            series={[{ name: 'sign-ups', points: m.daily_signups, color: '#5b8def' }]}
          />
        )}
      </Block>
      <Block title="Daily active users" {...state} empty={m && sum(m.daily_active_users) === 0}>
        {m && (
          <ChartWithTable
            label="Daily active users"
            stacked
            series={[
              { name: 'new', points: split.map((p) => ({ date: p.date, activity: p.new })), color: '#4cc38a' },
              {
                name: 'retained',
                points: split.map((p) => ({ date: p.date, activity: p.retained })),
                color: '#5b8def',
              },
              {
                name: 'reactivated',
                points: split.map((p) => ({ date: p.date, activity: p.reactivated })),
                color: '#e5a444',
              },
            ]}
          />
        )}
      </Block>
      <Block
        title={m ? `Traffic · ${formatCount(m.visitors)} visitors` : 'Traffic'}
        {...state}
        empty={m && sum(m.daily_page_views) === 0}
      >
        {m && (
          <ChartWithTable
            label="Traffic"
            series={[
              { name: 'page views', points: m.daily_page_views, color: '#8f6ef0' },
              { name: 'clicks', points: m.daily_clicks, color: '#e5a444' },
              { name: 'visitors', points: m.daily_visitors, color: '#4cc38a' },
            ]}
          />
        )}
      </Block>
      <Block title="Top referrers" {...state} empty={m && m.top_referrers.length === 0}>
        {m && <RankedList items={m.top_referrers.map((r) => ({ label: r.referrer || 'Direct', value: r.visitors }))} />}
      </Block>
      <Block title="Users by country" {...state} empty={m && Object.keys(m.users_by_country).length === 0}>
        {m && (
          <RankedList
            items={Object.entries(m.users_by_country)
              .map(([label, value]) => ({ label, value }))
              .sort((a, b) => b.value - a.value)
              .slice(0, 10)}
          />
        )}
      </Block>
      <Block title="Recent sign-ups" {...state} empty={m && m.recently_registered.length === 0}>
        {m && <UserList now={now} users={m.recently_registered.map((u) => ({ ...u, at: u.signed_up_at }))} />}
      </Block>
      <Block title="Recently active" {...state} empty={m && m.recently_active.length === 0}>
        {m && <UserList now={now} users={m.recently_active.map((u) => ({ ...u, at: u.last_active_at }))} />}
      </Block>
    </>
  );
}
