/**
 * Builds the metadata model from parsed headers: enums → object types → attributes → structs and entry keys →
 * functions and API tables → notifications → status codes → switch pointers → reverse graph.
 * Problems are reported to `diags`; the model is built as far as the input allows.
 */
import { createHash } from "node:crypto";
import type { Diagnostics } from "../diagnostics.js";
import { locToString } from "../diagnostics.js";
import type { RawEnum, RawField, RawHeader, RawParam, RawStruct, RawTypedef } from "../parse/raw.js";
import { bindAttributeReferences, buildAttribute, type AttributeSource } from "./attribute.js";
import { bulkMemberStems, classifyFunction, objectTypeOfStem, stemOfObjectType } from "./api.js";
import { CLayout } from "./c-layout.js";
import { buildEnum, extendedEnum, isMarker, mergeExtension, type BuiltEnum } from "./enums.js";
import { SymbolTable } from "./symbols.js";
import type {
  ApiMember,
  ApiMetadata,
  AttrMetadata,
  AttrValueType,
  DefineMetadata,
  EnumMetadata,
  FunctionParam,
  FunctionTypedef,
  KeyMember,
  NotificationMetadata,
  ObjectTypeInfo,
  SaiModel,
  StatusCode,
  StructMember,
  StructMetadata,
  ValueTypeName,
} from "./types.js";
import { valueTypeOfCType, type TypeContext } from "./value-type.js";
import { buildReverseGraph } from "./revgraph.js";

/** Everything the checks need besides the model: raw declarations and per-attribute tag locations. */
export interface BuildSources {
  headers: RawHeader[];
  symbols: SymbolTable;
  enums: Map<string, BuiltEnum>;
  attributes: Map<string, AttributeSource>;
  rawStructs: Map<string, { raw: RawStruct; header: RawHeader }>;
  /** Object types declared in `sai_object_type_t` that have no attribute enum in this header set. */
  objectTypesWithoutAttributes: string[];
}

export interface BuildResult {
  model: SaiModel;
  sources: BuildSources;
}

const ENTRY_MEMBER_TYPES: Record<string, ValueTypeName> = {
  sai_object_id_t: "OBJECT_ID",
  sai_mac_t: "MAC",
  sai_ip_address_t: "IP_ADDRESS",
  sai_ip_prefix_t: "IP_PREFIX",
  sai_ip6_t: "IPV6",
  sai_uint8_t: "UINT8",
  sai_uint16_t: "UINT16",
  sai_uint32_t: "UINT32",
  sai_u32_range_t: "UINT32_RANGE",
  sai_vlan_id_t: "UINT16",
  sai_label_id_t: "UINT32",
  sai_nat_entry_data_t: "NAT_ENTRY_DATA",
};

