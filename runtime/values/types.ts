/**
 * The TypeScript shape of every `sai_attribute_value_t` kind (SAI-METADATA.md §3.6), keyed by value type name.
 *
 * Conventions, chosen once so bindings, validators, protobuf codecs and the runtime agree:
 * - 8/16/32-bit integers and enum values are `number`; 64-bit integers and pointers are `bigint`.
 * - Object ids are {@link ObjectId}: a bigint carrying a type-only brand, so a u64 counter cannot be passed where
 *   an OID is expected without going through {@link oid}. At runtime it is an ordinary bigint.
 * - Byte arrays (MAC, keys, IP bytes) are `Uint8Array` in network order.
 * - Structs are plain objects whose property names are the C member names; a `count` + pointer pair becomes an
 *   array (its length is the count).
 * - Lists that SAI can carry without elements (GET count-only requests, NULL lists) are {@link SaiList}.
 */
import type { ValueTypeName } from "../../generator/model/types.js";

declare const oidBrand: unique symbol;

/** A SAI object id (`sai_object_id_t`): a bigint in [0, 2^64) with a type-only brand; build one with `oid()`. */
export type ObjectId = bigint & { readonly [oidBrand]: true };

/** `sai_mac_t`: exactly 6 bytes. */
export type Mac = Uint8Array;

/** `sai_ip4_t`: 4 bytes, network order. */
export interface Ipv4 {
  readonly family: "ipv4";
  readonly bytes: Uint8Array;
}

/** `sai_ip6_t`: 16 bytes, network order. */
export interface Ipv6 {
  readonly family: "ipv6";
  readonly bytes: Uint8Array;
}

/** `sai_ip_address_t`: the family is explicit, as `addr_family` is in C. */
export type IpAddress = Ipv4 | Ipv6;

/** `sai_ip_prefix_t`: address and mask bytes of one family (4 or 16 bytes each); the mask need not be contiguous. */
export type IpPrefix =
  | { readonly family: "ipv4"; readonly addr: Uint8Array; readonly mask: Uint8Array }
  | { readonly family: "ipv6"; readonly addr: Uint8Array; readonly mask: Uint8Array };

/** A list SAI carries as a count only: the answer to a GET count-only request, or a NULL `list` pointer. */
export interface NullList {
  readonly count: number;
  readonly list: null;
}

/**
 * A `sai_*_list_t`: the elements, or a count without elements. A NullList of count 0 means the same as `[]`
 * (parsers return `[]` for it).
 */
export type SaiList<T> = readonly T[] | NullList;

/** `sai_u16_range_t`, `sai_u32_range_t`, `sai_s32_range_t`, `sai_u64_range_t`. */
export interface Range<T> {
  readonly min: T;
  readonly max: T;
}

/** `sai_acl_field_data_t` for data types that carry a mask; a disabled field carries nothing. */
export type AclField<D, M> =
  | { readonly enable: false }
  | { readonly enable: true; readonly data: D; readonly mask: M };

/** `sai_acl_field_data_t` for bool, OID and OID-list data, which SAI matches without a mask. */
export type AclFieldNoMask<D> = { readonly enable: false } | { readonly enable: true; readonly data: D };

/** `sai_acl_action_data_t`: a disabled action carries no parameter. */
export type AclAction<P> = { readonly enable: false } | { readonly enable: true; readonly parameter: P };

/** `sai_prbs_rx_state_t`. */
export interface PrbsRxState {
  readonly rx_status: number;
  readonly error_count: number;
}

/** `sai_qos_map_params_t`. */
export interface QosMapParams {
  readonly tc: number;
  readonly dscp: number;
  readonly dot1p: number;
  readonly prio: number;
  readonly pg: number;
  readonly queue_index: number;
  readonly color: number;
  readonly mpls_exp: number;
  readonly fc: number;
  readonly dei: number;
  readonly vc: number;
}

/** `sai_qos_map_t`. */
export interface QosMap {
  readonly key: QosMapParams;
  readonly value: QosMapParams;
}

/** `sai_map_t`. */
export interface SaiMap {
  readonly key: number;
  readonly value: number;
}

