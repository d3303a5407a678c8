/**
 * Per-attribute meaning checks (SAI-METADATA.md §2.2, §2.3, §4.2, §4.3): legal flag combinations and their
 * default rules, object types, allownull/allowempty, isvlan, KEY types, conditions and valid-only rules,
 * enum-typed attribute names, pointers, precision, entry object flags.
 */
import type { Diagnostics } from "../diagnostics.js";
import { locFromString } from "../diagnostics.js";
import type { BuildSources } from "../model/build.js";
import type { AttrMetadata, EnumMetadata, ObjectTypeInfo, SaiModel, SourceLocation } from "../model/types.js";

const LEGAL_FLAGS: string[] = [
  "MANDATORY_ON_CREATE|CREATE_ONLY|KEY",
  "MANDATORY_ON_CREATE|CREATE_ONLY",
  "MANDATORY_ON_CREATE|CREATE_AND_SET",
  "CREATE_ONLY",
  "CREATE_AND_SET",
  "READ_ONLY",
];

const OID_TYPES = new Set(["OBJECT_ID", "OBJECT_LIST", "ACL_FIELD_DATA_OBJECT_ID", "ACL_FIELD_DATA_OBJECT_LIST", "ACL_ACTION_DATA_OBJECT_ID", "ACL_ACTION_DATA_OBJECT_LIST"]);
const KEY_TYPES = new Set(["INT32", "UINT32", "UINT8", "UINT16"]);
const FORBIDDEN_OBJECTS = new Set(["SAI_OBJECT_TYPE_NULL", "SAI_OBJECT_TYPE_SWITCH", "SAI_OBJECT_TYPE_FDB_FLUSH", "SAI_OBJECT_TYPE_HOSTIF_PACKET"]);
const INTERNAL_OBJECTS = new Set(["SAI_OBJECT_TYPE_PORT", "SAI_OBJECT_TYPE_PORT_SERDES", "SAI_OBJECT_TYPE_SAMPLEPACKET", "SAI_OBJECT_TYPE_NEIGHBOR_ENTRY"]);

/** Short value type name (`UINT32`). */
export function vtName(a: AttrMetadata): string {
  return a.attrvaluetype.replace("SAI_ATTR_VALUE_TYPE_", "");
}

/** Runs every per-attribute check. */
export function checkAttributes(model: SaiModel, sources: BuildSources, diags: Diagnostics): void {
  const byName = new Map(model.attributes.map((a) => [a.attridname, a]));
  const enums = new Map(model.enums.map((e) => [e.name, e]));
  const objects = new Map(model.objectTypes.map((o) => [o.objecttype, o]));
  const entryTypes = new Set(model.objectTypes.filter((o) => o.isnonobjectid).map((o) => o.objecttype));
  for (const a of model.attributes) {
    if (a.clonedfrom) continue; // clones repeat their MIN attribute's diagnostics otherwise
    const src = sources.attributes.get(a.attridname);
    const at = (tag?: string): SourceLocation => src?.tags.get(tag ?? "")?.loc ?? (src ? src.enumerator.loc : locFromString(a.location));
    const err = (tag: string | undefined, code: string, msg: string) => diags.error(at(tag), code, `attribute \`${a.attridname}\`: ${msg}`);
    const warn = (tag: string | undefined, code: string, msg: string) => diags.warning(at(tag), code, `attribute \`${a.attridname}\`: ${msg}`);
    checkFlags(a, objects.get(a.objecttype)!, err);
    checkObjects(a, entryTypes, err);
    checkDefault(a, byName, enums, err);
    checkConditions(a, byName, err, warn);
    checkMisc(a, enums, err, warn);
  }
}

type Report = (tag: string | undefined, code: string, msg: string) => void;