/** Builds the model from parsed headers. */
export function buildModel(headers: RawHeader[], diags: Diagnostics): BuildResult {
  const symbols = new SymbolTable(headers);
  for (const [first, second] of symbols.duplicates) {
    const loc = second.kind === "enumerator" ? second.enumerator.loc : second.define.loc;
    const prev = first.kind === "enumerator" ? first.enumerator.loc : first.define.loc;
    diags.error(loc, "symbol-duplicate", `\`${second.name}\` is already defined at ${locToString(prev)}`);
  }

  // ---- enums
  const rawEnums = new Map<string, { raw: RawEnum; header: RawHeader }>();
  for (const h of headers)
    for (const e of h.enums) {
      if (!e.name || !/^sai_\w+_t$/.test(e.name)) continue;
      const prev = rawEnums.get(e.name);
      if (prev) diags.error(e.loc, "enum-duplicate", `enum \`${e.name}\` is already defined at ${locToString(prev.raw.loc)}`);
      else {
        rawEnums.set(e.name, { raw: e, header: h });
        if (e.tag !== null && e.tag !== `_${e.name}`)
          diags.error(e.loc, "enum-tag", `enum tag \`${e.tag}\` must be \`_${e.name}\``);
      }
    }
  const built = new Map<string, BuiltEnum>();
  for (const [name, { raw, header }] of rawEnums) built.set(name, buildEnum(raw, header, symbols, diags));
  const enums = new Map<string, EnumMetadata>();
  // own copies: extension values are merged into base enums without touching the per-header metadata
  for (const [name, b] of built) enums.set(name, { ...b.meta, values: [...b.meta.values], ignorevalues: [...b.meta.ignorevalues] });
  for (const [name, b] of built) {
    const base = extendedEnum(name);
    if (base && enums.has(base)) mergeExtension(enums.get(base)!, b.meta);
  }
  const ot = enums.get("sai_object_type_t");
  if (ot) ot.values = ot.values.filter((v) => v.name !== "SAI_OBJECT_TYPE_MAX");

  // ---- object types
  const objectTypeNames = (ot?.values ?? []).filter((v) => v.name !== "SAI_OBJECT_TYPE_NULL");
  const objectTypeSet = new Set(objectTypeNames.map((v) => v.name));
  if (!ot) diags.error({ file: headers[0]?.file ?? "(headers)", line: 1, column: 1 }, "no-object-types", "no `sai_object_type_t` enum in the header set");

  // ---- structs, typedefs, functions
  const rawStructs = new Map<string, { raw: RawStruct; header: RawHeader }>();
  const typedefs = new Map<string, RawTypedef>();
  const fnTypedefs = new Map<string, { raw: (typeof headers)[number]["functionTypedefs"][number]; header: RawHeader }>();
  for (const h of headers) {
    for (const s of h.structs) {
      if (!s.name) continue;
      if (rawStructs.has(s.name)) diags.error(s.loc, "struct-duplicate", `\`${s.name}\` is already defined at ${locToString(rawStructs.get(s.name)!.raw.loc)}`);
      else rawStructs.set(s.name, { raw: s, header: h });
    }
    for (const t of h.typedefs) typedefs.set(t.name, t);
    for (const f of h.functionTypedefs) fnTypedefs.set(f.name, { raw: f, header: h });
  }
  const unionMembers = (name: string) => new Set((rawStructs.get(name)?.raw.fields ?? []).map((f) => f.basetype));
  const types: TypeContext = {
    unionTypes: unionMembers("sai_attribute_value_t"),
    aclFieldTypes: unionMembers("sai_acl_field_data_data_t"),
    aclActionTypes: unionMembers("sai_acl_action_parameter_t"),
    enums: new Set(enums.keys()),
    functions: new Set(fnTypedefs.keys()),
  };
  if (types.unionTypes.size === 0 && rawStructs.size > 0)
    diags.warning({ file: headers[0]!.file, line: 1, column: 1 }, "no-value-union", "no `sai_attribute_value_t` union: attribute types cannot be resolved");

  // ---- attributes per object type
  const attributeSources = new Map<string, AttributeSource>();
  const objectTypes: ObjectTypeInfo[] = [];
  const objectTypesWithoutAttributes: string[] = [];
  const attrCtx = { types, objectTypes: objectTypeSet, enums };
  for (const otv of objectTypeNames) {
    const stem = stemOfObjectType(otv.name);
    const enumName = `sai_${stem}_attr_t`;
    const b = built.get(enumName);
    if (!b) {
      objectTypesWithoutAttributes.push(otv.name);
      continue;
    }
    enums.get(enumName)!.objecttype = otv.name;
    const ext = built.get(`sai_${stem}_attr_extensions_t`);
    const names: string[] = [];
    const addFrom = (src: BuiltEnum, isext: boolean) => {
      src.raw.enumerators.forEach((en) => {
        if (isMarker(en.name)) return;
        if (en.doc?.tags.some((t) => t.name === "ignore")) return;
        const id = src.all.get(en.name);
        if (id === undefined) return; // unevaluable, reported
        const s = buildAttribute(en, id, otv.name, isext, attrCtx, diags);
        if (!s) return;
        if (attributeSources.has(en.name)) {
          diags.error(en.loc, "attr-duplicate", `attribute \`${en.name}\` is defined twice`);
          return;
        }
        attributeSources.set(en.name, s);
        names.push(en.name);
        if (s.attr.range) {
          for (const clone of rangeClones(s, symbols, diags)) {
            attributeSources.set(clone.attr.attridname, clone);
            names.push(clone.attr.attridname);
          }
        } else if (/_MIN$/.test(en.name))
          diags.warning(en.loc, "range-missing", `attribute \`${en.name}\` ends in _MIN but has no @range`);
      });
    };
    addFrom(b, false);
    if (ext) addFrom(ext, true);
    names.sort((x, y) => attributeSources.get(x)!.attr.attrid - attributeSources.get(y)!.attr.attrid);
    const endName = `SAI_${stem.toUpperCase()}_ATTR_END`;
    const end = b.all.get(endName);
    if (end === undefined) diags.error(b.raw.loc, "attr-enum-end", `attribute enum \`${enumName}\` has no \`${endName}\``);
    const start = b.all.get(`SAI_${stem.toUpperCase()}_ATTR_START`);
    if (start === undefined) diags.error(b.raw.loc, "attr-enum-start", `attribute enum \`${enumName}\` has no \`SAI_${stem.toUpperCase()}_ATTR_START\``);
    objectTypes.push({
      objecttype: otv.name,
      value: otv.value,
      attrenum: enumName,
      attridstart: start ?? 0,
      attridend: end ?? 0,
      attributes: names,
      isnonobjectid: false,
      isobjectid: true,
      keystruct: null,
      structmembers: [],
      revgraphmembers: [],
      isexperimental: /^saiexperimental/.test(b.header.basename),
      iscustom: /^saicustom/.test(b.header.basename),
      isextension: otv.value >= 0x20000000,
      statenum: built.has(`sai_${stem}_stat_t`) ? `sai_${stem}_stat_t` : null,
      api: null,
      header: b.header.file,
      location: locToString(b.raw.loc),
    });
  }
  const attrByName = new Map<string, AttrMetadata>();
  for (const [name, s] of attributeSources) attrByName.set(name, s.attr);
  for (const s of attributeSources.values()) bindAttributeReferences(s, attrByName, enums, diags);

  // ---- structs
  const enumSet = new Set(enums.keys());
  const layout = new CLayout(new Map([...rawStructs].map(([k, v]) => [k, v.raw])), typedefs, enumSet);
  const structs: StructMetadata[] = [...rawStructs.values()]
    .sort((a, b) => a.header.file.localeCompare(b.header.file) || a.raw.loc.line - b.raw.loc.line)
    .map(({ raw }) => structMetadata(raw, diags));

  // ---- functions
  const functions: FunctionTypedef[] = [...fnTypedefs.values()].map(({ raw }) => ({
    name: raw.name,
    returntype: raw.returntype,
    params: raw.params.map(param),
    brief: raw.doc?.brief ?? "",
    location: locToString(raw.loc),
  }));

  // ---- entries (non-object-id objects): the create function takes a `const sai_<x>_entry_t *` key
  const otByName = new Map(objectTypes.map((o) => [o.objecttype, o]));
  for (const o of objectTypes) {
    const stem = stemOfObjectType(o.objecttype);
    const create = fnTypedefs.get(`sai_create_${stem}_fn`);
    const first = create?.raw.params[0];
    if (!create || !first) continue;
    const keyType = first.basetype;
    if (keyType === "sai_object_id_t") continue;
    const key = rawStructs.get(keyType);
    if (!key || key.raw.kind !== "struct") continue;
    if (!/_entry_t$/.test(keyType)) {
      diags.error(first.loc, "entry-struct-name", `\`sai_create_${stem}_fn\` takes \`${keyType}\`: a non-object-id key struct must be named sai_*_entry_t`);
      continue;
    }
    if (keyType !== `sai_${stem}_t`) {
      diags.error(first.loc, "entry-struct-name", `\`sai_create_${stem}_fn\` takes \`${keyType}\`, expected \`sai_${stem}_t\``);
      continue;
    }
    o.isnonobjectid = true;
    o.isobjectid = false;
    o.keystruct = keyType;
    o.structmembers = keyMembers(key.raw, layout, types, enums, objectTypeSet, diags);
  }
  for (const f of headers.flatMap((h) => h.functionTypedefs)) {
    const m = /^sai_create_(\w+)_fn$/.exec(f.name);
    const first = f.params[0];
    if (!m || !first || first.basetype === "sai_object_id_t" || !rawStructs.has(first.basetype)) continue;
    if (!otByName.has(objectTypeOfStem(m[1]!)) && /^sai_\w+_t$/.test(first.basetype) && first.isconst)
      diags.error(first.loc, "entry-object-type", `\`${f.name}\` takes a key struct but \`${objectTypeOfStem(m[1]!)}\` has no attribute enum or is not an object type`);
  }

  // ---- APIs
  const apis = buildApis(headers, rawStructs, built, enums, otByName, objectTypeSet, diags);

  // ---- switch pointers and notifications
  const switchInfo = otByName.get("SAI_OBJECT_TYPE_SWITCH");
  const switchPointers: string[] = [];
  const notifyAttrs: AttrMetadata[] = [];
  for (const name of switchInfo?.attributes ?? []) {
    const a = attrByName.get(name)!;
    if (a.attrvaluetype !== "SAI_ATTR_VALUE_TYPE_POINTER") continue;
    a.pointertype = switchPointers.length;
    switchPointers.push(name);
    if (!a.iscallback) {
      a.notificationtype = notifyAttrs.length;
      notifyAttrs.push(a);
    }
  }
  const notifications = buildNotifications(fnTypedefs, notifyAttrs, objectTypeSet, diags);
  enums.set("sai_switch_notification_type_t", synthesizedEnum(
    "sai_switch_notification_type_t",
    "SAI_SWITCH_NOTIFICATION_TYPE_",
    notifyAttrs.map((a) => a.attridname.replace(/^SAI_SWITCH_ATTR_/, "").replace(/_NOTIFY$/, "")),
  ));
  enums.set("sai_switch_pointer_type_t", synthesizedEnum(
    "sai_switch_pointer_type_t",
    "SAI_SWITCH_POINTER_TYPE_",
    switchPointers.map((n) => n.replace(/^SAI_SWITCH_ATTR_/, "")),
  ));

  // ---- status codes
  const statusCodes = buildStatusCodes(headers, symbols);
  if (statusCodes.length > 0) {
    enums.set("sai_status_t", {
      name: "sai_status_t",
      values: statusCodes.map((s) => ({ name: s.name, shortname: s.name.replace(/^SAI_STATUS_/, ""), value: s.value, brief: "", location: s.location })),
      prefix: "SAI_STATUS_",
      containsflags: true,
      flagstype: "SAI_ENUM_FLAGS_TYPE_FREE",
      ignorevalues: [],
      objecttype: null,
      synthesized: true,
      brief: "Status codes synthesized from the SAI_STATUS_ defines",
      location: statusCodes[0]!.location,
    });
  }

  // ---- defines
  const defines: DefineMetadata[] = [];
  for (const h of headers)
    for (const d of h.defines) {
      if (d.params !== null || !/^SAI_/.test(d.name)) continue;
      const str = symbols.stringValue(d.name);
      const v = str !== null ? str : symbols.value(d.name);
      if (typeof v === "object") continue;
      defines.push({ name: d.name, value: v, location: locToString(d.loc) });
    }

  const attributes: AttrMetadata[] = objectTypes.flatMap((o) => o.attributes.map((n) => attrByName.get(n)!));
  buildReverseGraph(objectTypes, attributes);

  const hash = createHash("sha256");
  for (const h of headers) hash.update(`${h.basename}\0${h.sha256}\n`);
  const model: SaiModel = {
    headers: { files: headers.map((h) => h.file), sha256: hash.digest("hex") },
    objectTypes,
    attributes,
    enums: [...enums.values()].sort((a, b) => a.name.localeCompare(b.name)),
    structs,
    functions,
    apis,
    notifications,
    statusCodes,
    defines,
    switchPointers,
  };
  return {
    model,
    sources: { headers, symbols, enums: built, attributes: attributeSources, rawStructs, objectTypesWithoutAttributes },
  };
}