/** `sai_acl_resource_t`. */
export interface AclResource {
  readonly stage: number;
  readonly bind_point: number;
  readonly avail_num: number;
}

/** `sai_acl_capability_t`. */
export interface AclCapability {
  readonly is_action_list_mandatory: boolean;
  readonly action_list: SaiList<number>;
  readonly supported_match_type: number;
  readonly is_non_contiguous_bits_exact_match_supported: boolean;
}

/** `sai_acl_chain_t`. */
export interface AclChain {
  readonly chain_group_stage: number;
  readonly supported_match_type: number;
}

/** `sai_hmac_t`: `hmac` has exactly 8 words. */
export interface Hmac {
  readonly key_id: number;
  readonly hmac: readonly number[];
}

/** `sai_tlv_entry_t`: a union, so exactly one member is present (`opaque_container` has exactly 4 words). */
export type TlvEntry =
  | { readonly ingress_node: Ipv6 }
  | { readonly egress_node: Ipv6 }
  | { readonly opaque_container: readonly number[] }
  | { readonly hmac: Hmac };

/** `sai_tlv_t`. */
export interface Tlv {
  readonly tlv_type: number;
  readonly entry: TlvEntry;
}

/** `sai_port_lane_eye_values_t`. */
export interface PortLaneEyeValues {
  readonly lane: number;
  readonly left: number;
  readonly right: number;
  readonly up: number;
  readonly down: number;
}

/** `sai_port_pam4_lane_eye_values_t`. */
export interface PortPam4LaneEyeValues {
  readonly lane: number;
  readonly upper_ht: number;
  readonly upper_wd: number;
  readonly middle_ht: number;
  readonly middle_wd: number;
  readonly lower_ht: number;
  readonly lower_wd: number;
}

/** `sai_timespec_t`. */
export interface Timespec {
  readonly tv_sec: bigint;
  readonly tv_nsec: number;
}

/** `sai_nat_entry_key_t`; `sai_nat_entry_mask_t` has the same members. */
export interface NatEntryKey {
  readonly src_ip: Ipv4;
  readonly dst_ip: Ipv4;
  readonly proto: number;
  readonly l4_src_port: number;
  readonly l4_dst_port: number;
}

/** `sai_nat_entry_data_t`. */
export interface NatEntryData {
  readonly key: NatEntryKey;
  readonly mask: NatEntryKey;
}

/** `sai_system_port_config_t`. */
export interface SystemPortConfig {
  readonly port_id: number;
  readonly attached_switch_id: number;
  readonly attached_core_index: number;
  readonly attached_core_port_index: number;
  readonly speed: number;
  readonly num_voq: number;
}

/** `sai_fabric_port_reachability_t`. */
export interface FabricPortReachability {
  readonly switch_id: number;
  readonly reachable: boolean;
}

/** `sai_latch_status_t`. */
export interface LatchStatus {
  readonly current_status: boolean;
  readonly changed: boolean;
}

/** `sai_port_lane_latch_status_t`. */
export interface PortLaneLatchStatus {
  readonly lane: number;
  readonly value: LatchStatus;
}

/** `sai_json_t`: the JSON text as a signed-byte list, exactly as C carries it. */
export interface SaiJson {
  readonly json: SaiList<number>;
}

/** `sai_port_frequency_offset_ppm_values_t`. */
export interface PortFrequencyOffsetPpm {
  readonly lane: number;
  readonly ppm: number;
}

/** `sai_port_snr_values_t` (`snr` in 1/256 dB). */
export interface PortSnrValues {
  readonly lane: number;
  readonly snr: number;
}

/**
 * `sai_twamp_session_stats_data_t`: `number_of_counters` is the shared length of `counters_ids` and `counters`
 * (one C count covers both pointers, so the arrays must be equally long).
 */
export interface TwampStatsData {
  readonly index: number;
  readonly counters_ids: readonly number[];
  readonly counters: readonly bigint[];
}

