// What the page says when Pulse itself does not answer (/api/v1/info failed): whether the server could not
// be reached at all or answered with an error, and a way to try again.
import type { ApiError } from '../api/client.js';

export function serverUnreachableText(error: ApiError): string {
  return error.status === 0
    ? 'Pulse is not reachable: no answer from the server. Check that it is running (npm start or pulse serve), then try again.'
    : `Pulse answered with an error (${error.status}): ${error.message}. Try again in a moment.`;
}

export function ServerUnreachable({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <div className="notice error" role="alert" data-testid="server-unreachable">
      {serverUnreachableText(error)} <button onClick={onRetry}>Try again</button>
    </div>
  );
}
