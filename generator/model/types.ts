/**
 * The metadata model: every fact the generator derives from a set of SAI headers, as plain data.
 *
 * Every later stage (checks, emitters, runtime, diff) imports these types and nothing from the parse stage:
 * tree-sitter nodes never leave `generator/parse`. Field names of attribute metadata deliberately follow SAI's C
 * `sai_attr_metadata_t` so that anyone who knows SAI's metadata reads the JSON dump without a manual
 * (SAI-METADATA.md §3).
 */

/** A position in a header: `file` as given on the command line (folder + name), 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Every `sai_attr_value_type_t` the generator knows, in SAI's numeric order (index = C value). */
export const ATTR_VALUE_TYPES = [
  "BOOL", "CHARDATA", "UINT8", "INT8", "UINT16", "INT16", "UINT32", "INT32", "UINT64", "INT64", "POINTER",
  "MAC", "IPV4", "IPV6", "IP_ADDRESS", "IP_PREFIX", "PRBS_RX_STATE", "OBJECT_ID", "OBJECT_LIST",
  "UINT8_LIST", "INT8_LIST", "UINT16_LIST", "INT16_LIST", "UINT32_LIST", "INT32_LIST",
  "UINT32_RANGE", "UINT16_RANGE_LIST", "INT32_RANGE",
  "ACL_FIELD_DATA_BOOL", "ACL_FIELD_DATA_UINT8", "ACL_FIELD_DATA_INT8", "ACL_FIELD_DATA_UINT16",
  "ACL_FIELD_DATA_INT16", "ACL_FIELD_DATA_UINT32", "ACL_FIELD_DATA_INT32", "ACL_FIELD_DATA_UINT64",
  "ACL_FIELD_DATA_MAC", "ACL_FIELD_DATA_IPV4", "ACL_FIELD_DATA_IPV6", "ACL_FIELD_DATA_MACSEC_SCI",
  "ACL_FIELD_DATA_OBJECT_ID", "ACL_FIELD_DATA_OBJECT_LIST", "ACL_FIELD_DATA_UINT8_LIST",
  "ACL_ACTION_DATA_BOOL", "ACL_ACTION_DATA_UINT8", "ACL_ACTION_DATA_INT8", "ACL_ACTION_DATA_UINT16",
  "ACL_ACTION_DATA_INT16", "ACL_ACTION_DATA_UINT32", "ACL_ACTION_DATA_INT32", "ACL_ACTION_DATA_MAC",
  "ACL_ACTION_DATA_IPV4", "ACL_ACTION_DATA_IPV6", "ACL_ACTION_DATA_IP_ADDRESS", "ACL_ACTION_DATA_OBJECT_ID",
  "ACL_ACTION_DATA_OBJECT_LIST",
  "ACL_CAPABILITY", "ACL_RESOURCE_LIST", "MAP_LIST", "VLAN_LIST", "QOS_MAP_LIST", "TLV_LIST", "SEGMENT_LIST",
  "IP_ADDRESS_LIST", "PORT_EYE_VALUES_LIST", "TIMESPEC", "NAT_ENTRY_DATA", "MACSEC_SCI", "MACSEC_SSCI",
  "MACSEC_SAK", "MACSEC_AUTH_KEY", "MACSEC_SALT", "SYSTEM_PORT_CONFIG", "SYSTEM_PORT_CONFIG_LIST",
  "FABRIC_PORT_REACHABILITY", "PORT_ERR_STATUS_LIST", "ENCRYPT_KEY", "AUTH_KEY", "LATCH_STATUS",
  "PORT_LANE_LATCH_STATUS_LIST", "JSON", "IP_PREFIX_LIST", "ACL_CHAIN_LIST", "PORT_FREQUENCY_OFFSET_PPM_LIST",
  "PORT_SNR_LIST", "TWAMP_STATS_DATA", "POE_PORT_POWER_CONSUMPTION", "PORT_PAM4_EYE_VALUES_LIST", "TAPS_LIST",
  "UINT16_RANGE", "PRBS_PER_LANE_RX_STATUS_LIST", "PRBS_PER_LANE_RX_STATE_LIST", "PRBS_BIT_ERROR_RATE",
  "PRBS_PER_LANE_BIT_ERROR_RATE_LIST", "UINT64_RANGE", "UINT64_RANGE_LIST",
] as const;

/** Short value type name, e.g. `UINT32` (the C name is `SAI_ATTR_VALUE_TYPE_` + this). */
export type ValueTypeName = (typeof ATTR_VALUE_TYPES)[number];
/** Full C name, e.g. `SAI_ATTR_VALUE_TYPE_UINT32`. */
export type AttrValueType = `SAI_ATTR_VALUE_TYPE_${ValueTypeName}`;

