/**
 * Verdict rules: how bad each kind of header change is for code built against the old headers.
 *
 * - `compatible`: append-only. New object types, attributes, enum values, structs, API functions appended to the
 *   end of an API table, loosened rules (CREATE_ONLY → CREATE_AND_SET, MANDATORY_ON_CREATE dropped, more
 *   object types accepted by a writable attribute), renames that keep the old name as an `@ignore` alias.
 * - `source-breaking`: binaries built against the old headers still agree with the library on every number and
 *   layout, but source must be reviewed or changed: renames (same value, new name), rule tightening (losing
 *   create or set, gaining MANDATORY_ON_CREATE or KEY, fewer accepted object types, allownull removed),
 *   changed defaults, conditions and valid-only expressions, a different enum behind the same INT32 value type.
 * - `abi-breaking`: the numbers or the memory layout an old binary uses now mean something else: changed or
 *   reused numeric values (object types, attribute ids, enum values, API ids), anything removed, an attribute's
 *   value type (the `sai_attribute_value_t` union member an old binary reads or writes changes), any struct
 *   member added/removed/reordered/retyped (sizes and offsets move; bulk calls pass arrays of entry keys), a
 *   function inserted into or removed from the middle of an API table (later function pointer slots move),
 *   function signatures.
 *
 * The overall verdict is the worst single verdict.
 */
import type { AttrFlag } from "../model/types.js";
import type { Change, Verdict } from "./change.js";

/** Verdicts in increasing severity. */
export const VERDICTS: readonly Verdict[] = ["compatible", "source-breaking", "abi-breaking"];

/** The more severe of the given verdicts (`compatible` for none). */
export function worst(...vs: Verdict[]): Verdict {
  let w = 0;
  for (const v of vs) w = Math.max(w, VERDICTS.indexOf(v));
  return VERDICTS[w]!;
}

/** Overall verdict and per-verdict counts of a change list. */
export function summarize(changes: readonly Change[]): { verdict: Verdict; counts: Record<Verdict, number> } {
  const counts: Record<Verdict, number> = { compatible: 0, "source-breaking": 0, "abi-breaking": 0 };
  for (const c of changes) counts[c.verdict]++;
  return { verdict: worst(...changes.map((c) => c.verdict)), counts };
}

/** A verdict with its reason. */
export interface Ruling {
  verdict: Verdict;
  reason: string;
}

/** What an attribute's flags let a caller do; tightening means losing one of the `can*` or gaining a `must*`. */
function capabilities(flags: readonly AttrFlag[]) {
  const has = (f: AttrFlag) => flags.includes(f);
  const ro = has("SAI_ATTR_FLAGS_READ_ONLY");
  return {
    canCreate: !ro,
    canSet: has("SAI_ATTR_FLAGS_CREATE_AND_SET"),
    mustCreate: has("SAI_ATTR_FLAGS_MANDATORY_ON_CREATE"),
    isKey: has("SAI_ATTR_FLAGS_KEY"),
  };
}

/** Short flag text as written in headers: `MANDATORY_ON_CREATE | CREATE_ONLY`. */
export function flagsText(flags: readonly AttrFlag[]): string {
  return flags.map((f) => f.replace(/^SAI_ATTR_FLAGS_/, "")).join(" | ");
}

/**
 * Flag changes: losing create or set, gaining MANDATORY_ON_CREATE or KEY breaks callers that compiled and ran
 * before (source-breaking); the reverse only allows more (compatible).
 */
export function flagsRuling(oldFlags: readonly AttrFlag[], newFlags: readonly AttrFlag[]): Ruling {
  const o = capabilities(oldFlags);
  const n = capabilities(newFlags);
  const lost: string[] = [];
  if (o.canCreate && !n.canCreate) lost.push("can no longer be passed on create");
  if (o.canSet && !n.canSet) lost.push("can no longer be set");
  if (!o.mustCreate && n.mustCreate) lost.push("is now mandatory on create");
  if (!o.isKey && n.isKey) lost.push("is now a key (unique per switch)");
  if (lost.length) return { verdict: "source-breaking", reason: `flags tightened: the attribute ${lost.join(", ")}` };
  return { verdict: "compatible", reason: "flags loosened: everything valid before is still valid" };
}

/**
 * Allowed object types: a writable attribute that accepts fewer types rejects ids callers passed before; a
 * read-only one that may return more types hands callers ids they do not expect. Either is source-breaking.
 */
export function objectsRuling(oldTypes: readonly string[], newTypes: readonly string[], readOnly: boolean): Ruling {
  const gone = oldTypes.filter((t) => !newTypes.includes(t));
  const more = newTypes.filter((t) => !oldTypes.includes(t));
  if (!readOnly && gone.length)
    return { verdict: "source-breaking", reason: `no longer accepts ${gone.join(", ")}` };
  if (readOnly && more.length)
    return { verdict: "source-breaking", reason: `may now return ${more.join(", ")} to callers that do not expect it` };
  return { verdict: "compatible", reason: readOnly ? "returns a subset of the object types it returned before" : "accepts more object types" };
}

/** A boolean permission (`allownull`, `allowempty`, `relaxed`) that was taken away is a tightening. */
export function permissionRuling(what: string, oldValue: boolean, newValue: boolean): Ruling {
  return oldValue && !newValue
    ? { verdict: "source-breaking", reason: `${what} is no longer allowed` }
    : { verdict: "compatible", reason: `${what} is now allowed` };
}

/** What the condition rules need to know besides the two expressions. */
export interface ConditionFacts {
  oldText: string;
  newText: string;
  /**
   * True when both are `or` lists and the new one only adds operands that compare against enum values the
   * old headers did not have: no caller of the old headers can meet the added cases.
   */
  onlyNewValues: boolean;
}

/** `@condition` changes: becoming conditional or adding cases for new enum values only loosens; else it changes when the attribute is required. */
export function conditionRuling(f: ConditionFacts): Ruling {
  if (f.oldText === "") return { verdict: "compatible", reason: "the attribute became conditional: it is required (or allowed) in fewer cases" };
  if (f.onlyNewValues) return { verdict: "compatible", reason: "the condition only gained cases for enum values that are new" };
  return { verdict: "source-breaking", reason: "the condition under which the attribute is required or allowed changed" };
}

/** `@validonly` changes: dropping it, or adding cases for new enum values only, loosens; else it changes when a value takes effect. */
export function validOnlyRuling(f: ConditionFacts): Ruling {
  if (f.newText === "") return { verdict: "compatible", reason: "the attribute is now valid in every case" };
  if (f.onlyNewValues) return { verdict: "compatible", reason: "the attribute is now also valid for enum values that are new" };
  return { verdict: "source-breaking", reason: "the case in which the attribute's value takes effect changed" };
}

/** Rules for renames: same value under a new name breaks source, unless the old name stays as an `@ignore` alias. */
export function renameRuling(aliasKept: boolean): Ruling {
  return aliasKept
    ? { verdict: "compatible", reason: "the old name is kept as an @ignore alias, so old source still compiles" }
    : { verdict: "source-breaking", reason: "same value under a new name: old source no longer compiles, old binaries still work" };
}
