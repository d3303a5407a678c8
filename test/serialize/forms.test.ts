/**
 * Exact text of the sairedis forms beyond §8.3 (JSON structs, ACL forms, lists, keys), the sairedis variants we
 * also read, entry keys with renames and nested data, and attribute lists.
 */
import { describe, expect, it } from "vitest";
import type { AttrMetadata, ValueTypeName } from "../../generator/model/types.js";
import {
  attrListContext,
  entryKeyRenames,
  formatAttrList,
  formatEntryKey,
  formatValue,
  parseAttrList,
  parseEntryKey,
  parseValue,
  type ValueMeta,
} from "../../runtime/serialize/index.js";
import { ipv4, ipv6, ipAddress, ipPrefix, mac, nullList, oid } from "../../runtime/values/index.js";
import { ENUMS, meta, NAT_ENTRY, PACKET_ACTION } from "./fixtures.js";
import { plainAttr } from "../support/attr.js";

const qos = (dscp: number, color: number, extra: Record<string, number> = {}) => ({
  tc: 0,
  dscp,
  dot1p: 0,
  prio: 0,
  pg: 0,
  queue_index: 0,
  color,
  mpls_exp: 0,
  fc: 0,
  dei: 0,
  vc: 0,
  ...extra,
});

interface Form {
  name: string;
  meta: ValueMeta;
  value: unknown;
  text: string;
}

const m = (vt: ValueTypeName, extra: Partial<ValueMeta> = {}): ValueMeta => meta(vt, { enums: ENUMS, ...extra });

