/**
 * Small inline metadata fixtures (upstream SAI names and values) shared by the serialization tests.
 */
import type {
  AttrValueType,
  EnumFlagsType,
  EnumMetadata,
  KeyMember,
  StatusCode,
  ValueTypeName,
} from "../../generator/model/types.js";
import { enumLookup } from "../../runtime/serialize/index.js";
import type { ValueMeta } from "../../runtime/serialize/index.js";

/** An EnumMetadata from `[name, value]` pairs (sorted as the model sorts them). */
export function enumOf(
  name: string,
  prefix: string,
  values: [string, number][],
  opts: { flagstype?: EnumFlagsType; ignore?: [string, number, string][] } = {},
): EnumMetadata {
  const flagstype = opts.flagstype ?? "SAI_ENUM_FLAGS_TYPE_NONE";
  return {
    name,
    values: [...values]
      .sort((a, b) => a[1] - b[1])
      .map(([n, v]) => ({ name: n, shortname: n.slice(prefix.length), value: v, brief: "", location: "" })),
    prefix,
    containsflags: flagstype !== "SAI_ENUM_FLAGS_TYPE_NONE",
    flagstype,
    ignorevalues: (opts.ignore ?? []).map(([n, value, aliasof]) => ({ name: n, value, aliasof })),
    objecttype: null,
    synthesized: false,
    brief: "",
    location: "",
  };
}

const seq = (prefix: string, names: string[]): [string, number][] => names.map((n, i) => [prefix + n, i]);

/** `sai_packet_action_t`. */
export const PACKET_ACTION = enumOf(
  "sai_packet_action_t",
  "SAI_PACKET_ACTION_",
  seq("SAI_PACKET_ACTION_", ["DROP", "FORWARD", "COPY", "COPY_CANCEL", "TRAP", "LOG", "DENY", "TRANSIT", "DONOTDROP"]),
);

/** `sai_next_hop_group_type_t` with its `@ignore` alias ECMP. */
export const NHG_TYPE = enumOf(
  "sai_next_hop_group_type_t",
  "SAI_NEXT_HOP_GROUP_TYPE_",
  seq("SAI_NEXT_HOP_GROUP_TYPE_", [
    "DYNAMIC_UNORDERED_ECMP",
    "DYNAMIC_ORDERED_ECMP",
    "FINE_GRAIN_ECMP",
    "PROTECTION",
    "CLASS_BASED",
    "HW_PROTECTION",
    "ECMP_WITH_MEMBERS",
    "BRIDGE_PORT",
  ]),
  { ignore: [["SAI_NEXT_HOP_GROUP_TYPE_ECMP", 0, "SAI_NEXT_HOP_GROUP_TYPE_DYNAMIC_UNORDERED_ECMP"]] },
);

/** `sai_dash_flow_action_t` (`@flags strict`). */
export const DASH_FLOW_ACTION = enumOf(
  "sai_dash_flow_action_t",
  "SAI_DASH_FLOW_ACTION_",
  [
    ["SAI_DASH_FLOW_ACTION_NONE", 0],
    ["SAI_DASH_FLOW_ACTION_ENCAP_U0", 1],
    ["SAI_DASH_FLOW_ACTION_ENCAP_U1", 2],
    ["SAI_DASH_FLOW_ACTION_SET_SMAC", 4],
    ["SAI_DASH_FLOW_ACTION_SET_DMAC", 8],
    ["SAI_DASH_FLOW_ACTION_SNAT", 16],
    ["SAI_DASH_FLOW_ACTION_DNAT", 32],
    ["SAI_DASH_FLOW_ACTION_NAT46", 64],
    ["SAI_DASH_FLOW_ACTION_NAT64", 128],
    ["SAI_DASH_FLOW_ACTION_SNAT_PORT", 256],
    ["SAI_DASH_FLOW_ACTION_DNAT_PORT", 512],
  ],
  { flagstype: "SAI_ENUM_FLAGS_TYPE_STRICT" },
);

/** A `@flags mixed` enum with a combination constant (none exist upstream today). */
export const MIXED_FLAGS = enumOf(
  "sai_test_mixed_t",
  "SAI_TEST_MIXED_",
  [
    ["SAI_TEST_MIXED_NONE", 0],
    ["SAI_TEST_MIXED_A", 1],
    ["SAI_TEST_MIXED_B", 2],
    ["SAI_TEST_MIXED_AB", 3],
    ["SAI_TEST_MIXED_HIGH", -(2 ** 31)],
  ],
  { flagstype: "SAI_ENUM_FLAGS_TYPE_MIXED" },
);

