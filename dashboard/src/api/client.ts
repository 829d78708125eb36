// Typed fetch on the shared zod contract: every response is parsed, every error becomes an ApiError.
import type { z } from 'zod';
import { ErrorBody } from '../../../contract/api.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function api<S extends z.ZodType>(
  path: string,
  schema: S,
  init: RequestInit & { key?: string } = {},
): Promise<z.infer<S>> {
  const { key, headers, ...rest } = init;
  return readResponse(
    fetch(path, {
      ...rest,
      headers: {
        ...(key && { authorization: `Bearer ${key}` }),
        ...(rest.body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
    }),
    path,
    schema,
  );
}

/** The response of a request already sent (api's, or one the page started early: early-start.ts), parsed. */
export async function readResponse<S extends z.ZodType>(
  sent: Promise<Response>,
  path: string,
  schema: S,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await sent;
  } catch {
    throw new ApiError(0, 'network_error', 'Pulse is not reachable');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ErrorBody.safeParse(body);
    throw error.success
      ? new ApiError(response.status, error.data.error.code, error.data.error.message)
      : new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'bad_response', `Unexpected response from ${path}`);
  return parsed.data;
}
