// A card on the overview with its own loading, error and empty states: an API error shows a message,
// never fake zeros.
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.js';

export interface BlockProps {
  title: string;
  loading?: boolean;
  error?: ApiError;
  empty?: boolean;
  emptyText?: string;
  className?: string;
  children?: ReactNode;
}

export function Block({ title, loading, error, empty, emptyText = 'No data yet', className = '', children }: BlockProps) {
  let body: ReactNode = children;
  if (error) body = <p className="block-error" role="alert">Could not load: {error.message}</p>;
  else if (loading) body = <p className="block-muted">Loading…</p>;
  else if (empty) body = <p className="block-muted">{emptyText}</p>;
  return (
    <section className={`block ${className}`} aria-busy={loading}>
      <h2>{title}</h2>
      {body}
    </section>
  );
}
