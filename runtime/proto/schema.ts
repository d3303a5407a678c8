/**
 * The protobuf form of the metadata model, as data: how every SAI value type maps to a proto type, the shared
 * messages of `sai_types.proto`, the naming rules, and the layout of the DASH flow messages.
 *
 * Both the `proto` emitter (which prints `.proto` files) and the flow codecs (which read and write the bytes)
 * derive everything from this module, so the schema and the specialized codec cannot drift apart. It imports
 * nothing but model types, so the runtime can use it without the generator.
 */
import { isFlagsEnum, type AttrMetadata, type EnumMetadata, type KeyMember, type ObjectTypeInfo, type SaiModel, type ValueTypeName } from "../../generator/model/types.js";

export { isFlagsEnum };

/** The protobuf package of every generated file. */
export const PROTO_PACKAGE = "sai";

/** Attribute ids from here on come from `sai_<x>_attr_extensions_t` (SAI's extensions range). */
export const EXTENSION_ATTR_BASE = 0x20000000;
/** Field number of the `extensions` sub-message in an attributes message: between the regular and custom ranges. */
export const EXTENSIONS_FIELD_NUMBER = 0x10000000;
/** Largest protobuf field number (2^29 − 1). */
export const MAX_FIELD_NUMBER = 536870911;

/**
 * How a value travels through the flow codecs. JS values follow `runtime/values` (numbers for ≤ 32-bit integers
 * and enums, bigint for 64-bit integers and OIDs, `Uint8Array` for MACs, `{family, bytes}` for IPs).
 */
export type Codec =
  | { readonly k: "bool" }
  | { readonly k: "int"; readonly bits: 8 | 16 | 32; readonly signed: boolean }
  | { readonly k: "int64"; readonly signed: boolean }
  | { readonly k: "mac" }
  | { readonly k: "ipv4" }
  | { readonly k: "ipv6" }
  | { readonly k: "ipaddr" }
  | { readonly k: "prefix" }
  | { readonly k: "string" }
  /** `sai_u8_list_t` as proto `bytes`; the JS value is a number array. */
  | { readonly k: "u8list" }
  /** Raw bytes; `length` when C fixes it (MACsec keys), null for opaque structs. */
  | { readonly k: "bytes"; readonly length: number | null }
  | { readonly k: "list"; readonly item: Codec }
  | { readonly k: "range"; readonly item: Codec }
  /** A shared message the flow codecs do not carry (ACL data, structs): fine in API messages only. */
  | { readonly k: "other" };

/** The proto form of one value type. */
export interface ProtoTypeSpec {
  /** Scalar type or shared message name. */
  readonly type: string;
  readonly repeated: boolean;
  /** What the proto type does not say (C width, byte count, opaque layout); goes into the field comment. */
  readonly note: string | null;
  readonly codec: Codec;
}

const BOOL: Codec = { k: "bool" };
const U8: Codec = { k: "int", bits: 8, signed: false };
const S8: Codec = { k: "int", bits: 8, signed: true };
const U16: Codec = { k: "int", bits: 16, signed: false };
const S16: Codec = { k: "int", bits: 16, signed: true };
const U32: Codec = { k: "int", bits: 32, signed: false };
const S32: Codec = { k: "int", bits: 32, signed: true };
const U64: Codec = { k: "int64", signed: false };
const S64: Codec = { k: "int64", signed: true };
const OTHER: Codec = { k: "other" };

const t = (type: string, codec: Codec, note: string | null = null): ProtoTypeSpec => ({ type, repeated: false, note, codec });
const rep = (type: string, item: Codec, note: string | null = null): ProtoTypeSpec => ({
  type,
  repeated: true,
  note,
  codec: { k: "list", item },
});
const opaque = (ctype: string): ProtoTypeSpec => t("bytes", { k: "bytes", length: null }, `opaque: C ${ctype} has no protobuf form yet`);

/**
 * The proto type of every value type. Typed as a complete record, so adding a value type to the model without a
 * mapping here fails to compile.
 */
