// Recent sign-ups or recently active users. Pure.
import type { UserSummary } from '../../../contract/metrics.js';
import { formatAgo, userName } from '../format.js';

export function UserList({ users, now }: { users: (UserSummary & { at: string })[]; now: Date }) {
  return (
    <ul className="user-list">
      {users.map((u) => (
        <li key={u.id}>
          <span className="avatar" aria-hidden>
            {(u.display_name ?? u.primary_email ?? '?').slice(0, 1).toUpperCase()}
          </span>
          <span className="user-name">
            {userName(u)}
            {u.display_name !== null && u.primary_email && <small>{u.primary_email}</small>}
          </span>
          <span className="user-when">{formatAgo(u.at, now)}</span>
        </li>
      ))}
    </ul>
  );
}
