/**
 * Hand-built models for diff rule tests: each rule is easiest to pin on a model that differs in exactly one
 * field, which header fixtures cannot always express (e.g. a struct the model has no header text for).
 */
import type {
  ApiMetadata,
  AttrMetadata,
  EnumMetadata,
  KeyMember,
  ObjectTypeInfo,
  SaiModel,
  StructMember,
  StructMetadata,
} from "../../generator/model/types.js";
import { plainAttr } from "../support/attr.js";

/** An attribute with SAI's defaults for every field not given. */
export function attr(p: Partial<AttrMetadata> & Pick<AttrMetadata, "attridname" | "attrid" | "objecttype">): AttrMetadata {
  return {
    ...plainAttr(p.attridname, p.attrid, p.objecttype),
    typestring: "sai_uint32_t",
    defaultvaluetype: "SAI_DEFAULT_VALUE_TYPE_CONST",
    defaultvalue: { kind: "int", value: "0" },
    location: "saifoo.h:1",
    ...p,
  };
}

/** An object type owning the given attributes (and key members, which make it an entry). */
export function objectType(name: string, value: number, attrs: AttrMetadata[], key: KeyMember[] = []): ObjectTypeInfo {
  const stem = name.replace(/^SAI_OBJECT_TYPE_/, "").toLowerCase();
  return {
    objecttype: name,
    value,
    attrenum: `sai_${stem}_attr_t`,
    attridstart: 0,
    attridend: attrs.length,
    attributes: attrs.map((a) => a.attridname),
    isnonobjectid: key.length > 0,
    isobjectid: key.length === 0,
    keystruct: key.length ? `sai_${stem}_t` : null,
    structmembers: key,
    revgraphmembers: [],
    isexperimental: false,
    iscustom: false,
    isextension: false,
    statenum: null,
    api: "foo",
    header: "saifoo.h",
    location: "saifoo.h:1",
  };
}

/** A key member at the given offset. */
export function keyMember(membername: string, offset: number, size: number, ctype = "sai_uint32_t"): KeyMember {
  return {
    membername,
    membervaluetype: size === 8 ? "SAI_ATTR_VALUE_TYPE_OBJECT_ID" : "SAI_ATTR_VALUE_TYPE_UINT32",
    ctype,
    isvlan: false,
    allowedobjecttypes: [],
    isenum: false,
    enummetadata: null,
    offset,
    size,
  };
}

/** A plain enum with the given `[name, value]` pairs. */
export function enumMeta(name: string, values: [string, number][], extra: Partial<EnumMetadata> = {}): EnumMetadata {
  const prefix = name.replace(/_t$/, "").toUpperCase() + "_";
  return {
    name,
    values: values.map(([n, v]) => ({ name: n, shortname: n.replace(prefix, ""), value: v, brief: "", location: "saifoo.h:1" })),
    prefix,
    containsflags: false,
    flagstype: "SAI_ENUM_FLAGS_TYPE_NONE",
    ignorevalues: [],
    objecttype: null,
    synthesized: false,
    brief: "",
    location: "saifoo.h:1",
    ...extra,
  };
}

/** A struct or union with members `[name, ctype]`. */
export function struct(name: string, members: [string, string][], kind: "struct" | "union" = "struct"): StructMetadata {
  const member = ([n, ctype]: [string, string]): StructMember => ({
    name: n,
    ctype,
    basetype: ctype.replace(/[\s*]|\[.*\]/g, ""),
    pointer: (ctype.match(/\*/g) ?? []).length,
    arraysize: null,
    brief: "",
    allowedobjecttypes: [],
    validonly: null,
    passparam: null,
    suffix: null,
    flagsenum: null,
    isvlan: false,
    location: "saifoo.h:1",
  });
  return { name, kind, members: members.map(member), brief: "", counts: [], extraparams: [], location: "saifoo.h:1" };
}

/** An API table with members `[name, fntype]`. */
export function api(name: string, members: [string, string][]): ApiMetadata {
  return {
    name,
    stem: name.replace(/^sai_|_api_t$/g, ""),
    apienum: `SAI_API_${name.replace(/^sai_|_api_t$/g, "").toUpperCase()}`,
    apivalue: 1,
    objecttypes: [],
    members: members.map(([n, fntype]) => ({ name: n, fntype, kind: "other", objecttype: null, isentry: false })),
    header: "saifoo.h",
    location: "saifoo.h:1",
  };
}

/** A model from parts; every list not given is empty. */
export function model(p: Partial<SaiModel>): SaiModel {
  return {
    headers: { files: ["saifoo.h"], sha256: "0".repeat(64) },
    objectTypes: [],
    attributes: [],
    enums: [],
    structs: [],
    functions: [],
    apis: [],
    notifications: [],
    statusCodes: [],
    defines: [],
    switchPointers: [],
    ...p,
  };
}

/** One object `SAI_OBJECT_TYPE_FOO` (value 2) with the given attributes, as a whole model. */
export function fooModel(attrs: AttrMetadata[], extra: Partial<SaiModel> = {}): SaiModel {
  return model({ objectTypes: [objectType("SAI_OBJECT_TYPE_FOO", 2, attrs)], attributes: attrs, ...extra });
}
