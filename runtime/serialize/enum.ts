/**
 * Enum values as text (SAI-METADATA.md §6): a value name, or decimal for a value outside the enum; `@flags
 * strict`/`mixed` enums print the names of the set bits joined by `|`, with unknown bits as one `0x…` token.
 */
import { isFlagsEnum, type EnumMetadata } from "../../generator/model/types.js";
import { err, ok, type Result } from "../values/result.js";

/** Finds an enum's metadata by C type name (e.g. `sai_packet_action_t`). */
export type EnumLookup = (name: string) => EnumMetadata | undefined;

/** A lookup over a list of enums (e.g. `model.enums`). */
export function enumLookup(enums: Iterable<EnumMetadata>): EnumLookup {
  const byName = new Map<string, EnumMetadata>();
  for (const e of enums) byName.set(e.name, e);
  return (name) => byName.get(name);
}

/** A lookup that knows no enums: nested enum members then print as numbers. */
export const NO_ENUMS: EnumLookup = () => undefined;

interface EnumIndex {
  byValue: Map<number, string>;
  byName: Map<string, number>;
  /** Non-zero values in ascending unsigned order, for flag decomposition. */
  bits: { name: string; value: number }[];
  flags: boolean;
}

// Enum metadata is immutable model data, so its lookup tables are built once per object.
const indexes = new WeakMap<EnumMetadata, EnumIndex>();

function indexOf(e: EnumMetadata): EnumIndex {
  let ix = indexes.get(e);
  if (ix) return ix;
  const byValue = new Map<number, string>();
  const byName = new Map<string, number>();
  for (const v of e.values) {
    if (!byValue.has(v.value)) byValue.set(v.value, v.name);
    byName.set(v.name, v.value);
  }
  for (const v of e.ignorevalues) if (!byName.has(v.name)) byName.set(v.name, v.value);
  const bits = e.values
    .filter((v) => v.value !== 0)
    .map((v) => ({ name: v.name, value: v.value >>> 0 }))
    .sort((a, b) => a.value - b.value);
  const flags = isFlagsEnum(e);
  ix = { byValue, byName, bits, flags };
  indexes.set(e, ix);
  return ix;
}


/** Text of an int32 enum value; decimal when there is no metadata or the value is no member. */
export function formatEnumValue(value: number, e: EnumMetadata | undefined): string {
  if (!e) return String(value);
  const ix = indexOf(e);
  if (!ix.flags) return ix.byValue.get(value) ?? String(value);
  if (value === 0) return ix.byValue.get(0) ?? "0x0";
  // A mixed enum may name the whole combination; a strict one only has single bits, where this is the same walk.
  const exact = ix.byValue.get(value);
  if (exact !== undefined && e.flagstype === "SAI_ENUM_FLAGS_TYPE_MIXED") return exact;
  let rest = value >>> 0;
  const names: string[] = [];
  for (const b of ix.bits) {
    // Whole-value containment keeps mixed-enum combinations from claiming bits that are not all set.
    if ((rest & b.value) >>> 0 === b.value) {
      names.push(b.name);
      rest = (rest & ~b.value) >>> 0;
    }
  }
  if (rest !== 0) names.push(`0x${rest.toString(16)}`);
  return names.join("|");
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function parseInt32(text: string): number | null {
  if (!/^-?[0-9]{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n >= INT32_MIN && n <= INT32_MAX ? n || 0 : null;
}

/** Reads a value name, an `@ignore`d legacy name, or a decimal int32; flags enums take `A|B|0x…` tokens. */
export function parseEnumValue(text: string, e: EnumMetadata | undefined): Result<number> {
  if (!e) {
    const n = parseInt32(text);
    return n === null ? err(`expected a 32-bit signed decimal integer, got "${text}"`) : ok(n);
  }
  const ix = indexOf(e);
  if (!ix.flags) {
    const named = ix.byName.get(text);
    if (named !== undefined) return ok(named);
    const n = parseInt32(text);
    return n === null ? err(`expected a value name of ${e.name} or a decimal number, got "${text}"`) : ok(n);
  }
  let acc = 0;
  for (const tok of text.split("|")) {
    const named = ix.byName.get(tok);
    let v: number;
    if (named !== undefined) v = named >>> 0;
    else if (/^0[xX]?[0-9a-fA-F]{0,8}$/.test(tok)) v = tok.length <= 1 || /^0[xX]$/.test(tok) ? 0 : parseInt(tok.replace(/^0[xX]/, ""), 16);
    else if (/^[1-9][0-9]{0,9}$/.test(tok) && Number(tok) <= 0xffffffff) v = Number(tok);
    else
      return err(
        `expected ${e.name} flag names joined by "|" (unknown bits as 0x…), got "${text}" (bad part "${tok}")`,
      );
    acc = (acc | v) >>> 0;
  }
  return ok(acc | 0);
}
