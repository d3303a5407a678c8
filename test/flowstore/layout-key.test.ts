import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AttrMetadata, KeyMember } from "../../generator/model/types.js";
import {
  formatIp, layoutFromMetadata, maskBitsFromEnum, packKey, packKeyInto, parseIp, unpackKey, type FlowLayout,
} from "../../runtime/flowstore/index.js";
import { dashLayout, ENABLED_KEY_ENUM, FLOW_ATTRS, FLOW_ENUMS, FLOW_KEY_MEMBERS } from "./dash-fixture.js";
import { arbFlowFields, ipText } from "./helpers.js";

describe("IP and MAC text", () => {
  it.each([
    ["0.0.0.0", 0, "0.0.0.0"],
    ["10.1.2.3", 0, "10.1.2.3"],
    ["::", 1, "::"],
    ["::1", 1, "::1"],
    ["2001:DB8:0:0:0:0:0:1", 1, "2001:db8::1"],
    ["2001:db8:0:1:0:0:0:1", 1, "2001:db8:0:1::1"],
    ["2001:db8:0:0:1:0:0:1", 1, "2001:db8::1:0:0:1"],
    ["1:0:2:3:4:5:6:7", 1, "1:0:2:3:4:5:6:7"],
    ["::ffff:1.2.3.4", 1, "::ffff:102:304"],
  ])("%s parses to family %i and formats canonically", (text, family, canonical) => {
    const ip = parseIp(text)!;
    expect(ip.family).toBe(family);
    expect(formatIp(ip.family, ip.bytes)).toBe(canonical);
    expect(parseIp(canonical)!.bytes).toEqual(ip.bytes);
  });

  it.each(["", "1.2.3", "1.2.3.256", "1.2.3.4.5", ":::", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "g::1", "1:2:3:4:5:6:7"])("rejects %j", (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it("IPv6 text round-trips through bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
      const text = formatIp(1, bytes);
      expect(parseIp(text)!.bytes).toEqual(bytes);
    }));
  });
});

describe("layoutFromMetadata", () => {
  it("packs sai_flow_entry_t into 56 aligned bytes", () => {
    const L = dashLayout();
    const at = Object.fromEntries(L.keyFields.map((f) => [f.name, [f.offset, f.size, f.familyOffset]]));
    expect(L.keyBytes).toBe(56);
    expect(L.keyWords).toBe(14);
    expect(at).toEqual({
      switch_id: [0, 8, -1], src_ip: [8, 16, 53], dst_ip: [24, 16, 54], eni_mac: [40, 6, -1], vnet_id: [46, 2, -1],
      src_port: [48, 2, -1], dst_port: [50, 2, -1], ip_proto: [52, 1, -1],
    });
    for (const f of L.keyFields) if (f.size >= 4) expect(f.offset % 4).toBe(0);
  });

  it("derives one column per attribute, narrowing enums and keeping lists out of line", () => {
    const L = dashLayout();
    const kind = Object.fromEntries(L.columns.map((c) => [c.short, c.kind]));
    expect(L.columns.filter((c) => c.origin === "attr")).toHaveLength(FLOW_ATTRS.length);
    expect(kind).toMatchObject({
      eni_mac: "mac", src_ip: "ip", src_port: "u16", ip_proto: "u8", vnet_id: "u16",
      version: "u32", action: "u8", dash_flow_action: "u16", dash_direction: "u8", is_unidirectional_flow: "u8",
      underlay0_sip: "ip", dst_mac: "mac", vendor_metadata: "blob", flow_data_pb: "blob",
    });
    expect(L.columns.find((c) => c.short === "switch_id")).toBeUndefined(); // oid: not filterable, no copy
    expect(L.fixedBytesPerFlow).toBe(213);
  });

  it("keeps INT32 for enums without a known range", () => {
    const { layout } = layoutFromMetadata(FLOW_KEY_MEMBERS, FLOW_ATTRS);
    expect(layout!.columns.find((c) => c.short === "action")!.kind).toBe("i32");
  });

  it("reports unsupported attribute types and skips them; an unsupported key member fails the layout", () => {
    const r = layoutFromMetadata(FLOW_KEY_MEMBERS, [
      { name: "SAI_X_ATTR_LIST", valuetype: "OBJECT_LIST" },
      { name: "SAI_X_ATTR_OK", valuetype: "UINT32" },
      { name: "SAI_X_ATTR_WAT", valuetype: "NOT_A_TYPE" },
    ], { enums: FLOW_ENUMS });
    expect(r.layout!.columns.filter((c) => c.origin === "attr").map((c) => c.short)).toEqual(["ok"]);
    expect(r.issues.map((i) => [i.severity, i.name])).toEqual([["warning", "SAI_X_ATTR_LIST"], ["warning", "SAI_X_ATTR_WAT"]]);

    const bad = layoutFromMetadata([...FLOW_KEY_MEMBERS, { name: "prefix", valuetype: "IP_PREFIX" }], []);
    expect(bad.layout).toBeNull();
    expect(bad.issues).toEqual([expect.objectContaining({ severity: "error", name: "prefix" })]);
  });

  it("accepts the model's KeyMember and AttrMetadata records", () => {
    const members = FLOW_KEY_MEMBERS.map((m) => ({ membername: m.name, membervaluetype: m.valuetype }) as unknown as KeyMember);
    const attrs = [
      { attridname: "SAI_FLOW_ENTRY_ATTR_VERSION", attrvaluetype: "SAI_ATTR_VALUE_TYPE_UINT32", isenum: false, enummetadata: null },
      { attridname: "SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION", attrvaluetype: "SAI_ATTR_VALUE_TYPE_INT32", isenum: true, enummetadata: "sai_dash_direction_t" },
    ] as unknown as AttrMetadata[];
    const { layout, issues } = layoutFromMetadata(members, attrs, { enums: FLOW_ENUMS });
    expect(issues).toEqual([]);
    expect(layout!.keyBytes).toBe(56);
    expect(layout!.columns.slice(-2).map((c) => [c.name, c.kind])).toEqual([
      ["SAI_FLOW_ENTRY_ATTR_VERSION", "u32"],
      ["SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION", "u8"],
    ]);
  });

  it("keyColumns chooses which key members are copied into columns", () => {
    const { layout } = layoutFromMetadata(FLOW_KEY_MEMBERS, [], { keyColumns: ["src_port"] });
    expect(layout!.columns.map((c) => c.name)).toEqual(["src_port"]);
    expect(layout!.keyFields.find((f) => f.name === "dst_port")!.column).toBe(-1);
  });

  it("maps enabled-key enum bits to key members by name and alias", () => {
    const { bits, unmatched } = maskBitsFromEnum(ENABLED_KEY_ENUM, FLOW_KEY_MEMBERS.map((m) => m.name));
    expect(bits).toEqual([
      { bit: 1, members: ["eni_mac"] }, { bit: 2, members: ["vnet_id"] }, { bit: 4, members: ["ip_proto"] },
      { bit: 8, members: ["src_ip"] }, { bit: 16, members: ["dst_ip"] }, { bit: 32, members: ["src_port"] },
      { bit: 64, members: ["dst_port"] },
    ]);
    expect(unmatched).toEqual([]);
    expect(maskBitsFromEnum([{ name: "SAI_DASH_FLOW_ENABLED_KEY_FOO", value: 128 }], ["src_ip"]).unmatched).toEqual(["SAI_DASH_FLOW_ENABLED_KEY_FOO"]);
  });
});