function param(p: RawParam): FunctionParam {
  return { name: p.name, direction: p.direction, ctype: p.ctype, basetype: p.basetype, isconst: p.isconst, pointer: p.pointer };
}

/** Clones of a `*_MIN` attribute carrying `@range SAI_DEFINE`: `*_1 … *_(n-1)`, n = min(define, 10). */
function rangeClones(src: AttributeSource, symbols: SymbolTable, diags: Diagnostics): AttributeSource[] {
  const a = src.attr;
  const tag = src.tags.get("range")!;
  if (!/_MIN$/.test(a.attridname)) {
    diags.error(tag.loc, "range-placement", `@range is only allowed on a *_MIN attribute, not \`${a.attridname}\``);
    return [];
  }
  const n = symbols.value(a.range!);
  if (typeof n !== "number") {
    diags.warning(tag.loc, "range-define", `@range ${a.range}: ${n.error}`);
    return [];
  }
  const count = Math.min(n, 10);
  const out: AttributeSource[] = [];
  for (let i = 1; i < count; i++) {
    const name = a.attridname.replace(/_MIN$/, `_${i}`);
    out.push({ ...src, attr: { ...a, attridname: name, attrid: a.attrid + i, clonedfrom: a.attridname } });
  }
  return out;
}

function memberOf(f: RawField): StructMember {
  const tags = new Map((f.doc?.tags ?? []).map((t) => [t.name, t.value]));
  const objects = tags.get("objects");
  return {
    name: f.name,
    ctype: f.ctype,
    basetype: f.basetype,
    pointer: f.pointer,
    arraysize: f.arraysize === null ? null : Number.isFinite(Number(f.arraysize)) ? Number(f.arraysize) : null,
    brief: f.doc?.brief ?? "",
    allowedobjecttypes: objects ? objects.split(",").map((s) => s.trim()).filter(Boolean) : [],
    validonly: tags.get("validonly") ?? null,
    passparam: tags.get("passparam") ?? null,
    suffix: tags.get("suffix") ?? null,
    flagsenum: tags.get("flags") ?? null,
    isvlan: f.basetype === "sai_vlan_id_t",
    location: locToString(f.loc),
  };
}

