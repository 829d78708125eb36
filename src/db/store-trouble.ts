// Whether a failed Postgres statement failed because of the server (a full disk, an I/O error, a shutdown,
// a lost connection) rather than the request: those answer 503 (try again), never 500. Drizzle wraps the
// driver's error, which carries the SQLSTATE `code`, in `cause`; the chain is walked as for constraints.
const TROUBLE = /^(53|58|08|57P)/; // insufficient resources (53100 disk full), system/I-O error, connection, shutdown

export function isPostgresTrouble(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code } = e as { code?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return TROUBLE.test(code);
  }
  return false;
}
