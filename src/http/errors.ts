// One error type and one handler: every failure leaves as { error: { code, message, details? } }.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AnalyticsError } from '../analytics/store.js';
import { DatabaseError } from '../db/store.js';
import { DuplicateAuthValueError } from '../db/constraint-violation.js';
import { ProjectNotFoundError } from '../projects/errors.js';
import { DiskLowError } from '../disk-guard.js';
import { isPostgresTrouble } from '../db/store-trouble.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);

interface FieldIssue {
  field: string;
  message: string;
}

/** A 400 for one bad field, shaped like the schema validation's (below). */
export const invalidRequest = (field: string, message: string) => invalidRequestOf([{ field, message }]);

function invalidRequestOf(issues: FieldIssue[]): HttpError {
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new HttpError(400, 'invalid_request', `Invalid request — ${summary}`, { issues });
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) {
    if (error.status >= 500) request.log.error({ err: error.cause ?? error }, error.message);
    return send(reply, error.status, error.code, error.message, error.details);
  }
  if (error instanceof DiskLowError) {
    request.log.warn({ store: error.store, free_bytes: error.freeBytes }, 'write refused: disk low');
    return send(reply, 503, 'disk_low', error.message, {
      store: error.store,
      free_bytes: error.freeBytes,
      min_free_bytes: error.minFreeBytes,
    });
  }
  if (error instanceof AnalyticsError) {
    request.log.error({ err: error }, 'ClickHouse failed');
    return send(
      reply,
      503,
      'analytics_unavailable',
      'The analytics store (ClickHouse) is unavailable; try again shortly',
      { request_id: request.id },
    );
  }
  if (error instanceof DatabaseError || isPostgresTrouble(error)) {
    request.log.error({ err: error }, 'Postgres failed');
    return send(reply, 503, 'database_unavailable', 'The database (Postgres) is unavailable; try again shortly', {
      request_id: request.id,
    });
  }
  if (error instanceof ProjectNotFoundError) return send(reply, 404, 'not_found', 'Project not found');
  if (error instanceof DuplicateAuthValueError) return send(reply, 409, 'conflict', error.message);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: FieldIssue[] = error.validation.map((v) => ({
      field: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
    }));
    const invalid = invalidRequestOf(issues);
    return send(reply, invalid.status, invalid.code, invalid.message, invalid.details);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    return internal(reply, request);
  }
  // Fastify's own 4xx errors (bad JSON, wrong content type, body too large) are safe to show.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return send(reply, status, (error.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase(), error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return internal(reply, request);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`);
}

/** 5xx never leaks internals: the request id lets an operator find the logged cause. */
function internal(reply: FastifyReply, request: FastifyRequest) {
  return send(reply, 500, 'internal_error', 'Internal server error', { request_id: request.id });
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.status(status).send({ error: details === undefined ? { code, message } : { code, message, details } });
}
