// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { ServerUnreachable } from './ServerUnreachable.js';

afterEach(cleanup);

describe('ServerUnreachable', () => {
  it('says the server did not answer, how to check it, and offers to try again', () => {
    let retried = 0;
    render(
      <ServerUnreachable
        error={new ApiError(0, 'network_error', 'Pulse is not reachable')}
        onRetry={() => retried++}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Pulse is not reachable: no answer from the server. Check that it is running (npm start or pulse serve), then try again. Try again',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retried).toBe(1);
  });

  it('tells an error answer apart from no answer', () => {
    render(
      <ServerUnreachable
        error={new ApiError(503, 'database_unavailable', 'Postgres is not available')}
        onRetry={() => {}}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'Pulse answered with an error (503): Postgres is not available. Try again in a moment.',
    );
  });
});
