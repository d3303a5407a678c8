/**
 * The reverse reference graph (SAI-METADATA.md §3.2 `revgraphmembers`): for each object type, every attribute
 * or entry key member of another object type that can hold its object id.
 */
import type { AttrMetadata, ObjectTypeInfo, RevGraphMember } from "./types.js";

/** Fills `revgraphmembers` of every object type in place (attribute references first, then key members). */
export function buildReverseGraph(objectTypes: ObjectTypeInfo[], attributes: AttrMetadata[]): void {
  const byType = new Map<string, RevGraphMember[]>(objectTypes.map((o) => [o.objecttype, []]));
  for (const a of attributes)
    for (const target of a.allowedobjecttypes)
      byType.get(target)?.push({ objecttype: target, depobjecttype: a.objecttype, attrmetadata: a.attridname, structmember: null });
  for (const o of objectTypes)
    for (const m of o.structmembers)
      for (const target of m.allowedobjecttypes)
        byType.get(target)?.push({ objecttype: target, depobjecttype: o.objecttype, attrmetadata: null, structmember: m.membername });
  for (const o of objectTypes) o.revgraphmembers = byType.get(o.objecttype) ?? [];
}
