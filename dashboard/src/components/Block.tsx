// A card on the overview with its own loading, error and empty states, said in words: an API error shows a
// message, never fake zeros; a slow answer says it is slow; a failed refresh says the figures are older.
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiError } from '../api/client.js';

/** After this long without figures, a block says the answer is slow (not just "Loading…"). */
export const SLOW_MS = 8_000;

export interface BlockProps {
  title: string;
  loading?: boolean;
  error?: ApiError;
  stale?: ApiError;
  empty?: boolean;
  emptyText?: string;
  className?: string;
  children?: ReactNode;
}

function useSlow(loading: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!loading) return undefined;
    const timer = setTimeout(() => setSlow(true), SLOW_MS);
    return () => clearTimeout(timer);
  }, [loading]);
  return slow;
}

export function Block({
  title,
  loading = false,
  error,
  stale,
  empty,
  emptyText = 'No data yet',
  className = '',
  children,
}: BlockProps) {
  const slow = useSlow(loading);
  let body: ReactNode = children;
  if (error)
    body = (
      <p className="block-error" role="alert">
        Could not load: {error.message}
      </p>
    );
  else if (loading)
    body = <p className="block-muted">{slow ? 'Still loading: Pulse is taking longer than usual…' : 'Loading…'}</p>;
  else if (empty) body = <p className="block-muted">{emptyText}</p>;
  return (
    <section className={`block ${className}`} aria-busy={loading}>
      <h2>{title}</h2>
      {stale && !error && <p className="block-stale">Could not refresh ({stale.message}); showing the last figures.</p>}
      {body}
    </section>
  );
}
