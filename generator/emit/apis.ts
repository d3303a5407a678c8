/**
 * The `ts-apis` emitter: one interface per API table `sai_<api>_api_t` (SAI-METADATA.md §1.6), in
 * `src/apis/<api>.ts`, with the C member names (`create_flow_table`, `create_flow_entries`, …) and TypeScript
 * signatures adapted from the C typedefs by these rules:
 *
 * 1. Parameters keep their C names and order. Counts that only give the length of an array the call also takes
 *    (`attr_count`, `object_count`, `number_of_counters`, …) are dropped: the array carries its length.
 * 2. Attribute lists are typed per object type: create takes `Create<Obj>Attrs`, set one `Set<Obj>Attr`, get the
 *    attribute names to read (`K extends <Obj>AttrName`); bulk calls take arrays of the same. Entry keys are
 *    `<Obj>Key`, object ids `ObjectId`, counter ids the object's stat enum.
 * 3. Out-parameters become the result: a call without them returns its `sai_status_t`; otherwise it returns
 *    `{status, …}`: create → `{status, id?}`, get → `{status, attrs?}` (only the requested names, typed),
 *    stats → `{status, counters?}`, bulk → `{status, statuses}` plus `ids` (object-id create) or `attrs` (get);
 *    any other function → `{status, <out parameter>?…}`.
 * 4. `M = "async"` makes every member return a promise, for implementations over RPC.
 */
import type { ApiMember, ApiMetadata, FunctionParam, FunctionTypedef, ObjectTypeInfo } from "../model/types.js";
import { MODULES, safeIdentifier } from "./names.js";
import { docText, renderTemplate, TsFile, typeSymbol } from "./ts-file.js";
import { tsPlan, type TsPlan } from "./ts-plan.js";
import { TypeWriter } from "./ts-types.js";
import type { EmitContext, Emitter, GeneratedFile } from "./types.js";

/** Count parameter → the array parameter whose length it gives. */
const COUNT_OF: Record<string, string[]> = {
  attr_count: ["attr_list"],
  number_of_counters: ["counter_ids"],
  buffer_size: ["buffer"],
  number_of_registers: ["reg_val"],
  count: ["data", "list"],
};

/** The view of one API member. */
export interface MemberView {
  doc: string;
  name: string;
  generic: string;
  params: string;
  ret: string;
}

function cSignature(fn: FunctionTypedef): string {
  return `${fn.name}(${fn.params.map((p) => `${p.direction === "out" ? "_Out_ " : p.direction === "inout" ? "_Inout_ " : ""}${p.name}`).join(", ")})`;
}

