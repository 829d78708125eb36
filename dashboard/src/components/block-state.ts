import type { ApiError } from '../api/client.js';
import type { Polled } from '../api/use-polling.js';

export interface BlockState {
  /** Nothing to show yet, a request is on its way. */
  loading: boolean;
  /** Nothing to show: the request failed. */
  error: ApiError | undefined;
  /** The last figures are shown, but refreshing them failed. */
  stale: ApiError | undefined;
}

/** What a block of the overview says about its polled figures: every block says it the same way. */
export function blockState(polled: Polled<unknown>): BlockState {
  const has = polled.data !== undefined;
  return {
    loading: polled.loading && !has,
    error: has ? undefined : polled.error,
    stale: has ? polled.error : undefined,
  };
}
