// What every write request (POST, PUT, PATCH, DELETE) passes through: the free-space floor before the
// handler runs, and a deadline while it runs. A store on a full disk can block a write for a minute or
// more (chDB waits for space it cannot reserve), so the client gets a 503 in time instead of no answer.
// At the deadline the disks are looked at: a write still running on a (nearly) full disk is answered 503;
// one that is merely slow (a loaded machine) is left to finish and looked at again a deadline later.
import type {
  FastifyRequest,
  onRequestAsyncHookHandler,
  onResponseAsyncHookHandler,
  preHandlerAsyncHookHandler,
} from 'fastify';
import { formatBytes, type DiskGuard } from '../disk-guard.js';

export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** When a write still running is checked for a full disk: a second and a half inside the 5 s promised, for a loaded machine. */
export const WRITE_DEADLINE_MS = 3_500;

export interface WriteGuardOptions {
  diskGuard?: DiskGuard;
  deadlineMs?: number;
}

export interface WriteGuardHooks {
  onRequest: onRequestAsyncHookHandler;
  onResponse: onResponseAsyncHookHandler;
  /** After auth and validation, so a write that would be refused anyway still gets its 401 or 400. */
  preHandler: preHandlerAsyncHookHandler;
}

export function writeGuards({ diskGuard, deadlineMs = WRITE_DEADLINE_MS }: WriteGuardOptions): WriteGuardHooks {
  const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();
  const onRequest: onRequestAsyncHookHandler = async (request, reply) => {
    if (!diskGuard || !WRITE_METHODS.has(request.method)) return;
    const check = async () => {
      if (reply.sent) return;
      const full = await diskGuard.nearlyFull().catch(() => undefined);
      if (reply.sent) return;
      if (!full)
        return void timers.set(
          request,
          setTimeout(() => void check(), deadlineMs),
        );
      request.log.error({ deadline_ms: deadlineMs }, 'write missed its deadline; answered 503');
      // The write may still finish later: the 503 says "not acknowledged", never "not written".
      void reply.status(503).send({
        error: {
          code: 'store_timeout',
          message: `This write did not finish within ${deadlineMs / 1000} s and the ${full.store} disk is full (${formatBytes(full.freeBytes)} free at ${full.dir}); it was not acknowledged — free space and try again`,
          details: { request_id: request.id, store: full.store },
        },
      });
    };
    timers.set(
      request,
      setTimeout(() => void check(), deadlineMs),
    );
  };
  return {
    onRequest,
    onResponse: async (request) => clearTimeout(timers.get(request)),
    preHandler: async (request) => {
      if (diskGuard && WRITE_METHODS.has(request.method)) await diskGuard.assertWritable();
    },
  };
}
