/**
 * Maps an attribute's `@type` text to SAI's value type (SAI-METADATA.md §3.6): plain types are looked up among
 * the member types of the value union, enums become INT32, and the enum-list, ACL and pointer forms have their
 * own shapes.
 */
import { ATTR_VALUE_TYPES, type AttrValueType, type ValueTypeName } from "./types.js";

const KNOWN = new Set<string>(ATTR_VALUE_TYPES);

export interface TypeContext {
  /** Member C types of `sai_attribute_value_t` (e.g. `sai_uint32_t`, `sai_u32_list_t`). */
  unionTypes: Set<string>;
  /** Member C types of `sai_acl_field_data_data_t` and `sai_acl_action_parameter_t`. */
  aclFieldTypes: Set<string>;
  aclActionTypes: Set<string>;
  enums: Set<string>;
  /** Function typedef names (for pointer types). */
  functions: Set<string>;
}

export interface MappedType {
  attrvaluetype: AttrValueType;
  isenum: boolean;
  isenumlist: boolean;
  enummetadata: string | null;
  isaclmask: boolean;
  isprimitive: boolean;
  pointerfn: string | null;
  iscallback: boolean;
}

/** `sai_u32_list_t` → `UINT32_LIST`, `sai_ip4_t` → `IPV4`, `sai_s32_range_t` → `INT32_RANGE`. */
export function valueTypeOfCType(ctype: string): string {
  const stem = ctype.replace(/^sai_/, "").replace(/_t$/, "");
  return stem
    .toUpperCase()
    .replace(/^S(\d+)/, "INT$1")
    .replace(/^U(\d+)/, "UINT$1")
    .replace(/^IP(\d)/, "IPV$1");
}

function vt(name: string): AttrValueType {
  return `SAI_ATTR_VALUE_TYPE_${name as ValueTypeName}`;
}

/** Maps `@type` text; returns an error message when the text is not a supported form. */
export function mapAttrType(typeText: string, ctx: TypeContext): MappedType | string {
  const words = typeText.trim().split(/\s+/);
  const base: MappedType = {
    attrvaluetype: vt("BOOL"),
    isenum: false,
    isenumlist: false,
    enummetadata: null,
    isaclmask: false,
    isprimitive: !/_list_t|acl_capability_t|_json_t/.test(typeText),
    pointerfn: null,
    iscallback: false,
  };
  const [first, second, ...rest] = words;
  if (!first) return "empty @type";
  if (rest.length > 0) return `unsupported @type \`${typeText}\``;
  if (/_attr_(extensions_|custom_)?t$/.test(first) || (second && /_attr_(extensions_|custom_)?t$/.test(second)))
    return `@type may not name an attribute enum (\`${typeText}\`)`;

  if (second === undefined) {
    if (first === "bool") return { ...base, attrvaluetype: vt("BOOL") };
    if (first === "char") return { ...base, attrvaluetype: vt("CHARDATA") };
    if (ctx.unionTypes.has(first)) {
      const name = valueTypeOfCType(first);
      if (!KNOWN.has(name)) return `\`${first}\` maps to value type ${name}, which this generator does not know`;
      return { ...base, attrvaluetype: vt(name) };
    }
    if (ctx.enums.has(first)) return { ...base, attrvaluetype: vt("INT32"), isenum: true, enummetadata: first };
    return `\`${first}\` is neither a member type of sai_attribute_value_t nor an enum`;
  }

  if (first === "sai_s32_list_t") {
    if (!ctx.enums.has(second)) return `enum list element type \`${second}\` is not an enum`;
    return { ...base, attrvaluetype: vt("INT32_LIST"), isenumlist: true, enummetadata: second };
  }
  if (first === "sai_pointer_t") {
    if (!/^sai_\w+_fn$/.test(second)) return `pointer @type must name a function typedef \`sai_*_fn\`, got \`${second}\``;
    if (!ctx.functions.has(second)) return `pointer @type names unknown function typedef \`${second}\``;
    const iscallback = !/_notification_fn$/.test(second);
    if (iscallback && !/^sai_switch_\w+_fn$/.test(second))
      return `pointer @type must be a notification \`sai_*_notification_fn\` or a callback \`sai_switch_*_fn\`, got \`${second}\``;
    return { ...base, attrvaluetype: vt("POINTER"), pointerfn: second, iscallback };
  }
  const acl = /^sai_acl_(field_data|field_data_mask|action_data)_t$/.exec(first);
  if (acl) {
    const prefix = acl[1] === "action_data" ? "ACL_ACTION_DATA_" : "ACL_FIELD_DATA_";
    const allowed = acl[1] === "action_data" ? ctx.aclActionTypes : ctx.aclFieldTypes;
    const isaclmask = acl[1] === "field_data_mask";
    if (second === "bool") return { ...base, attrvaluetype: vt(prefix + "BOOL"), isaclmask };
    if (ctx.enums.has(second))
      return { ...base, attrvaluetype: vt(prefix + "INT32"), isenum: true, enummetadata: second, isaclmask };
    if (!allowed.has(second)) return `\`${second}\` is not a member type of the ACL ${acl[1] === "action_data" ? "action parameter" : "field data"} union`;
    const name = prefix + valueTypeOfCType(second);
    if (!KNOWN.has(name)) return `\`${typeText}\` maps to value type ${name}, which this generator does not know`;
    return { ...base, attrvaluetype: vt(name), isaclmask };
  }
  return `unsupported @type \`${typeText}\``;
}