const forms: Form[] = [
  { name: "u32 list", meta: m("UINT32_LIST"), value: [1, 2, 3, 4], text: "4:1,2,3,4" },
  { name: "VLAN list", meta: m("VLAN_LIST"), value: [1, 4094], text: "2:1,4094" },
  { name: "s8 list", meta: m("INT8_LIST"), value: [-128, 127], text: "2:-128,127" },
  {
    name: "enum list",
    meta: m("INT32_LIST", { isenumlist: true, enum: ENUMS("sai_acl_stage_t")! }),
    value: [0, 1, 99],
    text: "3:SAI_ACL_STAGE_INGRESS,SAI_ACL_STAGE_EGRESS,99",
  },
  { name: "INT32 that is not an enum", meta: m("INT32"), value: -1, text: "-1" },
  { name: "u64", meta: m("UINT64"), value: 18446744073709551615n, text: "18446744073709551615" },
  { name: "pointer", meta: m("POINTER"), value: 0x7f00dead0000n, text: "0x7f00dead0000" },
  { name: "OID", meta: m("OBJECT_ID"), value: oid(0x21000000000000n), text: "oid:0x21000000000000" },
  { name: "IPv6 mapped IPv4", meta: m("IPV6"), value: ipv6("::FFFF:10.0.0.1"), text: "::ffff:10.0.0.1" },
  { name: "IPv6 longest zero run", meta: m("IPV6"), value: ipv6("2001:db8:0:0:1:0:0:0"), text: "2001:db8:0:0:1::" },
  { name: "IPv6 single zero group", meta: m("IP_ADDRESS"), value: ipAddress("2001:db8:0:1:1:1:1:1"), text: "2001:db8:0:1:1:1:1:1" },
  { name: "IPv6 prefix", meta: m("IP_PREFIX"), value: ipPrefix("1100::/12"), text: "1100::/12" },
  { name: "segment list", meta: m("SEGMENT_LIST"), value: [ipv6("fe80::1"), ipv6("::1")], text: "2:fe80::1,::1" },
  {
    name: "IP address list",
    meta: m("IP_ADDRESS_LIST"),
    value: [ipAddress("10.0.0.1"), ipAddress("2001:db8::5")],
    text: "2:10.0.0.1,2001:db8::5",
  },
  { name: "prefix list", meta: m("IP_PREFIX_LIST"), value: [ipPrefix("10.0.0.0/8")], text: "1:10.0.0.0/8" },
  { name: "u16 range list", meta: m("UINT16_RANGE_LIST"), value: [{ min: 1, max: 2 }, { min: 10, max: 20 }], text: "2:1,2,10,20" },
  { name: "u64 range", meta: m("UINT64_RANGE"), value: { min: 0n, max: 2n ** 64n - 1n }, text: "0,18446744073709551615" },
  {
    name: "ACL field MAC",
    meta: m("ACL_FIELD_DATA_MAC"),
    value: { enable: true, data: mac("00:11:22:33:44:55"), mask: mac("ff:ff:ff:ff:ff:ff") },
    text: "00:11:22:33:44:55&mask:FF:FF:FF:FF:FF:FF",
  },
  {
    name: "ACL field IPv4",
    meta: m("ACL_FIELD_DATA_IPV4"),
    value: { enable: true, data: ipv4("10.0.0.0"), mask: ipv4("255.0.0.0") },
    text: "10.0.0.0&mask:255.0.0.0",
  },
  { name: "ACL field u64", meta: m("ACL_FIELD_DATA_UINT64"), value: { enable: true, data: 5n, mask: 0xffn }, text: "5&mask:0xff" },
  {
    name: "ACL field enum with negative mask (sign-extended as sairedis does)",
    meta: m("ACL_FIELD_DATA_INT32", { isenum: true, enum: PACKET_ACTION }),
    value: { enable: true, data: 1, mask: -1 },
    text: "SAI_PACKET_ACTION_FORWARD&mask:0xffffffffffffffff",
  },
  { name: "ACL field bool", meta: m("ACL_FIELD_DATA_BOOL"), value: { enable: true, data: true }, text: "true" },
  {
    name: "ACL field OID list",
    meta: m("ACL_FIELD_DATA_OBJECT_LIST"),
    value: { enable: true, data: [oid(1n)] },
    text: "1:oid:0x1",
  },
  {
    name: "ACL field u8 list",
    meta: m("ACL_FIELD_DATA_UINT8_LIST"),
    value: { enable: true, data: [1, 2], mask: [255, 15] },
    text: "2:1,2&mask:2:0xff,0xf",
  },
  {
    name: "ACL action OID",
    meta: m("ACL_ACTION_DATA_OBJECT_ID"),
    value: { enable: true, parameter: oid(0x5000000000004n) },
    text: "oid:0x5000000000004",
  },
  { name: "ACL action disabled", meta: m("ACL_ACTION_DATA_IP_ADDRESS"), value: { enable: false }, text: "disabled" },
  {
    name: "ACL capability (sairedis form)",
    meta: m("ACL_CAPABILITY"),
    value: {
      is_action_list_mandatory: true,
      action_list: [0, 4],
      supported_match_type: 0,
      is_non_contiguous_bits_exact_match_supported: false,
    },
    text: "true:2:SAI_ACL_ACTION_TYPE_REDIRECT,SAI_ACL_ACTION_TYPE_FLOOD",
  },
  {
    name: "ACL capability with the members sairedis drops",
    meta: m("ACL_CAPABILITY"),
    value: {
      is_action_list_mandatory: false,
      action_list: [],
      supported_match_type: 1,
      is_non_contiguous_bits_exact_match_supported: true,
    },
    text: "false:0:null;SAI_ACL_TABLE_SUPPORTED_MATCH_TYPE_EXACT;true",
  },
  {
    name: "QoS map list",
    meta: m("QOS_MAP_LIST"),
    value: [{ key: qos(3, 0), value: qos(0, 2) }],
    text:
      '{"count":1,"list":[{"key":{"color":"SAI_PACKET_COLOR_GREEN","dot1p":0,"dscp":3,"fc":0,"mpls_exp":0,"pg":0,' +
      '"prio":0,"qidx":0,"tc":0},"value":{"color":"SAI_PACKET_COLOR_RED","dot1p":0,"dscp":0,"fc":0,"mpls_exp":0,' +
      '"pg":0,"prio":0,"qidx":0,"tc":0}}]}',
  },
  {
    name: "QoS map list with dei/vc (keys sairedis ignores)",
    meta: m("QOS_MAP_LIST"),
    value: [{ key: qos(0, 1, { dei: 1 }), value: qos(0, 1, { vc: 2 }) }],
    text:
      '{"count":1,"list":[{"key":{"color":"SAI_PACKET_COLOR_YELLOW","dei":1,"dot1p":0,"dscp":0,"fc":0,"mpls_exp":0,' +
      '"pg":0,"prio":0,"qidx":0,"tc":0},"value":{"color":"SAI_PACKET_COLOR_YELLOW","dot1p":0,"dscp":0,"fc":0,' +
      '"mpls_exp":0,"pg":0,"prio":0,"qidx":0,"tc":0,"vc":2}}]}',
  },
  { name: "QoS map NULL list", meta: m("QOS_MAP_LIST"), value: nullList(3), text: '{"count":3,"list":null}' },
  { name: "map list", meta: m("MAP_LIST"), value: [{ key: 3, value: 4 }], text: '{"count":1,"list":[{"key":3,"value":4}]}' },
  {
    name: "ACL resource list",
    meta: m("ACL_RESOURCE_LIST"),
    value: [{ stage: 0, bind_point: 0, avail_num: 5 }],
    text: '{"count":1,"list":[{"avail_num":"5","bind_point":"SAI_ACL_BIND_POINT_TYPE_PORT","stage":"SAI_ACL_STAGE_INGRESS"}]}',
  },
  {
    name: "system port config",
    meta: m("SYSTEM_PORT_CONFIG"),
    value: { port_id: 0, attached_switch_id: 1, attached_core_index: 2, attached_core_port_index: 3, speed: 400000, num_voq: 8 },
    text:
      '{"attached_core_index":"2","attached_core_port_index":"3","attached_switch_id":"1","num_voq":"8","port_id":"0",' +
      '"speed":"400000"}',
  },
  {
    name: "PoE power consumption",
    meta: m("POE_PORT_POWER_CONSUMPTION"),
    value: {
      active_channel: 2,
      voltage: 50,
      current: 300,
      consumption: 15000,
      signature_type: 1,
      class_method: 0,
      measured_class_a: 4,
      assigned_class_a: 4,
      measured_class_b: 0,
      assigned_class_b: 0,
    },
    text:
      '{"active_channel":"SAI_POE_PORT_ACTIVE_CHANNEL_TYPE_A_AND_B","assigned_class_a":"4","assigned_class_b":"0",' +
      '"class_method":"SAI_POE_PORT_CLASS_METHOD_TYPE_REGULAR","consumption":"15000","current":"300",' +
      '"measured_class_a":"4","measured_class_b":"0","signature_type":"SAI_POE_PORT_SIGNATURE_TYPE_DUAL","voltage":"50"}',
  },
  { name: "JSON value", meta: m("JSON"), value: { json: [123, 125] }, text: '{"json":"2:123,125"}' },
  {
    name: "MACsec salt",
    meta: m("MACSEC_SALT"),
    value: Uint8Array.of(0, 0xff, 0x10, 1, 2, 3, 4, 5, 6, 7, 8, 0xab),
    text: "00FF100102030405060708AB",
  },
  { name: "latch status", meta: m("LATCH_STATUS"), value: { current_status: false, changed: true }, text: "true:false" },
  {
    name: "timespec (ours)",
    meta: m("TIMESPEC"),
    value: { tv_sec: 1700000000n, tv_nsec: 5 },
    text: '{"tv_nsec":5,"tv_sec":"1700000000"}',
  },
  {
    name: "TLV list (ours)",
    meta: m("TLV_LIST"),
    value: [{ tlv_type: 0, entry: { ingress_node: ipv6("fe80::1") } }],
    text: '{"count":1,"list":[{"entry":{"ingress_node":"fe80::1"},"tlv_type":"SAI_TLV_TYPE_INGRESS"}]}',
  },
  {
    name: "port error status list (ours)",
    meta: m("PORT_ERR_STATUS_LIST"),
    value: [2],
    text: "1:SAI_PORT_ERR_STATUS_CRC_RATE",
  },
];

