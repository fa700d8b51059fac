/**
 * Results for reading user data.
 *
 * A bad cell in a carrier bill is normal, not exceptional: parsers return a `Result` so the import
 * preview can show every problem with its row and column and keep going. `throw` is kept for
 * programmer errors (a caller breaking a documented contract), and `assertNever` for exhaustiveness.
 */

/** One problem found while reading user data, in words a finance person understands. */
export interface FieldError {
  /** 1-based line number in the source file, when known (set by the importer, not by value parsers). */
  row?: number;
  /** Column header as written in the source file, when known. */
  column?: string;
  /** The raw text that could not be read, exactly as found. */
  value?: string;
  /** A full sentence, e.g. `Expected an amount like 1,234.56 or ($12.00) but found "abc".` */
  message: string;
}

/** The problems an import shows in its preview; the same shape as {@link FieldError}. */
export type ImportIssue = FieldError;

/** A successful read. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** A failed read, with at least one error. */
export interface Failure {
  readonly ok: false;
  readonly errors: readonly FieldError[];
}

/** Either a value or the reasons it could not be read. Never thrown. */
export type Result<T> = Ok<T> | Failure;

/** Wraps a successfully read value. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/**
 * A failed read. Accepts a message, one error, or a non-empty list of errors; `details` (row,
 * column, value) are added to every error that does not already say them.
 */
export function fail(
  problem: string | FieldError | readonly FieldError[],
  details: Omit<FieldError, 'message'> = {},
): Failure {
  const errors: readonly FieldError[] =
    typeof problem === 'string'
      ? [{ message: problem }]
      : 'message' in problem
        ? [problem]
        : problem;
  if (errors.length === 0) {
    throw new Error('fail() needs at least one error: an empty failure would hide a problem.');
  }
  return { ok: false, errors: errors.map((error) => ({ ...details, ...error })) };
}

/**
 * Adds where a value came from (row, column) to a result's errors, leaving successes untouched.
 * Value parsers do not know their row; the importer calls this once it does.
 */
export function withLocation<T>(
  result: Result<T>,
  location: Omit<FieldError, 'message'>,
): Result<T> {
  return result.ok ? result : fail(result.errors, location);
}

/**
 * Marks a branch the type checker proves unreachable, e.g. the `default` of a `switch` over a union.
 * Reaching it at run time is a programmer error, so it throws.
 */
export function assertNever(value: never, message = 'Unexpected value'): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
