/**
 * Turns one documented attribute enumerator into attribute metadata (SAI-METADATA.md §2.1–§2.4, §3.1).
 * Tag syntax errors are reported here; relations between attributes (condition targets, attrvalue defaults)
 * are bound in a second pass by `bindAttributeReferences`, once every attribute exists.
 */
import type { Diagnostics } from "../diagnostics.js";
import { locToString } from "../diagnostics.js";
import type { RawDoc, RawEnumerator, RawTag } from "../parse/raw.js";
import { parseCondition, type RawConditionItem } from "./condition.js";
import { mapAttrType, type TypeContext } from "./value-type.js";
import {
  ATTR_FLAG_BITS,
  type AttrCondition,
  type AttrFlag,
  type AttrMetadata,
  type ConditionType,
  type ConstValue,
  type DefaultValueType,
  type EnumMetadata,
  type SourceLocation,
} from "./types.js";

/** Attribute tags in the order SAI requires (`condition` and `validonly` share a slot). */
export const ATTRIBUTE_TAG_ORDER = [
  "type", "flags", "objects", "allownull", "allowempty", "isvlan", "default", "range",
  "condition", "validonly", "relaxed", "isresourcetype", "deprecated", "precision",
] as const;
/** A parsed, not yet bound `@condition`/`@validonly` expression. */
export interface ParsedCondition {
  type: ConditionType;
  items: RawConditionItem[];
}

const TAG_RANK = new Map<string, number>(ATTRIBUTE_TAG_ORDER.map((t, i) => [t, t === "validonly" ? i - 1 : i]));

/** What the second pass needs that is not part of the published metadata. */
export interface AttributeSource {
  attr: AttrMetadata;
  enumerator: RawEnumerator;
  doc: RawDoc;
  tags: Map<string, RawTag>;
  condition: ParsedCondition | null;
  validonly: ParsedCondition | null;
  defaultText: string | null;
}

export interface AttributeContext {
  types: TypeContext;
  objectTypes: Set<string>;
  enums: Map<string, EnumMetadata>;
}

function bool(tag: RawTag, diags: Diagnostics, caseInsensitive = false): boolean {
  const v = caseInsensitive ? tag.value.toLowerCase() : tag.value;
  if (v !== "true" && v !== "false") diags.error(tag.loc, "tag-value", `@${tag.name} must be true or false, got \`${tag.value}\``);
  return v === "true";
}

/** The boolean value of an optional `@tag true|false` (false when absent; a bad value is reported). */
function tagFlag(tags: Map<string, RawTag>, name: string, diags: Diagnostics, caseInsensitive = false): boolean {
  const t = tags.get(name);
  return t ? bool(t, diags, caseInsensitive) : false;
}