describe("sairedis forms", () => {
  it.each(forms)("$name", (f) => {
    expect(formatValue(f.meta, f.value)).toBe(f.text);
    expect(parseValue(f.meta, f.text)).toEqual({ ok: true, value: f.value });
  });

  it("nested enums print as numbers without a lookup and still read back", () => {
    const plain = meta("ACL_RESOURCE_LIST");
    const text = formatValue(plain, [{ stage: 1, bind_point: 2, avail_num: 7 }]);
    expect(text).toBe('{"count":1,"list":[{"avail_num":"7","bind_point":"2","stage":"1"}]}');
    expect(parseValue(m("ACL_RESOURCE_LIST"), text)).toEqual({ ok: true, value: [{ stage: 1, bind_point: 2, avail_num: 7 }] });
  });

  it("QoS maps without mpls_exp / fc (older sairedis) read those as 0", () => {
    const text =
      '{"count":1,"list":[{"key":{"color":"SAI_PACKET_COLOR_GREEN","dot1p":0,"dscp":1,"pg":0,"prio":0,"qidx":0,"tc":0},' +
      '"value":{"color":"SAI_PACKET_COLOR_GREEN","dot1p":0,"dscp":0,"pg":0,"prio":0,"qidx":0,"tc":7}}]}';
    expect(parseValue(m("QOS_MAP_LIST"), text)).toEqual({
      ok: true,
      value: [{ key: qos(1, 0), value: qos(0, 0, { tc: 7 }) }],
    });
  });

  it("hex keys read shorter input zero-padded and either case", () => {
    expect(parseValue(m("MACSEC_SALT"), "abCD")).toEqual({ ok: true, value: Uint8Array.of(0xab, 0xcd, ...new Array<number>(10).fill(0)) });
  });

  it("MAC and enum text is accepted in any case / legacy form", () => {
    expect(parseValue(m("MAC"), "0a:bB:cc:DD:ee:ff")).toEqual({ ok: true, value: mac("0A:BB:CC:DD:EE:FF") });
    const flags = meta("INT32", { isenum: true, enum: ENUMS("sai_dash_flow_action_t")! });
    expect(parseValue(flags, "SAI_DASH_FLOW_ACTION_SET_DMAC|SAI_DASH_FLOW_ACTION_ENCAP_U0|0x400")).toEqual({ ok: true, value: 0x409 });
  });
});