/** `sai_attr_flags_t` bit names accepted by `@flags` on attributes, with their C bit values. */
export const ATTR_FLAG_BITS = {
  SAI_ATTR_FLAGS_MANDATORY_ON_CREATE: 1,
  SAI_ATTR_FLAGS_CREATE_ONLY: 2,
  SAI_ATTR_FLAGS_CREATE_AND_SET: 4,
  SAI_ATTR_FLAGS_READ_ONLY: 8,
  SAI_ATTR_FLAGS_KEY: 16,
} as const;
export type AttrFlag = keyof typeof ATTR_FLAG_BITS;

export type DefaultValueType =
  | "SAI_DEFAULT_VALUE_TYPE_NONE"
  | "SAI_DEFAULT_VALUE_TYPE_CONST"
  | "SAI_DEFAULT_VALUE_TYPE_ATTR_RANGE"
  | "SAI_DEFAULT_VALUE_TYPE_ATTR_VALUE"
  | "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST"
  | "SAI_DEFAULT_VALUE_TYPE_VENDOR_SPECIFIC"
  | "SAI_DEFAULT_VALUE_TYPE_SWITCH_INTERNAL";

export type ConditionType =
  | "SAI_ATTR_CONDITION_TYPE_NONE"
  | "SAI_ATTR_CONDITION_TYPE_OR"
  | "SAI_ATTR_CONDITION_TYPE_AND"
  | "SAI_ATTR_CONDITION_TYPE_MIXED";

/**
 * A constant value as written in a header (defaults, condition operands), kept as text-free JSON data.
 * `kind` names the union member that holds it.
 */
export type ConstValue =
  | { kind: "bool"; value: boolean }
  | { kind: "int"; value: string } // decimal text: fits every width incl. 64-bit without precision loss
  | { kind: "enum"; name: string; value: number }
  | { kind: "oid"; value: "0" } // only SAI_NULL_OBJECT_ID can be written in a header
  | { kind: "ipv4"; value: string }
  | { kind: "ipv6"; value: string }
  | { kind: "ipaddr"; family: "ipv4" | "ipv6"; value: string }
  | { kind: "mac"; value: string }
  | { kind: "chardata"; value: string }
  | { kind: "pointer"; value: "NULL" }
  | { kind: "acl"; enable: false } // `@default disabled`
  | { kind: "zero" } // `@default 0` on aggregate types (ACL data, timespec): all bytes zero
  | { kind: "const" }; // `@default const`: a vendor-fixed value with no header text

/** One operand or RPN operator of a `@condition` / `@validonly` expression (SAI's `sai_attr_condition_t`). */
export interface AttrCondition {
  /** `SAI_ATTR_CONDITION_TYPE_NONE` for an operand, `_AND`/`_OR` for an RPN operator entry. */
  type: ConditionType;
  /** Referenced attribute name; `null` for operator entries (SAI uses SAI_INVALID_ATTRIBUTE_ID). */
  attrid: string | null;
  /** Always `SAI_ATTR_CONDITION_OP_EQ` today: the grammar only has `==`. */
  op: "SAI_ATTR_CONDITION_OP_EQ";
  /** The compared value, bound by the referenced attribute's type; `null` for operator entries. */
  condition: ConstValue | null;
}

/** One attribute: the fields of SAI's `sai_attr_metadata_t` that the headers determine (§3.1). */
export interface AttrMetadata {
  attridname: string;
  attrid: number;
  objecttype: string;
  brief: string;
  attrvaluetype: AttrValueType;
  /** The `@type` text exactly as written (whitespace collapsed), e.g. `sai_s32_list_t sai_packet_action_t`. */
  typestring: string;
  flags: AttrFlag[];
  defaultvaluetype: DefaultValueType;
  defaultvalue: ConstValue | null;
  defaultvalueobjecttype: string | null;
  defaultvalueattrid: string | null;
  storedefaultvalue: boolean;
  allownullobjectid: boolean;
  allowemptylist: boolean;
  allowrepetitiononlist: boolean;
  allowmixedobjecttypes: boolean;
  allowedobjecttypes: string[];
  isoidattribute: boolean;
  isconditional: boolean;
  conditiontype: ConditionType;
  conditions: AttrCondition[];
  isvalidonly: boolean;
  validonlytype: ConditionType;
  validonly: AttrCondition[];
  isresourcetype: boolean;
  isenum: boolean;
  isenumlist: boolean;
  /** Name of the enum type (e.g. `sai_packet_action_t`) when isenum/isenumlist, else null. */
  enummetadata: string | null;
  isvlan: boolean;
  iskey: boolean;
  ismandatoryoncreate: boolean;
  iscreateonly: boolean;
  iscreateandset: boolean;
  isreadonly: boolean;
  isprimitive: boolean;
  isextensionattr: boolean;
  iscustom: boolean;
  isdeprecated: boolean;
  isconditionrelaxed: boolean;
  isaclfield: boolean;
  isaclaction: boolean;
  isaclmask: boolean;
  getsave: false;
  /** `SAI_SWITCH_NOTIFICATION_TYPE_<N>` index for `*_NOTIFY` pointer attributes, else -1. */
  notificationtype: number;
  iscallback: boolean;
  /** Index in `sai_switch_pointer_type_t` for pointer attributes, else -1. */
  pointertype: number;
  /** For `sai_pointer_t sai_x_fn` attributes: the function typedef name, else null. */
  pointerfn: string | null;
  valueprecision: number;
  /** `@range SAI_DEFINE` on a `*_MIN` attribute; set on the MIN attribute and its clones. */
  range: string | null;
  /** Set on a range clone: the `*_MIN` attribute it was cloned from. */
  clonedfrom: string | null;
  location: string; // "file:line"
}

