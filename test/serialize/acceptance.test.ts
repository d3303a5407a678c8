/**
 * SAI-METADATA.md §8.3 acceptance cases S1–S13, each checked in both directions where the case allows it.
 */
import { describe, expect, it } from "vitest";
import {
  entryKeyRenames,
  formatEntryKey,
  formatStatus,
  formatValue,
  parseEntryKey,
  parseStatus,
  parseValue,
  tryFormatValue,
  type ValueMeta,
} from "../../runtime/serialize/index.js";
import { ipAddress, ipPrefix, ipv4, ipv6, mac, nullList, oid } from "../../runtime/values/index.js";
import {
  DASH_FLOW_ACTION,
  FLOW_ENTRY,
  meta,
  NHG_TYPE,
  PACKET_ACTION,
  ROUTE_ENTRY,
  STATUS_CODES,
} from "./fixtures.js";

const enumMeta = (e: typeof PACKET_ACTION): ValueMeta => meta("INT32", { isenum: true, enum: e });

interface Case {
  name: string;
  meta: ValueMeta;
  value: unknown;
  text: string;
  countOnly?: boolean;
}

const cases: Case[] = [
  { name: "S1 MAC", meta: meta("MAC"), value: mac("01:22:33:aa:bb:cc"), text: "01:22:33:AA:BB:CC" },
  { name: "S2 IPv6 ::1", meta: meta("IPV6"), value: ipv6("::1"), text: "::1" },
  { name: "S2 IPv4", meta: meta("IPV4"), value: ipv4("10.0.0.21"), text: "10.0.0.21" },
  {
    name: "S3 prefix /24",
    meta: meta("IP_PREFIX"),
    value: { family: "ipv4", addr: Uint8Array.of(10, 0, 0, 0), mask: Uint8Array.of(255, 255, 255, 0) },
    text: "10.0.0.0/24",
  },
  {
    name: "S4 OID list",
    meta: meta("OBJECT_LIST"),
    value: [oid(0x1n), oid(0x42n), oid(0x77n)],
    text: "3:oid:0x1,oid:0x42,oid:0x77",
  },
  { name: "S4 empty list", meta: meta("OBJECT_LIST"), value: [], text: "0:null" },
  { name: "S4 NULL list count 7", meta: meta("OBJECT_LIST"), value: nullList(7), text: "7:null" },
  {
    name: "S4 count-only 2",
    meta: meta("OBJECT_LIST"),
    value: nullList(2),
    text: "2",
    countOnly: true,
  },
  { name: "S5 non-member enum", meta: enumMeta(PACKET_ACTION), value: 77, text: "77" },
  { name: "S5 member enum", meta: enumMeta(PACKET_ACTION), value: 4, text: "SAI_PACKET_ACTION_TRAP" },
  {
    name: "S7 flags 9",
    meta: enumMeta(DASH_FLOW_ACTION),
    value: 9,
    text: "SAI_DASH_FLOW_ACTION_ENCAP_U0|SAI_DASH_FLOW_ACTION_SET_DMAC",
  },
  { name: "S7 flags 0", meta: enumMeta(DASH_FLOW_ACTION), value: 0, text: "SAI_DASH_FLOW_ACTION_NONE" },
  { name: "S7 flags 0x401", meta: enumMeta(DASH_FLOW_ACTION), value: 0x401, text: "SAI_DASH_FLOW_ACTION_ENCAP_U0|0x400" },
  { name: "S8 chardata eth-0", meta: meta("CHARDATA"), value: "eth-0", text: "eth\\x2D0" },
  { name: "S8 chardata a\\b<07>", meta: meta("CHARDATA"), value: "a\\b\x07", text: "a\\\\b\\x07" },
  { name: "S9 ACL field u8", meta: meta("ACL_FIELD_DATA_UINT8"), value: { enable: true, data: 6, mask: 0xff }, text: "6&mask:0xff" },
  { name: "S9 ACL field disabled", meta: meta("ACL_FIELD_DATA_UINT8"), value: { enable: false }, text: "disabled" },
  { name: "S13 bool", meta: meta("BOOL"), value: true, text: "true" },
  { name: "S13 u32 range", meta: meta("UINT32_RANGE"), value: { min: 1024, max: 65535 }, text: "1024,65535" },
  { name: "S13 pointer 0", meta: meta("POINTER"), value: 0n, text: "0x0" },
];

