// How `pulse` commands print: JSON when asked, otherwise cli-table3 tables (without colours when stdout is
// not a terminal).
import Table from 'cli-table3';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

function newTable(head: string[]): Table.Table {
  return new Table({ head, style: process.stdout.isTTY ? {} : { head: [], border: [] } });
}

/** One row per item. */
export function printTable(head: string[], rows: string[][]): void {
  const table = newTable(head);
  for (const row of rows) table.push(row);
  printLine(table.toString());
}

/** One item, a field per line. */
export function printRecord(fields: [string, string][]): void {
  const table = newTable(['field', 'value']);
  for (const [name, value] of fields) table.push([name, value]);
  printLine(table.toString());
}
