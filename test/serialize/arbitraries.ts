/**
 * fast-check arbitraries for every value type, written from the C types (not derived from VALUE_SHAPES) so the
 * round-trip tests also cross-check the shape table.
 */
import fc from "fast-check";
import type { ValueTypeName } from "../../generator/model/types.js";
import { maskFromLength, nullList, oid, type IpAddress, type IpPrefix, type Ipv4, type Ipv6 } from "../../runtime/values/index.js";

const int = (bits: 8 | 16 | 32, signed: boolean): fc.Arbitrary<number> =>
  signed ? fc.integer({ min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 }) : fc.integer({ min: 0, max: 2 ** bits - 1 });

const u8 = int(8, false);
const s8 = int(8, true);
const u16 = int(16, false);
const s16 = int(16, true);
const u32 = int(32, false);
const s32 = int(32, true);
/** Enum-typed int32: mostly small values, so value names and flag combinations actually occur. */
const en = fc.oneof(fc.integer({ min: 0, max: 1100 }), s32);
const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const s64 = fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n });
const bool = fc.boolean();
const objectId = u64.map((v) => oid(v));
const bytes = (n: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: n, maxLength: n });
const macA = bytes(6);
const ipv4A: fc.Arbitrary<Ipv4> = bytes(4).map((b) => ({ family: "ipv4", bytes: b }));
// Words drawn mostly from 0 / 0xffff so zero-run compression and the ::ffff:a.b.c.d form are exercised.
const ipv6Bytes = fc.oneof(
  bytes(16),
  fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0xffff), u16), { minLength: 8, maxLength: 8 }).map((ws) => {
    const b = new Uint8Array(16);
    ws.forEach((w, i) => {
      b[2 * i] = w >> 8;
      b[2 * i + 1] = w & 0xff;
    });
    return b;
  }),
);
const ipv6A: fc.Arbitrary<Ipv6> = ipv6Bytes.map((b) => ({ family: "ipv6", bytes: b }));
const ipA: fc.Arbitrary<IpAddress> = fc.oneof(ipv4A, ipv6A);
const prefixA: fc.Arbitrary<IpPrefix> = fc.oneof(
  fc.tuple(bytes(4), fc.integer({ min: 0, max: 32 })).map(([a, l]) => ({ family: "ipv4" as const, addr: a, mask: maskFromLength(l, 4) })),
  fc.tuple(ipv6Bytes, fc.integer({ min: 0, max: 128 })).map(([a, l]) => ({ family: "ipv6" as const, addr: a, mask: maskFromLength(l, 16) })),
);
/** Non-empty count-only lists (a count-only 0 reads back as `[]`, the same C value). */
const list = <T>(item: fc.Arbitrary<T>): fc.Arbitrary<readonly T[] | { count: number; list: null }> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(item, { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 ** 32 - 1 }).map((n) => nullList(n)) },
  );
const range = <T>(item: fc.Arbitrary<T>) => fc.record({ min: item, max: item });
const field = <D, M>(data: fc.Arbitrary<D>, mask: fc.Arbitrary<M>) =>
  fc.oneof(fc.constant({ enable: false as const }), fc.record({ enable: fc.constant(true as const), data, mask }));
const fieldNoMask = <D>(data: fc.Arbitrary<D>) =>
  fc.oneof(fc.constant({ enable: false as const }), fc.record({ enable: fc.constant(true as const), data }));
const action = <P>(parameter: fc.Arbitrary<P>) =>
  fc.oneof(fc.constant({ enable: false as const }), fc.record({ enable: fc.constant(true as const), parameter }));
const encoder = new TextEncoder();
const chardataA = fc
  .oneof(fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ unit: "binary-ascii", maxLength: 32 }))
  .filter((s) => !s.includes("\0") && encoder.encode(s).length <= 32);