/** Builds the attribute; returns null when its @type or @flags cannot be understood (already reported). */
export function buildAttribute(
  en: RawEnumerator,
  attrid: number,
  objecttype: string,
  isextension: boolean,
  ctx: AttributeContext,
  diags: Diagnostics,
): AttributeSource | null {
  const doc = en.doc;
  if (!doc) {
    diags.error(en.loc, "attr-undocumented", `attribute \`${en.name}\` has no doc comment with @type and @flags`);
    return null;
  }
  const tags = new Map<string, RawTag>();
  let lastRank = -1;
  for (const tag of doc.tags) {
    const rank = TAG_RANK.get(tag.name);
    if (rank === undefined) {
      if (tag.name === "ignore") diags.error(tag.loc, "ignore-alone", `attribute \`${en.name}\`: @ignore must be the only tag`);
      else diags.error(tag.loc, "unknown-tag", `attribute \`${en.name}\`: unknown tag @${tag.name}`);
      continue;
    }
    if (tags.has(tag.name)) {
      diags.error(tag.loc, "tag-repeated", `attribute \`${en.name}\`: @${tag.name} appears twice`);
      continue;
    }
    if (rank < lastRank)
      diags.warning(tag.loc, "tag-order", `attribute \`${en.name}\`: @${tag.name} is out of order (expected ${ATTRIBUTE_TAG_ORDER.join(", ")})`);
    lastRank = Math.max(lastRank, rank);
    if (tag.continued)
      diags.error(tag.loc, "tag-continuation", `attribute \`${en.name}\`: the value of @${tag.name} continues on the next line; keep it on one line`);
    tags.set(tag.name, tag);
  }
  checkBrief(en.name, doc, diags);

  const typeTag = tags.get("type");
  const flagsTag = tags.get("flags");
  if (!typeTag) diags.error(en.loc, "missing-type", `attribute \`${en.name}\` has no @type`);
  if (!flagsTag) diags.error(en.loc, "missing-flags", `attribute \`${en.name}\` has no @flags`);
  if (!typeTag || !flagsTag) return null;

  const mapped = mapAttrType(typeTag.value, ctx.types);
  if (typeof mapped === "string") {
    diags.error(typeTag.loc, "type-unknown", `attribute \`${en.name}\`: ${mapped}`);
    return null;
  }
  const flags: AttrFlag[] = [];
  for (const word of flagsTag.value.split("|").map((w) => w.trim())) {
    const f = `SAI_ATTR_FLAGS_${word}` as AttrFlag;
    if (word in { DYNAMIC: 1, SPECIAL: 1 } || !(f in ATTR_FLAG_BITS)) {
      diags.error(flagsTag.loc, "flags-unknown", `attribute \`${en.name}\`: unknown flag \`${word || "(empty)"}\` (allowed: MANDATORY_ON_CREATE, CREATE_ONLY, CREATE_AND_SET, READ_ONLY, KEY)`);
      return null;
    }
    if (!flags.includes(f)) flags.push(f);
  }
  flags.sort((a, b) => ATTR_FLAG_BITS[a] - ATTR_FLAG_BITS[b]);

  const allowedobjecttypes: string[] = [];
  const objectsTag = tags.get("objects");
  if (objectsTag) {
    for (const tok of objectsTag.value.split(",").map((t) => t.trim())) {
      if (!/^SAI_OBJECT_TYPE_\w+$/.test(tok))
        diags.error(objectsTag.loc, "objects-syntax", `attribute \`${en.name}\`: @objects entry \`${tok}\` is not SAI_OBJECT_TYPE_<NAME>`);
      else if (!ctx.objectTypes.has(tok))
        diags.error(objectsTag.loc, "objects-unknown", `attribute \`${en.name}\`: @objects names unknown object type \`${tok}\``);
      else allowedobjecttypes.push(tok);
    }
  }
  let valueprecision = 0;
  const precisionTag = tags.get("precision");
  if (precisionTag) {
    if (!/^\d+$/.test(precisionTag.value))
      diags.error(precisionTag.loc, "tag-value", `attribute \`${en.name}\`: @precision must be a non-negative integer, got \`${precisionTag.value}\``);
    else valueprecision = Number(precisionTag.value);
  }
  const rangeTag = tags.get("range");
  if (rangeTag && !/^SAI_\w+$/.test(rangeTag.value))
    diags.error(rangeTag.loc, "tag-value", `attribute \`${en.name}\`: @range must name a SAI_ define, got \`${rangeTag.value}\``);

  const condition = parseConditionTag(en.name, tags.get("condition"), diags);
  const validonly = parseConditionTag(en.name, tags.get("validonly"), diags);
  const attr: AttrMetadata = {
    attridname: en.name,
    attrid,
    objecttype,
    brief: doc.brief,
    attrvaluetype: mapped.attrvaluetype,
    typestring: typeTag.value,
    flags,
    defaultvaluetype: "SAI_DEFAULT_VALUE_TYPE_NONE",
    defaultvalue: null,
    defaultvalueobjecttype: null,
    defaultvalueattrid: null,
    storedefaultvalue: false,
    allownullobjectid: tagFlag(tags, "allownull", diags),
    allowemptylist: tagFlag(tags, "allowempty", diags),
    allowrepetitiononlist: false,
    allowmixedobjecttypes: false,
    allowedobjecttypes,
    isoidattribute: allowedobjecttypes.length > 0,
    isconditional: false,
    conditiontype: "SAI_ATTR_CONDITION_TYPE_NONE",
    conditions: [],
    isvalidonly: false,
    validonlytype: "SAI_ATTR_CONDITION_TYPE_NONE",
    validonly: [],
    isresourcetype: tagFlag(tags, "isresourcetype", diags),
    isenum: mapped.isenum,
    isenumlist: mapped.isenumlist,
    enummetadata: mapped.enummetadata,
    isvlan: tagFlag(tags, "isvlan", diags, true),
    iskey: flags.includes("SAI_ATTR_FLAGS_KEY"),
    ismandatoryoncreate: flags.includes("SAI_ATTR_FLAGS_MANDATORY_ON_CREATE"),
    iscreateonly: flags.includes("SAI_ATTR_FLAGS_CREATE_ONLY"),
    iscreateandset: flags.includes("SAI_ATTR_FLAGS_CREATE_AND_SET"),
    isreadonly: flags.includes("SAI_ATTR_FLAGS_READ_ONLY"),
    isprimitive: mapped.isprimitive,
    isextensionattr: isextension,
    iscustom: attrid >= 0x10000000 && attrid < 0x20000000,
    isdeprecated: tagFlag(tags, "deprecated", diags),
    isconditionrelaxed: tagFlag(tags, "relaxed", diags),
    isaclfield: /^SAI_ACL_ENTRY_ATTR_(USER_DEFINED_)?FIELD_/.test(en.name) || /^SAI_UDF_MATCH_ATTR_\w+_TYPE$/.test(en.name),
    isaclaction: /^SAI_ACL_ENTRY_ATTR_ACTION_/.test(en.name),
    isaclmask: mapped.isaclmask,
    getsave: false,
    notificationtype: -1,
    iscallback: mapped.iscallback,
    pointertype: -1,
    pointerfn: mapped.pointerfn,
    valueprecision,
    range: rangeTag?.value ?? null,
    clonedfrom: null,
    location: locToString(en.loc),
  };
  const defaultTag = tags.get("default");
  if (defaultTag) applyDefault(attr, defaultTag, ctx, diags);
  if (attr.ismandatoryoncreate && attr.iscreateandset) attr.storedefaultvalue = true;
  if (mapped.attrvaluetype.endsWith("_UINT16") && !tags.has("isvlan") && /uint16/.test(typeTag.value))
    diags.warning(typeTag.loc, "isvlan-missing", `attribute \`${en.name}\`: @type ${typeTag.value} needs @isvlan true|false`);
  return {
    attr,
    enumerator: en,
    doc,
    tags,
    condition,
    validonly,
    defaultText: defaultTag?.value ?? null,
  };
}

