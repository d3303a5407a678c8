/**
 * Result values of runtime operations: the validator's status builders plus the statuses only an implementation
 * answers (TABLE_FULL, NO_MEMORY…). SAI status values are ABI, so they are constants, as in `validate/status.ts`.
 */
import type { SaiStatus } from "../api.js";
import { indexed, plain, STATUS, SUCCESS, type RangeName } from "../validate/status.js";

/** Every non-indexed status the runtime answers with. */
export const CODES = {
  ...STATUS,
  NO_MEMORY: -3,
  INSUFFICIENT_RESOURCES: -4,
  BUFFER_OVERFLOW: -8,
  TABLE_FULL: -13,
  INVALID_OBJECT_TYPE: -18,
  INVALID_OBJECT_ID: -19,
} as const;

/** A non-indexed status name the runtime uses. */
export type CodeName = keyof typeof CODES;

/** The shared success value. */
export const OK: SaiStatus = SUCCESS;

/** A status with a message; `index`/`attr` when an attribute is at fault. */
export function fail(name: CodeName, message: string, index?: number, attr?: string): SaiStatus {
  if (name in STATUS) return plain(name as keyof typeof STATUS, message, index, attr);
  const r: { -readonly [K in keyof SaiStatus]: SaiStatus[K] } = { status: `SAI_STATUS_${name}`, code: CODES[name], message };
  if (index !== undefined) r.index = index;
  if (attr !== undefined) r.attr = attr;
  return r;
}

/** An indexed status (`SAI_STATUS_<range>_<index>`). */
export function failAt(range: RangeName, index: number, attr: string | undefined, message: string): SaiStatus {
  return indexed(range, index, attr, message);
}

/** The frozen NOT_EXECUTED status of bulk items that were never tried. */
export const NOT_EXECUTED: SaiStatus = Object.freeze(plain("NOT_EXECUTED", "not executed"));