const qosParams = fc.record({
  tc: u8,
  dscp: u8,
  dot1p: u8,
  prio: u8,
  pg: u8,
  queue_index: u8,
  color: en,
  mpls_exp: u8,
  fc: u8,
  dei: u8,
  vc: u8,
});
const natKey = fc.record({ src_ip: ipv4A, dst_ip: ipv4A, proto: u8, l4_src_port: u16, l4_dst_port: u16 });
const systemPortConfig = fc.record({
  port_id: u32,
  attached_switch_id: u32,
  attached_core_index: u32,
  attached_core_port_index: u32,
  speed: u32,
  num_voq: u32,
});
const latch = fc.record({ current_status: bool, changed: bool });
const prbsRxState = fc.record({ rx_status: en, error_count: u32 });
const ber = fc.record({ exponent: u8, mantissa: u64 });
const tlv = fc.record({
  tlv_type: en,
  entry: fc.oneof(
    fc.record({ ingress_node: ipv6A }),
    fc.record({ egress_node: ipv6A }),
    fc.record({ opaque_container: fc.array(u32, { minLength: 4, maxLength: 4 }) }),
    fc.record({ hmac: fc.record({ key_id: u32, hmac: fc.array(u32, { minLength: 8, maxLength: 8 }) }) }),
  ),
});
const twamp = fc
  .array(fc.tuple(en, u64), { maxLength: 5 })
  .chain((pairs) =>
    fc.record({ index: u32, counters_ids: fc.constant(pairs.map((p) => p[0])), counters: fc.constant(pairs.map((p) => p[1])) }),
  );

/**
 * One arbitrary per value type. Typed Partial on purpose: a value type missing here must fail the round-trip
 * suite at run time (it iterates ATTR_VALUE_TYPES), not only at compile time.
 */
