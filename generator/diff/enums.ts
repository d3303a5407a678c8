/**
 * Enums and their values: the "enums" section of a diff, i.e. SAI's enum lock and ancestry checks
 * (SAI-METADATA.md §4.4, last item) extended to every header folder, `experimental/` included.
 *
 * Attribute enums are left to the objects section, and so are the `sai_object_type_t` values of object types
 * that have attributes; `*_extensions_t` enums that are merged into a base enum are compared through that base,
 * so no value is reported twice.
 */
import { extendedEnum } from "../model/enums.js";
import type { EnumMetadata, EnumValue, SaiModel } from "../model/types.js";
import { change, hex, matchByName, type Change } from "./change.js";
import { renameRuling } from "./verdict.js";

/** True for enums the enums section covers: not attribute enums, not generated numbering, not merged parts. */
export function isPlainEnum(e: EnumMetadata, all: ReadonlySet<string>): boolean {
  if (e.objecttype !== null) return false;
  // notification and pointer type numbering is generated per build (not header text, not locked by SAI);
  // sai_status_t is kept: it mirrors the SAI_STATUS_* defines, which are published numbers
  if (e.synthesized && e.name !== "sai_status_t") return false;
  if (/_attr_(extensions|custom)_t$/.test(e.name)) return false;
  const base = extendedEnum(e.name);
  return !(base && all.has(base));
}

function plainEnums(model: SaiModel, objects: ReadonlySet<string>): EnumMetadata[] {
  const names = new Set(model.enums.map((e) => e.name));
  return model.enums
    .filter((e) => isPlainEnum(e, names))
    .map((e) =>
      // object types with attributes are reported (with their attributes) by the objects section
      e.name === "sai_object_type_t" ? { ...e, values: e.values.filter((v) => !objects.has(v.name)) } : e,
    );
}

/** Changes to enums and enum values between two models. */
export function diffEnums(oldModel: SaiModel, newModel: SaiModel): Change[] {
  const out: Change[] = [];
  const objects = new Set([...oldModel.objectTypes, ...newModel.objectTypes].map((o) => o.objecttype));
  const m = matchByName(plainEnums(oldModel, objects), plainEnums(newModel, objects), (e) => e.name, null);
  const base = { section: "enums" as const, subject: "enum" as const };
  for (const e of m.removed)
    out.push(change({ ...base, owner: e.name, kind: "removed", name: e.name, verdict: "abi-breaking", reason: `the enum and its ${e.values.length} value(s) are no longer defined` }));
  for (const e of m.added)
    out.push(change({ ...base, owner: e.name, kind: "added", name: e.name, verdict: "compatible", reason: `new enum with ${e.values.length} value(s)` }));
  for (const [o, n] of m.common) out.push(...diffEnum(o, n));
  return out;
}

/** Value-by-value comparison of one enum: published values may never change; new values are appended. */
export function diffEnum(o: EnumMetadata, n: EnumMetadata): Change[] {
  const out: Change[] = [];
  const owner = n.name;
  if (o.flagstype !== n.flagstype)
    out.push(change({ section: "enums", owner, subject: "enum", kind: "changed", name: owner, field: "flags", old: flagsTypeText(o.flagstype), new: flagsTypeText(n.flagstype), verdict: "source-breaking", reason: "which combinations of values are valid changed" }));
  const base = { section: "enums" as const, owner, subject: "enum-value" as const };
  const newAliases = new Map(n.ignorevalues.map((v) => [v.name, v]));
  const m = matchByName<EnumValue>(o.values, n.values, (v) => v.name, (v) => String(v.value));
  const oldByValue = new Map(o.values.map((v) => [v.value, v.name]));
  for (const v of m.removed) {
    const alias = newAliases.get(v.name);
    if (alias && alias.value === v.value)
      out.push(change({ ...base, kind: "renamed", name: alias.aliasof, oldName: v.name, old: hex(v.value), new: hex(alias.value), ...renameRuling(true) }));
    else
      out.push(change({ ...base, kind: "removed", name: v.name, old: hex(v.value), verdict: "abi-breaking", reason: alias ? `now an @ignore alias of ${alias.aliasof} with another value` : `value ${hex(v.value)} is no longer defined` }));
  }
  for (const v of m.added) {
    const prev = oldByValue.get(v.value);
    out.push(
      prev !== undefined
        ? change({ ...base, kind: "added", name: v.name, new: hex(v.value), verdict: "abi-breaking", reason: `reuses value ${hex(v.value)}, which was ${prev} in the old headers` })
        : change({ ...base, kind: "added", name: v.name, new: hex(v.value), verdict: "compatible", reason: "new value" }),
    );
  }
  for (const [a, b] of m.renamed)
    out.push(change({ ...base, kind: "renamed", name: b.name, oldName: a.name, old: hex(a.value), new: hex(b.value), ...renameRuling(newAliases.has(a.name)) }));
  for (const [a, b] of m.common)
    if (a.value !== b.value)
      out.push(change({ ...base, kind: "changed", name: b.name, field: "value", old: hex(a.value), new: hex(b.value), verdict: "abi-breaking", reason: "a published enum value changed: old binaries send the old number" }));
  const newNames = new Set([...n.values.map((v) => v.name), ...newAliases.keys()]);
  for (const a of o.ignorevalues)
    if (!newNames.has(a.name))
      out.push(change({ ...base, kind: "removed", name: a.name, old: hex(a.value), verdict: "source-breaking", reason: `the @ignore alias of ${a.aliasof} was dropped: old source using it no longer compiles` }));
  return out;
}

function flagsTypeText(t: string): string {
  return t.replace(/^SAI_ENUM_FLAGS_TYPE_/, "").toLowerCase();
}
