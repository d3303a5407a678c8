/**
 * Builds enum metadata (SAI-METADATA.md §1.4, §3.3): evaluated values sorted ascending, markers removed,
 * `@ignore` aliases recorded, `@flags` type read, extension enums (`sai_x_extensions_t`) merged into `sai_x_t`.
 */
import type { Diagnostics } from "../diagnostics.js";
import { locToString } from "../diagnostics.js";
import type { RawEnum, RawHeader } from "../parse/raw.js";
import type { EnumFlagsType, EnumMetadata, EnumValue } from "./types.js";
import type { SymbolTable } from "./symbols.js";

const FLAGS_TYPES: Record<string, EnumFlagsType> = {
  none: "SAI_ENUM_FLAGS_TYPE_NONE",
  strict: "SAI_ENUM_FLAGS_TYPE_STRICT",
  mixed: "SAI_ENUM_FLAGS_TYPE_MIXED",
  ranges: "SAI_ENUM_FLAGS_TYPE_RANGES",
  free: "SAI_ENUM_FLAGS_TYPE_FREE",
};

/** True for range/marker enumerators that never become metadata values. */
export function isMarker(name: string): boolean {
  return /_(START|END|RANGE_BASE)$/.test(name);
}

/** `sai_dash_direction_t` → `SAI_DASH_DIRECTION_`; extension enums use their base enum's prefix. */
export function enumPrefix(enumName: string): string {
  return enumName.replace(/_extensions_t$/, "_t").replace(/t$/, "").toUpperCase();
}

/** The base enum an extension enum extends (`sai_port_attr_extensions_t` → `sai_port_attr_t`), else null. */
export function extendedEnum(enumName: string): string | null {
  return /_extensions_t$/.test(enumName) ? enumName.replace(/_extensions_t$/, "_t") : null;
}

export interface BuiltEnum {
  meta: EnumMetadata;
  raw: RawEnum;
  header: RawHeader;
  /** Enumerator name → evaluated value, for every non-ignored enumerator including markers. */
  all: Map<string, number>;
}

/** Builds metadata for one named enum (without merging extensions). */
export function buildEnum(raw: RawEnum, header: RawHeader, symbols: SymbolTable, diags: Diagnostics): BuiltEnum {
  const name = raw.name!;
  const prefix = enumPrefix(name);
  let flagstype: EnumFlagsType = "SAI_ENUM_FLAGS_TYPE_NONE";
  let containsflags = false;
  for (const tag of raw.doc?.tags ?? []) {
    if (tag.name === "flags") {
      containsflags = true;
      const t = FLAGS_TYPES[tag.value];
      if (t) flagstype = t;
      else
        diags.error(tag.loc, "enum-flags", `enum \`${name}\`: @flags must be one of none, strict, mixed, ranges, free, got \`${tag.value || "(nothing)"}\``);
    } else if (tag.name === "deprecated") {
      if (tag.value !== "true" && tag.value !== "false")
        diags.error(tag.loc, "tag-value", `enum \`${name}\`: @deprecated must be true or false, got \`${tag.value}\``);
    } else diags.error(tag.loc, "unknown-tag", `enum \`${name}\`: only @flags and @deprecated are allowed on an enum type, got @${tag.name}`);
  }
  const all = new Map<string, number>();
  const values: EnumValue[] = [];
  const ignorevalues: EnumMetadata["ignorevalues"] = [];
  const n = raw.enumerators.length;
  raw.enumerators.forEach((en, index) => {
    if (!/^[A-Z0-9_]+$/.test(en.name)) diags.error(en.loc, "enum-value-name", `enum value \`${en.name}\` must match [A-Z0-9_]+`);
    const v = symbols.value(en.name);
    if (typeof v !== "number") {
      diags.error(en.loc, "enum-initializer", `cannot evaluate \`${en.name} = ${en.init ?? ""}\`: ${v.error}`);
      return;
    }
    const tags = en.doc?.tags ?? [];
    const ignore = tags.find((t) => t.name === "ignore");
    if (ignore) {
      const target = en.init ?? "";
      const earlier = raw.enumerators.slice(0, index).some((e) => e.name === target);
      if (!/^SAI_\w+$/.test(target) || !earlier) {
        diags.error(en.loc, "ignore-alias", `@ignore value \`${en.name}\` must be initialized with an earlier value of \`${name}\`, got \`${target || "(none)"}\``);
      } else ignorevalues.push({ name: en.name, value: v, aliasof: target });
      return;
    }
    all.set(en.name, v);
    if (isMarker(en.name)) return;
    // a `<PREFIX>MAX` count marker is dropped when only range markers follow it
    if (en.name === prefix + "MAX" && raw.enumerators.slice(index + 1).every((e) => isMarker(e.name))) return;
    values.push({
      name: en.name,
      shortname: en.name.startsWith(prefix) ? en.name.slice(prefix.length) : en.name,
      value: v,
      brief: en.doc?.brief ?? "",
      location: locToString(en.loc),
    });
  });
  values.sort((a, b) => a.value - b.value); // stable: equal values keep header order for the duplicate check
  return {
    meta: {
      name,
      values,
      prefix,
      containsflags,
      flagstype,
      ignorevalues,
      objecttype: null,
      synthesized: false,
      brief: raw.doc?.brief ?? "",
      location: locToString(raw.loc),
    },
    raw,
    header,
    all,
  };
}

/** Appends an extension enum's values to its base enum (values stay sorted). */
export function mergeExtension(base: EnumMetadata, ext: EnumMetadata): void {
  base.values.push(...ext.values);
  base.values.sort((a, b) => a.value - b.value);
  base.ignorevalues.push(...ext.ignorevalues);
}