const STRUCT_MEMBER_TAGS = new Set(["objects", "validonly", "passparam", "suffix", "flags", "isvlan", "count", "extraparam"]);
const STRUCT_TAGS = new Set(["count", "extraparam", "flags"]);

function structMetadata(raw: RawStruct, diags: Diagnostics): StructMetadata {
  const counts: StructMetadata["counts"] = [];
  const extraparams: string[] = [];
  for (const t of raw.doc?.tags ?? []) {
    if (!STRUCT_TAGS.has(t.name)) {
      diags.error(t.loc, "unknown-tag", `\`${raw.name}\`: tag @${t.name} is not allowed on a struct or union`);
      continue;
    }
    if (t.name === "count") {
      const m = /^(\w+)\[(\w+)\]$/.exec(t.value);
      if (!m) diags.error(t.loc, "count-syntax", `\`${raw.name}\`: @count must be \`pointer[count]\`, got \`${t.value}\``);
      else counts.push({ pointer: m[1]!, count: m[2]! });
    } else if (t.name === "extraparam") extraparams.push(t.value);
  }
  if (raw.tag !== null && raw.tag !== `_${raw.name}`)
    diags.error(raw.loc, "struct-tag", `${raw.kind} tag \`${raw.tag}\` must be \`_${raw.name}\``);
  for (const f of raw.fields)
    for (const t of f.doc?.tags ?? [])
      if (!STRUCT_MEMBER_TAGS.has(t.name))
        diags.error(t.loc, "unknown-tag", `\`${raw.name}.${f.name}\`: tag @${t.name} is not allowed on a struct member`);
  return {
    name: raw.name!,
    kind: raw.kind,
    members: raw.fields.map(memberOf),
    brief: raw.doc?.brief ?? "",
    counts,
    extraparams,
    location: locToString(raw.loc),
  };
}

