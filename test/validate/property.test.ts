/**
 * Property tests: every value of the right shape and range is accepted, every integer outside its width is
 * rejected at the right list position, flag enums follow the mode, and whatever the validator accepts for our DASH
 * flow attributes the sairedis serializer can print.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ValueTypeName } from "../../generator/model/types.js";
import { enumLookup, tryFormatValue, valueMetaOf } from "../../runtime/serialize/index.js";
import { createValidator, type AttrInput } from "../../runtime/validate/index.js";
import { attr, enumOf, objectType, oursModel, tables } from "./_helpers.js";

const OT = "SAI_OBJECT_TYPE_PROP";
const INTS: [ValueTypeName, number, number][] = [
  ["UINT8", 0, 255],
  ["INT8", -128, 127],
  ["UINT16", 0, 65535],
  ["INT16", -32768, 32767],
  ["UINT32", 0, 2 ** 32 - 1],
  ["INT32", -(2 ** 31), 2 ** 31 - 1],
];
const FILLERS = 8;
const FLAGS = enumOf("sai_prop_flags_t", "SAI_PROP_FLAGS_", [["SAI_PROP_FLAGS_NONE", 0], ["SAI_PROP_FLAGS_A", 1], ["SAI_PROP_FLAGS_B", 2], ["SAI_PROP_FLAGS_C", 4], ["SAI_PROP_FLAGS_D", 8]], "SAI_ENUM_FLAGS_TYPE_STRICT");
const PLAIN = enumOf("sai_prop_kind_t", "SAI_PROP_KIND_", [["SAI_PROP_KIND_X", 0], ["SAI_PROP_KIND_Y", 1], ["SAI_PROP_KIND_Z", 7]]);
const CAS = { flags: ["CREATE_AND_SET" as const], default: { kind: "int", value: "0" } as const };
const attrs = [
  ...Array.from({ length: FILLERS }, (_, i) => attr(OT, `SAI_PROP_ATTR_FILL${i}`, i, { type: "BOOL", flags: ["CREATE_AND_SET"], default: { kind: "bool", value: false } })),
  ...INTS.map(([t], i) => attr(OT, `SAI_PROP_ATTR_${t}`, 100 + i, { type: t, ...CAS })),
  attr(OT, "SAI_PROP_ATTR_U64", 200, { type: "UINT64", ...CAS }),
  attr(OT, "SAI_PROP_ATTR_MAC", 201, { type: "MAC", flags: ["CREATE_AND_SET"], defaultType: "SAI_DEFAULT_VALUE_TYPE_VENDOR_SPECIFIC" }),
  attr(OT, "SAI_PROP_ATTR_IP", 202, { type: "IP_ADDRESS", flags: ["CREATE_AND_SET"], default: { kind: "ipaddr", family: "ipv4", value: "0.0.0.0" } }),
  attr(OT, "SAI_PROP_ATTR_FLAGS", 203, { type: "INT32", enum: "sai_prop_flags_t", ...CAS }),
  attr(OT, "SAI_PROP_ATTR_KIND", 204, { type: "INT32", enum: "sai_prop_kind_t", ...CAS }),
  attr(OT, "SAI_PROP_ATTR_U16_LIST", 205, { type: "UINT16_LIST", flags: ["CREATE_AND_SET"], defaultType: "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST" }),
  attr(OT, "SAI_PROP_ATTR_RANGE", 206, { type: "UINT32_RANGE", flags: ["CREATE_AND_SET"], default: { kind: "zero" } }),
  attr(OT, "SAI_PROP_ATTR_LABEL", 207, { type: "CHARDATA", flags: ["CREATE_AND_SET"], default: { kind: "chardata", value: "" } }),
  attr(OT, "SAI_PROP_ATTR_PORT", 208, { type: "OBJECT_ID", objects: ["SAI_OBJECT_TYPE_PORT", "SAI_OBJECT_TYPE_FLOW_TABLE"], allownull: true, flags: ["CREATE_AND_SET"], default: { kind: "oid", value: "0" } }),
];
const T = tables([{ info: objectType(OT, 77, attrs), attrs }], [FLAGS, PLAIN], [["SAI_OBJECT_TYPE_SWITCH", 33], ["SAI_OBJECT_TYPE_PORT", 1], ["SAI_OBJECT_TYPE_FLOW_TABLE", 0x20000015]]);
const S = 0x21000000000000n;
const sai = createValidator(T);
const redis = createValidator(T, { mode: "sairedis" });

/** The target attribute at position `pos` after `pos` distinct valid fillers. */
function at(pos: number, id: string, value: unknown): AttrInput[] {
  const l: AttrInput[] = Array.from({ length: pos }, (_, i) => ({ id: `SAI_PROP_ATTR_FILL${i}`, value: i % 2 === 0 }));
  l.push({ id, value });
  return l;
}
const create = (l: AttrInput[], v = sai) => v.validateCreate(OT, l, { switchId: S });
const pos = fc.integer({ min: 0, max: FILLERS });

