/**
 * Object-level checks (SAI-METADATA.md §1.1, §1.5–§1.7, §4.2, §4.4): attribute id ranges, entry key structs,
 * API tables and the API enum, notifications and their switch attributes, limits, object-id graph loops.
 */
import type { Diagnostics } from "../diagnostics.js";
import { locFromString } from "../diagnostics.js";
import type { BuildSources } from "../model/build.js";
import type { AttrMetadata, SaiModel } from "../model/types.js";

/** Runs the object, entry, API and notification checks. */
export function checkObjects(model: SaiModel, sources: BuildSources, diags: Diagnostics): void {
  const attrs = new Map(model.attributes.map((a) => [a.attridname, a]));
  checkAttributeIds(model, attrs, diags);
  checkEntries(model, sources, diags);
  checkApis(model, diags);
  checkNotifications(model, attrs, diags);
  checkLimits(model, diags);
  checkLoops(model, attrs, diags);
  checkStats(model, diags);
}

function checkAttributeIds(model: SaiModel, attrs: Map<string, AttrMetadata>, diags: Diagnostics): void {
  for (const o of model.objectTypes) {
    const loc = locFromString(o.location);
    if (o.attributes.length === 0) diags.warning(loc, "object-no-attributes", `${o.objecttype} has no attributes`);
    if (o.attridstart !== 0) diags.error(loc, "attr-start", `${o.attrenum}: START must be 0, is ${o.attridstart}`);
    const core = o.attributes.map((n) => attrs.get(n)!).filter((a) => a.attrid < 0x10000000);
    for (const a of core)
      if (a.attrid >= o.attridend) diags.error(locFromString(a.location), "attr-range", `\`${a.attridname}\` (${a.attrid}) is not below ${o.attrenum.replace(/_t$/, "").toUpperCase()}_END (${o.attridend})`);
    if (o.attributes.length > 300) diags.error(loc, "attr-count", `${o.objecttype} has ${o.attributes.length} attributes (at most 300)`);
  }
}

const ENTRY_MEMBER_WITH_SWITCH = "switch_id";

function checkEntries(model: SaiModel, sources: BuildSources, diags: Diagnostics): void {
  for (const o of model.objectTypes) {
    if (!o.isnonobjectid) continue;
    const raw = sources.rawStructs.get(o.keystruct!)?.raw;
    const loc = raw ? raw.loc : locFromString(o.location);
    const first = o.structmembers[0];
    if (!first || first.membername !== ENTRY_MEMBER_WITH_SWITCH || first.membervaluetype !== "SAI_ATTR_VALUE_TYPE_OBJECT_ID")
      diags.error(loc, "entry-switch-id", `${o.keystruct}: the first member must be \`sai_object_id_t switch_id\``);
    o.structmembers.forEach((m, i) => {
      const mloc = raw?.fields[i]?.loc ?? loc;
      const isOid = m.membervaluetype === "SAI_ATTR_VALUE_TYPE_OBJECT_ID";
      if (isOid && m.allowedobjecttypes.length === 0) diags.error(mloc, "entry-member-objects", `${o.keystruct}.${m.membername}: object id members need @objects`);
      if (!isOid && m.allowedobjecttypes.length > 0) diags.error(mloc, "entry-member-objects", `${o.keystruct}.${m.membername}: @objects on a non object id member`);
      if (isOid && !/_id$/.test(m.membername)) diags.warning(mloc, "entry-member-name", `${o.keystruct}.${m.membername}: object id members should be named *_id`);
      if (m.allowedobjecttypes.includes("SAI_OBJECT_TYPE_SWITCH") && m.membername !== ENTRY_MEMBER_WITH_SWITCH)
        diags.error(mloc, "entry-member-switch", `${o.keystruct}.${m.membername}: only switch_id may reference SWITCH`);
      if (i > 0 && m.offset <= o.structmembers[i - 1]!.offset) diags.error(mloc, "entry-member-offset", `${o.keystruct}.${m.membername}: member offsets must increase`);
    });
    if (first && first.membername === ENTRY_MEMBER_WITH_SWITCH && first.allowedobjecttypes.join() !== "SAI_OBJECT_TYPE_SWITCH")
      diags.error(raw?.fields[0]?.loc ?? loc, "entry-switch-id", `${o.keystruct}.switch_id must have @objects SAI_OBJECT_TYPE_SWITCH`);
  }
}