function keyMembers(
  raw: RawStruct,
  layout: CLayout,
  types: TypeContext,
  enums: Map<string, EnumMetadata>,
  objectTypes: Set<string>,
  diags: Diagnostics,
): KeyMember[] {
  const offsets = layout.ofStruct(raw)?.offsets ?? [];
  const out: KeyMember[] = [];
  raw.fields.forEach((f, i) => {
    let vt = ENTRY_MEMBER_TYPES[f.basetype];
    let isenum = false;
    if (!vt && /_type_t$/.test(f.basetype) && enums.has(f.basetype)) {
      vt = "INT32";
      isenum = true;
    }
    if (!vt || f.pointer > 0 || f.arraysize !== null) {
      diags.error(f.loc, "entry-member-type", `\`${raw.name}.${f.name}\`: type \`${f.ctype}\` is not allowed in an entry key`);
      return;
    }
    const tags = new Map((f.doc?.tags ?? []).map((t) => [t.name, t]));
    const objects = tags.get("objects");
    const allowed = objects ? objects.value.split(",").map((s) => s.trim()).filter(Boolean) : [];
    for (const a of allowed)
      if (!objectTypes.has(a)) diags.error(objects!.loc, "objects-unknown", `\`${raw.name}.${f.name}\`: @objects names unknown object type \`${a}\``);
    const l = layout.of(f.basetype);
    out.push({
      membername: f.name,
      membervaluetype: `SAI_ATTR_VALUE_TYPE_${vt}` as AttrValueType,
      ctype: f.basetype,
      isvlan: f.basetype === "sai_vlan_id_t",
      allowedobjecttypes: allowed,
      isenum,
      enummetadata: isenum ? f.basetype : null,
      offset: offsets[i] ?? 0,
      size: l?.size ?? 0,
    });
  });
  void types;
  return out;
}