describe("integer widths (property)", () => {
  for (const [t, min, max] of INTS) {
    it(`${t}: every value in ${min}..${max} is accepted`, () =>
      fc.assert(fc.property(fc.integer({ min, max }), pos, (n, p) => create(at(p, `SAI_PROP_ATTR_${t}`, n)).code === 0)));
    it(`${t}: a value out of range is INVALID_ATTR_VALUE_0+i at its index`, () =>
      fc.assert(
        fc.property(
          fc.oneof(fc.integer({ min: max + 1, max: max + 2 ** 33 }), fc.integer({ min: min - 2 ** 33, max: min - 1 }), fc.double({ noInteger: true, noNaN: true })),
          pos,
          (n, p) => {
            const r = create(at(p, `SAI_PROP_ATTR_${t}`, n));
            expect(r).toMatchObject({ code: -(0x20000 + p), index: p, attr: `SAI_PROP_ATTR_${t}` });
            expect(create(at(p, `SAI_PROP_ATTR_${t}`, n), redis)).toMatchObject({ code: -5, index: p });
          },
        ),
      ));
  }
  it("UINT64: every bigint in 0..2^64-1 is accepted, anything else rejected", () =>
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.bigInt({ min: 1n << 64n, max: 1n << 70n }), pos, (ok, bad, p) => {
        expect(create(at(p, "SAI_PROP_ATTR_U64", ok)).code).toBe(0);
        expect(create(at(p, "SAI_PROP_ATTR_U64", bad)).code).toBe(-(0x20000 + p));
        expect(create(at(p, "SAI_PROP_ATTR_U64", -ok - 1n)).code).toBe(-(0x20000 + p));
      }),
    ));
});

describe("shapes (property)", () => {
  it("MAC: any 6 bytes; other lengths rejected", () =>
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 12 }), pos, (b, p) => {
        expect(create(at(p, "SAI_PROP_ATTR_MAC", b)).code).toBe(b.length === 6 ? 0 : -(0x20000 + p));
      }),
    ));
  it("IP address: 4 bytes IPv4 / 16 bytes IPv6; wrong length or family rejected", () =>
    fc.assert(
      fc.property(fc.constantFrom("ipv4", "ipv6", "ipv5"), fc.uint8Array({ minLength: 4, maxLength: 16 }), (family, bytes) => {
        const good = (family === "ipv4" && bytes.length === 4) || (family === "ipv6" && bytes.length === 16);
        expect(create(at(0, "SAI_PROP_ATTR_IP", { family, bytes })).code).toBe(good ? 0 : -0x20000);
      }),
    ));
  it("u16 list: accepted iff every element fits", () =>
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 70000 }), { maxLength: 20 }), (l) => {
        const good = l.every((x) => x >= 0 && x <= 65535);
        expect(create(at(0, "SAI_PROP_ATTR_U16_LIST", l)).code).toBe(good ? 0 : -0x20000);
      }),
    ));
  it("range: accepted iff min ≤ max", () =>
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), fc.nat({ max: 2 ** 32 - 1 }), (min, max) => {
        expect(create(at(0, "SAI_PROP_ATTR_RANGE", { min, max })).code).toBe(min <= max ? 0 : -0x20000);
      }),
    ));
  it("chardata on create: 1..15 printable ASCII characters", () =>
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 20 }), (s) => {
        const good = s.length >= 1 && s.length <= 15 && /^[\x20-\x7e]*$/.test(s);
        expect(create(at(0, "SAI_PROP_ATTR_LABEL", s)).code).toBe(good ? 0 : -0x20000);
      }),
    ));
  it("object ids: any index of an allowed type on the operation's switch; other types and switches rejected", () =>
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 39n) - 1n }), fc.constantFrom(0x01n << 48n, (0x15n << 48n) | (1n << 39n), 0x05n << 48n), fc.integer({ min: 0, max: 3 }), (index, type, sw) => {
        const oid = (BigInt(sw) << 56n) | type | index;
        const allowed = type !== 0x05n << 48n && sw === 0;
        expect(create(at(0, "SAI_PROP_ATTR_PORT", oid)).code).toBe(allowed ? 0 : -0x20000);
      }),
    ));
});