describe("packKey / unpackKey", () => {
  const L: FlowLayout = dashLayout();

  it("round-trips plain values (property)", () => {
    fc.assert(fc.property(arbFlowFields(), (fields) => {
      const bytes = packKey(L, { ...fields });
      const back = unpackKey(L, bytes);
      expect(back).toEqual({ ...fields, src_ip: ipText(fields.src_ip), dst_ip: ipText(fields.dst_ip) });
      expect(packKey(L, back)).toEqual(bytes);
    }), { numRuns: 300 });
  });

  it("accepts MAC bytes, {family, bytes} IPs and oid text", () => {
    const a = packKey(L, { switch_id: 0x21000000000000n, eni_mac: "00:11:22:33:44:55", src_ip: "10.0.0.1", dst_ip: "2001:db8::2" });
    const b = packKey(L, {
      switch_id: "oid:0x21000000000000", eni_mac: new Uint8Array([0, 0x11, 0x22, 0x33, 0x44, 0x55]),
      src_ip: { family: "ipv4", bytes: new Uint8Array([10, 0, 0, 1]) }, dst_ip: { family: "ipv6", bytes: parseIp("2001:db8::2")!.bytes },
    });
    expect(b).toEqual(a);
  });

  it("packs at an offset inside a larger buffer and leaves missing members zero", () => {
    const buf = new Uint8Array(3 * L.keyBytes).fill(0xee);
    packKey(L, { src_port: 0x1234 }, buf, L.keyBytes);
    expect(buf[0]).toBe(0xee);
    expect(unpackKey(L, buf, L.keyBytes)).toMatchObject({ src_port: 0x1234, dst_port: 0, src_ip: "0.0.0.0", eni_mac: "00:00:00:00:00:00" });
    expect(buf[2 * L.keyBytes]).toBe(0xee);
  });

  it("reports every bad field", () => {
    const errors = packKeyInto(L, { src_port: 70000, eni_mac: "zz", dst_ip: "1.2.3", nope: 1 }, new Uint8Array(L.keyBytes));
    expect(errors).toHaveLength(4);
    expect(() => packKey(L, { ip_proto: -1 })).toThrow(/ip_proto/);
  });
});