function buildApis(
  headers: RawHeader[],
  rawStructs: Map<string, { raw: RawStruct; header: RawHeader }>,
  built: Map<string, BuiltEnum>,
  enums: Map<string, EnumMetadata>,
  otByName: Map<string, ObjectTypeInfo>,
  objectTypeSet: Set<string>,
  diags: Diagnostics,
): ApiMetadata[] {
  const apiEnum = enums.get("sai_api_t");
  const apis: ApiMetadata[] = [];
  for (const h of headers) {
    const apiStructs = h.structs.filter((s) => s.name && /^sai_\w+_api_t$/.test(s.name));
    const attrEnums = h.enums.filter((e) => e.name && /^sai_\w+_attr_t$/.test(e.name) && !/_extensions_t$/.test(e.name));
    for (const e of attrEnums) {
      const stem = e.name!.replace(/^sai_/, "").replace(/_attr_t$/, "");
      const ot = otByName.get(objectTypeOfStem(stem));
      if (!ot) {
        if (!objectTypeSet.has(objectTypeOfStem(stem)))
          diags.error(e.loc, "attr-enum-object", `attribute enum \`${e.name}\` has no object type \`${objectTypeOfStem(stem)}\``);
        continue;
      }
      const owner = apiStructs.find((s) => s.loc.line > e.loc.line);
      if (!owner) {
        diags.error(e.loc, "attr-enum-api", `attribute enum \`${e.name}\` is not followed by an API struct (sai_*_api_t) in ${h.basename}`);
        continue;
      }
      ot.api = owner.name!;
    }
    for (const s of apiStructs) {
      const stem = s.name!.replace(/^sai_/, "").replace(/_api_t$/, "");
      const apienum = `SAI_API_${stem.toUpperCase()}`;
      const apiValue = apiEnum?.values.find((v) => v.name === apienum);
      const members: ApiMember[] = s.fields.map((f) => {
        const c = classifyFunction(f.basetype);
        let objecttype: string | null = null;
        let kind = c.kind;
        if (kind !== "other") {
          const stems = c.stem !== null ? [c.stem] : bulkMemberStems(f.name);
          objecttype = stems.map(objectTypeOfStem).find((n) => objectTypeSet.has(n)) ?? null;
          // a shared OID bulk typedef must name its object in the member (`create_<object>s`)
          if (!objecttype && c.stem === null)
            diags.error(f.loc, "api-member-object", `\`${s.name}.${f.name}\` (${f.basetype}): the member name must be create|remove|set|get_<object>s`);
          // e.g. `sai_remove_all_neighbor_entries_fn`: a verb-shaped name that is not an object operation
          if (!objecttype) kind = "other";
        }
        return { name: f.name, fntype: f.basetype, kind, objecttype, isentry: false };
      });
      const objecttypes = [...otByName.values()].filter((o) => o.api === s.name).map((o) => o.objecttype);
      for (const m of members) if (m.objecttype) m.isentry = otByName.get(m.objecttype)?.isnonobjectid ?? false;
      apis.push({
        name: s.name!,
        stem,
        apienum: apiValue ? apienum : null,
        apivalue: apiValue?.value ?? null,
        objecttypes,
        members,
        header: h.file,
        location: locToString(s.loc),
      });
      if (!apiValue && apiEnum)
        diags.error(s.loc, "api-enum", `API struct \`${s.name}\` has no \`${apienum}\` value in sai_api_t`);
      if (objecttypes.length === 0)
        diags.error(s.loc, "api-no-objects", `API struct \`${s.name}\` owns no object type`);
    }
  }
  for (const o of otByName.values()) {
    if (o.api === null) continue;
    o.api = apis.find((a) => a.name === o.api)?.apienum ?? o.api;
  }
  void built;
  void rawStructs;
  return apis;
}

