// A ranked list with proportional bars (referrers, countries, login methods). Pure.
export interface RankedItem {
  label: string;
  value: number;
}

export function RankedList({ items, format = String }: { items: RankedItem[]; format?: (n: number) => string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ol className="ranked-list">
      {items.map((item) => (
        <li key={item.label}>
          <span className="ranked-bar" style={{ width: `${(item.value / max) * 100}%` }} />
          <span className="ranked-label">{item.label}</span>
          <span className="ranked-value">{format(item.value)}</span>
        </li>
      ))}
    </ol>
  );
}