function checkApis(model: SaiModel, diags: Diagnostics): void {
  const apiEnum = model.enums.find((e) => e.name === "sai_api_t");
  const byEnum = new Map(model.apis.map((a) => [a.apienum, a]));
  for (const v of apiEnum?.values ?? []) {
    if (v.name === "SAI_API_UNSPECIFIED") continue;
    if (!byEnum.has(v.name) && model.apis.length > 0 && declaredApis(model).has(v.name))
      diags.error(locFromString(v.location), "api-struct-missing", `\`${v.name}\` has no \`sai_${v.name.slice(8).toLowerCase()}_api_t\``);
  }
  for (const o of model.objectTypes)
    if (o.api === null) diags.error(locFromString(o.location), "object-api", `${o.objecttype} is not bound to an API struct (its attribute enum must precede a sai_*_api_t struct in the same file)`);
  for (const api of model.apis) {
    const loc = locFromString(api.location);
    // header naming: api `dash_flow` lives in saidashflow.h / saiexperimentaldashflow.h / saicustomdashflow.h
    const compact = api.stem.replace(/_/g, "");
    const base = api.header.split("/").pop()!;
    if (![`sai${compact}.h`, `saiexperimental${compact}.h`, `saicustom${compact}.h`].includes(base))
      diags.warning(loc, "api-file-name", `\`${api.name}\` should be declared in sai${compact}.h, saiexperimental${compact}.h or saicustom${compact}.h, not ${base}`);
    for (const ot of api.objecttypes) {
      const o = model.objectTypes.find((x) => x.objecttype === ot)!;
      if (o.objecttype === "SAI_OBJECT_TYPE_FDB_FLUSH" || o.objecttype === "SAI_OBJECT_TYPE_HOSTIF_PACKET") continue;
      for (const kind of ["create", "remove", "set", "get"] as const)
        if (!api.members.some((m) => m.objecttype === ot && m.kind === kind))
          diags.error(loc, "api-quad", `\`${api.name}\` has no ${kind} function for ${ot}`);
    }
  }
}

/** API enum values whose owner could be in this header set: every `sai_*_api_t` name in the model's files. */
function declaredApis(model: SaiModel): Set<string> {
  // An API value needs a struct only when the header set declares the objects it would own; a subset header
  // set (our shipped DASH flow headers) keeps the full API enum for ABI without every API table.
  const owned = new Set<string>();
  for (const o of model.objectTypes) if (o.api) owned.add(o.api);
  const stems = new Set(model.objectTypes.map((o) => o.objecttype));
  const complete = model.objectTypes.length > 0 && model.enums.find((e) => e.name === "sai_object_type_t")?.values.filter((v) => v.name !== "SAI_OBJECT_TYPE_NULL").every((v) => stems.has(v.name));
  if (complete) for (const v of model.enums.find((e) => e.name === "sai_api_t")?.values ?? []) owned.add(v.name);
  return owned;
}

function checkNotifications(model: SaiModel, attrs: Map<string, AttrMetadata>, diags: Diagnostics): void {
  const fns = new Map(model.functions.map((f) => [f.name, f]));
  for (const n of model.notifications) {
    const loc = locFromString(n.location);
    const fn = fns.get(n.fntype)!;
    if (fn.returntype !== "void") diags.error(loc, "notification-return", `\`${n.fntype}\` must return void`);
    for (const p of n.params) {
      if (p.direction !== "in") diags.error(loc, "notification-param-dir", `\`${n.fntype}\`: parameter \`${p.name}\` must be _In_`);
      if (p.pointer > 0 && !p.count) diags.error(loc, "notification-count", `\`${n.fntype}\`: pointer parameter \`${p.name}\` needs @count ${p.name}[...]`);
      if (p.count) {
        if (p.count === p.name) diags.error(loc, "notification-count", `\`${n.fntype}\`: @count ${p.name}[${p.count}] counts itself`);
        else if (!/^\d+$/.test(p.count)) {
          const cp = n.params.find((x) => x.name === p.count);
          if (!cp) diags.error(loc, "notification-count", `\`${n.fntype}\`: @count ${p.name}[${p.count}] names no parameter`);
          else if (cp.basetype !== "uint32_t" && cp.basetype !== "sai_size_t")
            diags.error(loc, "notification-count", `\`${n.fntype}\`: count parameter \`${cp.name}\` must be uint32_t or sai_size_t`);
        }
      }
    }
    const switchObj = model.objectTypes.find((o) => o.objecttype === "SAI_OBJECT_TYPE_SWITCH");
    if (switchObj) {
      const matching = switchObj.attributes.map((a) => attrs.get(a)!).filter((a) => a.pointerfn === n.fntype);
      if (matching.length !== 1)
        diags.error(loc, "notification-switch-attr", `\`${n.fntype}\` needs exactly one SAI_SWITCH_ATTR_*_NOTIFY attribute of type sai_pointer_t ${n.fntype}, found ${matching.length}`);
      else if (matching[0]!.attridname !== `SAI_SWITCH_ATTR_${n.name.toUpperCase()}_NOTIFY`)
        diags.error(locFromString(matching[0]!.location), "notification-switch-attr", `the switch attribute for \`${n.fntype}\` must be named SAI_SWITCH_ATTR_${n.name.toUpperCase()}_NOTIFY`);
    }
  }
}

