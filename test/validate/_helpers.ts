/**
 * Shared helpers of the validator tests: cached models (our headers, the upstream tree when present) and a small
 * builder for inline fixture models, so every rule can be exercised without any header.
 */
import { existsSync } from "node:fs";
import type {
  AttrCondition,
  AttrFlag,
  AttrMetadata,
  ConstValue,
  EnumFlagsType,
  EnumMetadata,
  KeyMember,
  ObjectTypeInfo,
  ValueTypeName,
} from "../../generator/model/types.js";
import { runPipeline } from "../../generator/pipeline.js";
import type { MetadataTables } from "../../runtime/validate/index.js";
import { plainAttr } from "../support/attr.js";

export const UPSTREAM_DIRS = ["/work/upstream-sai/inc", "/work/upstream-sai/experimental"];
/** True when the upstream SAI tree is on this machine (CI has none; SAIGEN_NO_UPSTREAM=1 simulates CI). */
export const HAVE_UPSTREAM = !process.env.SAIGEN_NO_UPSTREAM && UPSTREAM_DIRS.every((d) => existsSync(d));
export const UPSTREAM_SKIP_REASON = "upstream SAI tree not found at /work/upstream-sai (CI has none): §8.2 fixture cases skipped";

let ours: MetadataTables | undefined;
let upstream: MetadataTables | undefined;

/** The model of `sai-headers/` (built once per test file). */
export function oursModel(): MetadataTables {
  if (!ours) {
    const r = runPipeline(["sai-headers"]);
    if (r.diagnostics.errorCount > 0) throw new Error("sai-headers do not build");
    ours = r.model;
  }
  return ours;
}

/** The model of the upstream tree (only call when HAVE_UPSTREAM). */
export function upstreamModel(): MetadataTables {
  if (!upstream) upstream = runPipeline(UPSTREAM_DIRS).model;
  return upstream;
}

// ---- inline fixture builder

/** An enum from `[name, value]` pairs. */
export function enumOf(name: string, prefix: string, values: [string, number][], flagstype: EnumFlagsType = "SAI_ENUM_FLAGS_TYPE_NONE"): EnumMetadata {
  return {
    name,
    values: [...values].sort((a, b) => a[1] - b[1]).map(([n, v]) => ({ name: n, shortname: n.slice(prefix.length), value: v, brief: "", location: "" })),
    prefix,
    containsflags: flagstype !== "SAI_ENUM_FLAGS_TYPE_NONE",
    flagstype,
    ignorevalues: [],
    objecttype: null,
    synthesized: false,
    brief: "",
    location: "",
  };
}

/** Options of {@link attr}: flags as short names, the rest as in AttrMetadata. */
export interface AttrSpec {
  type: ValueTypeName;
  flags: ("MANDATORY_ON_CREATE" | "CREATE_ONLY" | "CREATE_AND_SET" | "READ_ONLY" | "KEY")[];
  default?: ConstValue | null;
  defaultType?: AttrMetadata["defaultvaluetype"];
  enum?: string;
  enumList?: boolean;
  objects?: string[];
  allownull?: boolean;
  isvlan?: boolean;
  condition?: { type: AttrMetadata["conditiontype"]; list: AttrCondition[] };
  validonly?: { type: AttrMetadata["validonlytype"]; list: AttrCondition[] };
  relaxed?: boolean;
  deprecated?: boolean;
}