function checkBrief(name: string, doc: RawDoc, diags: Diagnostics): void {
  const b = doc.brief;
  if (!b) diags.warning(doc.loc, "brief-missing", `\`${name}\` has no @brief`);
  else {
    if (b.length > 200) diags.warning(doc.briefLoc, "brief-length", `\`${name}\`: @brief is ${b.length} characters (at most 200)`);
    if (/[^\x20-\x7e]|[\\"]/.test(b)) diags.warning(doc.briefLoc, "brief-chars", `\`${name}\`: @brief must be printable ASCII without \\ or "`);
    if (!/^[A-Z0-9#@]/.test(b)) diags.warning(doc.briefLoc, "brief-capital", `\`${name}\`: @brief must start with a capital letter`);
  }
}

function parseConditionTag(name: string, tag: RawTag | undefined, diags: Diagnostics): ParsedCondition | null {
  if (!tag) return null;
  const r = parseCondition(tag.value);
  if (!r.ok) {
    diags.error(tag.loc, "condition-syntax", `attribute \`${name}\`: @${tag.name}: ${r.error}`);
    return null;
  }
  return { type: r.type, items: r.items };
}

const INT_RANGES: Record<string, [bigint, bigint]> = {
  UINT8: [0n, 255n], INT8: [-128n, 127n], UINT16: [0n, 65535n], INT16: [-32768n, 32767n],
  UINT32: [0n, 4294967295n], INT32: [-2147483648n, 2147483647n],
  UINT64: [0n, 18446744073709551615n], INT64: [-9223372036854775808n, 9223372036854775807n],
};

/** The integer width of a value type (plain or ACL data), or null. */
function intKind(vt: string): string | null {
  const m = /^SAI_ATTR_VALUE_TYPE_(?:ACL_(?:FIELD|ACTION)_DATA_)?((?:U?INT)(?:8|16|32|64))$/.exec(vt);
  return m ? m[1]! : null;
}

function applyDefault(attr: AttrMetadata, tag: RawTag, ctx: AttributeContext, diags: Diagnostics): void {
  const text = tag.value;
  const vt = attr.attrvaluetype.replace("SAI_ATTR_VALUE_TYPE_", "");
  const set = (type: DefaultValueType, value: ConstValue | null) => {
    attr.defaultvaluetype = type;
    attr.defaultvalue = value;
  };
  const bad = (why: string) =>
    diags.error(tag.loc, "default-type", `attribute \`${attr.attridname}\`: @default ${text} ${why} (value type ${vt})`);
  const isList = /_LIST$/.test(vt) || vt === "ACL_CAPABILITY";
  const isAcl = /^ACL_(FIELD|ACTION)_DATA_/.test(vt);
  if (text === "empty") {
    if (!isList) return bad("is only for list types");
    set("SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST", null);
    attr.allowemptylist = true;
    return;
  }
  if (text === "vendor") {
    if (!["MAC", "UINT64", "JSON"].includes(vt)) return bad("is only allowed on MAC, UINT64 and JSON attributes");
    set("SAI_DEFAULT_VALUE_TYPE_VENDOR_SPECIFIC", null);
    attr.storedefaultvalue = true;
    return;
  }
  if (text === "internal") return set("SAI_DEFAULT_VALUE_TYPE_SWITCH_INTERNAL", null);
  if (text === "const") return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "const" });
  if (/^attrrange\b/.test(text)) return bad("uses attrrange, which SAI does not support");
  const av = /^attrvalue (SAI_(\w+?)_ATTR_\w+)$/.exec(text);
  if (av) {
    attr.defaultvaluetype = "SAI_DEFAULT_VALUE_TYPE_ATTR_VALUE";
    attr.defaultvalueattrid = av[1]!;
    attr.storedefaultvalue = true;
    return; // object type and type compatibility are resolved in bindAttributeReferences
  }
  if (/^attrvalue\b/.test(text)) return bad("must be `attrvalue SAI_<OBJ>_ATTR_<NAME>`");
  if (isAcl) {
    if (text === "disabled") return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "acl", enable: false });
    if (text === "0" && intKind(attr.attrvaluetype)) return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "zero" });
    if (/^[0-9a-f:]+$/.test(text) && vt.endsWith("IPV6") && attr.isaclmask) return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "ipv6", value: text });
    return bad("does not fit an ACL data type (use `disabled`)");
  }
  if (text === "SAI_NULL_OBJECT_ID") {
    if (vt !== "OBJECT_ID") return bad("is only for object id attributes");
    return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "oid", value: "0" });
  }
  if (text === "true" || text === "false") {
    if (vt !== "BOOL") return bad("is only for bool attributes");
    return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "bool", value: text === "true" });
  }
  if (/^-?\d+$/.test(text) || /^0x[0-9A-Fa-f]+$/.test(text)) {
    const kind = intKind(attr.attrvaluetype);
    if (text === "0" && vt === "TIMESPEC") return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "zero" });
    if (!kind || attr.isenum) return bad("is a number, but the attribute is not an integer");
    if (/^0x/.test(text) && /[a-f]/.test(text.slice(2)))
      diags.warning(tag.loc, "default-hex-case", `attribute \`${attr.attridname}\`: hex default ${text} should use upper-case digits`);
    const n = BigInt(text);
    const [lo, hi] = INT_RANGES[kind]!;
    if (n < lo || n > hi) return bad(`is out of range for ${kind}`);
    return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "int", value: n.toString() });
  }
  if (/^SAI_\w+$/.test(text)) {
    if (!attr.isenum) return bad("names an enum value, but the attribute is not an enum");
    if (/_ATTR_|OBJECT_TYPE/.test(text)) return bad("must be a value of the attribute's enum");
    const e = ctx.enums.get(attr.enummetadata!);
    const v = e?.values.find((x) => x.name === text);
    if (!v) return bad(`is not a value of \`${attr.enummetadata}\``);
    return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "enum", name: text, value: v.value });
  }
  if (text === "0.0.0.0") {
    if (vt === "IPV4") return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "ipv4", value: text });
    if (vt === "IP_ADDRESS") return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "ipaddr", family: "ipv4", value: text });
    return bad("is only for IPv4 and IP address attributes");
  }
  if (text === "00:00:00:00:00:00") {
    if (vt !== "MAC") return bad("is only for MAC attributes");
    return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "mac", value: text });
  }
  if (text === '""') {
    if (vt !== "CHARDATA") return bad("is only for char attributes");
    return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "chardata", value: "" });
  }
  if (text === "NULL") {
    if (vt !== "POINTER") return bad("is only for pointer attributes");
    return set("SAI_DEFAULT_VALUE_TYPE_CONST", { kind: "pointer", value: "NULL" });
  }
  bad("is not a supported default form");
}

