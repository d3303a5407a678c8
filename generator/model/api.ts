/**
 * Classifies function typedefs and API table members (SAI-METADATA.md §1.6): which verb and which object type.
 */
import type { ApiFunctionKind } from "./types.js";

export interface FnClass {
  kind: ApiFunctionKind;
  /** Object stem as written in the typedef (`flow_entry`), or null when it comes from the member name. */
  stem: string | null;
  isentrybulk: boolean;
}

const PATTERNS: [RegExp, ApiFunctionKind, boolean][] = [
  [/^sai_bulk_object_create_fn$/, "bulk_create", false],
  [/^sai_bulk_object_remove_fn$/, "bulk_remove", false],
  [/^sai_bulk_object_set_attribute_fn$/, "bulk_set", false],
  [/^sai_bulk_object_get_attribute_fn$/, "bulk_get", false],
  [/^sai_bulk_create_(\w+)_fn$/, "bulk_create", true],
  [/^sai_bulk_remove_(\w+)_fn$/, "bulk_remove", true],
  [/^sai_bulk_set_(\w+)_attribute_fn$/, "bulk_set", true],
  [/^sai_bulk_get_(\w+)_attribute_fn$/, "bulk_get", true],
  [/^sai_get_(\w+)_stats_ext_fn$/, "get_stats_ext", false],
  [/^sai_get_(\w+)_stats_fn$/, "get_stats", false],
  [/^sai_clear_(\w+)_stats_fn$/, "clear_stats", false],
  [/^sai_create_(\w+)_fn$/, "create", false],
  [/^sai_remove_(\w+)_fn$/, "remove", false],
  [/^sai_set_(\w+)_attribute_fn$/, "set", false],
  [/^sai_get_(\w+)_attribute_fn$/, "get", false],
];

/** Verb and object stem of a function typedef name. */
export function classifyFunction(fntype: string): FnClass {
  for (const [re, kind, isentrybulk] of PATTERNS) {
    const m = re.exec(fntype);
    if (m) return { kind, stem: m[1] ?? null, isentrybulk };
  }
  return { kind: "other", stem: null, isentrybulk: false };
}

/** Candidate singular stems of an OID bulk member name (`create_flow_tables` → `flow_table`). */
export function bulkMemberStems(member: string): string[] {
  const m = /^(?:create|remove|set|get)_(\w+?)(?:_attribute)?$/.exec(member);
  if (!m) return [];
  const plural = m[1]!;
  const out: string[] = [];
  if (plural.endsWith("ies")) out.push(plural.slice(0, -3) + "y");
  if (plural.endsWith("es")) out.push(plural.slice(0, -2));
  if (plural.endsWith("s")) out.push(plural.slice(0, -1));
  return out;
}

/** `flow_entry` → `SAI_OBJECT_TYPE_FLOW_ENTRY`. */
export function objectTypeOfStem(stem: string): string {
  return "SAI_OBJECT_TYPE_" + stem.toUpperCase();
}

/** `SAI_OBJECT_TYPE_FLOW_ENTRY` → `flow_entry`. */
export function stemOfObjectType(ot: string): string {
  return ot.replace(/^SAI_OBJECT_TYPE_/, "").toLowerCase();
}
