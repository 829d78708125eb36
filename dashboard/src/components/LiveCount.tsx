// The live-user count with its pulsing dot, announced politely to screen readers when it changes (a
// status region: read out when the reader is idle, never interrupting).
import { formatCount } from '../format.js';

export function LiveCount({ users }: { users: number | undefined }) {
  return (
    <span role="status" aria-atomic="true">
      <span className="live-pill" data-testid="live-pill">
        <span className="live-dot" aria-hidden="true" />
        {users === undefined ? '—' : formatCount(users)}
      </span>
      <span className="sr-only">
        {users === undefined ? ' live users loading' : users === 1 ? ' user live now' : ' users live now'}
      </span>
    </span>
  );
}
