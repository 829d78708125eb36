import type { MetricsResponse } from '../../../contract/metrics.js';
import type { Polled } from '../api/use-polling.js';
import { Block } from '../components/Block.js';
import { blockState } from '../components/block-state.js';
import { ChartWithTable } from '../components/ChartWithTable.js';
import { RankedList } from '../components/RankedList.js';
import { StatCard } from '../components/StatCard.js';
import { formatCents, formatCount, formatPercent } from '../format.js';

export function BusinessSection({ metrics }: { metrics: Polled<MetricsResponse> }) {
  const m = metrics.data;
  const state = blockState(metrics);
  return (
    <>
      <Block title="Login methods" {...state} empty={m && m.login_methods.length === 0}>
        {m && <RankedList items={m.login_methods.map((l) => ({ label: l.method, value: l.count }))} />}
      </Block>
      <Block title="Emails" {...state} empty={m && m.emails.total === 0}>
        {m && (
          <>
            <div className="stats compact">
              <StatCard label="Sent" value={formatCount(m.emails.sent)} />
              <StatCard label="Delivered" value={formatPercent(m.emails.delivered_rate)} />
              <StatCard label="Bounced" value={formatPercent(m.emails.bounced_rate)} />
              <StatCard label="Errors" value={formatCount(m.emails.by_status.error)} />
            </div>
            <ChartWithTable
              label="Emails sent"
              series={[{ name: 'emails', points: m.emails.daily_emails, color: '#5b8def' }]}
            />
          </>
        )}
      </Block>
      <Block
        title="Payments"
        {...state}
        empty={m && m.payments.revenue_cents === 0 && m.payments.active_subscriptions === 0}
      >
        {m && (
          <>
            <div className="stats compact">
              <StatCard label="Revenue" value={formatCents(m.payments.revenue_cents)} />
              <StatCard label="MRR (30 d)" value={formatCents(m.payments.mrr_cents)} />
              <StatCard label="Active subs" value={formatCount(m.payments.active_subscriptions)} />
              <StatCard label="Orders" value={formatCount(m.payments.orders)} />
            </div>
            <ChartWithTable
              label="Revenue"
              series={[{ name: 'revenue', points: m.payments.daily_revenue_cents, color: '#4cc38a' }]}
              formatValue={formatCents}
            />
          </>
        )}
      </Block>
      <Block title="Session replays" {...state} empty={m && m.replays.total === 0}>
        {m && (
          <div className="stats compact">
            <StatCard label="Total" value={formatCount(m.replays.total)} />
            <StatCard label="Last 30 days" value={formatCount(m.replays.last_30_days)} />
            <StatCard label="Avg. session" value={`${Math.round(m.replays.average_session_seconds)} s`} />
          </div>
        )}
      </Block>
    </>
  );
}