export const VALUE_TYPE_PROTO: Readonly<Record<ValueTypeName, ProtoTypeSpec>> = {
  BOOL: t("bool", BOOL),
  CHARDATA: t("string", { k: "string" }, "char[32]"),
  UINT8: t("uint32", U8, "uint8"),
  INT8: t("int32", S8, "int8"),
  UINT16: t("uint32", U16, "uint16"),
  INT16: t("int32", S16, "int16"),
  UINT32: t("uint32", U32),
  INT32: t("int32", S32),
  UINT64: t("uint64", U64),
  INT64: t("int64", S64),
  POINTER: t("uint64", U64, "pointer: meaningful only inside the process that set it"),
  MAC: t("bytes", { k: "mac" }, "MAC, 6 bytes"),
  IPV4: t("fixed32", { k: "ipv4" }, "IPv4, a.b.c.d = a<<24|b<<16|c<<8|d"),
  IPV6: t("bytes", { k: "ipv6" }, "IPv6, 16 bytes"),
  IP_ADDRESS: t("IpAddress", { k: "ipaddr" }),
  IP_PREFIX: t("IpPrefix", { k: "prefix" }),
  PRBS_RX_STATE: t("PrbsRxState", OTHER),
  OBJECT_ID: t("uint64", U64, "object id"),
  OBJECT_LIST: rep("uint64", U64, "object ids"),
  UINT8_LIST: t("bytes", { k: "u8list" }, "uint8 list"),
  INT8_LIST: rep("int32", S8, "int8"),
  UINT16_LIST: rep("uint32", U16, "uint16"),
  INT16_LIST: rep("int32", S16, "int16"),
  UINT32_LIST: rep("uint32", U32),
  INT32_LIST: rep("int32", S32),
  UINT32_RANGE: t("Uint32Range", { k: "range", item: U32 }),
  UINT16_RANGE_LIST: { type: "Uint16Range", repeated: true, note: null, codec: { k: "list", item: { k: "range", item: U16 } } },
  INT32_RANGE: t("Int32Range", { k: "range", item: S32 }),
  ACL_FIELD_DATA_BOOL: t("AclFieldBool", OTHER),
  ACL_FIELD_DATA_UINT8: t("AclFieldUint32", OTHER, "uint8 data and mask"),
  ACL_FIELD_DATA_INT8: t("AclFieldInt32", OTHER, "int8 data and mask"),
  ACL_FIELD_DATA_UINT16: t("AclFieldUint32", OTHER, "uint16 data and mask"),
  ACL_FIELD_DATA_INT16: t("AclFieldInt32", OTHER, "int16 data and mask"),
  ACL_FIELD_DATA_UINT32: t("AclFieldUint32", OTHER),
  ACL_FIELD_DATA_INT32: t("AclFieldInt32", OTHER),
  ACL_FIELD_DATA_UINT64: t("AclFieldUint64", OTHER),
  ACL_FIELD_DATA_MAC: t("AclFieldBytes", OTHER, "MAC data and mask, 6 bytes each"),
  ACL_FIELD_DATA_IPV4: t("AclFieldIpv4", OTHER),
  ACL_FIELD_DATA_IPV6: t("AclFieldBytes", OTHER, "IPv6 data and mask, 16 bytes each"),
  ACL_FIELD_DATA_MACSEC_SCI: t("AclFieldUint64", OTHER, "MACsec SCI"),
  ACL_FIELD_DATA_OBJECT_ID: t("AclFieldObjectId", OTHER),
  ACL_FIELD_DATA_OBJECT_LIST: t("AclFieldObjectList", OTHER),
  ACL_FIELD_DATA_UINT8_LIST: t("AclFieldBytes", OTHER, "uint8 list data and mask"),
  ACL_ACTION_DATA_BOOL: t("AclActionBool", OTHER),
  ACL_ACTION_DATA_UINT8: t("AclActionUint32", OTHER, "uint8 parameter"),
  ACL_ACTION_DATA_INT8: t("AclActionInt32", OTHER, "int8 parameter"),
  ACL_ACTION_DATA_UINT16: t("AclActionUint32", OTHER, "uint16 parameter"),
  ACL_ACTION_DATA_INT16: t("AclActionInt32", OTHER, "int16 parameter"),
  ACL_ACTION_DATA_UINT32: t("AclActionUint32", OTHER),
  ACL_ACTION_DATA_INT32: t("AclActionInt32", OTHER),
  ACL_ACTION_DATA_MAC: t("AclActionBytes", OTHER, "MAC parameter, 6 bytes"),
  ACL_ACTION_DATA_IPV4: t("AclActionIpv4", OTHER),
  ACL_ACTION_DATA_IPV6: t("AclActionBytes", OTHER, "IPv6 parameter, 16 bytes"),
  ACL_ACTION_DATA_IP_ADDRESS: t("AclActionIpAddress", OTHER),
  ACL_ACTION_DATA_OBJECT_ID: t("AclActionObjectId", OTHER),
  ACL_ACTION_DATA_OBJECT_LIST: t("AclActionObjectList", OTHER),
  ACL_CAPABILITY: opaque("sai_acl_capability_t"),
  ACL_RESOURCE_LIST: opaque("sai_acl_resource_list_t"),
  MAP_LIST: { type: "SaiMapItem", repeated: true, note: null, codec: OTHER },
  VLAN_LIST: rep("uint32", U16, "VLAN ids"),
  QOS_MAP_LIST: opaque("sai_qos_map_list_t"),
  TLV_LIST: opaque("sai_tlv_list_t"),
  SEGMENT_LIST: rep("bytes", { k: "ipv6" }, "IPv6 segments, 16 bytes each"),
  IP_ADDRESS_LIST: rep("IpAddress", { k: "ipaddr" }),
  PORT_EYE_VALUES_LIST: opaque("sai_port_eye_values_list_t"),
  TIMESPEC: t("Timespec", OTHER),
  NAT_ENTRY_DATA: opaque("sai_nat_entry_data_t"),
  MACSEC_SCI: t("uint64", U64, "MACsec SCI"),
  MACSEC_SSCI: t("uint32", U32, "MACsec SSCI"),
  MACSEC_SAK: t("bytes", { k: "bytes", length: 32 }, "MACsec SAK, 32 bytes"),
  MACSEC_AUTH_KEY: t("bytes", { k: "bytes", length: 16 }, "MACsec auth key, 16 bytes"),
  MACSEC_SALT: t("bytes", { k: "bytes", length: 12 }, "MACsec salt, 12 bytes"),
  SYSTEM_PORT_CONFIG: opaque("sai_system_port_config_t"),
  SYSTEM_PORT_CONFIG_LIST: opaque("sai_system_port_config_list_t"),
  FABRIC_PORT_REACHABILITY: t("FabricPortReachability", OTHER),
  PORT_ERR_STATUS_LIST: rep("uint32", U32, "sai_port_err_status_t bits"),
  ENCRYPT_KEY: t("bytes", { k: "bytes", length: 32 }, "encryption key, 32 bytes"),
  AUTH_KEY: t("bytes", { k: "bytes", length: 16 }, "authentication key, 16 bytes"),
  LATCH_STATUS: t("LatchStatus", OTHER),
  PORT_LANE_LATCH_STATUS_LIST: opaque("sai_port_lane_latch_status_list_t"),
  JSON: t("bytes", { k: "bytes", length: null }, "JSON text (sai_json_t)"),
  IP_PREFIX_LIST: rep("IpPrefix", { k: "prefix" }),
  ACL_CHAIN_LIST: opaque("sai_acl_chain_list_t"),
  PORT_FREQUENCY_OFFSET_PPM_LIST: opaque("sai_port_frequency_offset_ppm_list_t"),
  PORT_SNR_LIST: opaque("sai_port_snr_list_t"),
  TWAMP_STATS_DATA: opaque("sai_twamp_session_stats_data_t"),
  POE_PORT_POWER_CONSUMPTION: opaque("sai_poe_port_power_consumption_t"),
  PORT_PAM4_EYE_VALUES_LIST: opaque("sai_port_pam4_eye_values_list_t"),
  TAPS_LIST: opaque("sai_taps_list_t"),
  UINT16_RANGE: t("Uint16Range", { k: "range", item: U16 }),
  PRBS_PER_LANE_RX_STATUS_LIST: opaque("sai_prbs_per_lane_rx_status_list_t"),
  PRBS_PER_LANE_RX_STATE_LIST: opaque("sai_prbs_per_lane_rx_state_list_t"),
  PRBS_BIT_ERROR_RATE: opaque("sai_prbs_bit_error_rate_t"),
  PRBS_PER_LANE_BIT_ERROR_RATE_LIST: opaque("sai_prbs_per_lane_bit_error_rate_list_t"),
  UINT64_RANGE: t("Uint64Range", { k: "range", item: U64 }),
  UINT64_RANGE_LIST: { type: "Uint64Range", repeated: true, note: null, codec: { k: "list", item: { k: "range", item: U64 } } },
};

