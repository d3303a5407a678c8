/**
 * The generated key scans against a plain reference (property): runs of rows with the same table-selecting bytes,
 * and the first malformed IP member, for keys at aligned and unaligned offsets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyScan, type IpMember, type KeyRange } from "../../runtime/core/key-scan.js";

const KB = 24;
// a key of 24 bytes: an IP member at 0 (family byte 20), the selecting members at 16..21 (switch-like word + 2 bytes)
const IPS: IpMember[] = [{ offset: 0, familyOffset: 20 }];
const SELECT: KeyRange[] = [
  { offset: 16, size: 4 },
  { offset: 21, size: 2 },
];

function sameEnd(k: Uint8Array, from: number, n: number): number {
  const same = (r: number) => SELECT.every(({ offset, size }) => k.subarray(r * KB + offset, r * KB + offset + size).every((b, i) => b === k[from * KB + offset + i]));
  for (let r = from + 1; r < n; r++) if (!same(r)) return r;
  return n;
}

function badIp(k: Uint8Array, from: number, to: number): number {
  for (let r = from; r < to; r++)
    for (const { offset, familyOffset } of IPS) {
      const fam = k[r * KB + familyOffset]!;
      if (fam > 1 || (fam === 0 && k.subarray(r * KB + offset + 4, r * KB + offset + 16).some((b) => b !== 0))) return r;
    }
  return to;
}

describe("key scans", () => {
  it("agree with a plain reference at any byte offset (property)", () => {
    const scan = keyScan(KB, SELECT, IPS);
    const row = fc.record({ sel: fc.integer({ min: 0, max: 2 }), fam: fc.constantFrom(0, 0, 1, 2), tail: fc.constantFrom(0, 0, 0, 5), other: fc.integer({ min: 0, max: 255 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 3 }), fc.nat(), (rows, shift, start) => {
        const n = rows.length;
        const k = new Uint8Array(shift + n * KB).subarray(shift);
        rows.forEach((r, i) => {
          const b = i * KB;
          k[b + 16] = r.sel; // selecting bytes differ only through `sel`
          k[b + 21] = r.sel * 3;
          k[b + 20] = r.fam;
          k[b + 9] = r.tail; // an IPv4 tail byte
          k[b + 2] = r.other; // address bytes and an unselected byte never matter
          k[b + 23] = r.other;
        });
        const kw = shift === 0 ? new Uint32Array(k.buffer, k.byteOffset, k.length >> 2) : null;
        const from = start % n;
        expect(scan.sameTableEnd(k, kw, from, n)).toBe(sameEnd(k, from, n));
        expect(scan.firstBadIp(k, kw, from, n)).toBe(badIp(k, from, n));
      }),
      { numRuns: 500 },
    );
  });

  it("without IP members nothing is malformed; without selecting members every row picks the same table", () => {
    const scan = keyScan(8, [], []);
    const k = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(scan.firstBadIp(k, null, 0, 4)).toBe(4);
    expect(scan.sameTableEnd(k, null, 1, 4)).toBe(4);
  });
});