function checkLimits(model: SaiModel, diags: Diagnostics): void {
  const ot = model.enums.find((e) => e.name === "sai_object_type_t");
  if (!ot) return;
  const core = ot.values.filter((v) => v.value < 0x10000000);
  const ext = ot.values.filter((v) => v.value >= 0x20000000);
  const loc = locFromString(ot.location);
  if (core.length > 0 && core[core.length - 1]!.value >= 192) diags.error(loc, "object-type-limit", `core object types reach ${core[core.length - 1]!.value}; SAI object ids hold at most 191`);
  if (ext.length >= 64) diags.error(loc, "object-type-limit", `${ext.length} extension object types; at most 63 fit the object id encoding`);
  if (core.length + ext.length >= 256) diags.error(loc, "object-type-limit", `${core.length + ext.length} object types; at most 255 fit one byte of an object id`);
}

/** SAI forbids reference cycles through settable object-id attributes, except a few known ones (§4.4). */
const LOOP_WHITELIST = new Set([
  "SAI_SRV6_SIDLIST_ATTR_NEXT_HOP_ID",
  "SAI_SCHEDULER_GROUP_ATTR_PARENT_NODE",
  "SAI_TAM_COLLECTOR_ATTR_DESTINATION",
]);

function checkLoops(model: SaiModel, attrs: Map<string, AttrMetadata>, diags: Diagnostics): void {
  const edges = new Map<string, { to: string; attr: AttrMetadata }[]>();
  for (const a of attrs.values()) {
    if (a.isreadonly || a.allowedobjecttypes.length === 0 || LOOP_WHITELIST.has(a.attridname)) continue;
    if (a.objecttype === "SAI_OBJECT_TYPE_PORT") continue; // port mirror/egress-block attributes are whitelisted upstream
    const list = edges.get(a.objecttype) ?? [];
    for (const t of a.allowedobjecttypes) if (t !== a.objecttype) list.push({ to: t, attr: a });
    edges.set(a.objecttype, list);
  }
  const state = new Map<string, 1 | 2>();
  const stack: AttrMetadata[] = [];
  const reported = new Set<string>();
  const visit = (node: string): void => {
    state.set(node, 1);
    for (const e of edges.get(node) ?? []) {
      stack.push(e.attr);
      const s = state.get(e.to);
      if (s === 1) {
        const start = stack.findIndex((x) => x.objecttype === e.to);
        const cycle = stack.slice(start);
        const key = cycle.map((c) => c.attridname).sort().join(",");
        if (!reported.has(key)) {
          reported.add(key);
          diags.error(locFromString(e.attr.location), "object-loop", `reference loop through settable object ids: ${cycle.map((c) => c.attridname).join(" -> ")}`);
        }
      } else if (s === undefined) visit(e.to);
      stack.pop();
    }
    state.set(node, 2);
  };
  for (const o of model.objectTypes) if (!state.has(o.objecttype)) visit(o.objecttype);
}

/**
 * Statistics (SAI-METADATA.md §4.2): a `sai_<x>_stat_t` enum belongs to object type `<X>`, and an object with
 * statistics functions has exactly get_stats, get_stats_ext and clear_stats.
 */
export function checkStats(model: SaiModel, diags: Diagnostics): void {
  const objects = new Set(model.objectTypes.map((o) => o.objecttype));
  for (const e of model.enums) {
    const m = /^sai_(\w+)_stat_t$/.exec(e.name);
    if (!m || e.synthesized) continue;
    const ot = "SAI_OBJECT_TYPE_" + m[1]!.toUpperCase();
    if (!objects.has(ot)) diags.error(locFromString(e.location), "stat-object", `statistics enum \`${e.name}\` names no object type \`${ot}\``);
  }
  for (const api of model.apis)
    for (const ot of new Set(api.members.filter((x) => x.kind.includes("stats")).map((x) => x.objecttype!))) {
      const kinds = api.members.filter((x) => x.objecttype === ot && x.kind.includes("stats")).map((x) => x.kind);
      if (kinds.join() !== "get_stats,get_stats_ext,clear_stats")
        diags.error(locFromString(api.location), "stat-functions", `\`${api.name}\`: ${ot} needs get_stats, get_stats_ext and clear_stats in that order, has ${kinds.join(", ")}`);
    }
}
