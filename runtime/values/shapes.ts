/**
 * A data description of every value type's shape, and the structural check built on it.
 *
 * The description is data (not code) so that other consumers — the serializer's JSON forms, protobuf codecs,
 * binding emitters — walk the same tree instead of restating 96 shapes. The check is structural only: integers
 * must be integers and byte arrays must have their C length, but width ranges, enum membership and counts are
 * the validators' business.
 */
import { ATTR_VALUE_TYPES, type AttrValueType, type ValueTypeName } from "../../generator/model/types.js";
import type { ValueOf } from "./types.js";

/** One node of a value shape. `enum` names the C enum a nested member takes its value names from. */
export type Shape =
  | { readonly kind: "bool" }
  | { readonly kind: "int"; readonly bits: 8 | 16 | 32; readonly signed: boolean; readonly enum?: string }
  | { readonly kind: "int64"; readonly signed: boolean }
  | { readonly kind: "oid" }
  | { readonly kind: "pointer" }
  | { readonly kind: "chardata" }
  | { readonly kind: "mac" }
  | { readonly kind: "ipv4" }
  | { readonly kind: "ipv6" }
  | { readonly kind: "ipaddr" }
  | { readonly kind: "prefix" }
  | { readonly kind: "bytes"; readonly length: number }
  /** A SAI list: an array, or `{count, list: null}`. */
  | { readonly kind: "list"; readonly item: Shape }
  /** A plain array (a C array or a pointer whose count lives elsewhere); `length` when fixed. */
  | { readonly kind: "array"; readonly item: Shape; readonly length?: number }
  | { readonly kind: "range"; readonly item: Shape }
  /** `equalLength`: array members sharing one C count. */
  | { readonly kind: "struct"; readonly members: readonly Member[]; readonly equalLength?: readonly string[] }
  /** A C union: exactly one member present. */
  | { readonly kind: "union"; readonly members: readonly Member[] }
  | { readonly kind: "aclfield"; readonly data: Shape; readonly mask: Shape | null }
  | { readonly kind: "aclaction"; readonly parameter: Shape };

/** A struct or union member: C name and shape. */
export type Member = readonly [name: string, shape: Shape];

const BOOL: Shape = { kind: "bool" };
const U8: Shape = { kind: "int", bits: 8, signed: false };
const S8: Shape = { kind: "int", bits: 8, signed: true };
const U16: Shape = { kind: "int", bits: 16, signed: false };
const S16: Shape = { kind: "int", bits: 16, signed: true };
const U32: Shape = { kind: "int", bits: 32, signed: false };
const S32: Shape = { kind: "int", bits: 32, signed: true };
const U64: Shape = { kind: "int64", signed: false };
const S64: Shape = { kind: "int64", signed: true };
const OID: Shape = { kind: "oid" };
const MAC: Shape = { kind: "mac" };
const IPV4: Shape = { kind: "ipv4" };
const IPV6: Shape = { kind: "ipv6" };
const IPADDR: Shape = { kind: "ipaddr" };
const PREFIX: Shape = { kind: "prefix" };

const en = (name: string): Shape => ({ kind: "int", bits: 32, signed: true, enum: name });
const list = (item: Shape): Shape => ({ kind: "list", item });
const range = (item: Shape): Shape => ({ kind: "range", item });
const struct = (...members: Member[]): Shape => ({ kind: "struct", members });
const field = (data: Shape, mask: Shape | null): Shape => ({ kind: "aclfield", data, mask });
const action = (parameter: Shape): Shape => ({ kind: "aclaction", parameter });

const PRBS_RX_STATE = struct(["rx_status", en("sai_port_prbs_rx_status_t")], ["error_count", U32]);
const QOS_PARAMS = struct(
  ["tc", U8],
  ["dscp", U8],
  ["dot1p", U8],
  ["prio", U8],
  ["pg", U8],
  ["queue_index", U8],
  ["color", en("sai_packet_color_t")],
  ["mpls_exp", U8],
  ["fc", U8],
  ["dei", U8],
  ["vc", U8],
);
const NAT_KEY = struct(
  ["src_ip", IPV4],
  ["dst_ip", IPV4],
  ["proto", U8],
  ["l4_src_port", U16],
  ["l4_dst_port", U16],
);
const SYSTEM_PORT_CONFIG = struct(
  ["port_id", U32],
  ["attached_switch_id", U32],
  ["attached_core_index", U32],
  ["attached_core_port_index", U32],
  ["speed", U32],
  ["num_voq", U32],
);
const LATCH_STATUS = struct(["current_status", BOOL], ["changed", BOOL]);
const PRBS_BER = struct(["exponent", U8], ["mantissa", U64]);
const MATCH_TYPE = en("sai_acl_table_supported_match_type_t");

