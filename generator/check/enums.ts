/**
 * Enum checks (SAI-METADATA.md §1.4, §4.2, §4.4): value prefixes, duplicates, emptiness, and the value rules of
 * each `@flags` type (none: contiguous from 0 with jumps only to the custom/extension ranges; strict: 0 then
 * powers of two in order; ranges: contiguous blocks at multiples of 0x1000; mixed; free).
 */
import type { Diagnostics } from "../diagnostics.js";
import { locFromString } from "../diagnostics.js";
import type { BuildSources } from "../model/build.js";
import type { EnumMetadata, SaiModel } from "../model/types.js";

const CUSTOM = 0x10000000;
const EXTENSIONS = 0x20000000;

/** Runs the enum checks on every header enum (synthesized ones are correct by construction). */
export function checkEnums(model: SaiModel, sources: BuildSources, diags: Diagnostics): void {
  for (const e of model.enums) {
    if (e.synthesized) continue;
    const built = sources.enums.get(e.name);
    const own = built?.meta ?? e;
    const isExt = /_extensions_t$/.test(e.name) || /_custom_t$/.test(e.name);
    const loc = locFromString(e.location);
    if (own.values.length === 0 && !isExt) diags.error(loc, "enum-empty", `enum \`${e.name}\` has no values`);
    for (const v of own.values)
      if (!v.name.startsWith(e.prefix)) diags.warning(locFromString(v.location), "enum-value-prefix", `value \`${v.name}\` of \`${e.name}\` must start with \`${e.prefix}\``);
    if (isExt) continue;
    checkValues(e, diags);
  }
}

/** `X_MIN` followed by `X_MAX`: the ids between them belong to `@range` clones, which are not enum values. */
function isRangeGap(prevName: string, name: string): boolean {
  return /_MIN$/.test(prevName) && name === prevName.replace(/_MIN$/, "_MAX");
}

