import { useEffect, useRef, useState } from 'react';
import { ApiError } from './client.js';

export interface Polled<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Runs `load` now and every `intervalMs`; keeps the last good data while a refresh is in flight. */
export function usePolling<T>(load: (() => Promise<T>) | undefined, intervalMs: number, deps: unknown[]): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: undefined, error: undefined, loading: Boolean(load) });
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (!loadRef.current) return undefined;
    let cancelled = false;
    setState({ data: undefined, error: undefined, loading: true });
    const tick = async () => {
      try {
        const data = await loadRef.current!();
        if (!cancelled) setState({ data, error: undefined, loading: false });
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error));
        if (!cancelled) setState((s) => ({ data: s.data, error: apiError, loading: false }));
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
    // The caller lists what the loader depends on (like useEffect deps); the loader itself is read from a ref.
  }, [intervalMs, ...deps]);
  return state;
}
