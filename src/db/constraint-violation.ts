// Which constraint a failed write broke. Drizzle wraps the driver's error (PGlite and node-postgres both
// put SQLSTATE `code` and `constraint` on it) in `cause`, so walk the chain rather than trust one level.
export interface ConstraintViolation {
  /** 23505 unique, 23503 foreign key, 23514 check. */
  code: string;
  constraint: string | undefined;
}

export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^23\d{3}$/.test(code)) {
      return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
  }
  return undefined;
}

/** Another user of the project already signs in with this address (contact_channels_auth_value_idx). */
export class DuplicateAuthValueError extends Error {
  constructor(
    readonly value: string,
    options?: { cause?: unknown },
  ) {
    super(`${value} is already used to sign in by another user of this project`, options);
    this.name = 'DuplicateAuthValueError';
  }
}

/** Rethrows a broken auth-value uniqueness as DuplicateAuthValueError; anything else as it was. */
export function rethrowDuplicateAuthValue(error: unknown, value: string | undefined): never {
  const violation = constraintViolation(error);
  if (violation?.code === '23505' && violation.constraint === 'contact_channels_auth_value_idx') {
    throw new DuplicateAuthValueError(value ?? 'this address', { cause: error });
  }
  throw error;
}