export type EnumFlagsType =
  | "SAI_ENUM_FLAGS_TYPE_NONE"
  | "SAI_ENUM_FLAGS_TYPE_STRICT"
  | "SAI_ENUM_FLAGS_TYPE_MIXED"
  | "SAI_ENUM_FLAGS_TYPE_RANGES"
  | "SAI_ENUM_FLAGS_TYPE_FREE";

/** One enum (SAI's `sai_enum_metadata_t`), values sorted ascending by value (§3.3). */
export interface EnumMetadata {
  name: string;
  /** Values in ascending numeric order; markers (`*_START`, `*_END`, `*_RANGE_BASE`, final `*_MAX`) removed. */
  values: EnumValue[];
  /** Name prefix stripped to make short names, e.g. `SAI_DASH_DIRECTION_`. */
  prefix: string;
  containsflags: boolean;
  flagstype: EnumFlagsType;
  /** `@ignore` aliases: old name → the value it aliases. */
  ignorevalues: { name: string; value: number; aliasof: string }[];
  /** `SAI_OBJECT_TYPE_<X>` for attribute enums `sai_<x>_attr_t`, else null. */
  objecttype: string | null;
  /** True for enums the generator synthesized (`sai_status_t`, switch notification/pointer types). */
  synthesized: boolean;
  brief: string;
  location: string;
}

/** True for `@flags strict` / `@flags mixed` enums, whose values may be ORed together. */
export function isFlagsEnum(e: Pick<EnumMetadata, "flagstype">): boolean {
  return e.flagstype === "SAI_ENUM_FLAGS_TYPE_STRICT" || e.flagstype === "SAI_ENUM_FLAGS_TYPE_MIXED";
}

export interface EnumValue {
  name: string;
  shortname: string;
  value: number;
  brief: string;
  location: string;
}

/** A struct or union member. */
export interface StructMember {
  name: string;
  /** C type text without the member name, e.g. `sai_object_id_t`, `sai_attribute_t *`, `char[32]`. */
  ctype: string;
  /** Base type name without pointers/arrays/const. */
  basetype: string;
  pointer: number;
  arraysize: number | null;
  brief: string;
  allowedobjecttypes: string[];
  /** `@validonly` on union/struct members, raw expression text (selectors may be `param->field`). */
  validonly: string | null;
  passparam: string | null;
  suffix: string | null;
  /** `@flags sai_<enum>_t` on a struct member: bitmask of that enum. */
  flagsenum: string | null;
  isvlan: boolean;
  location: string;
}

export interface StructMetadata {
  name: string;
  kind: "struct" | "union";
  members: StructMember[];
  brief: string;
  /** `@count ptr[count]` pairs. */
  counts: { pointer: string; count: string }[];
  extraparams: string[];
  location: string;
}

/** Entry key member (`sai_struct_member_info_t`, §3.4). */
export interface KeyMember {
  membername: string;
  membervaluetype: AttrValueType;
  ctype: string;
  isvlan: boolean;
  allowedobjecttypes: string[];
  isenum: boolean;
  enummetadata: string | null;
  /** Byte offset and size under the C layout of the key struct. */
  offset: number;
  size: number;
}

/** A reference from another object type's attribute or key member to this one. */
export interface RevGraphMember {
  /** The referenced type (this object). */
  objecttype: string;
  /** The referring object type. */
  depobjecttype: string;
  /** Referring attribute name, or null when the reference is a key member. */
  attrmetadata: string | null;
  /** Referring entry key member name, or null when the reference is an attribute. */
  structmember: string | null;
}