/** The enums nested in value structs, so JSON forms print value names. */
export const NESTED_ENUMS = [
  enumOf("sai_packet_color_t", "SAI_PACKET_COLOR_", seq("SAI_PACKET_COLOR_", ["GREEN", "YELLOW", "RED"])),
  enumOf("sai_acl_stage_t", "SAI_ACL_STAGE_", seq("SAI_ACL_STAGE_", ["INGRESS", "EGRESS", "INGRESS_MACSEC"])),
  enumOf(
    "sai_acl_bind_point_type_t",
    "SAI_ACL_BIND_POINT_TYPE_",
    seq("SAI_ACL_BIND_POINT_TYPE_", ["PORT", "LAG", "VLAN", "ROUTER_INTERFACE", "SWITCH"]),
  ),
  enumOf(
    "sai_acl_action_type_t",
    "SAI_ACL_ACTION_TYPE_",
    seq("SAI_ACL_ACTION_TYPE_", ["REDIRECT", "ENDPOINT_IP", "REDIRECT_LIST", "PACKET_ACTION", "FLOOD"]),
  ),
  enumOf(
    "sai_acl_table_supported_match_type_t",
    "SAI_ACL_TABLE_SUPPORTED_MATCH_TYPE_",
    seq("SAI_ACL_TABLE_SUPPORTED_MATCH_TYPE_", ["TERNARY", "EXACT"]),
  ),
  enumOf("sai_tlv_type_t", "SAI_TLV_TYPE_", seq("SAI_TLV_TYPE_", ["INGRESS", "EGRESS", "OPAQUE", "HMAC"])),
  enumOf(
    "sai_port_prbs_rx_status_t",
    "SAI_PORT_PRBS_RX_STATUS_",
    seq("SAI_PORT_PRBS_RX_STATUS_", ["OK", "LOCK_WITH_ERRORS", "NOT_LOCKED", "LOST_LOCK"]),
  ),
  enumOf(
    "sai_port_err_status_t",
    "SAI_PORT_ERR_STATUS_",
    seq("SAI_PORT_ERR_STATUS_", ["DATA_UNIT_CRC_ERROR", "DATA_UNIT_SIZE", "CRC_RATE"]),
  ),
  enumOf(
    "sai_acl_table_chain_group_stage_t",
    "SAI_ACL_TABLE_CHAIN_GROUP_STAGE_",
    seq("SAI_ACL_TABLE_CHAIN_GROUP_STAGE_", ["0", "1", "2", "3"]),
  ),
  enumOf(
    "sai_poe_port_active_channel_type_t",
    "SAI_POE_PORT_ACTIVE_CHANNEL_TYPE_",
    seq("SAI_POE_PORT_ACTIVE_CHANNEL_TYPE_", ["A", "B", "A_AND_B"]),
  ),
  enumOf("sai_poe_port_signature_type_t", "SAI_POE_PORT_SIGNATURE_TYPE_", seq("SAI_POE_PORT_SIGNATURE_TYPE_", ["SINGLE", "DUAL"])),
  enumOf(
    "sai_poe_port_class_method_type_t",
    "SAI_POE_PORT_CLASS_METHOD_TYPE_",
    seq("SAI_POE_PORT_CLASS_METHOD_TYPE_", ["REGULAR", "AUTO_CLASS"]),
  ),
  enumOf(
    "sai_twamp_session_stat_t",
    "SAI_TWAMP_SESSION_STAT_",
    seq("SAI_TWAMP_SESSION_STAT_", ["RX_PACKETS", "RX_BYTE", "TX_PACKETS", "TX_BYTE", "DROP_PACKETS"]),
  ),
  enumOf("sai_nat_type_t", "SAI_NAT_TYPE_", seq("SAI_NAT_TYPE_", ["NONE", "SOURCE_NAT", "DESTINATION_NAT"])),
];

/** Lookup over every fixture enum. */
export const ENUMS = enumLookup([...NESTED_ENUMS, PACKET_ACTION, NHG_TYPE, DASH_FLOW_ACTION, MIXED_FLAGS]);

/** A plain (non-enum) ValueMeta. */
export function meta(vt: ValueTypeName, extra: Partial<ValueMeta> = {}): ValueMeta {
  return { attrvaluetype: `SAI_ATTR_VALUE_TYPE_${vt}`, isenum: false, isenumlist: false, ...extra };
}

/** A KeyMember; offsets and sizes do not matter to serialization. */
export function member(membername: string, vt: ValueTypeName, enummetadata: string | null = null): KeyMember {
  return {
    membername,
    membervaluetype: `SAI_ATTR_VALUE_TYPE_${vt}` as AttrValueType,
    ctype: "",
    isvlan: false,
    allowedobjecttypes: [],
    isenum: enummetadata !== null,
    enummetadata,
    offset: 0,
    size: 0,
  };
}

/** `sai_route_entry_t`. */
export const ROUTE_ENTRY = [member("switch_id", "OBJECT_ID"), member("vr_id", "OBJECT_ID"), member("destination", "IP_PREFIX")];

/** `sai_flow_entry_t`. */
export const FLOW_ENTRY = [
  member("switch_id", "OBJECT_ID"),
  member("eni_mac", "MAC"),
  member("vnet_id", "UINT16"),
  member("ip_proto", "UINT8"),
  member("src_ip", "IP_ADDRESS"),
  member("dst_ip", "IP_ADDRESS"),
  member("src_port", "UINT16"),
  member("dst_port", "UINT16"),
];

/** `sai_nat_entry_t`. */
export const NAT_ENTRY = [
  member("switch_id", "OBJECT_ID"),
  member("vr_id", "OBJECT_ID"),
  member("nat_type", "INT32", "sai_nat_type_t"),
  member("data", "NAT_ENTRY_DATA"),
];

function status(name: string, value: number, range: StatusCode["range"] = null): StatusCode {
  return { name, value, range, location: "saistatus.h:1" };
}

/** Status codes as the model builds them: `_0`, its `_1`…`_10` and `_MAX`. */
export const STATUS_CODES: StatusCode[] = [
  status("SAI_STATUS_SUCCESS", 0),
  status("SAI_STATUS_FAILURE", -1),
  status("SAI_STATUS_INVALID_PARAMETER", -5),
  status("SAI_STATUS_ITEM_NOT_FOUND", -7),
  status("SAI_STATUS_INVALID_ATTRIBUTE_0", -0x10000, { base: 0x10000, max: "SAI_STATUS_INVALID_ATTRIBUTE_MAX" }),
  ...Array.from({ length: 10 }, (_, i) => status(`SAI_STATUS_INVALID_ATTRIBUTE_${i + 1}`, -0x10000 - i - 1)),
  status("SAI_STATUS_INVALID_ATTRIBUTE_MAX", -0x1ffff),
];
