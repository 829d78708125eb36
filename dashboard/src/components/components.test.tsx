// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { FlatMap } from '../globe/FlatMap.js';
import { Block } from './Block.js';
import { RankedList } from './RankedList.js';
import { StatCard } from './StatCard.js';
import { UserList } from './UserList.js';

afterEach(cleanup);

describe('Block', () => {
  it('shows an API error as a message, not its content', () => {
    render(<Block title="Payments" error={new ApiError(503, 'analytics_unavailable', 'ClickHouse is down')}><span>$0</span></Block>);
    expect(screen.getByRole('alert').textContent).toBe('Could not load: ClickHouse is down');
    expect(screen.queryByText('$0')).toBeNull();
  });

  it('shows loading, then empty, then content', () => {
    const { rerender } = render(<Block title="Emails" loading><span>chart</span></Block>);
    expect(screen.getByText('Loading…')).toBeTruthy();
    rerender(<Block title="Emails" empty emptyText="No emails sent yet"><span>chart</span></Block>);
    expect(screen.getByText('No emails sent yet')).toBeTruthy();
    rerender(<Block title="Emails"><span>chart</span></Block>);
    expect(screen.getByText('chart')).toBeTruthy();
  });
});

describe('RankedList', () => {
  it('renders items in order with bars proportional to the largest', () => {
    const { container } = render(<RankedList items={[{ label: 'google', value: 40 }, { label: 'Direct', value: 10 }]} />);
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['google40', 'Direct10']);
    expect([...container.querySelectorAll<HTMLElement>('.ranked-bar')].map((b) => b.style.width)).toEqual(['100%', '25%']);
  });
});

describe('StatCard and UserList', () => {
  it('render their values', () => {
    render(<StatCard testId="total" label="Total users" value="584" hint="2 anonymous not counted" />);
    expect(screen.getByTestId('total').textContent).toBe('Total users5842 anonymous not counted');
    render(<UserList now={new Date('2026-01-01T12:00:00Z')} users={[{ id: 'u', display_name: 'Ada', primary_email: 'ada@example.com', profile_image_url: null, at: '2026-01-01T11:00:00Z' }]} />);
    expect(screen.getByText('1h ago')).toBeTruthy();
    expect(screen.getByText('ada@example.com')).toBeTruthy();
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
