// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.js';
import { FlatMap } from '../globe/FlatMap.js';
import { lazyChunk } from '../lazy-chunk.js';
import { Block } from './Block.js';
import { CHART_HEIGHT } from './chart-height.js';
import { ChunkBoundary } from './ChunkBoundary.js';
import { LazyDailyChart } from './LazyDailyChart.js';
import { RankedList } from './RankedList.js';
import { StatCard } from './StatCard.js';
import { UserList } from './UserList.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Block', () => {
  it('shows an API error as a message, not its content', () => {
    render(
      <Block title="Payments" error={new ApiError(503, 'analytics_unavailable', 'ClickHouse is down')}>
        <span>$0</span>
      </Block>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Could not load: ClickHouse is down');
    expect(screen.queryByText('$0')).toBeNull();
  });

  it('shows loading, then empty, then content', () => {
    const { rerender } = render(
      <Block title="Emails" loading>
        <span>chart</span>
      </Block>,
    );
    expect(screen.getByText('Loading…')).toBeTruthy();
    rerender(
      <Block title="Emails" empty emptyText="No emails sent yet">
        <span>chart</span>
      </Block>,
    );
    expect(screen.getByText('No emails sent yet')).toBeTruthy();
    rerender(
      <Block title="Emails">
        <span>chart</span>
      </Block>,
    );
    expect(screen.getByText('chart')).toBeTruthy();
  });
});

describe('RankedList', () => {
  it('renders items in order with bars proportional to the largest', () => {
    const { container } = render(
      <RankedList
        items={[
          { label: 'google', value: 40 },
          { label: 'Direct', value: 10 },
        ]}
      />,
    );
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['google40', 'Direct10']);
    expect([...container.querySelectorAll<HTMLElement>('.ranked-bar')].map((b) => b.style.width)).toEqual([
      '100%',
      '25%',
    ]);
  });
});

describe('StatCard and UserList', () => {
  it('render their values', () => {
    render(<StatCard testId="total" label="Total users" value="584" hint="2 anonymous not counted" />);
    expect(screen.getByTestId('total').textContent).toBe('Total users5842 anonymous not counted');
    render(
      <UserList
        now={new Date('2026-01-01T12:00:00Z')}
        users={[
          {
            id: 'u',
            display_name: 'Ada',
            primary_email: 'ada@example.com',
            profile_image_url: null,
            at: '2026-01-01T11:00:00Z',
          },
        ]}
      />,
    );
    expect(screen.getByText('1h ago')).toBeTruthy();
    expect(screen.getByText('ada@example.com')).toBeTruthy();
  });

  it('names a user without a display name by their email, shown once', () => {
    const { container } = render(
      <UserList
        now={new Date('2026-01-01T12:00:00Z')}
        users={[
          {
            id: 'a',
            display_name: null,
            primary_email: 'nameless@example.com',
            profile_image_url: null,
            at: '2026-01-01T11:00:00Z',
          },
          { id: 'b', display_name: null, primary_email: null, profile_image_url: null, at: '2026-01-01T11:00:00Z' },
        ]}
      />,
    );
    expect([...container.querySelectorAll('.user-name')].map((n) => n.textContent)).toEqual([
      'nameless@example.com',
      'Unnamed user',
    ]);
  });
});

describe('FlatMap (2D fallback)', () => {
  it('draws one labelled dot per marker', () => {
    const { container } = render(<FlatMap markers={[{ country: 'US', lat: 38, lng: -97, users: 3, size: 0.07 }]} />);
    expect(container.querySelectorAll('circle')).toHaveLength(1);
    expect(container.querySelector('text')?.textContent).toBe('US 3');
    expect(container.querySelector('g')?.getAttribute('transform')).toBe('translate(83 52)');
  });
});

describe('LazyDailyChart', () => {
  it('holds the chart height with a placeholder, then draws the series once the recharts chunk has loaded', async () => {
    // happy-dom has no layout engine: give elements the box a card gives the chart in a browser (the
    // browser test checks the real thing).
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ width: 600, height: CHART_HEIGHT }),
    );
    const points = ['2026-01-01', '2026-01-02', '2026-01-03'].map((date, i) => ({ date, activity: i * 2 }));
    const { container } = render(<LazyDailyChart series={[{ name: 'sign-ups', points, color: '#5b8def' }]} />);
    expect(screen.getByTestId('chart-placeholder').style.height).toBe(`${CHART_HEIGHT}px`);

    await waitFor(() => expect(container.querySelector('svg.recharts-surface')).not.toBeNull(), { timeout: 10_000 });
    expect(screen.queryByTestId('chart-placeholder')).toBeNull();
    expect(container.querySelector<HTMLElement>('.recharts-responsive-container')?.style.height).toBe(
      `${CHART_HEIGHT}px`,
    );
    expect(container.querySelector('svg.recharts-surface')?.getAttribute('width')).toBe('600');
    expect(container.querySelectorAll('.recharts-area-curve')).toHaveLength(1);
    expect(container.querySelector('.recharts-area-curve')?.getAttribute('d')).toMatch(/^M[\d.,-]+/);
  });
});

describe('ChunkBoundary', () => {
  it('shows its fallback, not a blank page, when a lazy chunk fails to load', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    const missing = lazyChunk(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    render(
      <ChunkBoundary fallback={(error) => <p role="alert">{error.message}</p>}>
        <Suspense fallback={<p>loading</p>}>
          <missing.Component />
        </Suspense>
      </ChunkBoundary>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe('Failed to fetch dynamically imported module');
  });
});
