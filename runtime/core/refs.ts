/**
 * Object ids held in attribute values and entry keys: what reference counting counts (SAI-METADATA.md §5.9).
 */
import type { AttrMetadata, KeyMember } from "../../generator/model/types.js";

/** Non-NULL OIDs an attribute value refers to: OBJECT_ID, OBJECT_LIST elements, enabled ACL field/action OIDs. */
export function attrRefs(a: AttrMetadata, v: unknown, out: bigint[] = []): bigint[] {
  if (!a.isoidattribute || v === undefined) return out;
  const add = (x: unknown): void => {
    if (typeof x === "bigint") {
      if (x !== 0n) out.push(x);
    } else if (Array.isArray(x)) for (const y of x) add(y);
  };
  if (typeof v === "object" && v !== null && "enable" in v) {
    const o = v as { enable?: boolean; data?: unknown; parameter?: unknown };
    if (o.enable) add(o.data ?? o.parameter);
  } else add(v);
  return out;
}

/** Non-NULL OIDs of an entry key's object-id members. */
export function keyRefs(members: readonly KeyMember[], key: Readonly<Record<string, unknown>>, out: bigint[] = []): bigint[] {
  for (const m of members) {
    if (m.allowedobjecttypes.length === 0) continue;
    const v = key[m.membername];
    if (typeof v === "bigint" && v !== 0n) out.push(v);
  }
  return out;
}