/** The shape of every value type, keyed by short name. */
export const VALUE_SHAPES: Readonly<Record<ValueTypeName, Shape>> = {
  BOOL,
  CHARDATA: { kind: "chardata" },
  UINT8: U8,
  INT8: S8,
  UINT16: U16,
  INT16: S16,
  UINT32: U32,
  INT32: S32,
  UINT64: U64,
  INT64: S64,
  POINTER: { kind: "pointer" },
  MAC,
  IPV4,
  IPV6,
  IP_ADDRESS: IPADDR,
  IP_PREFIX: PREFIX,
  PRBS_RX_STATE,
  OBJECT_ID: OID,
  OBJECT_LIST: list(OID),
  UINT8_LIST: list(U8),
  INT8_LIST: list(S8),
  UINT16_LIST: list(U16),
  INT16_LIST: list(S16),
  UINT32_LIST: list(U32),
  INT32_LIST: list(S32),
  UINT32_RANGE: range(U32),
  UINT16_RANGE_LIST: list(range(U16)),
  INT32_RANGE: range(S32),
  ACL_FIELD_DATA_BOOL: field(BOOL, null),
  ACL_FIELD_DATA_UINT8: field(U8, U8),
  ACL_FIELD_DATA_INT8: field(S8, S8),
  ACL_FIELD_DATA_UINT16: field(U16, U16),
  ACL_FIELD_DATA_INT16: field(S16, S16),
  ACL_FIELD_DATA_UINT32: field(U32, U32),
  ACL_FIELD_DATA_INT32: field(S32, S32),
  ACL_FIELD_DATA_UINT64: field(U64, U64),
  ACL_FIELD_DATA_MAC: field(MAC, MAC),
  ACL_FIELD_DATA_IPV4: field(IPV4, IPV4),
  ACL_FIELD_DATA_IPV6: field(IPV6, IPV6),
  ACL_FIELD_DATA_MACSEC_SCI: field(U64, U64),
  ACL_FIELD_DATA_OBJECT_ID: field(OID, null),
  ACL_FIELD_DATA_OBJECT_LIST: field(list(OID), null),
  ACL_FIELD_DATA_UINT8_LIST: field(list(U8), list(U8)),
  ACL_ACTION_DATA_BOOL: action(BOOL),
  ACL_ACTION_DATA_UINT8: action(U8),
  ACL_ACTION_DATA_INT8: action(S8),
  ACL_ACTION_DATA_UINT16: action(U16),
  ACL_ACTION_DATA_INT16: action(S16),
  ACL_ACTION_DATA_UINT32: action(U32),
  ACL_ACTION_DATA_INT32: action(S32),
  ACL_ACTION_DATA_MAC: action(MAC),
  ACL_ACTION_DATA_IPV4: action(IPV4),
  ACL_ACTION_DATA_IPV6: action(IPV6),
  ACL_ACTION_DATA_IP_ADDRESS: action(IPADDR),
  ACL_ACTION_DATA_OBJECT_ID: action(OID),
  ACL_ACTION_DATA_OBJECT_LIST: action(list(OID)),
  ACL_CAPABILITY: struct(
    ["is_action_list_mandatory", BOOL],
    ["action_list", list(en("sai_acl_action_type_t"))],
    ["supported_match_type", MATCH_TYPE],
    ["is_non_contiguous_bits_exact_match_supported", BOOL],
  ),
  ACL_RESOURCE_LIST: list(
    struct(["stage", en("sai_acl_stage_t")], ["bind_point", en("sai_acl_bind_point_type_t")], ["avail_num", U32]),
  ),
  MAP_LIST: list(struct(["key", U32], ["value", S32])),
  VLAN_LIST: list(U16),
  QOS_MAP_LIST: list(struct(["key", QOS_PARAMS], ["value", QOS_PARAMS])),
  TLV_LIST: list(
    struct(
      ["tlv_type", en("sai_tlv_type_t")],
      [
        "entry",
        {
          kind: "union",
          members: [
            ["ingress_node", IPV6],
            ["egress_node", IPV6],
            ["opaque_container", { kind: "array", item: U32, length: 4 }],
            ["hmac", struct(["key_id", U32], ["hmac", { kind: "array", item: U32, length: 8 }])],
          ],
        },
      ],
    ),
  ),
  SEGMENT_LIST: list(IPV6),
  IP_ADDRESS_LIST: list(IPADDR),
  PORT_EYE_VALUES_LIST: list(struct(["lane", U32], ["left", S32], ["right", S32], ["up", S32], ["down", S32])),
  TIMESPEC: struct(["tv_sec", U64], ["tv_nsec", U32]),
  NAT_ENTRY_DATA: struct(["key", NAT_KEY], ["mask", NAT_KEY]),
  MACSEC_SCI: U64,
  MACSEC_SSCI: U32,
  MACSEC_SAK: { kind: "bytes", length: 32 },
  MACSEC_AUTH_KEY: { kind: "bytes", length: 16 },
  MACSEC_SALT: { kind: "bytes", length: 12 },
  SYSTEM_PORT_CONFIG,
  SYSTEM_PORT_CONFIG_LIST: list(SYSTEM_PORT_CONFIG),
  FABRIC_PORT_REACHABILITY: struct(["switch_id", U32], ["reachable", BOOL]),
  PORT_ERR_STATUS_LIST: list(en("sai_port_err_status_t")),
  ENCRYPT_KEY: { kind: "bytes", length: 32 },
  AUTH_KEY: { kind: "bytes", length: 16 },
  LATCH_STATUS,
  PORT_LANE_LATCH_STATUS_LIST: list(struct(["lane", U32], ["value", LATCH_STATUS])),
  JSON: struct(["json", list(S8)]),
  IP_PREFIX_LIST: list(PREFIX),
  ACL_CHAIN_LIST: list(
    struct(["chain_group_stage", en("sai_acl_table_chain_group_stage_t")], ["supported_match_type", MATCH_TYPE]),
  ),
  PORT_FREQUENCY_OFFSET_PPM_LIST: list(struct(["lane", U32], ["ppm", S16])),
  PORT_SNR_LIST: list(struct(["lane", U32], ["snr", U16])),
  TWAMP_STATS_DATA: {
    kind: "struct",
    members: [
      ["index", U32],
      ["counters_ids", { kind: "array", item: en("sai_twamp_session_stat_t") }],
      ["counters", { kind: "array", item: U64 }],
    ],
    equalLength: ["counters_ids", "counters"],
  },
  POE_PORT_POWER_CONSUMPTION: struct(
    ["active_channel", en("sai_poe_port_active_channel_type_t")],
    ["voltage", U32],
    ["current", U32],
    ["consumption", U32],
    ["signature_type", en("sai_poe_port_signature_type_t")],
    ["class_method", en("sai_poe_port_class_method_type_t")],
    ["measured_class_a", U8],
    ["assigned_class_a", U8],
    ["measured_class_b", U8],
    ["assigned_class_b", U8],
  ),
  PORT_PAM4_EYE_VALUES_LIST: list(
    struct(
      ["lane", U32],
      ["upper_ht", S32],
      ["upper_wd", S32],
      ["middle_ht", S32],
      ["middle_wd", S32],
      ["lower_ht", S32],
      ["lower_wd", S32],
    ),
  ),
  TAPS_LIST: list({ kind: "array", item: S32 }),
  UINT16_RANGE: range(U16),
  PRBS_PER_LANE_RX_STATUS_LIST: list(struct(["lane", U32], ["rx_status", en("sai_port_prbs_rx_status_t")])),
  PRBS_PER_LANE_RX_STATE_LIST: list(struct(["lane", U32], ["rx_state", PRBS_RX_STATE])),
  PRBS_BIT_ERROR_RATE: PRBS_BER,
  PRBS_PER_LANE_BIT_ERROR_RATE_LIST: list(struct(["lane", U32], ["ber", PRBS_BER])),
  UINT64_RANGE: range(U64),
  UINT64_RANGE_LIST: list(range(U64)),
};

