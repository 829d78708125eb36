// A first visit's requests, started by the page before the app's scripts have arrived. The inline script
// in index.html (preview mode, no project in this tab yet) asks for the preview at once, then for its
// overview and live figures, and leaves the pending responses on `window.__pulseEarlyStart`. The app
// takes each one at most once, through the same parsing as its own requests (client.ts: readResponse);
// anything not there, already taken or for another project, it asks for itself.
import type { z } from 'zod';
import { api, readResponse } from './client.js';
import type { ProjectSession } from './session.js';

export interface EarlyMetrics {
  projectId: string;
  overview?: Promise<Response>;
  live?: Promise<Response>;
}

export interface EarlyStart {
  created?: Promise<Response>;
  metrics?: Promise<EarlyMetrics | undefined>;
}

declare global {
  interface Window {
    __pulseEarlyStart?: EarlyStart;
  }
}

/** The early `POST /api/v1/preview/projects`, once. */
export function takeEarlyPreview(): Promise<Response> | undefined {
  const early = window.__pulseEarlyStart;
  const created = early?.created;
  if (early) early.created = undefined;
  return created;
}

/**
 * The early `/metrics` or `/metrics/live` of this project, once; undefined when there is none. Wrapped, so
 * the pending response stays a promise (a failed request then fails in readResponse, as api's do).
 */
export async function takeEarlyMetrics(
  projectId: string,
  which: 'overview' | 'live',
): Promise<{ sent: Promise<Response> } | undefined> {
  const metrics = await window.__pulseEarlyStart?.metrics;
  const sent = metrics?.projectId === projectId ? metrics[which] : undefined;
  if (!metrics || !sent) return undefined;
  metrics[which] = undefined;
  return { sent };
}

/**
 * A project's `/metrics` or `/metrics/live`: the page's early response when it has one, else a request.
 * The page starts its requests without a query string, so one with `search` never takes them.
 */
export async function getFigures<S extends z.ZodType>(
  session: ProjectSession,
  which: 'overview' | 'live',
  schema: S,
  search = '',
): Promise<z.infer<S>> {
  const path = `/api/v1/projects/${session.projectId}/metrics${which === 'live' ? '/live' : ''}${search}`;
  const early = search === '' ? await takeEarlyMetrics(session.projectId, which) : undefined;
  return early ? readResponse(early.sent, path, schema) : api(path, schema, { key: session.adminKey });
}