export const ARBITRARIES: Partial<Record<ValueTypeName, fc.Arbitrary<unknown>>> = {
  BOOL: bool,
  CHARDATA: chardataA,
  UINT8: u8,
  INT8: s8,
  UINT16: u16,
  INT16: s16,
  UINT32: u32,
  INT32: en,
  UINT64: u64,
  INT64: s64,
  POINTER: u64,
  MAC: macA,
  IPV4: ipv4A,
  IPV6: ipv6A,
  IP_ADDRESS: ipA,
  IP_PREFIX: prefixA,
  PRBS_RX_STATE: prbsRxState,
  OBJECT_ID: objectId,
  OBJECT_LIST: list(objectId),
  UINT8_LIST: list(u8),
  INT8_LIST: list(s8),
  UINT16_LIST: list(u16),
  INT16_LIST: list(s16),
  UINT32_LIST: list(u32),
  INT32_LIST: list(en),
  UINT32_RANGE: range(u32),
  UINT16_RANGE_LIST: list(range(u16)),
  INT32_RANGE: range(s32),
  ACL_FIELD_DATA_BOOL: fieldNoMask(bool),
  ACL_FIELD_DATA_UINT8: field(u8, u8),
  ACL_FIELD_DATA_INT8: field(s8, s8),
  ACL_FIELD_DATA_UINT16: field(u16, u16),
  ACL_FIELD_DATA_INT16: field(s16, s16),
  ACL_FIELD_DATA_UINT32: field(u32, u32),
  ACL_FIELD_DATA_INT32: field(en, s32),
  ACL_FIELD_DATA_UINT64: field(u64, u64),
  ACL_FIELD_DATA_MAC: field(macA, macA),
  ACL_FIELD_DATA_IPV4: field(ipv4A, ipv4A),
  ACL_FIELD_DATA_IPV6: field(ipv6A, ipv6A),
  ACL_FIELD_DATA_MACSEC_SCI: field(u64, u64),
  ACL_FIELD_DATA_OBJECT_ID: fieldNoMask(objectId),
  ACL_FIELD_DATA_OBJECT_LIST: fieldNoMask(list(objectId)),
  ACL_FIELD_DATA_UINT8_LIST: field(list(u8), list(u8)),
  ACL_ACTION_DATA_BOOL: action(bool),
  ACL_ACTION_DATA_UINT8: action(u8),
  ACL_ACTION_DATA_INT8: action(s8),
  ACL_ACTION_DATA_UINT16: action(u16),
  ACL_ACTION_DATA_INT16: action(s16),
  ACL_ACTION_DATA_UINT32: action(u32),
  ACL_ACTION_DATA_INT32: action(en),
  ACL_ACTION_DATA_MAC: action(macA),
  ACL_ACTION_DATA_IPV4: action(ipv4A),
  ACL_ACTION_DATA_IPV6: action(ipv6A),
  ACL_ACTION_DATA_IP_ADDRESS: action(ipA),
  ACL_ACTION_DATA_OBJECT_ID: action(objectId),
  ACL_ACTION_DATA_OBJECT_LIST: action(list(objectId)),
  ACL_CAPABILITY: fc.record({
    is_action_list_mandatory: bool,
    action_list: list(en),
    supported_match_type: fc.oneof(fc.constant(0), en),
    is_non_contiguous_bits_exact_match_supported: bool,
  }),
  ACL_RESOURCE_LIST: list(fc.record({ stage: en, bind_point: en, avail_num: u32 })),
  MAP_LIST: list(fc.record({ key: u32, value: s32 })),
  VLAN_LIST: list(u16),
  QOS_MAP_LIST: list(fc.record({ key: qosParams, value: qosParams })),
  TLV_LIST: list(tlv),
  SEGMENT_LIST: list(ipv6A),
  IP_ADDRESS_LIST: list(ipA),
  PORT_EYE_VALUES_LIST: list(fc.record({ lane: u32, left: s32, right: s32, up: s32, down: s32 })),
  TIMESPEC: fc.record({ tv_sec: u64, tv_nsec: u32 }),
  NAT_ENTRY_DATA: fc.record({ key: natKey, mask: natKey }),
  MACSEC_SCI: u64,
  MACSEC_SSCI: u32,
  MACSEC_SAK: bytes(32),
  MACSEC_AUTH_KEY: bytes(16),
  MACSEC_SALT: bytes(12),
  SYSTEM_PORT_CONFIG: systemPortConfig,
  SYSTEM_PORT_CONFIG_LIST: list(systemPortConfig),
  FABRIC_PORT_REACHABILITY: fc.record({ switch_id: u32, reachable: bool }),
  PORT_ERR_STATUS_LIST: list(en),
  ENCRYPT_KEY: bytes(32),
  AUTH_KEY: bytes(16),
  LATCH_STATUS: latch,
  PORT_LANE_LATCH_STATUS_LIST: list(fc.record({ lane: u32, value: latch })),
  JSON: fc.record({ json: list(s8) }),
  IP_PREFIX_LIST: list(prefixA),
  ACL_CHAIN_LIST: list(fc.record({ chain_group_stage: en, supported_match_type: en })),
  PORT_FREQUENCY_OFFSET_PPM_LIST: list(fc.record({ lane: u32, ppm: s16 })),
  PORT_SNR_LIST: list(fc.record({ lane: u32, snr: u16 })),
  TWAMP_STATS_DATA: twamp,
  POE_PORT_POWER_CONSUMPTION: fc.record({
    active_channel: en,
    voltage: u32,
    current: u32,
    consumption: u32,
    signature_type: en,
    class_method: en,
    measured_class_a: u8,
    assigned_class_a: u8,
    measured_class_b: u8,
    assigned_class_b: u8,
  }),
  PORT_PAM4_EYE_VALUES_LIST: list(
    fc.record({ lane: u32, upper_ht: s32, upper_wd: s32, middle_ht: s32, middle_wd: s32, lower_ht: s32, lower_wd: s32 }),
  ),
  TAPS_LIST: list(fc.array(s32, { maxLength: 4 })),
  UINT16_RANGE: range(u16),
  PRBS_PER_LANE_RX_STATUS_LIST: list(fc.record({ lane: u32, rx_status: en })),
  PRBS_PER_LANE_RX_STATE_LIST: list(fc.record({ lane: u32, rx_state: prbsRxState })),
  PRBS_BIT_ERROR_RATE: ber,
  PRBS_PER_LANE_BIT_ERROR_RATE_LIST: list(fc.record({ lane: u32, ber })),
  UINT64_RANGE: range(u64),
  UINT64_RANGE_LIST: list(range(u64)),
};
