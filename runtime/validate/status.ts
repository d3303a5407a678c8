/**
 * Status codes the validator answers with (SAI-METADATA.md §5.1) and the small builders of result values.
 *
 * The values are ABI (`SAI_STATUS_CODE(x) = -x`), so they are constants here rather than looked up in the model:
 * inline fixture models without `saistatus.h` must still produce the same codes.
 */
import type { ValidationResult } from "./types.js";

/** Non-indexed status codes. */
export const STATUS = {
  SUCCESS: 0,
  FAILURE: -1,
  NOT_SUPPORTED: -2,
  INVALID_PARAMETER: -5,
  ITEM_ALREADY_EXISTS: -6,
  ITEM_NOT_FOUND: -7,
  MANDATORY_ATTRIBUTE_MISSING: -14,
  NOT_IMPLEMENTED: -15,
  OBJECT_IN_USE: -17,
  NOT_EXECUTED: -23,
} as const;

/** Bases of the per-attribute ranges: the code for list position i is `-(base + i)`. */
export const RANGE = {
  INVALID_ATTRIBUTE: 0x10000,
  INVALID_ATTR_VALUE: 0x20000,
  ATTR_NOT_IMPLEMENTED: 0x30000,
  UNKNOWN_ATTRIBUTE: 0x40000,
  ATTR_NOT_SUPPORTED: 0x50000,
} as const;

/** A non-indexed status name. */
export type StatusName = keyof typeof STATUS;
/** An indexed status range name. */
export type RangeName = keyof typeof RANGE;

// SAI's status enum metadata names X_0 … X_10; larger indexes print as numbers (§5.1).
const NAMED_INDEXES = 10;
const MAX_INDEX = 0xffff;

/** Code of range `r` at list position `i` (positions past 0xFFFF saturate at the range's MAX). */
export function indexedCode(r: RangeName, i: number): number {
  return -(RANGE[r] + Math.min(i, MAX_INDEX));
}

/** Text of an indexed code: `SAI_STATUS_<R>_<i>` up to 10, else the decimal code. */
export function indexedName(r: RangeName, i: number): string {
  return i <= NAMED_INDEXES ? `SAI_STATUS_${r}_${i}` : String(indexedCode(r, i));
}

/** The shared success value: returned without allocating on the hot path. */
export const SUCCESS: ValidationResult = Object.freeze({ status: "SAI_STATUS_SUCCESS", code: 0, message: "ok" });

/** A non-indexed result. */
export function plain(
  name: StatusName,
  message: string,
  index?: number,
  attr?: string,
): ValidationResult {
  const r: { -readonly [K in keyof ValidationResult]: ValidationResult[K] } = {
    status: `SAI_STATUS_${name}`,
    code: STATUS[name],
    message,
  };
  if (index !== undefined) r.index = index;
  if (attr !== undefined) r.attr = attr;
  return r;
}

/** An indexed result for list position `index`. */
export function indexed(r: RangeName, index: number, attr: string | undefined, message: string): ValidationResult {
  const out: { -readonly [K in keyof ValidationResult]: ValidationResult[K] } = {
    status: indexedName(r, index),
    code: indexedCode(r, index),
    index,
    message,
  };
  if (attr !== undefined) out.attr = attr;
  return out;
}

/** A copy of `r` with warnings attached (only the warning path allocates). */
export function withWarnings(r: ValidationResult, warnings: readonly string[] | null): ValidationResult {
  return warnings && warnings.length > 0 ? { ...r, warnings: [...(r.warnings ?? []), ...warnings] } : r;
}

/** The name of a status code (range codes by name up to index 10), for bulk summaries. */
export function statusNameOf(code: number): string {
  for (const [k, v] of Object.entries(STATUS)) if (v === code) return `SAI_STATUS_${k}`;
  const n = -code;
  for (const [k, base] of Object.entries(RANGE))
    if (n >= base && n <= base + MAX_INDEX) return indexedName(k as RangeName, n - base);
  return String(code);
}
