/**
 * The error-as-value result every parser in the runtime returns (house rule: errors are values, never thrown).
 */

/** Success with a value, or failure with a message that names what was expected. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure. */
export function err<T = never>(error: string): Result<T> {
  return { ok: false, error };
}