function checkFlags(a: AttrMetadata, o: ObjectTypeInfo, err: Report): void {
  const combo = a.flags.map((f) => f.replace("SAI_ATTR_FLAGS_", "")).join("|");
  if (!LEGAL_FLAGS.includes(combo)) {
    err("flags", "flags-combination", `@flags ${combo.replace(/\|/g, " | ")} is not a legal combination (legal: ${LEGAL_FLAGS.join(", ")})`);
    return;
  }
  const hasDefault = a.defaultvaluetype !== "SAI_DEFAULT_VALUE_TYPE_NONE";
  if (a.ismandatoryoncreate && hasDefault) err("default", "default-forbidden", "a MANDATORY_ON_CREATE attribute may not have a @default");
  if ((combo === "CREATE_ONLY" || combo === "CREATE_AND_SET") && !hasDefault)
    err("flags", "default-required", `a ${combo} attribute needs a @default`);
  if (a.isreadonly && hasDefault) {
    const internalOid = a.defaultvaluetype === "SAI_DEFAULT_VALUE_TYPE_SWITCH_INTERNAL" && (vtName(a) === "OBJECT_ID" || vtName(a) === "OBJECT_LIST");
    if (!internalOid) err("default", "default-forbidden", "a READ_ONLY attribute may not have a @default (except `internal` on object ids)");
  }
  if (a.iskey && !KEY_TYPES.has(vtName(a)) && !(vtName(a) === "UINT32_LIST" || vtName(a) === "OBJECT_ID"))
    err("flags", "key-type", `KEY is only allowed on INT32, UINT32, UINT8 and UINT16 attributes, not ${vtName(a)}`);
  if (o.isnonobjectid) {
    const ok = combo === "CREATE_AND_SET" || combo === "CREATE_ONLY" || combo === "MANDATORY_ON_CREATE|CREATE_AND_SET" || (combo === "READ_ONLY" && a.isresourcetype);
    if (!ok) err("flags", "entry-flags", `entry objects allow CREATE_AND_SET, CREATE_ONLY, MANDATORY_ON_CREATE | CREATE_AND_SET, or READ_ONLY with @isresourcetype true; got ${combo}`);
  }
}

function checkObjects(a: AttrMetadata, entryTypes: Set<string>, err: Report): void {
  const vt = vtName(a);
  const isOid = OID_TYPES.has(vt);
  if (isOid && a.allowedobjecttypes.length === 0) err("type", "objects-missing", `value type ${vt} needs @objects`);
  if (!isOid && a.allowedobjecttypes.length > 0) err("objects", "objects-not-oid", `@objects is only for object id types, not ${vt}`);
  for (const t of a.allowedobjecttypes)
    if (FORBIDDEN_OBJECTS.has(t) || entryTypes.has(t))
      err("objects", "objects-forbidden", `@objects may not name ${t}: it has no object id`);
  if (new Set(a.allowedobjecttypes).size !== a.allowedobjecttypes.length) err("objects", "objects-duplicate", "@objects lists an object type twice");
  if (a.allownullobjectid) {
    if (vt !== "OBJECT_ID" && vt !== "ACL_FIELD_DATA_OBJECT_ID" && vt !== "ACL_ACTION_DATA_OBJECT_ID")
      err("allownull", "allownull-type", `@allownull true is only for object id attributes, not ${vt}`);
    else if (a.allowedobjecttypes.length === 0) err("allownull", "allownull-objects", "@allownull true needs @objects");
  }
  if (a.allowemptylist && !/_LIST$/.test(vt)) err("allowempty", "allowempty-type", `@allowempty true is only for list types, not ${vt}`);
  if (vt === "OBJECT_LIST" && a.allowedobjecttypes.length > 1 && !a.isreadonly && !/^SAI_OBJECT_TYPE_(ACL_ENTRY|MIRROR_SESSION)$/.test(a.objecttype))
    err("objects", "objects-multiple", "a settable object list may allow only one object type");
}

