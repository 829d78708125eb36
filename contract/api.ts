// Request and response schemas shared by the server and the dashboard: zod only, no runtime deps.
import { z } from 'zod';
import { storable, Uuid } from './safe-input.js';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const ProjectName = storable(
  z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
);

export const Project = z.object({
  id: z.uuid(),
  display_name: z.string(),
  is_preview: z.boolean(),
  created_at: z.iso.datetime(),
  expires_at: z.iso.datetime().nullable(),
});
export type Project = z.infer<typeof Project>;

export const ProjectParams = z.object({ id: Uuid('project') });

export const Health = z.object({ status: z.literal('ok') });

const StoreCheck = z.object({
  ok: z.boolean(),
  driver: z.string(),
  latency_ms: z.number(),
  error: z.string().optional(),
});

export const Readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    postgres: StoreCheck,
    clickhouse: StoreCheck,
    /** Free space on the embedded stores' disks: not ok below PULSE_MIN_FREE_DISK (writes are refused). */
    disk: z.object({ ok: z.boolean(), error: z.string().optional() }),
  }),
});
export type Readiness = z.infer<typeof Readiness>;

export const ServerInfo = z.object({
  version: z.string(),
  preview_mode: z.boolean(),
});
export type ServerInfo = z.infer<typeof ServerInfo>;

export const ApiKeyKind = z.enum(['admin', 'ingest'], { error: "must be 'admin' or 'ingest'" });
export const KeyParams = z.object({ id: Uuid('project'), kind: ApiKeyKind });

/** A rotation: the new key (shown once) and how many keys of its kind stopped working. */
export const RotatedKey = z.object({
  project_id: z.uuid(),
  kind: ApiKeyKind,
  key: z.string(),
  revoked: z.number().int(),
});
export type RotatedKey = z.infer<typeof RotatedKey>;

/** A revocation: how many keys of the kind stopped working (0 when none was active). */
export const RevokedKeys = z.object({ project_id: z.uuid(), kind: ApiKeyKind, revoked: z.number().int() });
export type RevokedKeys = z.infer<typeof RevokedKeys>;