describe("enums (property)", () => {
  const bits = fc.subarray([1, 2, 4, 8]);
  it("flags: any OR of declared bits is accepted in sai mode, only single declared values in sairedis mode", () =>
    fc.assert(
      fc.property(bits, pos, (bs, p) => {
        const v = bs.reduce((a, b) => a | b, 0);
        expect(create(at(p, "SAI_PROP_ATTR_FLAGS", v)).code).toBe(0);
        expect(create(at(p, "SAI_PROP_ATTR_FLAGS", v), redis).code).toBe(bs.length <= 1 ? 0 : -5);
      }),
    ));
  it("flags: a bit outside the declared set is rejected in both modes", () =>
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 30 }), bits, (bit, bs) => {
        const v = (1 << bit) | bs.reduce((a, b) => a | b, 0);
        expect(create(at(0, "SAI_PROP_ATTR_FLAGS", v)).code).toBe(-0x20000);
        expect(create(at(0, "SAI_PROP_ATTR_FLAGS", v), redis).code).toBe(-5);
      }),
    ));
  it("plain enum: exactly its members", () =>
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 20 }), (n) => {
        expect(create(at(0, "SAI_PROP_ATTR_KIND", n)).code).toBe([0, 1, 7].includes(n) ? 0 : -0x20000);
      }),
    ));
});

describe("accepted values serialize (our DASH flow headers)", () => {
  const model = oursModel();
  const v = createValidator(model);
  const enums = enumLookup(model.enums);
  const arb: Partial<Record<ValueTypeName, fc.Arbitrary<unknown>>> = {
    BOOL: fc.boolean(),
    UINT8: fc.integer({ min: -2, max: 300 }),
    UINT16: fc.integer({ min: -2, max: 70000 }),
    UINT32: fc.oneof(fc.nat(), fc.integer({ min: 2 ** 32 - 2, max: 2 ** 32 + 2 })),
    INT32: fc.integer({ min: -3, max: 1100 }),
    UINT64: fc.bigInt({ min: -1n, max: 1n << 65n }),
    MAC: fc.uint8Array({ minLength: 5, maxLength: 7 }),
    IP_ADDRESS: fc.record({ family: fc.constantFrom("ipv4", "ipv6"), bytes: fc.oneof(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.uint8Array({ minLength: 16, maxLength: 16 })) }),
    UINT8_LIST: fc.array(fc.integer({ min: 0, max: 256 }), { maxLength: 8 }),
  };
  for (const ot of ["SAI_OBJECT_TYPE_FLOW_ENTRY", "SAI_OBJECT_TYPE_FLOW_TABLE", "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER"]) {
    const settable = model.attributes.filter((a) => a.objecttype === ot && a.iscreateandset);
    it(`${ot}: every value the validator accepts on set, the serializer prints`, () => {
      const key = ot === "SAI_OBJECT_TYPE_FLOW_ENTRY" ? { key: { switch_id: 0x21000000000000n, eni_mac: new Uint8Array(6), vnet_id: 1, ip_proto: 6, src_ip: { family: "ipv4", bytes: new Uint8Array(4) }, dst_ip: { family: "ipv4", bytes: new Uint8Array(4) }, src_port: 1, dst_port: 2 } } : { objectId: ot === "SAI_OBJECT_TYPE_FLOW_TABLE" ? 0x15008000000001n : 0x17008000000001n };
      for (const a of settable) {
        const g = arb[a.attrvaluetype.replace("SAI_ATTR_VALUE_TYPE_", "") as ValueTypeName];
        expect(g, `no arbitrary for ${a.attrvaluetype}`).toBeDefined();
        fc.assert(
          fc.property(g!, (value) => {
            const r = v.validateSet(ot, [{ id: a.attridname, value }], key);
            if (r.code === 0) expect(tryFormatValue(valueMetaOf(a, enums), value), a.attridname).toMatchObject({ ok: true });
          }),
          { numRuns: 60 },
        );
      }
    });
  }
});
