// Small helpers every benchmark shares: percentiles and a printed table.
import Table from 'cli-table3';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function printTable(title: string, head: string[], rows: (string | number)[][]): void {
  const table = new Table({ head, style: process.stdout.isTTY ? {} : { head: [], border: [] } });
  for (const row of rows) table.push(row.map(String));
  process.stdout.write(`\n${title}\n${table.toString()}\n`);
}