/** A field of a shared or generated message. */
export interface ProtoFieldDef {
  readonly name: string;
  readonly number: number;
  readonly type: string;
  readonly repeated: boolean;
  /** Oneof group name, or null. */
  readonly oneof: string | null;
  readonly comment: string | null;
}

/** A message with its fields in number order. */
export interface ProtoMessageDef {
  readonly name: string;
  readonly comment: string[];
  readonly fields: ProtoFieldDef[];
}

const f = (name: string, number: number, type: string, comment: string | null = null, oneof: string | null = null, repeated = false): ProtoFieldDef => ({
  name,
  number,
  type,
  repeated,
  oneof,
  comment,
});

const aclField = (name: string, type: string, mask: boolean, repeated = false): ProtoMessageDef => ({
  name,
  comment: [`sai_acl_field_data_t: an ACL match field; data and mask are meaningful only when enable is true.`],
  fields: [f("enable", 1, "bool"), f("data", 2, type, null, null, repeated), ...(mask ? [f("mask", 3, type, null, null, repeated)] : [])],
});
const aclAction = (name: string, type: string, repeated = false): ProtoMessageDef => ({
  name,
  comment: [`sai_acl_action_data_t: an ACL action; the parameter is meaningful only when enable is true.`],
  fields: [f("enable", 1, "bool"), f("parameter", 2, type, null, null, repeated)],
});

