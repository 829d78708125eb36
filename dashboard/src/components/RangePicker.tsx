// The overview's window: a labelled native <select> (keyboard, screen readers and phones handle it as
// everywhere else), and the days the figures on screen cover.
import { useId } from 'react';
import { RANGE_NAMES, type RangeName, type ResponseWindow } from '../../../contract/metrics.js';
import './RangePicker.css';

// With the year: a 12-month window starts and ends on the same day of the month.
const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const formatDay = (date: string) => day.format(new Date(`${date}T00:00:00Z`));

const LABELS: Record<RangeName, string> = { '7d': '7 days', '30d': '30 days', '90d': '90 days', '365d': '12 months' };

export interface RangePickerProps {
  value: RangeName;
  onChange: (range: RangeName) => void;
  /** The window of the figures shown, once they are in. */
  shown?: ResponseWindow;
}

export function RangePicker({ value, onChange, shown }: RangePickerProps) {
  const id = useId();
  const choose = (asked: string) => {
    const range = RANGE_NAMES.find((name) => name === asked);
    if (range) onChange(range);
  };
  return (
    <div className="range-picker">
      <label htmlFor={id}>Period</label>
      <select id={id} data-testid="range-picker" value={value} onChange={(event) => choose(event.target.value)}>
        {RANGE_NAMES.map((name) => (
          <option key={name} value={name}>
            Last {LABELS[name]}
          </option>
        ))}
      </select>
      {shown && (
        <span className="range-days" data-testid="range-days">
          {formatDay(shown.first_day)} – {formatDay(shown.last_day)}
        </span>
      )}
    </div>
  );
}