/** The TypeScript signature of one API member. */
export function memberView(member: ApiMember, fn: FunctionTypedef, obj: ObjectTypeInfo | null, file: TsFile, plan: TsPlan, types: TypeWriter): MemberView {
  const n = obj ? plan.names.objects.get(obj.objecttype) : undefined;
  const kind = n ? member.kind : "other";
  const status = file.use(typeSymbol(plan.names.status.type, MODULES.status));
  const bindings = (name: string) => file.use(typeSymbol(name, MODULES.bindings));
  const ret = (t: string) => `${bindings("Returns")}<M, ${t}>`;
  const bulk = kind.startsWith("bulk_");
  const byName = new Map(fn.params.map((p) => [p.name, p]));
  // a count is dropped when its array is an input (objects: every bulk array), kept when only an output uses it
  const dropped = (p: FunctionParam) => {
    if (p.basetype !== "uint32_t" && p.basetype !== "sai_size_t") return false;
    if (kind !== "other" && (p.name === "object_count" || p.name === "attr_count" || p.name === "number_of_counters")) return true;
    return (COUNT_OF[p.name] ?? []).some((a) => byName.get(a) && byName.get(a)!.direction !== "out");
  };
  const resultCountDropped = (p: FunctionParam) =>
    (COUNT_OF[p.name] ?? []).some((a) => byName.get(a) && byName.get(a)!.direction !== "in");
  const names = n ? `K extends ${file.use(typeSymbol(n.attrName, n.module))}` : "";
  const picked = n ? `Pick<${file.use(typeSymbol(n.values, n.module))}, K>` : "";

  const paramType = (p: FunctionParam): string => {
    if (n && p.basetype === "sai_attribute_t") {
      const list = (t: string) => (p.pointer >= 2 || kind === "bulk_set" ? `readonly ${t}[]` : t);
      if (kind === "create" || kind === "bulk_create") return list(file.use(typeSymbol(n.create, n.module)));
      if (kind === "set" || kind === "bulk_set") return list(file.use(typeSymbol(n.set, n.module)));
      if (kind === "get") return "readonly K[]";
      if (kind === "bulk_get") return "readonly (readonly K[])[]";
    }
    if (n?.key && p.basetype === obj!.keystruct) {
      const key = file.use(typeSymbol(n.key, n.module));
      return bulk ? `readonly ${key}[]` : key;
    }
    if (p.name === "counter_ids") return `readonly ${obj?.statenum ? types.enumType(obj.statenum) : "number"}[]`;
    if (p.basetype === "void") return "Uint8Array";
    if (p.pointer > 0 && /(_size|_count)$/.test(p.name)) return types.cType(p.basetype, 0, null);
    return types.cType(p.basetype, p.pointer, null);
  };

  const ins = fn.params.filter((p) => p.direction !== "out" && !dropped(p));
  const params = ins.map((p) => `${safeIdentifier(p.name)}: ${paramType(p)}`).join(", ");
  let result: string;
  switch (kind) {
    case "create":
      result = fn.params.some((p) => p.direction === "out") ? bindings("ApiCreateResult") : status;
      break;
    case "get":
      result = `${bindings("ApiGetResult")}<${picked}>`;
      break;
    case "get_stats":
    case "get_stats_ext":
      result = bindings("ApiStatsResult");
      break;
    case "bulk_create":
      result = member.isentry ? bindings("ApiBulkResult") : bindings("ApiBulkCreateResult");
      break;
    case "bulk_get":
      result = `${bindings("ApiBulkGetResult")}<${picked}>`;
      break;
    case "bulk_remove":
    case "bulk_set":
      result = bindings("ApiBulkResult");
      break;
    case "remove":
    case "set":
    case "clear_stats":
      result = status;
      break;
    default: {
      const outs = fn.params.filter((p) => p.direction !== "in" && !resultCountDropped(p));
      result = outs.length
        ? `{ readonly status: ${status}; ${outs.map((p) => `readonly ${safeIdentifier(p.name)}?: ${paramType(p)};`).join(" ")} }`
        : status;
    }
  }
  const generic = kind === "get" || kind === "bulk_get" ? `<${names}>` : "";
  return {
    doc: docText(`${fn.brief ? fn.brief.replace(/\.?$/, ".") : ""} C: \`${cSignature(fn)}\`.`),
    name: safeIdentifier(member.name),
    generic,
    params,
    ret: ret(result),
  };
}

/** `src/apis/<api>.ts` for one API table. */
export function emitApi(api: ApiMetadata, ctx: EmitContext, plan: TsPlan): GeneratedFile {
  const names = plan.names.apis.get(api.name)!;
  const file = new TsFile(names.module);
  const types = new TypeWriter(ctx.model, plan.names, file);
  const fns = new Map(ctx.model.functions.map((f) => [f.name, f]));
  const objs = new Map(ctx.model.objectTypes.map((o) => [o.objecttype, o]));
  const members = api.members
    .filter((m) => fns.has(m.fntype))
    .map((m) => memberView(m, fns.get(m.fntype)!, m.objecttype ? (objs.get(m.objecttype) ?? null) : null, file, plan, types));
  const view = {
    doc: docText(`\`${api.name}\`${api.apienum ? ` (\`${api.apienum}\`)` : ""}: the functions of the ${api.stem} API, member names as in C.`) +
      "\n *\n * Signatures follow the rules in the package README: counts dropped, attribute lists typed per object type,\n * out-parameters returned as `{status, …}`. `M = \"async\"` for implementations that answer with promises.",
    iface: names.iface,
    apiMode: file.use(typeSymbol("ApiMode", MODULES.bindings)),
    members,
  };
  return file.finish(renderTemplate("api.ts", view), ctx.provenance, `The \`${api.name}\` table (${api.header}).`);
}

/** Every API module. */
export function emitApis(ctx: EmitContext): GeneratedFile[] {
  const plan = tsPlan(ctx.model);
  return ctx.model.apis.map((a) => emitApi(a, ctx, plan));
}

/** The emitter. */
export const apisEmitter: Emitter = { name: "ts-apis", emit: emitApis };
