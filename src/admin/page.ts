// The admin API's page shape, shared with the CLI (`pulse users list`, `pulse teams list`).
/** `rows` were read with limit + 1: the one row more tells whether another page exists, without a count. */
export function toPage<T extends { id: string }>(
  rows: readonly T[],
  limit: number,
): { items: T[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, next_cursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