describe("§8.3 serialization acceptance", () => {
  it.each(cases)("$name formats as $text and parses back", (c) => {
    const opts = { countOnly: c.countOnly === true };
    expect(formatValue(c.meta, c.value, opts)).toBe(c.text);
    expect(parseValue(c.meta, c.text, opts)).toEqual({ ok: true, value: c.value });
  });

  it("S3 non-contiguous mask 255.0.255.0 cannot be formatted", () => {
    const r = tryFormatValue(meta("IP_PREFIX"), {
      family: "ipv4",
      addr: Uint8Array.of(10, 0, 0, 0),
      mask: Uint8Array.of(255, 0, 255, 0),
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/not contiguous/);
    expect(() =>
      formatValue(meta("IP_PREFIX"), { family: "ipv4", addr: new Uint8Array(4), mask: Uint8Array.of(255, 0, 255, 0) }),
    ).toThrow(/not contiguous/);
  });

  it("S6 an @ignore'd legacy name parses to its value and prints as the current name", () => {
    const m = enumMeta(NHG_TYPE);
    const r = parseValue(m, "SAI_NEXT_HOP_GROUP_TYPE_ECMP");
    expect(r).toEqual({ ok: true, value: 0 });
    expect(formatValue(m, 0)).toBe("SAI_NEXT_HOP_GROUP_TYPE_DYNAMIC_UNORDERED_ECMP");
  });

  it.each([
    ["SAI_STATUS_INVALID_ATTRIBUTE_3", -0x10000 - 3],
    ["-65547", -0x10000 - 11],
    ["SAI_STATUS_ITEM_NOT_FOUND", -7],
    ["SAI_STATUS_SUCCESS", 0],
  ] as const)("S10 status %s ⇄ %d", (text, code) => {
    expect(formatStatus(code, STATUS_CODES)).toBe(text);
    expect(parseStatus(text, STATUS_CODES)).toEqual({ ok: true, value: code });
  });

  it("S10 indexed names come from the range when the list only holds _0", () => {
    const only0 = STATUS_CODES.filter((s) => !/_([1-9]|10)$/.test(s.name));
    expect(formatStatus(-0x10000 - 3, only0)).toBe("SAI_STATUS_INVALID_ATTRIBUTE_3");
    expect(formatStatus(-0x10000 - 11, only0)).toBe("-65547");
  });

  it("S11 route entry key", () => {
    const key = { switch_id: oid(0x21000000000000n), vr_id: oid(0x3000000000001n), destination: ipPrefix("10.0.0.0/24") };
    const text = '{"dest":"10.0.0.0/24","switch_id":"oid:0x21000000000000","vr":"oid:0x3000000000001"}';
    const renames = entryKeyRenames("SAI_OBJECT_TYPE_ROUTE_ENTRY");
    expect(formatEntryKey(ROUTE_ENTRY, key, renames)).toBe(text);
    expect(parseEntryKey(ROUTE_ENTRY, text, renames)).toEqual({ ok: true, value: key });
  });

  it("S12 flow entry key", () => {
    const key = {
      switch_id: oid(0x21000000000000n),
      eni_mac: mac("00:AA:BB:CC:DD:EE"),
      vnet_id: 100,
      ip_proto: 6,
      src_ip: ipAddress("10.0.0.1"),
      dst_ip: ipAddress("10.1.0.2"),
      src_port: 12345,
      dst_port: 80,
    };
    const text =
      '{"dst_ip":"10.1.0.2","dst_port":"80","eni_mac":"00:AA:BB:CC:DD:EE","ip_proto":"6","src_ip":"10.0.0.1",' +
      '"src_port":"12345","switch_id":"oid:0x21000000000000","vnet_id":"100"}';
    expect(formatEntryKey(FLOW_ENTRY, key)).toBe(text);
    expect(parseEntryKey(FLOW_ENTRY, text)).toEqual({ ok: true, value: key });
  });
});
