import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeOid, encodeOid, switchOidOf } from "../runtime/oid.js";

describe("object id encoding (SAI-METADATA.md §1.2)", () => {
  it("matches the documented examples", () => {
    expect(encodeOid({ switchIndex: 0, objectType: 0x21, globalContext: 0, index: 0n })).toBe(0x21000000000000n); // switch #0
    expect(encodeOid({ switchIndex: 0, objectType: 3, globalContext: 0, index: 1n })).toBe(0x3000000000001n); // VIRTUAL_ROUTER
    expect(encodeOid({ switchIndex: 0, objectType: 0x20000015, globalContext: 0, index: 1n })).toBe(0x15008000000001n); // FLOW_TABLE
    expect(decodeOid(0x15008000000001n).objectType).toBe(0x20000015);
    expect(switchOidOf(0x15008000000001n, 0x21)).toBe(0x21000000000000n);
  });
  it("round-trips (property)", () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x20000000, max: 0x200000ff })),
        fc.integer({ min: 0, max: 255 }),
        fc.bigInt({ min: 0n, max: (1n << 39n) - 1n }),
        (switchIndex, objectType, globalContext, index) => {
          const p = { switchIndex, objectType, globalContext, index };
          expect(decodeOid(encodeOid(p))).toEqual(p);
        },
      ),
    ));
  it("rejects what does not fit", () => {
    expect(() => encodeOid({ switchIndex: 0, objectType: 0x300, globalContext: 0, index: 0n })).toThrow(RangeError);
    expect(() => encodeOid({ switchIndex: 0, objectType: 1, globalContext: 0, index: 1n << 40n })).toThrow(RangeError);
  });
});