/** One object type (`sai_object_type_info_t`, §3.2). */
export interface ObjectTypeInfo {
  objecttype: string;
  /** Numeric value of `SAI_OBJECT_TYPE_<X>`. */
  value: number;
  /** `sai_<x>_attr_t`. */
  attrenum: string;
  attridstart: number;
  attridend: number;
  /** Attribute names in ascending id order. */
  attributes: string[];
  isnonobjectid: boolean;
  isobjectid: boolean;
  /** Key struct name (`sai_<x>_t`) for entries, else null. */
  keystruct: string | null;
  structmembers: KeyMember[];
  revgraphmembers: RevGraphMember[];
  isexperimental: boolean;
  iscustom: boolean;
  isextension: boolean;
  /** `sai_<x>_stat_t` if it exists, else null. */
  statenum: string | null;
  /** Owning API, e.g. `SAI_API_DASH_FLOW` / `dash_flow`. */
  api: string | null;
  /** The header file that defines the attribute enum. */
  header: string | null;
  location: string;
}

export type ParamDirection = "in" | "out" | "inout";

export interface FunctionParam {
  name: string;
  direction: ParamDirection | null;
  ctype: string;
  basetype: string;
  isconst: boolean;
  pointer: number;
}

export type ApiFunctionKind =
  | "create" | "remove" | "set" | "get"
  | "get_stats" | "get_stats_ext" | "clear_stats"
  | "bulk_create" | "bulk_remove" | "bulk_set" | "bulk_get"
  | "other";

/** A function typedef `typedef R (*sai_x_fn)(...)`. */
export interface FunctionTypedef {
  name: string;
  returntype: string;
  params: FunctionParam[];
  brief: string;
  location: string;
}

/** One member of an API table struct. */
export interface ApiMember {
  name: string;
  fntype: string;
  kind: ApiFunctionKind;
  /** Object type it operates on, or null for other functions. */
  objecttype: string | null;
  /** True when this is an entry (non-object-id) operation. */
  isentry: boolean;
}

/** An API table `sai_<api>_api_t` (§1.6). */
export interface ApiMetadata {
  /** `sai_<api>_api_t`. */
  name: string;
  /** `<api>` stem, e.g. `dash_flow`. */
  stem: string;
  /** `SAI_API_<X>` enumerator and value; null when the enum lacks it. */
  apienum: string | null;
  apivalue: number | null;
  objecttypes: string[];
  members: ApiMember[];
  header: string;
  location: string;
}

/** A notification `sai_<n>_notification_fn` (§1.7). */
export interface NotificationMetadata {
  /** Short name `<n>`, e.g. `flow_bulk_get_session_event`. */
  name: string;
  /** Typedef name. */
  fntype: string;
  params: (FunctionParam & { objects: string[]; count: string | null })[];
  /** `SAI_SWITCH_ATTR_<N>_NOTIFY`, if present. */
  switchattr: string | null;
  /** `SAI_SWITCH_NOTIFICATION_TYPE_<N>` value. */
  notificationtype: number;
  /** Data structs reachable from pointer params. */
  datastructs: string[];
  brief: string;
  location: string;
}

/** One status code from `saistatus.h` (`SAI_STATUS_CODE(x) = -x`). */
export interface StatusCode {
  name: string;
  value: number;
  /** For `*_0` ranges: the range width (0x10000) and max name; else null. */
  range: { base: number; max: string } | null;
  location: string;
}

/** A `#define SAI_*` with a numeric or string body. */
export interface DefineMetadata {
  name: string;
  value: number | string;
  location: string;
}

/** The whole model, as `saigen metadata` writes it. */
export interface SaiModel {
  /** Header files the model was built from, in read order, and their combined content hash. */
  headers: { files: string[]; sha256: string };
  objectTypes: ObjectTypeInfo[];
  attributes: AttrMetadata[];
  enums: EnumMetadata[];
  structs: StructMetadata[];
  functions: FunctionTypedef[];
  apis: ApiMetadata[];
  notifications: NotificationMetadata[];
  statusCodes: StatusCode[];
  defines: DefineMetadata[];
  /** `SAI_SWITCH_ATTR_*` pointer attributes in pointer-type order. */
  switchPointers: string[];
}

/** A generator diagnostic: reported, collected, never thrown. */
export interface Diagnostic {
  severity: "error" | "warning";
  message: string;
  file: string;
  line: number;
  column: number;
  /** Stable short code, e.g. `flags-combination`, for tests and suppression. */
  code: string;
}
