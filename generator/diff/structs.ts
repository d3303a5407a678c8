/**
 * Structs and unions: the "structs" section of a diff.
 *
 * The model has no sizes for ordinary structs (only entry keys carry offsets, and those are compared in the
 * objects section), so layout is judged from the member list: in a struct, any member added, removed, retyped
 * or reordered moves offsets or the size; in a union every member sits at offset 0, so an added member is
 * compatible unless it is larger than all others, which the model cannot tell (said in the reason).
 */
import type { SaiModel, StructMember, StructMetadata } from "../model/types.js";
import { change, matchByName, type Change } from "./change.js";
import { objectsRuling, renameRuling } from "./verdict.js";

function comparableStructs(model: SaiModel, covered: ReadonlySet<string>): StructMetadata[] {
  return model.structs.filter((s) => !covered.has(s.name));
}

/**
 * Changes to structs and unions. Entry key structs and API tables are left out: the objects section reports key
 * layouts with offsets, and the apis section reports table slots.
 */
export function diffStructs(oldModel: SaiModel, newModel: SaiModel): Change[] {
  const keyStructs = new Set([
    ...[...oldModel.objectTypes, ...newModel.objectTypes].map((o) => o.keystruct).filter((k): k is string => k !== null),
    ...[...oldModel.apis, ...newModel.apis].map((a) => a.name),
  ]);
  const out: Change[] = [];
  const m = matchByName(comparableStructs(oldModel, keyStructs), comparableStructs(newModel, keyStructs), (s) => s.name, null);
  const base = { section: "structs" as const, subject: "struct" as const };
  for (const s of m.removed)
    out.push(change({ ...base, owner: s.name, kind: "removed", name: s.name, verdict: "abi-breaking", reason: `the ${s.kind} is no longer defined` }));
  for (const s of m.added)
    out.push(change({ ...base, owner: s.name, kind: "added", name: s.name, verdict: "compatible", reason: `new ${s.kind} with ${s.members.length} member(s)` }));
  for (const [o, n] of m.common) out.push(...diffStruct(o, n));
  return out;
}

/** Member-by-member comparison of one struct or union. */
export function diffStruct(o: StructMetadata, n: StructMetadata): Change[] {
  const owner = n.name;
  const out: Change[] = [];
  const sbase = { section: "structs" as const, owner, subject: "struct" as const, kind: "changed" as const, name: owner };
  if (o.kind !== n.kind) {
    out.push(change({ ...sbase, field: "kind", old: o.kind, new: n.kind, verdict: "abi-breaking", reason: "struct and union lay out members differently" }));
    return out;
  }
  const isUnion = n.kind === "union";
  const base = { section: "structs" as const, owner, subject: "struct-member" as const };
  const index = (list: readonly StructMember[]) => new Map(list.map((mm, i) => [mm, i]));
  const oi = index(o.members);
  const ni = index(n.members);
  const m = matchByName(o.members, n.members, (mm) => mm.name, (mm) => (isUnion ? mm.ctype : `${oi.get(mm) ?? ni.get(mm)}:${mm.ctype}`));
  for (const mm of m.removed)
    out.push(change({ ...base, kind: "removed", name: mm.name, old: mm.ctype, verdict: "abi-breaking", reason: isUnion ? "a union member was removed" : "a member was removed: later offsets and the size change" }));
  for (const mm of m.added) {
    const r = isUnion
      ? { verdict: "compatible" as const, reason: "new union member at offset 0 (breaks the ABI only if it is larger than every other member; sizes are not in the model)" }
      : n.members.slice(ni.get(mm)! + 1).every((x) => m.added.includes(x))
        ? { verdict: "abi-breaking" as const, reason: "a member was appended: the struct's size changes (arrays of it and structs embedding it move)" }
        : { verdict: "abi-breaking" as const, reason: "a member was inserted: later offsets and the size change" };
    out.push(change({ ...base, kind: "added", name: mm.name, new: mm.ctype, ...r }));
  }
  for (const [a, b] of m.renamed)
    out.push(change({ ...base, kind: "renamed", name: b.name, oldName: a.name, old: a.ctype, new: b.ctype, ...renameRuling(false) }));
  const pairs = [...m.common, ...m.renamed];
  for (const [a, b] of pairs) {
    const c = { ...base, kind: "changed" as const, name: b.name };
    if (a.ctype !== b.ctype)
      out.push(change({ ...c, field: "type", old: a.ctype, new: b.ctype, verdict: "abi-breaking", reason: "the member's C type changed" }));
    if ([...a.allowedobjecttypes].sort().join(",") !== [...b.allowedobjecttypes].sort().join(","))
      out.push(change({ ...c, field: "objects", old: a.allowedobjecttypes.join(", "), new: b.allowedobjecttypes.join(", "), ...objectsRuling(a.allowedobjecttypes, b.allowedobjecttypes, false) }));
    for (const f of ["validonly", "passparam", "flagsenum", "suffix"] as const)
      if ((a[f] ?? "") !== (b[f] ?? ""))
        out.push(change({ ...c, field: f, old: a[f], new: b[f], verdict: "source-breaking", reason: `@${f === "flagsenum" ? "flags" : f} changed: the member is (de)serialized differently` }));
  }
  if (!isUnion) {
    // insertions and removals already move later members; only a different relative order is news
    const before = pairs.map(([a]) => a).sort((x, y) => oi.get(x)! - oi.get(y)!);
    const after = pairs.map(([a, b]) => ({ a, at: ni.get(b)! })).sort((x, y) => x.at - y.at).map((p) => p.a);
    if (before.some((mm, i) => mm !== after[i]))
      out.push(change({ ...sbase, field: "order", old: before.map((mm) => mm.name).join(", "), new: after.map((mm) => pairs.find(([a]) => a === mm)![1].name).join(", "), verdict: "abi-breaking", reason: "members were reordered: their offsets change" }));
  }
  const counts = (s: StructMetadata) => s.counts.map((c) => `${c.pointer}[${c.count}]`).join(", ");
  if (counts(o) !== counts(n))
    out.push(change({ ...sbase, field: "count", old: counts(o) || "(none)", new: counts(n) || "(none)", verdict: "source-breaking", reason: "@count changed: list lengths are read from another member" }));
  return out;
}