/** `sai_poe_port_power_consumption_t`. */
export interface PoePortPowerConsumption {
  readonly active_channel: number;
  readonly voltage: number;
  readonly current: number;
  readonly consumption: number;
  readonly signature_type: number;
  readonly class_method: number;
  readonly measured_class_a: number;
  readonly assigned_class_a: number;
  readonly measured_class_b: number;
  readonly assigned_class_b: number;
}

/** `sai_prbs_per_lane_rx_status_t`. */
export interface PrbsPerLaneRxStatus {
  readonly lane: number;
  readonly rx_status: number;
}

/** `sai_prbs_per_lane_rx_state_t`. */
export interface PrbsPerLaneRxState {
  readonly lane: number;
  readonly rx_state: PrbsRxState;
}

/** `sai_prbs_bit_error_rate_t`. */
export interface PrbsBitErrorRate {
  readonly exponent: number;
  readonly mantissa: bigint;
}

/** `sai_prbs_per_lane_bit_error_rate_t`. */
export interface PrbsPerLaneBitErrorRate {
  readonly lane: number;
  readonly ber: PrbsBitErrorRate;
}

/** The TS type of each value type, keyed by short value type name (`UINT32`, not `SAI_ATTR_VALUE_TYPE_UINT32`). */
export interface ValueTypeMap {
  BOOL: boolean;
  CHARDATA: string;
  UINT8: number;
  INT8: number;
  UINT16: number;
  INT16: number;
  UINT32: number;
  INT32: number;
  UINT64: bigint;
  INT64: bigint;
  POINTER: bigint;
  MAC: Mac;
  IPV4: Ipv4;
  IPV6: Ipv6;
  IP_ADDRESS: IpAddress;
  IP_PREFIX: IpPrefix;
  PRBS_RX_STATE: PrbsRxState;
  OBJECT_ID: ObjectId;
  OBJECT_LIST: SaiList<ObjectId>;
  UINT8_LIST: SaiList<number>;
  INT8_LIST: SaiList<number>;
  UINT16_LIST: SaiList<number>;
  INT16_LIST: SaiList<number>;
  UINT32_LIST: SaiList<number>;
  INT32_LIST: SaiList<number>;
  UINT32_RANGE: Range<number>;
  UINT16_RANGE_LIST: SaiList<Range<number>>;
  INT32_RANGE: Range<number>;
  ACL_FIELD_DATA_BOOL: AclFieldNoMask<boolean>;
  ACL_FIELD_DATA_UINT8: AclField<number, number>;
  ACL_FIELD_DATA_INT8: AclField<number, number>;
  ACL_FIELD_DATA_UINT16: AclField<number, number>;
  ACL_FIELD_DATA_INT16: AclField<number, number>;
  ACL_FIELD_DATA_UINT32: AclField<number, number>;
  ACL_FIELD_DATA_INT32: AclField<number, number>;
  ACL_FIELD_DATA_UINT64: AclField<bigint, bigint>;
  ACL_FIELD_DATA_MAC: AclField<Mac, Mac>;
  ACL_FIELD_DATA_IPV4: AclField<Ipv4, Ipv4>;
  ACL_FIELD_DATA_IPV6: AclField<Ipv6, Ipv6>;
  ACL_FIELD_DATA_MACSEC_SCI: AclField<bigint, bigint>;
  ACL_FIELD_DATA_OBJECT_ID: AclFieldNoMask<ObjectId>;
  ACL_FIELD_DATA_OBJECT_LIST: AclFieldNoMask<SaiList<ObjectId>>;
  ACL_FIELD_DATA_UINT8_LIST: AclField<SaiList<number>, SaiList<number>>;
  ACL_ACTION_DATA_BOOL: AclAction<boolean>;
  ACL_ACTION_DATA_UINT8: AclAction<number>;
  ACL_ACTION_DATA_INT8: AclAction<number>;
  ACL_ACTION_DATA_UINT16: AclAction<number>;
  ACL_ACTION_DATA_INT16: AclAction<number>;
  ACL_ACTION_DATA_UINT32: AclAction<number>;
  ACL_ACTION_DATA_INT32: AclAction<number>;
  ACL_ACTION_DATA_MAC: AclAction<Mac>;
  ACL_ACTION_DATA_IPV4: AclAction<Ipv4>;
  ACL_ACTION_DATA_IPV6: AclAction<Ipv6>;
  ACL_ACTION_DATA_IP_ADDRESS: AclAction<IpAddress>;
  ACL_ACTION_DATA_OBJECT_ID: AclAction<ObjectId>;
  ACL_ACTION_DATA_OBJECT_LIST: AclAction<SaiList<ObjectId>>;
  ACL_CAPABILITY: AclCapability;
  ACL_RESOURCE_LIST: SaiList<AclResource>;
  MAP_LIST: SaiList<SaiMap>;
  VLAN_LIST: SaiList<number>;
  QOS_MAP_LIST: SaiList<QosMap>;
  TLV_LIST: SaiList<Tlv>;
  SEGMENT_LIST: SaiList<Ipv6>;
  IP_ADDRESS_LIST: SaiList<IpAddress>;
  PORT_EYE_VALUES_LIST: SaiList<PortLaneEyeValues>;
  TIMESPEC: Timespec;
  NAT_ENTRY_DATA: NatEntryData;
  MACSEC_SCI: bigint;
  MACSEC_SSCI: number;
  MACSEC_SAK: Uint8Array;
  MACSEC_AUTH_KEY: Uint8Array;
  MACSEC_SALT: Uint8Array;
  SYSTEM_PORT_CONFIG: SystemPortConfig;
  SYSTEM_PORT_CONFIG_LIST: SaiList<SystemPortConfig>;
  FABRIC_PORT_REACHABILITY: FabricPortReachability;
  PORT_ERR_STATUS_LIST: SaiList<number>;
  ENCRYPT_KEY: Uint8Array;
  AUTH_KEY: Uint8Array;
  LATCH_STATUS: LatchStatus;
  PORT_LANE_LATCH_STATUS_LIST: SaiList<PortLaneLatchStatus>;
  JSON: SaiJson;
  IP_PREFIX_LIST: SaiList<IpPrefix>;
  ACL_CHAIN_LIST: SaiList<AclChain>;
  PORT_FREQUENCY_OFFSET_PPM_LIST: SaiList<PortFrequencyOffsetPpm>;
  PORT_SNR_LIST: SaiList<PortSnrValues>;
  TWAMP_STATS_DATA: TwampStatsData;
  POE_PORT_POWER_CONSUMPTION: PoePortPowerConsumption;
  PORT_PAM4_EYE_VALUES_LIST: SaiList<PortPam4LaneEyeValues>;
  /** `sai_taps_list_t`: one s32 list per tap, each indexed by lane. */
  TAPS_LIST: SaiList<readonly number[]>;
  UINT16_RANGE: Range<number>;
  PRBS_PER_LANE_RX_STATUS_LIST: SaiList<PrbsPerLaneRxStatus>;
  PRBS_PER_LANE_RX_STATE_LIST: SaiList<PrbsPerLaneRxState>;
  PRBS_BIT_ERROR_RATE: PrbsBitErrorRate;
  PRBS_PER_LANE_BIT_ERROR_RATE_LIST: SaiList<PrbsPerLaneBitErrorRate>;
  UINT64_RANGE: Range<bigint>;
  UINT64_RANGE_LIST: SaiList<Range<bigint>>;
}

/** The TS type of value type `VT`, e.g. `ValueOf<"UINT32">` is `number`. */
export type ValueOf<VT extends ValueTypeName> = ValueTypeMap[VT];

/** Any attribute value. */
export type AnyValue = ValueTypeMap[ValueTypeName];

// Compile-time completeness: fails to type-check when ATTR_VALUE_TYPES gains a name this map lacks, or the map
// holds a name that is not a value type.
type MissingNames = Exclude<ValueTypeName, keyof ValueTypeMap>;
type ExtraNames = Exclude<keyof ValueTypeMap, ValueTypeName>;
const mapIsComplete: [MissingNames, ExtraNames] extends [never, never] ? true : never = true;
void mapIsComplete;