describe("sairedis's lossy lane forms are read too", () => {
  it("SNR in dB keyed by lane", () => {
    expect(parseValue(m("PORT_SNR_LIST"), '{"0":20.5,"1":0.25}')).toEqual({
      ok: true,
      value: [
        { lane: 0, snr: 5248 },
        { lane: 1, snr: 64 },
      ],
    });
    expect(parseValue(m("PORT_SNR_LIST"), "{}")).toEqual({ ok: true, value: [] });
  });

  it("latch status T/F with * for changed", () => {
    expect(parseValue(m("PORT_LANE_LATCH_STATUS_LIST"), '{"0":"T*","3":"F"}')).toEqual({
      ok: true,
      value: [
        { lane: 0, value: { current_status: true, changed: true } },
        { lane: 3, value: { current_status: false, changed: false } },
      ],
    });
  });

  it("lane-centric taps", () => {
    const text = '{"0":[{"tap0":1},{"tap1":-2}],"1":[{"tap0":3},{"tap1":4}]}';
    expect(parseValue(m("TAPS_LIST"), text)).toEqual({
      ok: true,
      value: [
        [1, 3],
        [-2, 4],
      ],
    });
  });
});

describe("entry keys", () => {
  it("NAT entry renames vr_id/data and nests nat_data as strings", () => {
    const natKey = (src: string, dst: string, proto: number, sp: number, dp: number) => ({
      src_ip: ipv4(src),
      dst_ip: ipv4(dst),
      proto,
      l4_src_port: sp,
      l4_dst_port: dp,
    });
    const key = {
      switch_id: oid(0x21000000000000n),
      vr_id: oid(0x3000000000001n),
      nat_type: 1,
      data: { key: natKey("10.0.0.1", "0.0.0.0", 6, 80, 0), mask: natKey("255.255.255.255", "0.0.0.0", 255, 65535, 0) },
    };
    const text =
      '{"nat_data":{"key":{"dst_ip":"0.0.0.0","l4_dst_port":"0","l4_src_port":"80","proto":"6","src_ip":"10.0.0.1"},' +
      '"mask":{"dst_ip":"0.0.0.0","l4_dst_port":"0","l4_src_port":"65535","proto":"255","src_ip":"255.255.255.255"}},' +
      '"nat_type":"SAI_NAT_TYPE_SOURCE_NAT","switch_id":"oid:0x21000000000000","vr":"oid:0x3000000000001"}';
    const renames = entryKeyRenames("SAI_OBJECT_TYPE_NAT_ENTRY");
    expect(formatEntryKey(NAT_ENTRY, key, renames, ENUMS)).toBe(text);
    expect(parseEntryKey(NAT_ENTRY, text, renames, ENUMS)).toEqual({ ok: true, value: key });
  });

  it("reports missing, unknown and ill-typed members", () => {
    const members = NAT_ENTRY.slice(0, 2);
    expect(parseEntryKey(members, '{"switch_id":"oid:0x1"}')).toEqual({ ok: false, error: 'entry key lacks "vr_id"' });
    expect(parseEntryKey(members, '{"switch_id":"oid:0x1","vr_id":"oid:0x2","x":"1"}')).toEqual({
      ok: false,
      error: 'entry key has unexpected key "x"',
    });
    const r = parseEntryKey(members, '{"switch_id":1,"vr_id":"oid:0x2"}');
    expect(!r.ok && r.error).toMatch(/"switch_id": expected a string, got number 1/);
    expect(() => formatEntryKey(members, { switch_id: oid(1n) })).toThrow(/lacks member "vr_id"/);
    expect(() => formatEntryKey(members, { switch_id: oid(1n), vr_id: oid(2n), vr: oid(3n) })).toThrow(/no member "vr"/);
  });
});

