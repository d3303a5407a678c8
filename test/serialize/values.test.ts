/**
 * The value shapes: type-level map, structural check, literal helpers.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { ATTR_VALUE_TYPES } from "../../generator/model/types.js";
import {
  ipAddress,
  ipPrefix,
  ipv4,
  ipv6,
  isValueOfType,
  listCount,
  mac,
  nullList,
  oid,
  VALUE_SHAPES,
  valueTypeName,
  type AclField,
  type IpAddress,
  type Ipv4,
  type NullList,
  type ObjectId,
  type SaiList,
  type ValueOf,
} from "../../runtime/values/index.js";

describe("ValueOf", () => {
  it("maps value type names to TS types", () => {
    expectTypeOf<ValueOf<"UINT32">>().toEqualTypeOf<number>();
    expectTypeOf<ValueOf<"UINT64">>().toEqualTypeOf<bigint>();
    expectTypeOf<ValueOf<"OBJECT_ID">>().toEqualTypeOf<ObjectId>();
    expectTypeOf<ValueOf<"IPV4">>().toEqualTypeOf<Ipv4>();
    expectTypeOf<ValueOf<"IP_ADDRESS">>().toEqualTypeOf<IpAddress>();
    expectTypeOf<ValueOf<"OBJECT_LIST">>().toEqualTypeOf<SaiList<ObjectId>>();
    expectTypeOf<ValueOf<"ACL_FIELD_DATA_UINT8">>().toEqualTypeOf<AclField<number, number>>();
  });

  it("keeps OIDs apart from plain bigints at compile time only", () => {
    const id = oid(0x21000000000000n);
    expectTypeOf(id).toMatchTypeOf<bigint>();
    expectTypeOf<bigint>().not.toMatchTypeOf<ObjectId>();
    expect(typeof id).toBe("bigint");
    expect(id).toBe(0x21000000000000n);
  });
});

describe("isValueOfType", () => {
  it("has a shape for every value type", () => {
    for (const vt of ATTR_VALUE_TYPES) expect(VALUE_SHAPES[vt], vt).toBeDefined();
    expect(Object.keys(VALUE_SHAPES)).toHaveLength(ATTR_VALUE_TYPES.length);
  });

  it.each([
    ["BOOL", true, 1],
    ["UINT8", 300, 1.5], // width ranges are the validators' job; integrality is structural
    ["UINT64", 5n, 5],
    ["OBJECT_ID", oid(1), "oid:0x1"],
    ["MAC", mac("00:11:22:33:44:55"), new Uint8Array(5)],
    ["IPV4", ipv4("10.0.0.1"), ipv6("::1")],
    ["IPV6", ipv6("::1"), ipv4("10.0.0.1")],
    ["IP_ADDRESS", ipAddress("::1"), { family: "ipv4", bytes: new Uint8Array(16) }],
    ["IP_PREFIX", ipPrefix("10.0.0.0/8"), { family: "ipv4", addr: new Uint8Array(4), mask: new Uint8Array(16) }],
    ["OBJECT_LIST", [oid(1)], [1n, "x"]],
    ["OBJECT_LIST", nullList(3), { count: -1, list: null }],
    ["UINT32_RANGE", { min: 1, max: 2 }, { min: 1 }],
    ["ACL_FIELD_DATA_UINT8", { enable: true, data: 1, mask: 255 }, { enable: true, data: 1 }],
    ["ACL_FIELD_DATA_UINT8", { enable: false }, { data: 1, mask: 2 }],
    ["ACL_FIELD_DATA_OBJECT_ID", { enable: true, data: oid(1) }, { enable: true, data: 1 }],
    ["ACL_ACTION_DATA_MAC", { enable: true, parameter: mac("00:00:00:00:00:01") }, { enable: true }],
    ["MACSEC_SAK", new Uint8Array(32), new Uint8Array(16)],
    ["TLV_LIST", [{ tlv_type: 0, entry: { ingress_node: ipv6("::1") } }], [{ tlv_type: 0, entry: {} }]],
    ["TLV_LIST", [{ tlv_type: 2, entry: { opaque_container: [1, 2, 3, 4] } }], [{ tlv_type: 2, entry: { opaque_container: [1] } }]],
    ["TWAMP_STATS_DATA", { index: 1, counters_ids: [1], counters: [2n] }, { index: 1, counters_ids: [1, 2], counters: [2n] }],
    ["JSON", { json: [123, 125] }, "{}"],
    ["TAPS_LIST", [[1, -2], []], [[1n]]],
  ] as const)("%s accepts a good value and rejects a bad one", (vt, good, badValue) => {
    expect(isValueOfType(vt, good)).toBe(true);
    expect(isValueOfType(vt, badValue)).toBe(false);
    expect(isValueOfType(`SAI_ATTR_VALUE_TYPE_${vt}`, good)).toBe(true);
  });

  it("narrows", () => {
    const v: unknown = [oid(1)];
    if (isValueOfType("OBJECT_LIST", v)) expectTypeOf(v).toEqualTypeOf<SaiList<ObjectId>>();
  });

  it("knows both name forms", () => {
    expect(valueTypeName("SAI_ATTR_VALUE_TYPE_UINT32")).toBe("UINT32");
    expect(valueTypeName("UINT32")).toBe("UINT32");
    expect(valueTypeName("SAI_ATTR_VALUE_TYPE_NOPE")).toBeUndefined();
  });
});

describe("literal helpers", () => {
  it("build values", () => {
    expect(mac("01:22:33:aa:bb:cc")).toEqual(Uint8Array.of(1, 0x22, 0x33, 0xaa, 0xbb, 0xcc));
    expect(ipv4("10.0.0.21")).toEqual({ family: "ipv4", bytes: Uint8Array.of(10, 0, 0, 21) });
    expect(ipv6("::ffff:1.2.3.4").bytes).toEqual(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4));
    expect(ipAddress("2001:db8::5").family).toBe("ipv6");
    expect(ipPrefix("10.0.0.0/24")).toEqual({
      family: "ipv4",
      addr: Uint8Array.of(10, 0, 0, 0),
      mask: Uint8Array.of(255, 255, 255, 0),
    });
    expect(ipPrefix("1100::/12").mask.slice(0, 3)).toEqual(Uint8Array.of(0xff, 0xf0, 0));
    expect(oid("oid:0x21000000000000")).toBe(0x21000000000000n);
    expect(oid(5)).toBe(5n);
  });

  it("throw on bad literals", () => {
    expect(() => mac("01:22:33")).toThrow(TypeError);
    expect(() => ipv4("::1")).toThrow(/ipv4\(\): expected an IPv4 address/);
    expect(() => ipv6("10.0.0.1")).toThrow(TypeError);
    expect(() => ipPrefix("10.0.0.0/40")).toThrow(/exceeds 32/);
    expect(() => oid(-1n)).toThrow(RangeError);
    expect(() => oid(2n ** 64n)).toThrow(RangeError);
    expect(() => oid(2 ** 60)).toThrow(/safe integer/);
    expect(() => oid("0x1")).toThrow(TypeError);
  });

  it("list helpers", () => {
    const empty: NullList = nullList(0);
    expect(listCount(empty)).toBe(0);
    expect(listCount([1, 2])).toBe(2);
    expect(listCount(nullList(7))).toBe(7);
  });
});