/**
 * The messages of `sai_types.proto`. Field numbers here are part of the wire format of every generated message
 * that embeds them, so they never change.
 */
export const SHARED_MESSAGES: readonly ProtoMessageDef[] = [
  {
    name: "IpAddress",
    comment: [
      "sai_ip_address_t. The family is explicit: exactly one member is set. IPv4 is the address read big-endian",
      "(10.0.0.1 = 0x0A000001); IPv6 is 16 bytes in network order.",
    ],
    fields: [f("ipv4", 1, "fixed32", null, "addr"), f("ipv6", 2, "bytes", "16 bytes", "addr")],
  },
  {
    name: "Ipv4Prefix",
    comment: ["An IPv4 prefix: address and mask, each read big-endian. The mask need not be contiguous."],
    fields: [f("addr", 1, "fixed32"), f("mask", 2, "fixed32")],
  },
  {
    name: "Ipv6Prefix",
    comment: ["An IPv6 prefix: address and mask, 16 bytes each in network order. The mask need not be contiguous."],
    fields: [f("addr", 1, "bytes"), f("mask", 2, "bytes")],
  },
  {
    name: "IpPrefix",
    comment: ["sai_ip_prefix_t. The family is explicit: exactly one member is set."],
    fields: [f("ipv4", 1, "Ipv4Prefix", null, "family"), f("ipv6", 2, "Ipv6Prefix", null, "family")],
  },
  { name: "Uint32Range", comment: ["sai_u32_range_t."], fields: [f("min", 1, "uint32"), f("max", 2, "uint32")] },
  { name: "Int32Range", comment: ["sai_s32_range_t."], fields: [f("min", 1, "int32"), f("max", 2, "int32")] },
  { name: "Uint16Range", comment: ["sai_u16_range_t (values 0..65535)."], fields: [f("min", 1, "uint32"), f("max", 2, "uint32")] },
  { name: "Uint64Range", comment: ["sai_u64_range_t."], fields: [f("min", 1, "uint64"), f("max", 2, "uint64")] },
  { name: "Timespec", comment: ["sai_timespec_t."], fields: [f("tv_sec", 1, "uint64"), f("tv_nsec", 2, "uint32")] },
  { name: "SaiMapItem", comment: ["sai_map_t: one key/value pair of a sai_map_list_t."], fields: [f("key", 1, "uint32"), f("value", 2, "int32")] },
  {
    name: "PrbsRxState",
    comment: ["sai_prbs_rx_state_t."],
    fields: [f("rx_status", 1, "int32", "sai_port_prbs_rx_status_t"), f("error_count", 2, "uint32")],
  },
  { name: "LatchStatus", comment: ["sai_latch_status_t."], fields: [f("current_status", 1, "bool"), f("changed", 2, "bool")] },
  {
    name: "FabricPortReachability",
    comment: ["sai_fabric_port_reachability_t."],
    fields: [f("switch_id", 1, "uint32"), f("reachable", 2, "bool")],
  },
  aclField("AclFieldBool", "bool", false),
  aclField("AclFieldUint32", "uint32", true),
  aclField("AclFieldInt32", "int32", true),
  aclField("AclFieldUint64", "uint64", true),
  aclField("AclFieldBytes", "bytes", true),
  aclField("AclFieldIpv4", "fixed32", true),
  aclField("AclFieldObjectId", "uint64", false),
  aclField("AclFieldObjectList", "uint64", false, true),
  aclAction("AclActionBool", "bool"),
  aclAction("AclActionUint32", "uint32"),
  aclAction("AclActionInt32", "int32"),
  aclAction("AclActionBytes", "bytes"),
  aclAction("AclActionIpv4", "fixed32"),
  aclAction("AclActionIpAddress", "IpAddress"),
  aclAction("AclActionObjectId", "uint64"),
  aclAction("AclActionObjectList", "uint64", true),
  {
    name: "StatusResponse",
    comment: ["The SAI status of a call (sai_status_t: 0 = success, negative = failure; indexed codes are base − index)."],
    fields: [f("status", 1, "sint32")],
  },
  {
    name: "BulkStatusResponse",
    comment: ["The overall SAI status of a bulk call and one status per item, in request order."],
    fields: [f("status", 1, "sint32"), f("statuses", 2, "sint32", null, null, true)],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Naming

/** `dash_flow` → `DashFlow`, `underlay0_sip` → `Underlay0Sip`. */
export function pascal(snake: string): string {
  return snake
    .toLowerCase()
    .split("_")
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/** `SAI_OBJECT_TYPE_FLOW_ENTRY` → `flow_entry`. */
export function objectStem(objecttype: string): string {
  return objecttype.replace(/^SAI_OBJECT_TYPE_/, "").toLowerCase();
}

/** Proto enum name of a C enum: `sai_dash_direction_t` → `SaiDashDirection`. */
export function enumTypeName(cEnum: string): string {
  return pascal(cEnum.replace(/_t$/, ""));
}

/** Attributes message of an object type: `SAI_OBJECT_TYPE_FLOW_TABLE` → `SaiFlowTableAttributes`. */
export function attributesMessageName(objecttype: string): string {
  return `Sai${pascal(objectStem(objecttype))}Attributes`;
}

/** Extension attributes message of an object type. */
export function extensionsMessageName(objecttype: string): string {
  return `Sai${pascal(objectStem(objecttype))}Extensions`;
}

/** Key message of an entry object type; the DASH flow entry keeps the design's name `SaiDashFlowKey`. */
export function keyMessageName(objecttype: string): string {
  return objecttype === FLOW_OBJECT_TYPE ? FLOW_MESSAGES.key : `Sai${pascal(objectStem(objecttype))}Key`;
}

/** `SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SIP` → `underlay0_sip` (the attribute name without `SAI_<OBJECT>_ATTR_`). */
export function attrFieldBaseName(attr: AttrMetadata): string {
  const prefix = `SAI_${objectStem(attr.objecttype).toUpperCase()}_ATTR_`;
  const short = attr.attridname.startsWith(prefix) ? attr.attridname.slice(prefix.length) : attr.attridname.replace(/^SAI_/, "");
  const name = short.toLowerCase();
  // proto identifiers start with a letter
  return /^[a-z]/.test(name) ? name : `attr_${name}`;
}

/**
 * The key protoc compares when it rejects two fields whose JSON names collide; stricter than any protoc version's
 * rule (case and underscores ignored), so a name unique here is unique for every protoc.
 */
function jsonClashKey(name: string): string {
  return name.replace(/_/g, "").toLowerCase();
}

/** Hands out field names unique within one message, also after protoc's JSON-name folding. */
export class FieldNamer {
  private readonly taken = new Set<string>();

  /** `base`, or `base_2`, `base_3`… when an earlier field already folds to the same JSON name. */
  name(base: string): string {
    let candidate = base;
    for (let n = 2; this.taken.has(jsonClashKey(candidate)); n++) candidate = `${base}_${n}`;
    this.taken.add(jsonClashKey(candidate));
    return candidate;
  }
}

/**
 * protoc's proto3 enum rule: value names must stay distinct after removing the enum type name as a prefix
 * (ignoring case and underscores) and PascalCasing the rest.
 */
export function enumValueClashKey(enumName: string, valueName: string): string {
  const prefix = enumName.toLowerCase().replace(/_/g, "");
  let i = 0;
  let j = 0;
  while (i < valueName.length && j < prefix.length) {
    if (valueName[i] === "_") {
      i++;
      continue;
    }
    if (valueName[i]!.toLowerCase() !== prefix[j]) break;
    i++;
    j++;
  }
  let rest = valueName;
  if (j === prefix.length) {
    while (i < valueName.length && valueName[i] === "_") i++;
    if (i < valueName.length) rest = valueName.slice(i);
  }
  return rest
    .split("_")
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join("");
}

// ---------------------------------------------------------------------------------------------------------------
// Fields of attributes, keys and enums

/** How an attribute's or key member's value is typed in proto, resolved against the model's enums. */
export interface ResolvedType {
  readonly type: string;
  readonly repeated: boolean;
  readonly codec: Codec;
  /** Comment fragments: the C enum of enum/flags fields, width notes. */
  readonly notes: string[];
  /** The C enum whose proto enum this field uses, if any (so the emitter emits it). */
  readonly usesEnum: string | null;
  /** The C enum named in the comment of a flags field, if any. */
  readonly flagsEnum: string | null;
}

/** Enums that can become proto enums: every value fits int32 (proto enum values are int32). */
export function isProtoEnumCandidate(e: EnumMetadata): boolean {
  return e.values.every((v) => Number.isInteger(v.value) && v.value >= -0x80000000 && v.value <= 0x7fffffff);
}

function shortValueType(vt: string): ValueTypeName {
  return vt.replace(/^SAI_ATTR_VALUE_TYPE_/, "") as ValueTypeName;
}

/** Resolves the proto type of a value type, narrowed by its enum (plain enum → proto enum; flags → uint32). */
export function resolveType(valuetype: string, enumName: string | null, enums: ReadonlyMap<string, EnumMetadata>): ResolvedType {
  const vt = shortValueType(valuetype);
  const spec = VALUE_TYPE_PROTO[vt];
  if (!spec) throw new Error(`internal: value type ${valuetype} has no proto mapping`);
  const notes = spec.note ? [spec.note] : [];
  const e = enumName ? enums.get(enumName) : undefined;
  const enumValued = vt === "INT32" || vt === "INT32_LIST";
  if (e && enumValued) {
    if (isFlagsEnum(e)) {
      const codec: Codec = { k: "int", bits: 32, signed: false };
      return {
        type: "uint32",
        repeated: spec.repeated,
        codec: spec.repeated ? { k: "list", item: codec } : codec,
        notes: [`OR of ${e.name} (${enumTypeName(e.name)}) bits`],
        usesEnum: null,
        flagsEnum: e.name,
      };
    }
    if (isProtoEnumCandidate(e))
      return { type: enumTypeName(e.name), repeated: spec.repeated, codec: spec.codec, notes: [], usesEnum: e.name, flagsEnum: null };
  }
  if (enumName) notes.push(enumName);
  return { type: spec.type, repeated: spec.repeated, codec: spec.codec, notes, usesEnum: null, flagsEnum: null };
}

/** One generated field together with where it came from. */
export interface FieldSpec extends ProtoFieldDef {
  readonly codec: Codec;
  readonly deprecated: boolean;
  /** The attribute (`SAI_…_ATTR_…`) or key member (`src_ip`) the field carries. */
  readonly source: string;
  readonly usesEnum: string | null;
  readonly flagsEnum: string | null;
  /** The C value type, e.g. `SAI_ATTR_VALUE_TYPE_UINT16`. */
  readonly valuetype: string;
}

/** A field number that protobuf accepts (1..2^29−1, outside 19000–19999), or null. */
export function validFieldNumber(n: number): number | null {
  return Number.isInteger(n) && n >= 1 && n <= MAX_FIELD_NUMBER && (n < 19000 || n > 19999) ? n : null;
}

/**
 * Field number of an attribute: id + 1 (attribute ids are ABI, so numbers stay stable as upstream appends), and for
 * extension attributes (id ≥ 0x20000000) id − 0x20000000 + 1 inside the `extensions` sub-message. Null when the id
 * has no valid number (never for real headers: regular ids are small, custom ids are 0x10000000 + small).
 */
export function attrFieldNumber(attr: AttrMetadata): number | null {
  const base = attr.attrid >= EXTENSION_ATTR_BASE ? attr.attrid - EXTENSION_ATTR_BASE : attr.attrid;
  const n = validFieldNumber(base + 1);
  return n === EXTENSIONS_FIELD_NUMBER ? null : n;
}

function comment(parts: (string | null)[]): string {
  return parts.filter((p): p is string => !!p).join("; ");
}

/** The field of one attribute in its object's attributes (or extensions) message; null when it has no number. */
export function attrField(attr: AttrMetadata, namer: FieldNamer, enums: ReadonlyMap<string, EnumMetadata>): FieldSpec | null {
  const number = attrFieldNumber(attr);
  if (number === null) return null;
  const r = resolveType(attr.attrvaluetype, attr.enummetadata, enums);
  const flags = attr.flags.map((fl) => fl.replace(/^SAI_ATTR_FLAGS_/, "")).join("|");
  return {
    name: namer.name(attrFieldBaseName(attr)),
    number,
    type: r.type,
    repeated: r.repeated,
    oneof: null,
    comment: comment([attr.attridname, ...r.notes, flags === "READ_ONLY" ? "read-only" : null]),
    codec: r.codec,
    deprecated: attr.isdeprecated,
    source: attr.attridname,
    usesEnum: r.usesEnum,
    flagsEnum: r.flagsEnum,
    valuetype: attr.attrvaluetype,
  };
}

/** The field of one entry key member: number = C member position + 1 (members are only ever appended). */
export function keyField(m: KeyMember, index: number, namer: FieldNamer, enums: ReadonlyMap<string, EnumMetadata>): FieldSpec {
  const r = resolveType(m.membervaluetype, m.enummetadata, enums);
  return {
    name: namer.name(/^[a-z]/i.test(m.membername) ? m.membername : `member_${m.membername}`),
    number: index + 1,
    type: r.type,
    repeated: r.repeated,
    oneof: null,
    comment: comment([`${m.ctype} ${m.membername}`, ...r.notes]),
    codec: r.codec,
    deprecated: false,
    source: m.membername,
    usesEnum: r.usesEnum,
    flagsEnum: r.flagsEnum,
    valuetype: m.membervaluetype,
  };
}

/** A proto enum value. */
export interface ProtoEnumValue {
  readonly name: string;
  readonly number: number;
  readonly comment: string | null;
}

/** A proto enum derived from a C enum. */
export interface ProtoEnumDef {
  readonly name: string;
  readonly cname: string;
  readonly comment: string[];
  readonly values: ProtoEnumValue[];
}

/**
 * The proto enum of a C enum: SAI's names and values verbatim; when no value is 0 (proto3 needs the first value to
 * be 0) a synthetic `<PREFIX>UNSPECIFIED_` value is put first, named so it clashes with no SAI name, not even
 * after protoc's prefix-stripping comparison.
 */
export function protoEnum(e: EnumMetadata): ProtoEnumDef {
  const name = enumTypeName(e.name);
  const values: ProtoEnumValue[] = e.values.map((v) => ({ name: v.name, number: v.value, comment: null }));
  const comments = [`${e.name}${isFlagsEnum(e) ? ": flag bits; fields holding an OR of them are uint32" : ""}.`];
  if (!e.values.some((v) => v.value === 0)) {
    const names = new Set(e.values.map((v) => v.name));
    const keys = new Set(e.values.map((v) => enumValueClashKey(name, v.name)));
    const stem = e.prefix || e.name.replace(/_t$/, "").toUpperCase() + "_";
    const taken = (n: string) => names.has(n) || keys.has(enumValueClashKey(name, n));
    // the trailing underscore keeps it apart from SAI-style names; a number, from the clash key (which drops "_")
    let zero = `${stem}UNSPECIFIED_`;
    for (let n = 2; taken(zero); n++) zero = `${stem}UNSPECIFIED_${n}_`;
    values.unshift({ name: zero, number: 0, comment: "not a SAI value: proto3 requires a zero value" });
  }
  // duplicates are illegal in SAI enums (aliases are @ignore'd), so values map 1:1 and no allow_alias is needed
  return { name, cname: e.name, comment: comments, values };
}

// ---------------------------------------------------------------------------------------------------------------
// The DASH flow messages

/** The object type whose state FLOW_DATA_PB carries. */
export const FLOW_OBJECT_TYPE = "SAI_OBJECT_TYPE_FLOW_ENTRY";
/** The attribute that carries a SaiDashFlowEntry as bytes; not part of the state it carries. */
export const FLOW_DATA_PB_ATTR = "SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB";

/** Names of the flow messages (as in the DASH flow design) and of the bulk-get target service. */
export const FLOW_MESSAGES = {
  key: "SaiDashFlowKey",
  state: "SaiDashFlowState",
  stateExtensions: "SaiDashFlowStateExtensions",
  entry: "SaiDashFlowEntry",
  batch: "SaiDashFlowBatch",
  finished: "SaiDashFlowBulkGetFinished",
  summary: "SaiDashFlowPushSummary",
  error: "SaiDashFlowPushError",
  service: "SaiDashFlowBulkGetTarget",
} as const;

/** A flow message layout: the fields the codecs write, in number order. */
export interface FlowMessageLayout {
  readonly name: string;
  readonly fields: FlowFieldLayout[];
}

/** A field of a flow message; `message` is set for the nested extensions message. */
export interface FlowFieldLayout extends FieldSpec {
  readonly message: FlowMessageLayout | null;
}

/** Everything the flow codecs and the emitter need to know about the DASH flow messages. */
export interface FlowLayout {
  readonly key: FlowMessageLayout;
  readonly state: FlowMessageLayout;
  readonly entry: FlowMessageLayout;
  /** Reverse-key attribute → key member it mirrors (`SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_IP` → `src_ip`). */
  readonly reverseAttrs: ReadonlyMap<string, string>;
  /** FLOW_ENTRY attributes left out of the state, with the reason. */
  readonly excluded: { attr: string; reason: string }[];
}

/** Enum metadata by name. */
export function enumIndex(model: SaiModel): Map<string, EnumMetadata> {
  return new Map(model.enums.map((e) => [e.name, e]));
}

/** Attribute metadata of an object type, in id order. */
export function objectAttributes(model: SaiModel, ot: ObjectTypeInfo): AttrMetadata[] {
  const byName = new Map(model.attributes.filter((a) => a.objecttype === ot.objecttype).map((a) => [a.attridname, a]));
  return ot.attributes.map((n) => byName.get(n)).filter((a): a is AttrMetadata => !!a);
}

const asLayout = (fs: FieldSpec): FlowFieldLayout => ({ ...fs, message: null });

/** Whether the flow codecs can carry a value of this kind (shared structs such as ACL data cannot, yet). */
export function hasFlowCodec(c: Codec): boolean {
  if (c.k === "other") return false;
  if (c.k === "list" || c.k === "range") return hasFlowCodec(c.item) && c.item.k !== "list" && c.item.k !== "u8list" && c.item.k !== "string";
  return true;
}

/**
 * The flow messages, derived from the FLOW_ENTRY object: the key from `sai_flow_entry_t`, the state from every
 * FLOW_ENTRY attribute except the reverse-key attributes (they form the reverse key), FLOW_DATA_PB (it carries the
 * message) and READ_ONLY ones (a device reports them; they are not state to program). State fields keep their
 * attribute numbers, so a SaiDashFlowState is also a valid SaiFlowEntryAttributes. Null when the model has no
 * flow entry.
 */
export function flowLayout(model: SaiModel): FlowLayout | null {
  const ot = model.objectTypes.find((o) => o.objecttype === FLOW_OBJECT_TYPE);
  if (!ot || !ot.isnonobjectid || ot.structmembers.length === 0) return null;
  const enums = enumIndex(model);
  const keyNamer = new FieldNamer();
  const key: FlowMessageLayout = {
    name: FLOW_MESSAGES.key,
    fields: ot.structmembers.map((m, i) => asLayout(keyField(m, i, keyNamer, enums))),
  };
  const prefix = `SAI_${objectStem(ot.objecttype).toUpperCase()}_ATTR_REVERSE_FLOW_`;
  const members = new Map(ot.structmembers.map((m) => [m.membername, m.membervaluetype]));
  const reverseAttrs = new Map<string, string>();
  const excluded: { attr: string; reason: string }[] = [];
  const namer = new FieldNamer();
  const extNamer = new FieldNamer();
  const fields: FlowFieldLayout[] = [];
  const extFields: FlowFieldLayout[] = [];
  for (const a of objectAttributes(model, ot)) {
    const member = a.attridname.startsWith(prefix) ? a.attridname.slice(prefix.length).toLowerCase() : null;
    // a reverse attribute becomes a reverse key member only when its type is the member's; otherwise it is state
    if (member && members.get(member) === a.attrvaluetype) {
      reverseAttrs.set(a.attridname, member);
      excluded.push({ attr: a.attridname, reason: `reverse key member ${member}` });
      continue;
    }
    if (a.attridname === FLOW_DATA_PB_ATTR) {
      excluded.push({ attr: a.attridname, reason: "carries the SaiDashFlowEntry itself" });
      continue;
    }
    if (a.isreadonly) {
      excluded.push({ attr: a.attridname, reason: "read-only: reported by the device, not programmed" });
      continue;
    }
    const ext = a.attrid >= EXTENSION_ATTR_BASE;
    if (!hasFlowCodec(resolveType(a.attrvaluetype, a.enummetadata, enums).codec)) {
      excluded.push({ attr: a.attridname, reason: `${shortValueType(a.attrvaluetype)} has no flow codec yet` });
      continue;
    }
    const fs = attrField(a, ext ? extNamer : namer, enums);
    if (!fs) {
      excluded.push({ attr: a.attridname, reason: `id ${a.attrid} has no valid field number` });
      continue;
    }
    (ext ? extFields : fields).push(asLayout(fs));
  }
  if (extFields.length > 0) {
    const extMessage: FlowMessageLayout = { name: FLOW_MESSAGES.stateExtensions, fields: extFields };
    fields.push({
      name: namer.name("extensions"),
      number: EXTENSIONS_FIELD_NUMBER,
      type: extMessage.name,
      repeated: false,
      oneof: null,
      comment: "extension attributes (ids from 0x20000000)",
      codec: { k: "other" },
      deprecated: false,
      source: "extensions",
      usesEnum: null,
      flagsEnum: null,
      valuetype: "",
      message: extMessage,
    });
  }
  const state: FlowMessageLayout = { name: FLOW_MESSAGES.state, fields };
  const sub = (name: string, number: number, m: FlowMessageLayout, note: string): FlowFieldLayout => ({
    name,
    number,
    type: m.name,
    repeated: false,
    oneof: null,
    comment: note,
    codec: { k: "other" },
    deprecated: false,
    source: name,
    usesEnum: null,
    flagsEnum: null,
    valuetype: "",
    message: m,
  });
  const entry: FlowMessageLayout = {
    name: FLOW_MESSAGES.entry,
    fields: [
      sub("flow_key", 1, key, `${ot.keystruct ?? "key"} of the flow`),
      sub("reverse_flow_key", 2, key, "the REVERSE_FLOW_* attributes; members without one repeat flow_key's"),
      sub("flow_state", 3, state, "every other programmable attribute"),
    ],
  };
  return { key, state, entry, reverseAttrs, excluded };
}