/** One attribute's metadata with every field filled. */
export function attr(objecttype: string, attridname: string, attrid: number, s: AttrSpec): AttrMetadata {
  const f = (x: string): boolean => s.flags.includes(x as never);
  const dflt = s.default ?? null;
  return {
    ...plainAttr(attridname, attrid, objecttype),
    attrvaluetype: `SAI_ATTR_VALUE_TYPE_${s.type}`,
    flags: s.flags.map((x) => `SAI_ATTR_FLAGS_${x}` as AttrFlag),
    defaultvaluetype: s.defaultType ?? (dflt ? "SAI_DEFAULT_VALUE_TYPE_CONST" : "SAI_DEFAULT_VALUE_TYPE_NONE"),
    defaultvalue: dflt,
    allownullobjectid: s.allownull ?? false,
    allowedobjecttypes: s.objects ?? [],
    isoidattribute: (s.objects ?? []).length > 0,
    isconditional: !!s.condition,
    conditiontype: s.condition?.type ?? "SAI_ATTR_CONDITION_TYPE_NONE",
    conditions: s.condition?.list ?? [],
    isvalidonly: !!s.validonly,
    validonlytype: s.validonly?.type ?? "SAI_ATTR_CONDITION_TYPE_NONE",
    validonly: s.validonly?.list ?? [],
    isenum: !!s.enum && !s.enumList,
    isenumlist: !!s.enum && !!s.enumList,
    enummetadata: s.enum ?? null,
    isvlan: s.isvlan ?? false,
    iskey: f("KEY"),
    ismandatoryoncreate: f("MANDATORY_ON_CREATE"),
    iscreateonly: f("CREATE_ONLY"),
    iscreateandset: f("CREATE_AND_SET"),
    isreadonly: f("READ_ONLY"),
    isprimitive: !s.type.endsWith("_LIST"),
    isdeprecated: s.deprecated ?? false,
    isconditionrelaxed: s.relaxed ?? false,
    location: "inline:1",
  };
}

/** An `==` operand of a condition. */
export function eq(attrid: string, condition: ConstValue): AttrCondition {
  return { type: "SAI_ATTR_CONDITION_TYPE_NONE", attrid, op: "SAI_ATTR_CONDITION_OP_EQ", condition };
}

/** An RPN operator entry of a mixed condition. */
export function op(type: "SAI_ATTR_CONDITION_TYPE_AND" | "SAI_ATTR_CONDITION_TYPE_OR"): AttrCondition {
  return { type, attrid: null, op: "SAI_ATTR_CONDITION_OP_EQ", condition: null };
}

/** An entry key member. */
export function member(membername: string, type: ValueTypeName, objects: string[] = [], enumName: string | null = null): KeyMember {
  return {
    membername,
    membervaluetype: `SAI_ATTR_VALUE_TYPE_${type}`,
    ctype: "",
    isvlan: false,
    allowedobjecttypes: objects,
    isenum: enumName !== null,
    enummetadata: enumName,
    offset: 0,
    size: 0,
  };
}

/** An object type info. */
export function objectType(objecttype: string, value: number, attrs: AttrMetadata[], members: KeyMember[] = []): ObjectTypeInfo {
  return {
    objecttype,
    value,
    attrenum: "",
    attridstart: 0,
    attridend: attrs.length,
    attributes: attrs.map((a) => a.attridname),
    isnonobjectid: members.length > 0,
    isobjectid: members.length === 0,
    keystruct: null,
    structmembers: members,
    revgraphmembers: [],
    isexperimental: false,
    iscustom: false,
    isextension: value >= 0x20000000,
    statenum: null,
    api: null,
    header: null,
    location: "inline:1",
  };
}

/** Assembles tables; `sai_object_type_t` is derived from the object types plus `extraTypes`. */
export function tables(objects: { info: ObjectTypeInfo; attrs: AttrMetadata[] }[], enums: EnumMetadata[], extraTypes: [string, number][] = []): MetadataTables {
  const typeEnum = enumOf("sai_object_type_t", "SAI_OBJECT_TYPE_", [
    ["SAI_OBJECT_TYPE_NULL", 0],
    ...objects.map((o) => [o.info.objecttype, o.info.value] as [string, number]),
    ...extraTypes,
  ]);
  return {
    objectTypes: objects.map((o) => o.info),
    attributes: objects.flatMap((o) => o.attrs),
    enums: [typeEnum, ...enums],
    statusCodes: [],
  };
}

/** `oid:0x…` text → bigint. */
export const O = (hex: string): bigint => BigInt(hex.replace(/^oid:/, ""));
