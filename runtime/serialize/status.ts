/**
 * `sai_status_t` as text (SAI-METADATA.md §5.1, §6): the status name, indexed names `X_1`…`X_10` for the
 * per-attribute ranges, and plain decimal for anything else (e.g. INVALID_ATTRIBUTE_0 + 11 → `-65547`).
 */
import type { StatusCode } from "../../generator/model/types.js";
import { err, ok, type Result } from "../values/result.js";

// Highest range index that has a name; the model (like SAI's status enum metadata) names _1 … _10 only.
const NAMED_INDEXES = 10;

interface StatusIndex {
  byValue: Map<number, string>;
  byName: Map<string, number>;
}

const indexes = new WeakMap<readonly StatusCode[], StatusIndex>();

function indexOf(statuses: readonly StatusCode[]): StatusIndex {
  let ix = indexes.get(statuses);
  if (ix) return ix;
  ix = { byValue: new Map(), byName: new Map() };
  for (const s of statuses) {
    if (!ix.byValue.has(s.value)) ix.byValue.set(s.value, s.name);
    ix.byName.set(s.name, s.value);
  }
  // Also name the _1…_10 codes of each range when the list only carries `_0` (e.g. a hand-written list).
  for (const s of statuses) {
    if (!s.range || !/_0$/.test(s.name)) continue;
    for (let i = 1; i <= NAMED_INDEXES; i++) {
      const name = s.name.replace(/_0$/, `_${i}`);
      const value = s.value - i;
      if (!ix.byName.has(name)) ix.byName.set(name, value);
      if (!ix.byValue.has(value)) ix.byValue.set(value, name);
    }
  }
  indexes.set(statuses, ix);
  return ix;
}

/** Text of a status code: its name when the list (or a range's `_1`…`_10`) names it, else decimal. */
export function formatStatus(code: number, statuses: readonly StatusCode[]): string {
  return indexOf(statuses).byValue.get(code) ?? String(code);
}

/** Reads a status name or a decimal code. */
export function parseStatus(text: string, statuses: readonly StatusCode[]): Result<number> {
  const named = indexOf(statuses).byName.get(text);
  if (named !== undefined) return ok(named);
  if (/^-?[0-9]{1,10}$/.test(text)) {
    const n = Number(text);
    if (n >= -(2 ** 31) && n < 2 ** 31) return ok(n || 0);
  }
  return err(`expected a SAI_STATUS_* name or a decimal status code, got "${text}"`);
}