function checkValues(e: EnumMetadata, diags: Diagnostics): void {
  const vals = e.values;
  const where = (i: number) => locFromString(vals[i]!.location || e.location);
  for (let i = 1; i < vals.length; i++)
    if (vals[i]!.value === vals[i - 1]!.value)
      diags.error(where(i), "enum-duplicate-value", `\`${vals[i]!.name}\` has the same value (${vals[i]!.value}) as \`${vals[i - 1]!.name}\`; mark the alias @ignore`);
  for (let i = 0; i < vals.length; i++)
    if (vals[i]!.value < 0) diags.error(where(i), "enum-negative", `\`${vals[i]!.name}\` is negative (${vals[i]!.value})`);
  const hex = (n: number) => "0x" + n.toString(16);
  switch (e.flagstype) {
    case "SAI_ENUM_FLAGS_TYPE_NONE": {
      if (vals.length > 0 && vals[0]!.value !== 0) diags.error(where(0), "enum-start", `enum \`${e.name}\` must start at 0, \`${vals[0]!.name}\` is ${vals[0]!.value}`);
      for (let i = 1; i < vals.length; i++) {
        const prev = vals[i - 1]!.value;
        const v = vals[i]!.value;
        if (v === prev + 1 || v === prev) continue;
        // entering the custom or extension range may jump (its base marker is not a value)
        if ((v >= CUSTOM && prev < CUSTOM) || (v >= EXTENSIONS && prev < EXTENSIONS)) continue;
        if (isRangeGap(vals[i - 1]!.name, vals[i]!.name)) continue;
        diags.error(where(i), "enum-contiguous", `enum \`${e.name}\` is not contiguous: \`${vals[i]!.name}\` is ${hex(v)}, expected ${hex(prev + 1)} (use @flags to declare a non-contiguous enum)`);
        break;
      }
      for (let i = 0; i < vals.length; i++)
        if (vals[i]!.value >= 0x10000 && vals[i]!.value < CUSTOM) {
          diags.error(where(i), "enum-range", `\`${vals[i]!.name}\` (${hex(vals[i]!.value)}) is outside 0..0xFFFF and outside the custom/extension ranges`);
          break;
        }
      break;
    }
    case "SAI_ENUM_FLAGS_TYPE_STRICT": {
      if (vals.length === 0 || vals[0]!.value !== 0) {
        diags.error(where(0), "enum-strict-zero", `strict flags enum \`${e.name}\` must start with a 0 (no flags) value`);
        break;
      }
      let expected = 1;
      for (let i = 1; i < vals.length; i++) {
        if (vals[i]!.value >= CUSTOM) break;
        if (vals[i]!.value !== expected) {
          diags.error(where(i), "enum-strict", `strict flags enum \`${e.name}\`: \`${vals[i]!.name}\` is ${hex(vals[i]!.value)}, expected ${hex(expected)}`);
          break;
        }
        expected *= 2;
      }
      break;
    }
    case "SAI_ENUM_FLAGS_TYPE_MIXED": {
      const bits = vals.filter((v) => v.value > 0 && (v.value & (v.value - 1)) === 0).map((v) => v.value);
      const all = bits.reduce((m, b) => m | b, 0);
      for (let i = 0; i < vals.length; i++) {
        const v = vals[i]!.value;
        if (v !== 0 && (v & ~all) !== 0 && v < CUSTOM)
          diags.error(where(i), "enum-mixed", `mixed flags enum \`${e.name}\`: \`${vals[i]!.name}\` (${hex(v)}) is not a combination of its single-bit values`);
      }
      break;
    }
    case "SAI_ENUM_FLAGS_TYPE_RANGES": {
      let blockBase = -1;
      let prev = -1;
      const blocks = new Set<number>();
      for (let i = 0; i < vals.length; i++) {
        const v = vals[i]!.value;
        const base = v - (v % 0x1000);
        if (base !== blockBase) {
          if (v !== base) {
            diags.error(where(i), "enum-ranges", `ranges enum \`${e.name}\`: block ${hex(base)} must start with its base value, \`${vals[i]!.name}\` is ${hex(v)}`);
            break;
          }
          blockBase = base;
          blocks.add(base & 0xf0000000);
        } else if (v !== prev + 1 && !isRangeGap(vals[i - 1]!.name, vals[i]!.name)) {
          diags.error(where(i), "enum-ranges", `ranges enum \`${e.name}\`: \`${vals[i]!.name}\` (${hex(v)}) is not contiguous inside its block`);
          break;
        }
        prev = v;
      }
      break;
    }
    case "SAI_ENUM_FLAGS_TYPE_FREE":
      break;
  }
}

/**
 * Range markers come in pairs (SAI-METADATA.md §4.2): every `X_START` has an `X_END`, every `X_RANGE_END` has its
 * `X_RANGE_START`/`X_RANGE_BASE`; a lone marker means a block whose extent nobody can tell.
 */
export function checkMarkerPairs(sources: BuildSources, diags: Diagnostics): void {
  for (const b of sources.enums.values()) {
    const names = new Set(b.raw.enumerators.map((e) => e.name));
    for (const en of b.raw.enumerators) {
      const n = en.name;
      if (/_RANGE_START$/.test(n) && !names.has(n.replace(/_START$/, "_END")))
        diags.error(en.loc, "enum-marker-pair", `\`${n}\` has no matching \`${n.replace(/_START$/, "_END")}\``);
      else if (/_RANGE_END$/.test(n) && !names.has(n.replace(/_END$/, "_START")) && !names.has(n.replace(/_END$/, "_BASE")))
        diags.error(en.loc, "enum-marker-pair", `\`${n}\` has no matching \`${n.replace(/_END$/, "_START")}\``);
      else if (/_START$/.test(n) && !/_RANGE_START$/.test(n) && !names.has(n.replace(/_START$/, "_END")))
        diags.error(en.loc, "enum-marker-pair", `\`${n}\` has no matching \`${n.replace(/_START$/, "_END")}\``);
    }
  }
}