function attr(attridname: string, vt: ValueTypeName, enummetadata: string | null = null): AttrMetadata {
  return {
    ...plainAttr(attridname, 0, "SAI_OBJECT_TYPE_ROUTE_ENTRY"),
    attrid: 0,
    objecttype: "SAI_OBJECT_TYPE_ROUTE_ENTRY",
    attrvaluetype: `SAI_ATTR_VALUE_TYPE_${vt}`,
    isoidattribute: vt === "OBJECT_ID",
    isenum: enummetadata !== null && vt === "INT32",
    isenumlist: enummetadata !== null && vt === "INT32_LIST",
    enummetadata,
    location: "sairoute.h:1",
  };
}

describe("attribute lists", () => {
  const ctx = attrListContext(
    [
      attr("SAI_ROUTE_ENTRY_ATTR_PACKET_ACTION", "INT32", "sai_packet_action_t"),
      attr("SAI_ROUTE_ENTRY_ATTR_NEXT_HOP_ID", "OBJECT_ID"),
      attr("SAI_ROUTE_ENTRY_ATTR_META_DATA", "UINT32"),
    ],
    ENUMS,
  );

  it("keeps order and quotes every value", () => {
    const attrs = [
      { id: "SAI_ROUTE_ENTRY_ATTR_NEXT_HOP_ID", value: oid(0x4000000000005n) },
      { id: "SAI_ROUTE_ENTRY_ATTR_PACKET_ACTION", value: 4 },
    ];
    const text = '{"SAI_ROUTE_ENTRY_ATTR_NEXT_HOP_ID":"oid:0x4000000000005","SAI_ROUTE_ENTRY_ATTR_PACKET_ACTION":"SAI_PACKET_ACTION_TRAP"}';
    expect(formatAttrList(attrs, ctx)).toBe(text);
    expect(parseAttrList(text, ctx)).toEqual({ ok: true, value: attrs });
    const reversed = [...attrs].reverse();
    expect(parseAttrList(formatAttrList(reversed, ctx), ctx)).toEqual({ ok: true, value: reversed });
  });

  it("empty lists and the NULL placeholder", () => {
    expect(formatAttrList([], ctx)).toBe("{}");
    expect(parseAttrList("{}", ctx)).toEqual({ ok: true, value: [] });
    expect(parseAttrList('{"NULL":"NULL"}', ctx)).toEqual({ ok: true, value: [] });
  });

  it("errors name the attribute", () => {
    expect(parseAttrList('{"SAI_ROUTE_ENTRY_ATTR_BOGUS":"1"}', ctx)).toEqual({ ok: false, error: "unknown attribute SAI_ROUTE_ENTRY_ATTR_BOGUS" });
    const r = parseAttrList('{"SAI_ROUTE_ENTRY_ATTR_META_DATA":"-1"}', ctx);
    expect(!r.ok && r.error).toMatch(/^SAI_ROUTE_ENTRY_ATTR_META_DATA: expected an unsigned 32-bit integer/);
    const dup = parseAttrList('{"SAI_ROUTE_ENTRY_ATTR_META_DATA":"1","SAI_ROUTE_ENTRY_ATTR_META_DATA":"2"}', ctx);
    expect(!dup.ok && dup.error).toMatch(/duplicate key/);
    expect(() =>
      formatAttrList(
        [
          { id: "SAI_ROUTE_ENTRY_ATTR_META_DATA", value: 1 },
          { id: "SAI_ROUTE_ENTRY_ATTR_META_DATA", value: 2 },
        ],
        ctx,
      ),
    ).toThrow(/appears twice/);
  });
});