/** Resolves condition operands and attrvalue defaults against the complete attribute table. */
export function bindAttributeReferences(
  src: AttributeSource,
  byName: Map<string, AttrMetadata>,
  enums: Map<string, EnumMetadata>,
  diags: Diagnostics,
): void {
  const { attr } = src;
  const bind = (tagName: "condition" | "validonly", parsed: ParsedCondition | null) => {
    if (!parsed) return;
    const tag = src.tags.get(tagName)!;
    const type = parsed.type;
    const out: AttrCondition[] = [];
    for (const it of parsed.items) {
      if (it.kind === "operator") {
        out.push({
          type: it.op === "and" ? "SAI_ATTR_CONDITION_TYPE_AND" : "SAI_ATTR_CONDITION_TYPE_OR",
          attrid: null,
          op: "SAI_ATTR_CONDITION_OP_EQ",
          condition: null,
        });
        continue;
      }
      const target = byName.get(it.attr);
      const fail = (why: string) => diags.error(tag.loc, "condition-target", `attribute \`${attr.attridname}\`: @${tagName} ${it.attr} == ${it.value}: ${why}`);
      if (!target) {
        fail("unknown attribute");
        continue;
      }
      if (target.objecttype !== attr.objecttype) {
        fail(`the attribute belongs to ${target.objecttype}, not ${attr.objecttype}`);
        continue;
      }
      const value = bindConditionValue(target, it.value, enums);
      if (typeof value === "string") {
        fail(value);
        continue;
      }
      out.push({ type: "SAI_ATTR_CONDITION_TYPE_NONE", attrid: it.attr, op: "SAI_ATTR_CONDITION_OP_EQ", condition: value });
    }
    if (tagName === "condition") {
      attr.conditiontype = type;
      attr.conditions = out;
      attr.isconditional = out.length > 0;
    } else {
      attr.validonlytype = type;
      attr.validonly = out;
      attr.isvalidonly = out.length > 0;
    }
  };
  bind("condition", src.condition);
  bind("validonly", src.validonly);

  if (attr.defaultvaluetype === "SAI_DEFAULT_VALUE_TYPE_ATTR_VALUE" && attr.defaultvalueattrid) {
    const tag = src.tags.get("default")!;
    const target = byName.get(attr.defaultvalueattrid);
    if (!target)
      diags.error(tag.loc, "default-attrvalue", `attribute \`${attr.attridname}\`: @default attrvalue names unknown attribute \`${attr.defaultvalueattrid}\``);
    else {
      attr.defaultvalueobjecttype = target.objecttype;
      if (target.attrvaluetype !== attr.attrvaluetype)
        diags.error(tag.loc, "default-attrvalue", `attribute \`${attr.attridname}\`: @default attrvalue ${target.attridname} has value type ${target.attrvaluetype}, expected ${attr.attrvaluetype}`);
    }
  }
}

