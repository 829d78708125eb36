// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.js';
import { Block, SLOW_MS } from './Block.js';
import { ChartWithTable } from './ChartWithTable.js';
import { LiveCount } from './LiveCount.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const points = [
  { date: '2026-01-01', activity: 3 },
  { date: '2026-01-02', activity: 1200 },
];

describe('ChartWithTable', () => {
  it('names the chart by its summary, and its button swaps it for a table of the same numbers and back', () => {
    render(<ChartWithTable label="Daily sign-ups" series={[{ name: 'sign-ups', points, color: '#fff' }]} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Daily sign-ups: 2 days, Jan 1 to Jan 2. sign-ups: 1,203 in total, most on Jan 2 (1,200).',
    );
    const toggle = screen.getByRole('button', { name: 'Daily sign-ups as a table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = screen.getByRole('region', { name: 'Daily sign-ups, by day' });
    expect(toggle.getAttribute('aria-controls')).toBe(table.id);
    expect([...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent))).toEqual([
      ['Day', 'sign-ups'],
      ['Jan 1', '3'],
      ['Jan 2', '1,200'],
    ]);
    expect(screen.queryByRole('img')).toBeNull();
    fireEvent.click(toggle);
    expect(screen.getByRole('img')).toBeTruthy();
  });
});

describe('Block states in words', () => {
  it('says "Loading…", then that the answer is slow', () => {
    vi.useFakeTimers();
    render(<Block title="Emails" loading />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(SLOW_MS));
    expect(screen.getByText('Still loading: Pulse is taking longer than usual…')).toBeTruthy();
  });

  it('keeps the last figures after a failed refresh, and says so', () => {
    render(
      <Block title="Emails" stale={new ApiError(503, 'analytics_unavailable', 'ClickHouse is down')}>
        <span>22 sent</span>
      </Block>,
    );
    expect(screen.getByText('22 sent')).toBeTruthy();
    expect(screen.getByText('Could not refresh (ClickHouse is down); showing the last figures.')).toBeTruthy();
  });
});

describe('LiveCount', () => {
  it('is a status region that reads as a sentence', () => {
    const { rerender } = render(<LiveCount users={undefined} />);
    expect(screen.getByRole('status').textContent).toBe('— live users loading');
    rerender(<LiveCount users={1} />);
    expect(screen.getByRole('status').textContent).toBe('1 user live now');
    rerender(<LiveCount users={1234} />);
    expect(screen.getByRole('status').textContent).toBe('1,234 users live now');
  });
});