function checkDefault(a: AttrMetadata, byName: Map<string, AttrMetadata>, enums: Map<string, EnumMetadata>, err: Report): void {
  const vt = vtName(a);
  switch (a.defaultvaluetype) {
    case "SAI_DEFAULT_VALUE_TYPE_SWITCH_INTERNAL": {
      const ok = (a.objecttype === "SAI_OBJECT_TYPE_SWITCH" && a.isreadonly && (vt === "OBJECT_ID" || vt === "OBJECT_LIST")) || INTERNAL_OBJECTS.has(a.objecttype);
      if (!ok) err("default", "default-internal", "`internal` is only for READ_ONLY object ids on SWITCH and attributes of PORT, PORT_SERDES, SAMPLEPACKET, NEIGHBOR_ENTRY");
      break;
    }
    case "SAI_DEFAULT_VALUE_TYPE_ATTR_VALUE": {
      const target = a.defaultvalueattrid ? byName.get(a.defaultvalueattrid) : undefined;
      if (target && target.objecttype !== "SAI_OBJECT_TYPE_SWITCH") {
        const owners = byName.size > 0 ? [...byName.values()].filter((x) => x.objecttype === a.objecttype && !x.isreadonly && vtName(x) === "OBJECT_ID" && x.allowedobjecttypes.includes(target.objecttype)) : [];
        if (owners.length !== 1)
          err("default", "default-attrvalue", `@default attrvalue ${target.attridname}: ${a.objecttype} needs exactly one settable object id attribute allowing ${target.objecttype}, found ${owners.length}`);
      }
      break;
    }
    case "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST":
      break;
    case "SAI_DEFAULT_VALUE_TYPE_CONST":
      if (a.isenumlist) err("default", "default-type", "an enum list may only default to `empty`");
      break;
  }
  if ((a.iscreateonly || a.iscreateandset) && !a.ismandatoryoncreate && vt === "OBJECT_ID") {
    const nullConst = a.defaultvaluetype === "SAI_DEFAULT_VALUE_TYPE_CONST" && a.defaultvalue?.kind === "oid";
    if (nullConst && !a.allownullobjectid) err("default", "default-null-allownull", "@default SAI_NULL_OBJECT_ID needs @allownull true");
    if (!nullConst && a.defaultvaluetype !== "SAI_DEFAULT_VALUE_TYPE_ATTR_VALUE" && a.defaultvaluetype !== "SAI_DEFAULT_VALUE_TYPE_NONE")
      err("default", "default-oid", "a CREATE_ONLY/CREATE_AND_SET object id must default to SAI_NULL_OBJECT_ID or attrvalue");
  }
  if (a.defaultvalue?.kind === "enum" && a.enummetadata) {
    const e = enums.get(a.enummetadata);
    if (e && !e.values.some((v) => v.name === (a.defaultvalue as { name: string }).name))
      err("default", "default-enum", `@default ${(a.defaultvalue as { name: string }).name} is not a value of ${a.enummetadata}`);
  }
}

function checkConditions(a: AttrMetadata, byName: Map<string, AttrMetadata>, err: Report, warn: Report): void {
  if (a.isconditional) {
    if (!(a.ismandatoryoncreate && (a.iscreateonly || a.iscreateandset)) || a.iskey)
      err("condition", "condition-flags", "a conditional attribute must be MANDATORY_ON_CREATE | CREATE_ONLY or MANDATORY_ON_CREATE | CREATE_AND_SET");
    if (a.isvalidonly) err("validonly", "condition-and-validonly", "an attribute cannot be both @condition and @validonly");
    if (a.isenumlist) err("condition", "condition-enumlist", "an enum list attribute cannot be conditional");
  }
  if (a.isvalidonly) {
    if (a.ismandatoryoncreate) err("validonly", "validonly-flags", "a @validonly attribute cannot be MANDATORY_ON_CREATE");
    if (a.isreadonly) err("validonly", "validonly-flags", "a @validonly attribute cannot be READ_ONLY");
    if (a.defaultvaluetype === "SAI_DEFAULT_VALUE_TYPE_NONE") err("validonly", "validonly-default", "a @validonly attribute needs a @default");
  }
  if (a.isconditionrelaxed && !a.isconditional) err("relaxed", "relaxed-unconditional", "@relaxed true is only for conditional attributes");
  if (a.isreadonly && (a.isconditional || a.isvalidonly)) err("flags", "readonly-conditional", "a READ_ONLY attribute cannot be conditional or valid-only");
  const kinds: ["condition" | "validonly", AttrMetadata["conditions"]][] = [["condition", a.conditions], ["validonly", a.validonly]];
  for (const [tag, list] of kinds) {
    for (const c of list) {
      if (c.attrid === null) continue;
      const t = byName.get(c.attrid);
      if (!t) continue;
      if (t.attridname === a.attridname) err(tag, "condition-self", `@${tag} refers to the attribute itself`);
      if (tag === "condition" && !(t.iscreateonly && !t.iscreateandset)) err(tag, "condition-target-flags", `@condition attribute ${t.attridname} must be CREATE_ONLY (it is ${t.flags.map((f) => f.replace("SAI_ATTR_FLAGS_", "")).join(" | ")})`);
      if (tag === "validonly" && t.isreadonly) err(tag, "condition-target-flags", `@validonly attribute ${t.attridname} must not be READ_ONLY`);
      if (t.isconditional && tag === "condition") err(tag, "condition-recursive", `@condition attribute ${t.attridname} is itself conditional`);
    }
    if (list.length > 0 && list.some((c) => c.attrid === null)) {
      // MIXED: the RPN list must start with an operand, end with an operator and leave exactly one value
      let depth = 0;
      let ok = list[0]!.attrid !== null && list[list.length - 1]!.attrid === null;
      for (const c of list) {
        depth += c.attrid === null ? -1 : 1;
        if (depth < 1) ok = false;
      }
      if (!ok || depth !== 1) err(tag, "condition-rpn", `@${tag} does not form a valid expression`);
    }
  }
  void warn;
}