function buildNotifications(
  fnTypedefs: Map<string, { raw: RawHeader["functionTypedefs"][number]; header: RawHeader }>,
  notifyAttrs: AttrMetadata[],
  objectTypeSet: Set<string>,
  diags: Diagnostics,
): NotificationMetadata[] {
  const out: NotificationMetadata[] = [];
  for (const { raw } of fnTypedefs.values()) {
    const m = /^sai_(\w+)_notification_fn$/.exec(raw.name);
    if (!m) continue;
    const name = m[1]!;
    const counts = new Map<string, string>();
    const objects = new Map<string, string[]>();
    for (const t of raw.doc?.tags ?? []) {
      if (t.name === "count") {
        const c = /^(\w+)\[(\w+)\]$/.exec(t.value);
        if (!c) diags.error(t.loc, "count-syntax", `\`${raw.name}\`: @count must be \`param[count]\`, got \`${t.value}\``);
        else counts.set(c[1]!, c[2]!);
      } else if (t.name === "objects") {
        const o = /^(\w+)\s+(.+)$/.exec(t.value);
        if (!o) diags.error(t.loc, "objects-syntax", `\`${raw.name}\`: @objects must be \`param SAI_OBJECT_TYPE_X\`, got \`${t.value}\``);
        else {
          const list = o[2]!.split(",").map((s) => s.trim());
          for (const x of list) if (!objectTypeSet.has(x)) diags.error(t.loc, "objects-unknown", `\`${raw.name}\`: @objects names unknown object type \`${x}\``);
          objects.set(o[1]!, list);
        }
      } else diags.error(t.loc, "unknown-tag", `\`${raw.name}\`: tag @${t.name} is not allowed on a notification`);
    }
    const attr = notifyAttrs.find((a) => a.pointerfn === raw.name) ?? null;
    out.push({
      name,
      fntype: raw.name,
      params: raw.params.map((p) => ({ ...param(p), objects: objects.get(p.name) ?? [], count: counts.get(p.name) ?? null })),
      switchattr: attr?.attridname ?? null,
      notificationtype: attr?.notificationtype ?? -1,
      datastructs: raw.params.filter((p) => p.pointer > 0 && /^sai_\w+_t$/.test(p.basetype)).map((p) => p.basetype),
      brief: raw.doc?.brief ?? "",
      location: locToString(raw.loc),
    });
  }
  return out.sort((a, b) => a.notificationtype - b.notificationtype || a.name.localeCompare(b.name));
}

function buildStatusCodes(headers: RawHeader[], symbols: SymbolTable): StatusCode[] {
  const out: StatusCode[] = [];
  const h = headers.find((x) => x.basename === "saistatus.h");
  if (!h) return out;
  for (const d of h.defines) {
    if (d.params !== null || !/^SAI_STATUS_\w+$/.test(d.name)) continue;
    const v = symbols.value(d.name);
    if (typeof v !== "number") continue;
    const loc = locToString(d.loc);
    if (/_MAX$/.test(d.name) && out.some((s) => s.name === d.name.replace(/_MAX$/, "_0"))) {
      const base = out.find((s) => s.name === d.name.replace(/_MAX$/, "_0"))!;
      base.range = { base: -base.value, max: d.name };
      out.push({ name: d.name, value: v, range: null, location: loc });
      continue;
    }
    out.push({ name: d.name, value: v, range: null, location: loc });
    if (/_0$/.test(d.name))
      for (let i = 1; i <= 10; i++) out.push({ name: d.name.replace(/_0$/, `_${i}`), value: v - i, range: null, location: loc });
  }
  return out;
}

function synthesizedEnum(name: string, prefix: string, shortnames: string[]): EnumMetadata {
  return {
    name,
    values: shortnames.map((s, i) => ({ name: prefix + s, shortname: s, value: i, brief: "", location: "" })),
    prefix,
    containsflags: false,
    flagstype: "SAI_ENUM_FLAGS_TYPE_NONE",
    ignorevalues: [],
    objecttype: null,
    synthesized: true,
    brief: "",
    location: "",
  };
}

export { valueTypeOfCType };