const PREFIX_TEXT = "SAI_ATTR_VALUE_TYPE_";
const KNOWN = new Set<string>(ATTR_VALUE_TYPES);

/** Short value type name from either form (`UINT32` or `SAI_ATTR_VALUE_TYPE_UINT32`); undefined if unknown. */
export function valueTypeName(vt: string): ValueTypeName | undefined {
  const short = vt.startsWith(PREFIX_TEXT) ? vt.slice(PREFIX_TEXT.length) : vt;
  return KNOWN.has(short) ? (short as ValueTypeName) : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function isBytes(v: unknown, length: number): boolean {
  return v instanceof Uint8Array && v.length === length;
}

/** Whether `v` has the structure `shape` describes. */
export function matchesShape(shape: Shape, v: unknown): boolean {
  switch (shape.kind) {
    case "bool":
      return typeof v === "boolean";
    case "int":
      return typeof v === "number" && Number.isInteger(v);
    case "int64":
    case "oid":
    case "pointer":
      return typeof v === "bigint";
    case "chardata":
      return typeof v === "string";
    case "mac":
      return isBytes(v, 6);
    case "ipv4":
      return isObject(v) && v.family === "ipv4" && isBytes(v.bytes, 4);
    case "ipv6":
      return isObject(v) && v.family === "ipv6" && isBytes(v.bytes, 16);
    case "ipaddr":
      return isObject(v) && ((v.family === "ipv4" && isBytes(v.bytes, 4)) || (v.family === "ipv6" && isBytes(v.bytes, 16)));
    case "prefix": {
      if (!isObject(v)) return false;
      const n = v.family === "ipv4" ? 4 : v.family === "ipv6" ? 16 : 0;
      return n > 0 && isBytes(v.addr, n) && isBytes(v.mask, n);
    }
    case "bytes":
      return isBytes(v, shape.length);
    case "list":
      if (Array.isArray(v)) return v.every((x) => matchesShape(shape.item, x));
      return isObject(v) && v.list === null && typeof v.count === "number" && Number.isInteger(v.count) && v.count >= 0;
    case "array":
      return (
        Array.isArray(v) &&
        (shape.length === undefined || v.length === shape.length) &&
        v.every((x) => matchesShape(shape.item, x))
      );
    case "range":
      return isObject(v) && matchesShape(shape.item, v.min) && matchesShape(shape.item, v.max);
    case "struct": {
      if (!isObject(v) || !shape.members.every(([name, s]) => matchesShape(s, v[name]))) return false;
      const lengths = (shape.equalLength ?? []).map((name) => (v[name] as unknown[]).length);
      return lengths.every((l) => l === lengths[0]);
    }
    case "union": {
      if (!isObject(v)) return false;
      const present = shape.members.filter(([name]) => v[name] !== undefined);
      return present.length === 1 && matchesShape(present[0]![1], v[present[0]![0]]);
    }
    case "aclfield":
      if (!isObject(v) || typeof v.enable !== "boolean") return false;
      if (!v.enable) return true;
      return matchesShape(shape.data, v.data) && (shape.mask === null || matchesShape(shape.mask, v.mask));
    case "aclaction":
      if (!isObject(v) || typeof v.enable !== "boolean") return false;
      return !v.enable || matchesShape(shape.parameter, v.parameter);
  }
}

/**
 * Structural check that `v` is a value of type `vt` (short or `SAI_ATTR_VALUE_TYPE_` name). Ranges, enum
 * membership and list counts are not checked: those belong to the validators.
 */
export function isValueOfType<VT extends ValueTypeName>(vt: VT | `SAI_ATTR_VALUE_TYPE_${VT}`, v: unknown): v is ValueOf<VT>;
export function isValueOfType(vt: ValueTypeName | AttrValueType, v: unknown): boolean {
  const name = valueTypeName(vt);
  return name !== undefined && matchesShape(VALUE_SHAPES[name], v);
}