function checkMisc(a: AttrMetadata, enums: Map<string, EnumMetadata>, err: Report, warn: Report): void {
  const vt = vtName(a);
  if (a.isvlan && !/UINT16$/.test(vt)) err("isvlan", "isvlan-type", `@isvlan true is only for UINT16 attributes, not ${vt}`);
  if (a.valueprecision > 18) err("precision", "precision-range", `@precision ${a.valueprecision} is above 18`);
  if (vt === "POINTER") {
    if (a.objecttype !== "SAI_OBJECT_TYPE_SWITCH") err("type", "pointer-object", "pointer attributes are only allowed on SWITCH");
    if (!a.iscreateandset) err("flags", "pointer-flags", "pointer attributes must be CREATE_AND_SET");
    if (a.defaultvaluetype !== "SAI_DEFAULT_VALUE_TYPE_NONE" && a.defaultvalue?.kind !== "pointer") err("default", "pointer-default", "pointer attributes must default to NULL");
  }
  if (vt === "ACL_CAPABILITY" && !a.isreadonly) err("flags", "acl-capability-flags", "ACL_CAPABILITY attributes must be READ_ONLY");
  if (a.isenum || a.isenumlist) {
    const e = a.enummetadata ? enums.get(a.enummetadata) : undefined;
    if (e && e.values.length === 0) err("type", "enum-empty", `enum ${e.name} has no values`);
    if (e && !/^ACL_/.test(vt)) checkEnumAttrName(a, e, err);
  }
  if (/^ACL_FIELD_DATA_/.test(vt) && !(a.objecttype === "SAI_OBJECT_TYPE_ACL_ENTRY" || a.objecttype === "SAI_OBJECT_TYPE_ACL_TABLE" || a.objecttype === "SAI_OBJECT_TYPE_UDF_MATCH" || a.attridname === "SAI_DTEL_ATTR_INT_L4_DSCP"))
    err("type", "acl-field-object", "ACL field data types are only for ACL entry fields");
  if (/^ACL_ACTION_DATA_/.test(vt) && a.objecttype !== "SAI_OBJECT_TYPE_ACL_ENTRY") err("type", "acl-action-object", "ACL action data types are only for ACL entry actions");
  if (a.isextensionattr !== (a.attrid >= 0x20000000)) err(undefined, "extension-id", "extension attributes must have ids from 0x20000000, and only they");
  void warn;
}

/** Enum-typed attribute names end with the enum stem, or with the part after the object stem (§1.3). */
function checkEnumAttrName(a: AttrMetadata, e: EnumMetadata, err: Report): void {
  const stem = e.name.replace(/^sai_/, "").replace(/_t$/, "").toUpperCase();
  const objStem = a.objecttype.replace(/^SAI_OBJECT_TYPE_/, "");
  const name = a.attridname.replace(/_LIST$/, "");
  const candidates = [stem];
  if (stem.startsWith(objStem + "_")) candidates.push(stem.slice(objStem.length + 1));
  if (!candidates.some((c) => name.endsWith("_" + c) || name === c))
    err("type", "enum-attr-name", `an attribute of enum type ${e.name} must be named ..._${candidates.join(" or ..._")}`);
}
