// The ingestion steps are pure: a fixed clock in, exact rows or an exact rejection out.
import { describe, expect, it } from 'vitest';
import { formatEventAt } from '../events/event-rows.js';
import { runIngestSteps, normaliseText, type IngestContext } from './steps.js';

const now = new Date('2026-03-04T05:06:07.890Z');
const ctx: IngestContext = {
  scope: { projectId: 'p', branchId: 'main' },
  now,
  keyKind: 'ingest',
  maxAgeMs: 366 * 86_400_000,
};
const pageView = (data: object = {}, extra: object = {}) => ({
  event_type: '$page-view',
  data: { path: '/pricing', ...data },
  ...extra,
});

describe('runIngestSteps', () => {
  it('builds event rows with defaults: event_at = now, referrer = direct, not anonymous', () => {
    const result = runIngestSteps([pageView({}, { user_id: '0b7b4f0e-7c9f-4d58-9d5e-2f1c6f1f6a01' })], ctx);
    expect(result).toEqual({
      ok: true,
      value: [
        {
          event_type: '$page-view',
          event_at: '2026-03-04 05:06:07.890',
          project_id: 'p',
          branch_id: 'main',
          user_id: '0b7b4f0e-7c9f-4d58-9d5e-2f1c6f1f6a01',
          team_id: null,
          refresh_token_id: null,
          session_replay_id: null,
          data: { path: '/pricing', referrer: '', is_anonymous: false },
        },
      ],
    });
  });

  it('names the event index and field of the first problem', () => {
    const bad = runIngestSteps([pageView(), pageView(), pageView({ path: 42 })], ctx);
    expect(bad).toMatchObject({ ok: false, rejection: { status: 400, field: 'body.events.2.data.path' } });
    expect(runIngestSteps([{ event_type: '$signup', data: {} }], ctx)).toMatchObject({
      ok: false,
      rejection: { field: 'body.events.0.event_type' },
    });
    expect(runIngestSteps([pageView({ title: 'x'.repeat(1_001) })], ctx)).toMatchObject({
      ok: false,
      rejection: { field: 'body.events.0.data.title', message: 'must be at most 1000 characters' },
    });
    expect(runIngestSteps([pageView({ colour: 'red' })], ctx)).toMatchObject({
      ok: false,
      rejection: { field: 'body.events.0.data' },
    });
  });

  it('accepts event_at up to 5 s ahead and stores it as now, rejects anything later', () => {
    const at = (ms: number) => pageView({}, { event_at: new Date(now.getTime() + ms).toISOString() });
    const ahead = runIngestSteps([at(5_000), at(-1)], ctx);
    if (!ahead.ok) throw new Error('rejected');
    expect(ahead.value.map((row) => row.event_at)).toEqual([
      formatEventAt(now),
      formatEventAt(new Date(now.getTime() - 1)),
    ]);
    expect(runIngestSteps([at(-86_400_000), at(5_001)], ctx)).toMatchObject({
      ok: false,
      rejection: { field: 'body.events.1.event_at' },
    });
  });

  it('accepts event_at up to maxAgeMs old, rejects anything older with the field named', () => {
    const at = (ms: number) => pageView({}, { event_at: new Date(now.getTime() - ms).toISOString() });
    expect(runIngestSteps([at(ctx.maxAgeMs)], ctx).ok).toBe(true);
    expect(runIngestSteps([at(0), at(ctx.maxAgeMs + 1)], ctx)).toEqual({
      ok: false,
      rejection: { status: 400, field: 'body.events.1.event_at', message: 'must not be older than 366 days' },
    });
    expect(runIngestSteps([at(8 * 86_400_000)], { ...ctx, maxAgeMs: 7 * 86_400_000 })).toMatchObject({
      ok: false,
      rejection: { field: 'body.events.0.event_at', message: 'must not be older than 7 days' },
    });
  });

  it('lets only the admin key send $token-refresh', () => {
    const refresh = {
      event_type: '$token-refresh',
      user_id: '0b7b4f0e-7c9f-4d58-9d5e-2f1c6f1f6a01',
      data: { refresh_token_id: '1c8d7e6f-5a4b-4c3d-8e2f-1a0b9c8d7e6f' },
    };
    expect(runIngestSteps([refresh], ctx)).toMatchObject({
      ok: false,
      rejection: { status: 403, field: 'body.events.0.event_type' },
    });
    const ok = runIngestSteps([refresh], { ...ctx, keyKind: 'admin' });
    expect(ok).toMatchObject({
      ok: true,
      value: [
        {
          event_type: '$token-refresh',
          refresh_token_id: '1c8d7e6f-5a4b-4c3d-8e2f-1a0b9c8d7e6f',
          data: { ip_info: null, is_anonymous: false },
        },
      ],
    });
  });

  it('replaces lone UTF-16 surrogates with U+FFFD and keeps valid pairs', () => {
    expect(normaliseText({ a: 'x\uD800y', b: ['\uDC00', '😀'] })).toEqual({ a: 'x\uFFFDy', b: ['\uFFFD', '😀'] });
    const result = runIngestSteps([{ event_type: '$click', data: { selector: '#buy', text: 'Buy \uD83D now' } }], ctx);
    expect(result.ok && result.value[0]!.data).toMatchObject({ text: 'Buy \uFFFD now' });
  });
});
