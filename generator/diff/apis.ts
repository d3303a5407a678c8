/**
 * API tables (`sai_<api>_api_t`) and function typedefs: the "apis" section of a diff.
 *
 * An API table is a struct of function pointers that an old binary indexes by slot, so appending a function is
 * compatible while inserting or removing one moves every later slot (ABI-breaking). Function signatures are
 * compared by return type and parameter C types; parameter names do not matter to C callers.
 */
import type { ApiMetadata, FunctionTypedef, SaiModel } from "../model/types.js";
import { change, matchByName, type Change } from "./change.js";
import { renameRuling } from "./verdict.js";

function signature(f: FunctionTypedef): string {
  return `${f.returntype} (*)(${f.params.map((p) => p.ctype).join(", ")})`;
}

function directions(f: FunctionTypedef): string {
  return f.params.map((p) => `${p.direction ?? "?"} ${p.name}`).join(", ");
}

/** Changes to API tables and function typedefs between two models. */
export function diffApis(oldModel: SaiModel, newModel: SaiModel): Change[] {
  const out: Change[] = [];
  const oldFns = new Map(oldModel.functions.map((f) => [f.name, f]));
  const newFns = new Map(newModel.functions.map((f) => [f.name, f]));
  const m = matchByName(oldModel.apis, newModel.apis, (a) => a.name, null);
  const base = { section: "apis" as const, subject: "api" as const };
  for (const a of m.removed)
    out.push(change({ ...base, owner: a.name, kind: "removed", name: a.name, old: a.apienum, verdict: "abi-breaking", reason: `the API table and its ${a.members.length} function(s) are gone` }));
  for (const a of m.added)
    out.push(change({ ...base, owner: a.name, kind: "added", name: a.name, new: a.apienum, verdict: "compatible", reason: `new API table with ${a.members.length} function(s)` }));
  for (const [o, n] of m.common) out.push(...diffApiTable(o, n, oldFns, newFns));
  out.push(...diffFunctions(oldModel, newModel));
  return out;
}

function diffApiTable(
  o: ApiMetadata,
  n: ApiMetadata,
  oldFns: ReadonlyMap<string, FunctionTypedef>,
  newFns: ReadonlyMap<string, FunctionTypedef>,
): Change[] {
  const out: Change[] = [];
  const owner = n.name;
  const tbase = { section: "apis" as const, owner, subject: "api" as const, kind: "changed" as const, name: owner };
  if (o.apivalue !== n.apivalue)
    out.push(change({ ...tbase, field: "value", old: `${o.apienum} = ${o.apivalue}`, new: `${n.apienum} = ${n.apivalue}`, verdict: "abi-breaking", reason: "the sai_api_t value passed to sai_api_query changed" }));
  const slot = (a: ApiMetadata) => new Map(a.members.map((mm, i) => [mm.name, i]));
  const os = slot(o);
  const ns = slot(n);
  const base = { section: "apis" as const, owner, subject: "api-function" as const };
  const m = matchByName(o.members, n.members, (mm) => mm.name, (mm) => `${(os.get(mm.name) ?? ns.get(mm.name))}:${mm.fntype}`);
  for (const mm of m.removed)
    out.push(change({ ...base, kind: "removed", name: mm.name, old: `slot ${os.get(mm.name)}`, verdict: "abi-breaking", reason: "a function was removed from the table: later slots move" }));
  for (const mm of m.added) {
    const at = ns.get(mm.name)!;
    const appended = n.members.slice(at + 1).every((x) => m.added.includes(x));
    out.push(
      appended
        ? change({ ...base, kind: "added", name: mm.name, new: `slot ${at}`, verdict: "compatible", reason: "appended to the end of the table" })
        : change({ ...base, kind: "added", name: mm.name, new: `slot ${at}`, verdict: "abi-breaking", reason: "inserted before existing functions: their slots move" }),
    );
  }
  for (const [a, b] of m.renamed)
    out.push(change({ ...base, kind: "renamed", name: b.name, oldName: a.name, old: `slot ${os.get(a.name)}`, new: `slot ${ns.get(b.name)}`, ...renameRuling(false) }));
  const pairs = [...m.common, ...m.renamed];
  for (const [a, b] of pairs) {
    if (a.fntype === b.fntype) continue;
    const fa = oldFns.get(a.fntype);
    const fb = newFns.get(b.fntype);
    const same = fa && fb && signature(fa) === signature(fb);
    out.push(change({ ...base, kind: "changed", name: b.name, field: "fntype", old: a.fntype, new: b.fntype, verdict: same ? "source-breaking" : "abi-breaking", reason: same ? "the function typedef was renamed; its signature is unchanged" : "the function's signature changed" }));
  }
  // removals and insertions are reported above; only a different relative order of kept functions is news
  const before = pairs.map(([a]) => a.name).sort((x, y) => os.get(x)! - os.get(y)!);
  const after = [...pairs].sort((x, y) => ns.get(x[1].name)! - ns.get(y[1].name)!).map(([a]) => a.name);
  if (before.some((x, i) => x !== after[i]))
    out.push(change({ ...tbase, field: "order", old: before.join(", "), new: after.join(", "), verdict: "abi-breaking", reason: "functions were reordered: their slots change" }));
  return out;
}

/**
 * Function typedef signatures. Additions and removals of typedefs that an API table lists are already reported
 * as table changes, so only the others (notifications, callbacks, shared bulk types) are listed here.
 */
function diffFunctions(oldModel: SaiModel, newModel: SaiModel): Change[] {
  const out: Change[] = [];
  const inTables = new Set([...oldModel.apis, ...newModel.apis].flatMap((a) => a.members.map((mm) => mm.fntype)));
  const m = matchByName(oldModel.functions, newModel.functions, (f) => f.name, null);
  const base = { section: "apis" as const, subject: "function" as const };
  for (const f of m.removed)
    if (!inTables.has(f.name))
      out.push(change({ ...base, owner: f.name, kind: "removed", name: f.name, old: signature(f), verdict: "abi-breaking", reason: "the function type is no longer defined" }));
  for (const f of m.added)
    if (!inTables.has(f.name))
      out.push(change({ ...base, owner: f.name, kind: "added", name: f.name, new: signature(f), verdict: "compatible", reason: "new function type" }));
  for (const [a, b] of m.common) {
    const c = { ...base, owner: b.name, kind: "changed" as const, name: b.name };
    if (signature(a) !== signature(b))
      out.push(change({ ...c, field: "signature", old: signature(a), new: signature(b), verdict: "abi-breaking", reason: "return or parameter types changed" }));
    else if (directions(a) !== directions(b) && a.params.some((p, i) => p.direction !== b.params[i]!.direction))
      out.push(change({ ...c, field: "directions", old: directions(a), new: directions(b), verdict: "source-breaking", reason: "a parameter's direction (_In_/_Out_/_Inout_) changed" }));
  }
  return out;
}