function bindConditionValue(target: AttrMetadata, text: string, enums: Map<string, EnumMetadata>): ConstValue | string {
  const vt = target.attrvaluetype.replace("SAI_ATTR_VALUE_TYPE_", "");
  if (vt === "BOOL") {
    if (text === "true" || text === "false") return { kind: "bool", value: text === "true" };
    return `\`${target.attridname}\` is bool, so the value must be true or false`;
  }
  if (target.isenum && vt === "INT32") {
    const e = enums.get(target.enummetadata!);
    const v = e?.values.find((x) => x.name === text);
    if (!v) return `\`${text}\` is not a value of \`${target.enummetadata}\``;
    return { kind: "enum", name: text, value: v.value };
  }
  if (/^U?INT(8|16|32|64)$/.test(vt)) {
    if (!/^-?\d+$|^0x[0-9A-Fa-f]+$/.test(text)) return `\`${target.attridname}\` is an integer, so the value must be a number`;
    const n = BigInt(text);
    const [lo, hi] = INT_RANGES[vt]!;
    if (n < lo || n > hi) return `${text} is out of range for ${vt}`;
    return { kind: "int", value: n.toString() };
  }
  return `\`${target.attridname}\` has value type ${vt}; conditions need bool, enum or integer attributes`;
}

export type { SourceLocation };
