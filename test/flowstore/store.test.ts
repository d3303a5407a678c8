import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BufferPool, compileFilter, FLOW_EXISTS, FLOW_FULL, FLOW_NOT_FOUND, FlowStore, layoutFromMetadata, packKey, type FlowLayout, type FlowStoreOptions,
} from "../../runtime/flowstore/index.js";
import { ALL_KEYS, dashLayout, dashMaskBits, FLOW_KEY_MEMBERS } from "./dash-fixture.js";
import { arbFlowFields, ipText, type FlowFields } from "./helpers.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const L: FlowLayout = dashLayout();
const key = (fields: Record<string, unknown>) => packKey(L, fields);

/** Flow i: unique by src_port/src_ip. */
function flow(i: number): FlowFields {
  return {
    switch_id: 0x21000000000000n, eni_mac: `00:11:22:33:44:${(i % 200).toString(16).padStart(2, "0")}`, vnet_id: i % 7, ip_proto: i % 2 ? 6 : 17,
    src_ip: i % 3 ? `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}` : `2001:db8::${i.toString(16)}`, dst_ip: "192.168.0.1",
    src_port: i & 0xffff, dst_port: 443,
  };
}

/** n keys packed back to back. */
function packed(from: number, n: number, layout = L): Uint8Array {
  const buf = new Uint8Array(n * layout.keyBytes);
  for (let i = 0; i < n; i++) packKey(layout, { ...flow(from + i) }, buf, i * layout.keyBytes);
  return buf;
}

function newStore(opts: FlowStoreOptions = {}): FlowStore {
  return new FlowStore(L, { enabledKeys: ALL_KEYS, maskBits: dashMaskBits(), chunkBaseBits: 3, chunkMaxBits: 5, ...opts });
}

describe("single-key operations", () => {
  it("insert, lookup, exists, remove", () => {
    const s = newStore();
    const k = key({ ...flow(1) });
    const slot = s.insert(k);
    expect(slot).toBe(0);
    expect(s.count).toBe(1);
    expect(s.insert(k)).toBe(FLOW_EXISTS);
    expect(s.lookup(k)).toBe(slot);
    expect(s.lookup(key({ ...flow(2) }))).toBe(FLOW_NOT_FOUND);
    expect(s.keyFields(slot)).toEqual({ ...flow(1), src_ip: ipText(flow(1).src_ip) });
    expect(s.remove(k)).toBe(slot);
    expect(s.remove(k)).toBe(FLOW_NOT_FOUND);
    expect(s.lookup(k)).toBe(FLOW_NOT_FOUND);
    expect(s.count).toBe(0);
    expect(s.isLive(slot)).toBe(false);
  });

  it("accepts a key at an offset inside a larger buffer", () => {
    const s = newStore();
    const buf = packed(0, 3);
    expect(s.insert(buf, L.keyBytes)).toBe(0);
    expect(s.lookup(buf, L.keyBytes)).toBe(0);
    expect(s.lookup(buf, 0)).toBe(FLOW_NOT_FOUND);
  });

  it("refuses inserts beyond maxFlows and accepts again after a remove", () => {
    const s = newStore({ maxFlows: 3 });
    for (let i = 0; i < 3; i++) expect(s.insert(key({ ...flow(i) }))).toBeGreaterThanOrEqual(0);
    expect(s.insert(key({ ...flow(3) }))).toBe(FLOW_FULL);
    expect(s.insert(key({ ...flow(0) }))).toBe(FLOW_EXISTS); // exists wins over full
    s.remove(key({ ...flow(1) }));
    expect(s.insert(key({ ...flow(3) }))).toBe(1); // reuses the freed slot
  });
});

describe("bulk operations", () => {
  it("insertMany / lookupMany / removeMany report per key", () => {
    const s = newStore();
    const keys = packed(0, 100);
    const out = new Int32Array(100);
    expect(s.insertMany(keys, 100, out)).toBe(100);
    expect([...out]).toEqual([...Array(100).keys()]);
    expect(s.insertMany(keys.subarray(0, 10 * L.keyBytes), 10, out)).toBe(0);
    expect([...out.subarray(0, 10)]).toEqual(new Array(10).fill(FLOW_EXISTS));
    const mixed = new Uint8Array([...packed(95, 10)]); // 95..99 exist, 100..104 do not
    expect(s.lookupMany(mixed, 10, out)).toBe(5);
    expect([...out.subarray(0, 10)]).toEqual([95, 96, 97, 98, 99, -1, -1, -1, -1, -1]);
    expect(s.removeMany(mixed, 10, out)).toBe(5);
    expect(s.count).toBe(95);
    expect(s.lookupMany(keys, 100, out)).toBe(95);
  });

  it("removeMany removes in order (a repeated key once), leaves a freed slot's state as it was, and can stop at the first missing key (property)", () => {
    const col = L.columns.find((c) => c.kind === "u32" && c.origin === "attr")!;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 149 }), { minLength: 1, maxLength: 200 }), fc.boolean(), (picks, stop) => {
        const s = newStore();
        const slots = new Int32Array(100);
        s.insertMany(packed(0, 100), 100, slots); // flows 0..99 exist, 100..149 do not
        for (let i = 0; i < 100; i++) s.set(slots[i]!, col.name, 5000 + i);
        const keys = new Uint8Array(picks.length * L.keyBytes);
        picks.forEach((f, i) => keys.set(packed(f, 1), i * L.keyBytes));
        const out = new Int32Array(picks.length).fill(-9);
        const removed = s.removeMany(keys, picks.length, out, stop);
        // the model: keys in order, each removed if still there; with stop, nothing after the first missing one
        const live = new Set(Array.from({ length: 100 }, (_, i) => i));
        let want = 0;
        for (let i = 0; i < picks.length; i++) {
          const f = picks[i]!;
          if (live.delete(f)) {
            want++;
            expect(out[i]).toBe(slots[f]);
            expect(s.get(out[i]!, col.name)).toBe(5000 + f); // readable until the slot is reused
          } else {
            expect(out[i]).toBe(FLOW_NOT_FOUND);
            if (stop) {
              expect([...out.subarray(i + 1)].every((x) => x === -9)).toBe(true);
              break;
            }
          }
        }
        expect(removed).toBe(want);
        expect(s.count).toBe(live.size);
        for (let f = 0; f < 100; f++) expect(s.lookup(key({ ...flow(f) })) >= 0, `flow ${f}`).toBe(live.has(f));
      }),
      { numRuns: 80 },
    );
  });

  it("lookupMany with `read` also returns a column's values of the found keys (missing keys leave theirs alone)", () => {
    const s = newStore();
    const keys = packed(0, 50);
    const out = new Int32Array(60);
    s.insertMany(keys, 50, out);
    const col = L.columns.find((c) => c.kind === "u32" && c.origin === "attr")!;
    for (let i = 0; i < 50; i++) s.set(out[i]!, col.name, 1000 + i);
    const values = new Float64Array(60).fill(-1);
    const column = s.internals().columns.find((c) => c.spec.name === col.name)!;
    const probe = new Uint8Array([...packed(45, 15)]); // 45..49 exist, 50..59 do not
    expect(s.lookupMany(probe, 15, out, { column, into: values })).toBe(5);
    expect([...values.subarray(0, 15)]).toEqual([1045, 1046, 1047, 1048, 1049, ...new Array(10).fill(-1)]);
  });

  it("upsertMany finds or inserts in one probe, inserts at most `limit`, and agrees with lookupMany + insertMany", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 90 }), (ids, preset, limit) => {
        const a = newStore();
        const b = newStore();
        const pre = packed(0, preset);
        a.insertMany(pre, preset);
        b.insertMany(pre, preset);
        const buf = new Uint8Array(ids.length * L.keyBytes);
        ids.forEach((id, i) => buf.set(packed(id, 1), i * L.keyBytes));
        const slots = new Int32Array(ids.length);
        const created = new Uint8Array(ids.length);
        const made = a.upsertMany(buf, ids.length, slots, created, limit);
        // the reference: one key at a time, lookup then insert while under the limit
        let n = 0;
        ids.forEach((_, i) => {
          const at = i * L.keyBytes;
          const found = b.lookup(buf, at);
          if (found >= 0) {
            expect([slots[i], created[i]]).toEqual([found, 0]);
          } else if (n < limit) {
            expect([slots[i], created[i]]).toEqual([b.insert(buf, at), 1]);
            n++;
          } else expect([slots[i], created[i]]).toEqual([FLOW_FULL, 0]);
        });
        expect(made).toBe(n);
        expect(a.count).toBe(b.count);
      }),
      { numRuns: 200 },
    );
  });

  it("inserts a key repeated inside one batch once", () => {
    const s = newStore();
    const one = packed(7, 1);
    const keys = new Uint8Array([...one, ...packed(8, 1), ...one]);
    const out = new Int32Array(3);
    expect(s.insertMany(keys, 3, out)).toBe(2);
    expect([...out]).toEqual([0, 1, FLOW_EXISTS]);
  });

  it("accepts unaligned byte buffers and Uint32Array buffers", () => {
    const s = newStore();
    const keys = packed(0, 40);
    const unaligned = new Uint8Array(keys.length + 1).subarray(1);
    unaligned.set(keys);
    expect(s.insertMany(unaligned, 40)).toBe(40);
    const words = new Uint32Array(keys.buffer.slice(0));
    const out = new Int32Array(40);
    expect(s.lookupMany(words, 40, out)).toBe(40);
  });

  it("a batch that does not fit inserts nothing (atomic) and leaves the allocator as it was", () => {
    const s = newStore({ maxFlows: 50 });
    expect(s.insertMany(packed(0, 40), 40)).toBe(40);
    for (let i = 0; i < 10; i++) s.remove(key({ ...flow(i * 3) })); // 10 on the free list, 30 live
    const hw = s.highWater;
    const mem = s.memoryUsage();
    const out = new Int32Array(30);
    // 30 new keys (incl. 5 existing ones): 25 would be new, only 20 fit.
    const batch = new Uint8Array([...packed(35, 5), ...packed(100, 25)]);
    expect(s.insertMany(batch, 30, out)).toBe(FLOW_FULL);
    expect([...out]).toEqual(new Array(30).fill(FLOW_FULL));
    expect(s.count).toBe(30);
    expect(s.highWater).toBe(hw);
    expect(s.memoryUsage().slotsUsed).toBe(mem.slotsUsed);
    const look = new Int32Array(30);
    expect(s.lookupMany(batch, 30, look)).toBe(5);
    expect(s.lookupMany(packed(100, 25), 25, look)).toBe(0);
    // The rolled-back slots are handed out again, and the store still works.
    expect(s.insertMany(packed(100, 20), 20)).toBe(20);
    expect(s.count).toBe(50);
    expect(s.highWater).toBe(50);
  });

  it("rolls back without an out array too", () => {
    const s = newStore({ maxFlows: 10 });
    s.insertMany(packed(0, 4), 4);
    expect(s.insertMany(packed(4, 100), 100)).toBe(FLOW_FULL);
    expect(s.count).toBe(4);
    expect(s.highWater).toBe(4);
    expect(s.lookupMany(packed(4, 100), 100, new Int32Array(100))).toBe(0);
  });

  it("non-atomic insertMany inserts until full", () => {
    const s = newStore({ maxFlows: 5 });
    const out = new Int32Array(8);
    expect(s.insertMany(packed(0, 8), 8, out, { atomic: false })).toBe(5);
    expect([...out]).toEqual([0, 1, 2, 3, 4, FLOW_FULL, FLOW_FULL, FLOW_FULL]);
  });

  it("removeSlots removes live slots only", () => {
    const s = newStore();
    s.insertMany(packed(0, 20), 20);
    expect(s.removeSlots([1, 3, 3, 99, 5], 5)).toBe(3);
    expect(s.count).toBe(17);
    expect(s.removeSlot(1)).toBe(false);
    expect(s.removeSlot(2)).toBe(true);
  });
});

describe("enabled-key mask", () => {
  const srcPortOff = ALL_KEYS & ~32;

  it("merges keys that differ only in a disabled member and stores it zeroed", () => {
    const s = newStore({ enabledKeys: srcPortOff });
    const a = key({ ...flow(1), src_port: 1000 });
    const b = key({ ...flow(1), src_port: 2000 });
    const slot = s.insert(a);
    expect(s.insert(b)).toBe(FLOW_EXISTS);
    expect(s.lookup(b)).toBe(slot);
    expect(s.keyFields(slot).src_port).toBe(0);
    expect(s.get(slot, "src_port")).toBe(0);
    expect(s.remove(b)).toBe(slot);
  });

  it("keeps them apart when the member is enabled, and always keys on unmapped members", () => {
    const s = newStore({ enabledKeys: ALL_KEYS });
    expect(s.insert(key({ ...flow(1), src_port: 1000 }))).toBe(0);
    expect(s.insert(key({ ...flow(1), src_port: 2000 }))).toBe(1);
    const none = newStore({ enabledKeys: 0 });
    expect(none.insert(key({ ...flow(1), switch_id: 1n }))).toBe(0);
    expect(none.insert(key({ ...flow(2), switch_id: 1n }))).toBe(FLOW_EXISTS); // every mapped member disabled
    expect(none.insert(key({ ...flow(1), switch_id: 2n }))).toBe(1); // switch_id has no mask bit
  });

  it("disables both the address and the family of an IP member", () => {
    const s = newStore({ enabledKeys: ALL_KEYS & ~8 });
    expect(s.insert(key({ ...flow(1), src_ip: "10.0.0.1" }))).toBe(0);
    expect(s.insert(key({ ...flow(1), src_ip: "2001:db8::1" }))).toBe(FLOW_EXISTS);
    expect(s.keyFields(0).src_ip).toBe("0.0.0.0");
  });

  it("batch lookups and removals find a key whatever its masked-off bytes hold (property, any mask)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 127 }), fc.array(fc.nat(59), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 255 }), (enabled, picks, junk) => {
        const s = newStore({ enabledKeys: enabled });
        const n = 60;
        const stored = packed(0, n);
        s.insertMany(stored, n, new Int32Array(n), { atomic: false });
        // the picked keys again, every byte the mask clears overwritten with junk
        const keep = new Uint8Array(s.maskWords.buffer, s.maskWords.byteOffset, L.keyBytes);
        const probe = new Uint8Array(picks.length * L.keyBytes);
        picks.forEach((i, r) => {
          for (let b = 0; b < L.keyBytes; b++) {
            const v = stored[i * L.keyBytes + b]!;
            probe[r * L.keyBytes + b] = (v & keep[b]!) | (junk & ~keep[b]!);
          }
        });
        // what single-key lookups (which mask a copy first) say, then the batch paths
        const want = picks.map((_, r) => s.lookup(probe, r * L.keyBytes));
        expect(want.every((x) => x >= 0)).toBe(true);
        const out = new Int32Array(picks.length);
        s.lookupMany(probe, picks.length, out);
        expect(Array.from(out)).toEqual(want);
        s.removeMany(probe, picks.length, out);
        const seen = new Set<number>();
        expect(Array.from(out)).toEqual(want.map((x) => (seen.has(x) ? FLOW_NOT_FOUND : (seen.add(x), x))));
      }),
      { numRuns: 60 },
    );
  });

  it("ignores garbage in padding bytes", () => {
    const s = newStore();
    const a = key({ ...flow(1) });
    const b = a.slice();
    b[55] = 0xab; // byte 55 is padding (55 used bytes)
    s.insert(a);
    expect(s.lookup(b)).toBe(0);
  });
});

describe("growth, free list, columns", () => {
  it("keeps keys and state intact across many chunk boundaries and index doublings", () => {
    const s = newStore({ chunkBaseBits: 2, chunkMaxBits: 4 });
    const n = 1000;
    expect(s.insertMany(packed(0, n), n)).toBe(n);
    for (let i = 0; i < n; i++) {
      s.set(i, "version", i * 7);
      s.set(i, "SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SIP", i % 2 ? `10.0.${i >> 8}.${i & 255}` : `2001:db8::${i.toString(16)}`);
      s.set(i, "dst_mac", `02:00:00:00:${(i >> 8).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}`);
    }
    const mem = s.memoryUsage();
    expect(mem.slotsReserved).toBeGreaterThanOrEqual(n);
    expect(mem.indexBuckets * 0.7).toBeGreaterThanOrEqual(n);
    const out = new Int32Array(n);
    expect(s.lookupMany(packed(0, n), n, out)).toBe(n);
    for (let i = 0; i < n; i++) {
      expect(out[i]).toBe(i);
      expect(s.keyFields(i)).toEqual({ ...flow(i), src_ip: ipText(flow(i).src_ip) });
      expect(s.get(i, "version")).toBe(i * 7);
      expect(s.get(i, "underlay0_sip")).toBe(ipText(i % 2 ? `10.0.${i >> 8}.${i & 255}` : `2001:db8::${i.toString(16)}`));
      expect(s.get(i, "dst_mac")).toBe(`02:00:00:00:${(i >> 8).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}`);
    }
  });

  it("reuses removed slots and zeroes their state", () => {
    const s = newStore();
    s.insertMany(packed(0, 10), 10);
    s.set(4, "version", 99);
    s.set(4, "vendor_metadata", new Uint8Array([1, 2, 3]));
    s.set(4, "underlay1_dip", "2001:db8::9");
    expect(s.remove(key({ ...flow(4) }))).toBe(4);
    expect(s.memoryUsage().blobDataBytes).toBe(0);
    const slot = s.insert(key({ ...flow(50) }));
    expect(slot).toBe(4);
    expect(s.get(4, "version")).toBe(0);
    expect(s.get(4, "vendor_metadata")).toEqual(new Uint8Array(0));
    expect(s.get(4, "underlay1_dip")).toBe("0.0.0.0");
    expect(s.keyFields(4)).toEqual({ ...flow(50), src_ip: ipText(flow(50).src_ip) });
    expect(s.highWater).toBe(10);
    expect(s.lookup(key({ ...flow(4) }))).toBe(FLOW_NOT_FOUND);
  });

  it("a reused slot reads all-zero state whatever columns its previous flows wrote (written-mask zeroing, property)", () => {
    const stateCols = L.columns.filter((c) => c.origin !== "key");
    const sample = (kind: string, i: number): unknown =>
      kind === "mac" ? `02:00:00:00:00:${(i % 250 + 1).toString(16).padStart(2, "0")}` :
      kind === "ip" ? (i % 2 ? "2001:db8::5" : "10.1.2.3") : kind === "ipv4" ? "10.1.2.3" : kind === "ipv6" ? "2001:db8::5" :
      kind === "blob" ? new Uint8Array([1, 2, 3]) : kind === "u64" || kind === "i64" ? 5n : 1;
    const blank = newStore();
    const blankSlot = blank.insert(key({ ...flow(9999) }));
    const zeroOf = (name: string) => blank.get(blankSlot, name);
    const zeros = new Map(stateCols.map((c) => [c.name, zeroOf(c.name)]));
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: stateCols.length - 1 }), { maxLength: 12 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (rounds, batched) => {
        const s = newStore();
        s.insertMany(packed(0, 8), 8);
        let next = 100;
        for (const cols of rounds) {
          // write some columns of slot 3, remove it, and give the slot to a new flow
          for (const ci of cols) s.set(3, stateCols[ci]!.name, sample(stateCols[ci]!.kind, ci));
          expect(s.removeSlots([3])).toBe(1);
          const k = key({ ...flow(next++) });
          const slot = batched ? (() => { const out = new Int32Array(1); s.insertMany(k, 1, out); return out[0]!; })() : s.insert(k);
          expect(slot).toBe(3);
          for (const c of stateCols) expect(s.get(3, c.name), c.name).toEqual(zeros.get(c.name));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps narrow integer state columns in a block at the end of each slot row: own values, one written bit, overflow stays columnar", () => {
    const s = newStore();
    s.insertMany(packed(0, 20), 20);
    const it = s.internals();
    const block = it.columns.filter((c) => c.stride > 1);
    // the DASH flow entry's 15 integer state columns (31 bytes) in a 32-byte block after key, last hit and meta word
    expect(it.blockBytes).toBe(32);
    expect(it.rowWords).toBe(L.keyWords + 2 + 8);
    expect(block.map((c) => c.spec.kind).sort()).toEqual(L.columns.filter((c) => c.origin === "attr" && /^[ui](8|16|32)$/.test(c.kind)).map((c) => c.kind).sort());
    expect(new Set(block.map((c) => c.dirtyBit))).toEqual(new Set([1]));
    expect(it.columns.filter((c) => c.spec.origin === "attr" && c.stride === 1).every((c) => c.dirtyBit !== 1)).toBe(true);
    const rowBytes = it.rowWords * 4;
    const bytes = new Set<number>();
    for (const c of block) {
      const size = rowBytes / c.stride;
      expect(Number.isInteger(size) && c.at * size >= (L.keyWords + 2) * 4 && (c.at + 1) * size <= rowBytes).toBe(true);
      for (let k = 0; k < size; k++) bytes.add(c.at * size + k);
    }
    expect(bytes.size).toBe(block.reduce((n, c) => n + rowBytes / c.stride, 0)); // no two columns overlap
    const keys = [6, 7, 8].map((slot) => s.keyOf(slot));
    block.forEach((c, i) => {
      for (const slot of [6, 7, 8]) s.set(slot, c.spec.name, (slot * 16 + i) % (c.spec.kind.endsWith("8") ? 100 : 1000));
    });
    s.set(7, "version", 123456);
    block.forEach((c, i) => {
      for (const slot of [6, 8]) expect(s.get(slot, c.spec.name)).toBe((slot * 16 + i) % (c.spec.kind.endsWith("8") ? 100 : 1000));
    });
    expect(s.get(7, "version")).toBe(123456);
    // the keys, last hits and flags beside the block are intact
    [6, 7, 8].forEach((slot, i) => {
      expect(s.keyOf(slot)).toEqual(keys[i]);
      expect(s.isLive(slot)).toBe(true);
    });
    expect(it.rows[0]![7 * it.rowWords + it.metaWord]! & 1).toBe(1);
    const f = compileFilter(s, [{ field: "version", op: "=", value: 123456 }]);
    if (!f.ok) throw new Error(JSON.stringify(f.errors));
    const got: number[] = [];
    f.filter.scan((slots, n) => void got.push(...slots.subarray(0, n)));
    expect(got).toEqual([7]);

    // more integer state than a block holds: the widest columns fill it, the rest keep an array each
    const wide = layoutFromMetadata(FLOW_KEY_MEMBERS, Array.from({ length: 10 }, (_, i) => ({ name: `SAI_T_ATTR_W${i}`, valuetype: i < 9 ? "UINT32" : "UINT8" }))).layout!;
    const w = new FlowStore(wide, { chunkBaseBits: 3, chunkMaxBits: 5 }).internals();
    expect(w.blockBytes).toBe(32);
    expect(w.columns.filter((c) => c.spec.origin === "attr").map((c) => c.stride)).toEqual([...new Array(8).fill(w.rowWords), 1, 1]);
  });

  it("get/set every column kind", () => {
    const { layout } = layoutFromMetadata(FLOW_KEY_MEMBERS, [
      { name: "SAI_T_ATTR_B", valuetype: "BOOL" }, { name: "SAI_T_ATTR_I8", valuetype: "INT8" }, { name: "SAI_T_ATTR_I16", valuetype: "INT16" },
      { name: "SAI_T_ATTR_I32", valuetype: "INT32" }, { name: "SAI_T_ATTR_U64", valuetype: "UINT64" }, { name: "SAI_T_ATTR_I64", valuetype: "INT64" },
      { name: "SAI_T_ATTR_OID", valuetype: "OBJECT_ID" }, { name: "SAI_T_ATTR_V4", valuetype: "IPV4" }, { name: "SAI_T_ATTR_V6", valuetype: "IPV6" },
      { name: "SAI_T_ATTR_LIST", valuetype: "UINT8_LIST" },
    ]);
    const s = new FlowStore(layout!);
    const slot = s.insert(packKey(layout!, { src_port: 1 }));
    const cases: [string, unknown, unknown][] = [
      ["b", true, 1], ["i8", -5, -5], ["i16", -300, -300], ["i32", -70000, -70000], ["u64", 2n ** 64n - 1n, 2n ** 64n - 1n],
      ["i64", -(2n ** 63n), -(2n ** 63n)], ["oid", "oid:0x21000000000000", 0x21000000000000n], ["v4", "1.2.3.4", "1.2.3.4"],
      ["v6", "2001:db8::7", "2001:db8::7"],
    ];
    for (const [name, value, want] of cases) {
      s.set(slot, name, value);
      expect(s.get(slot, name)).toEqual(want);
    }
    const big = new Uint8Array(200_000).map((_, i) => i & 255); // beyond the largest size class
    for (const bytes of [new Uint8Array([9]), new Uint8Array(300).fill(7), new Uint8Array(301).fill(8), big, new Uint8Array(0)]) {
      s.set(slot, "list", bytes);
      expect(s.get(slot, "list")).toEqual(bytes);
    }
    expect(s.memoryUsage().blobDataBytes).toBe(0);
    expect(() => s.set(slot, "v4", "2001:db8::1")).toThrow(TypeError);
    expect(() => s.set(slot, "src_port", 5)).toThrow(/part of the key/);
    expect(() => s.get(slot, "nope")).toThrow(/no column/);
    expect(s.get(slot, "src_port")).toBe(1); // key members without a filter column read the key row
    expect(s.get(slot, "switch_id")).toBe(0n);
  });

  it("iterates live slots in order and reports memory", () => {
    const s = newStore();
    s.insertMany(packed(0, 30), 30);
    s.removeSlots([0, 10, 29]);
    const seen: number[] = [];
    s.forEachSlot((x) => seen.push(x));
    expect(seen).toEqual([...Array(30).keys()].filter((x) => x !== 0 && x !== 10 && x !== 29));
    expect([...s.liveSlots()]).toEqual(seen);
    const m = s.memoryUsage();
    expect(m.flows).toBe(27);
    expect(m.fixedBytesPerSlot).toBe(L.fixedBytesPerFlow);
    expect(m.reservedBytes).toBe(m.slotBytesReserved + m.indexBytes + m.freeListBytes + m.ipv6TailBytes + m.blobBytesReserved);
    expect(m.bytesPerFlowReserved).toBeCloseTo(m.reservedBytes / 27);
  });

  it("agrees with a Map under random insert/remove/lookup sequences (property)", () => {
    const op = fc.record({ kind: fc.constantFrom("insert", "remove", "lookup", "removeMany", "insertMany"), flows: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }) });
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const s = newStore({ chunkBaseBits: 1, chunkMaxBits: 3, maxLoad: 0.9 });
      const ref = new Map<number, number>();
      for (const { kind, flows } of ops) {
        const buf = new Uint8Array(flows.length * L.keyBytes);
        flows.forEach((f, i) => packKey(L, { ...flow(f) }, buf, i * L.keyBytes));
        const out = new Int32Array(flows.length);
        if (kind === "insertMany") s.insertMany(buf, flows.length, out);
        else if (kind === "removeMany") s.removeMany(buf, flows.length, out);
        flows.forEach((f, i) => {
          if (kind === "insertMany") {
            if (ref.has(f)) expect(out[i]).toBe(FLOW_EXISTS);
            else ref.set(f, out[i]!);
          } else if (kind === "removeMany") {
            expect(out[i]).toBe(ref.has(f) ? ref.get(f) : FLOW_NOT_FOUND);
            ref.delete(f);
          } else if (kind === "insert") {
            const r = s.insert(buf, i * L.keyBytes);
            if (ref.has(f)) expect(r).toBe(FLOW_EXISTS);
            else ref.set(f, r);
          } else if (kind === "remove") {
            expect(s.remove(buf, i * L.keyBytes)).toBe(ref.get(f) ?? FLOW_NOT_FOUND);
            ref.delete(f);
          } else {
            expect(s.lookup(buf, i * L.keyBytes)).toBe(ref.get(f) ?? FLOW_NOT_FOUND);
          }
        });
        expect(s.count).toBe(ref.size);
      }
      for (const [f, slot] of ref) expect(s.lookup(key({ ...flow(f) }))).toBe(slot);
      expect(new Set(ref.values()).size).toBe(ref.size);
    }), { numRuns: 150 });
  });

  it("stores random keys exactly (property)", () => {
    fc.assert(fc.property(fc.uniqueArray(arbFlowFields(), { maxLength: 60, selector: (f) => JSON.stringify(f, (_, v) => (typeof v === "bigint" ? String(v) : v)) }), (flows) => {
      const s = newStore();
      const slots = flows.map((f) => s.insert(key({ ...f })));
      flows.forEach((f, i) => {
        expect(s.keyFields(slots[i]!)).toEqual({ ...f, src_ip: ipText(f.src_ip), dst_ip: ipText(f.dst_ip) });
        expect(s.lookup(key({ ...f }))).toBe(slots[i]);
      });
    }), { numRuns: 100 });
  });
});

describe("commitInitial", () => {
  const n = 400_000;
  // key row + live + last-hit + written mask per slot, and the index: what the commit must have touched
  const committed = n * (L.keyBytes + 9) + 2 ** Math.ceil(Math.log2(n / 0.7)) * 8;

  it("commits the initial slots' key rows and the index at construction, and nothing without it or past maxFlows", () => {
    // RSS deltas measured in a process of their own (a test worker's GC returns pages of other tests at any time)
    const probe = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "test", "support", "commit-rss.ts"), "store", String(n)], { encoding: "utf8" });
    const d = JSON.parse(probe) as { lazy: number; eager: number; capped: number };
    expect(d.lazy).toBeLessThan(committed / 4);
    expect(d.eager).toBeGreaterThan(committed * 0.9);
    expect(d.capped).toBeLessThan(committed / 20);
  }, 30_000);

  it("stores flows as a lazy store does", () => {
    const s = newStore({ initialFlows: 300, commitInitial: true });
    const capped = new FlowStore(L, { enabledKeys: ALL_KEYS, initialFlows: n, maxFlows: 1000, commitInitial: true });
    expect(s.memoryUsage().slotsReserved).toBeGreaterThanOrEqual(300);
    const keys = packed(0, 300);
    expect(s.insertMany(keys, 300)).toBe(300);
    expect(capped.insertMany(keys, 300)).toBe(300);
    const out = new Int32Array(300);
    expect(s.lookupMany(keys, 300, out)).toBe(300);
    for (let i = 0; i < 300; i++) expect(s.keyFields(out[i]!)).toEqual({ ...flow(i), src_ip: ipText(flow(i).src_ip) });
  });
});

describe("reserve", () => {
  it("provisions a store holding flows for more in all: nothing lost, no rehash while they arrive", () => {
    const s = newStore({ chunkBaseBits: 4, chunkMaxBits: 8 });
    const first = packed(0, 500);
    expect(s.insertMany(first, 500)).toBe(500);
    s.removeMany(packed(0, 50), 50);
    const room = s.reserve(2450);
    expect(room).toBeGreaterThanOrEqual(2000);
    const buckets = s.memoryUsage().indexBuckets;
    expect(s.memoryUsage().slotsReserved).toBeGreaterThanOrEqual(450 + 2000);
    const out = new Int32Array(500);
    expect(s.lookupMany(first, 500, out)).toBe(450);
    for (let i = 50; i < 500; i++) expect(s.keyFields(out[i]!)).toEqual({ ...flow(i), src_ip: ipText(flow(i).src_ip) });
    expect(s.insertMany(packed(1000, 2000), 2000)).toBe(2000);
    expect(s.memoryUsage().indexBuckets).toBe(buckets);
    expect(s.count).toBe(2450);
  });

  it("is capped at maxFlows and commits memory without changing what is stored (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 4000 }), (had, more, max) => {
      const s = newStore({ chunkBaseBits: 3, chunkMaxBits: 7, maxFlows: max });
      const keys = packed(0, had);
      const n = s.insertMany(keys, had, undefined, { atomic: false });
      s.reserve(n + more);
      expect(s.memoryUsage().indexBuckets * 0.7).toBeGreaterThanOrEqual(Math.min(n + more, max));
      const out = new Int32Array(had);
      expect(s.lookupMany(keys, had, out)).toBe(n);
      for (let i = 0; i < n; i++) expect(s.keyFields(out[i]!)).toEqual({ ...flow(i), src_ip: ipText(flow(i).src_ip) });
    }), { numRuns: 60 });
  });
});

describe("buffer pool (memory committed before the table exists)", () => {
  it("a store provisioned like the donor takes all of the donor's buffers and works as any other", () => {
    const opts = { chunkBaseBits: 4, chunkMaxBits: 7, initialFlows: 600 };
    const donor = newStore(opts);
    donor.reserve(600);
    const pool = new BufferPool();
    pool.donate(donor);
    const pooled = pool.pooledBytes;
    expect(pooled).toBeGreaterThan(600 * 96);
    const s = newStore({ ...opts, pool });
    s.reserve(600);
    expect(pool.pooledBytes).toBe(0);
    // its rows and index are the donor's
    const d = donor.internals();
    expect(s.internals().rows.map((r) => r.buffer)).toEqual(d.rows.map((r) => r.buffer));
    expect(s.insertMany(packed(0, 600), 600)).toBe(600);
    const out = new Int32Array(600);
    expect(s.lookupMany(packed(0, 600), 600, out)).toBe(600);
    for (const i of [0, 299, 599]) expect(s.keyFields(out[i]!)).toEqual({ ...flow(i), src_ip: ipText(flow(i).src_ip) });
    // a second store finds the pool empty and allocates its own
    const other = newStore({ ...opts, pool });
    other.reserve(600);
    expect(other.internals().rows[0]!.buffer).not.toBe(s.internals().rows[0]!.buffer);
    expect(other.insertMany(packed(0, 10), 10)).toBe(10);
  });

  it("takes only buffers of the exact size, and only from a store that never held a flow", () => {
    const pool = new BufferPool();
    const donor = newStore({ chunkBaseBits: 4, chunkMaxBits: 7, initialFlows: 100 });
    donor.reserve(100);
    pool.donate(donor);
    const before = pool.pooledBytes;
    const different = newStore({ chunkBaseBits: 5, chunkMaxBits: 7, initialFlows: 5000, pool });
    different.reserve(5000);
    expect(pool.pooledBytes).toBeLessThanOrEqual(before);
    expect(different.insertMany(packed(0, 100), 100)).toBe(100);
    const used = newStore({});
    used.insertMany(packed(0, 1), 1);
    expect(() => used.releaseBuffers()).toThrow(/has held flows/);
  });
});

describe("aging", () => {
  it("expires flows older than the TTL on the injected clock", () => {
    let now = 1_000_000;
    const s = newStore({ clock: () => now, ttlMs: 1000 });
    s.insertMany(packed(0, 10), 10); // hit at t = 0 (store time)
    now += 500;
    s.insertMany(packed(10, 10), 10); // t = 500
    s.touch(3); // flow 3 hit at t = 500
    now += 600; // t = 1100
    const expiring: string[] = [];
    const removed = s.age(undefined, (slots, n) => {
      for (let i = 0; i < n; i++) expiring.push(`${s.keyFields(slots[i]!).src_port}:${s.isLive(slots[i]!)}`);
    });
    expect(removed).toBe(9);
    expect(expiring).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9].map((p) => `${p}:true`)); // keys readable before removal
    expect(s.count).toBe(11);
    expect(s.lookup(key({ ...flow(3) }))).toBe(3);
    expect(s.lookup(key({ ...flow(0) }))).toBe(FLOW_NOT_FOUND);
    expect(s.age(now + 399)).toBe(0); // t = 1499: the t = 500 flows are 999 ms old
    expect(s.age(now + 400)).toBe(11);
    expect(s.count).toBe(0);
  });

  it("takes the rebuild path when most flows expire and the index stays consistent", () => {
    let now = 0;
    const s = newStore({ clock: () => now, ttlMs: 100 });
    s.insertMany(packed(0, 300), 300);
    for (const slot of [5, 17, 299]) s.set(slot, "flow_data_pb", new Uint8Array(40).fill(slot));
    now = 50;
    s.insertMany(packed(300, 50), 50);
    s.set(310, "flow_data_pb", new Uint8Array([1, 2, 3]));
    now = 120;
    expect(s.age()).toBe(300); // 300 of 350 expire: rebuild
    expect(s.memoryUsage().blobDataBytes).toBe(3); // lists of expired flows released
    expect(s.get(310, "flow_data_pb")).toEqual(new Uint8Array([1, 2, 3]));
    const out = new Int32Array(350);
    expect(s.lookupMany(packed(0, 350), 350, out)).toBe(50);
    expect([...out.subarray(300)]).toEqual([...Array(50).keys()].map((i) => 300 + i));
    expect(s.insertMany(packed(0, 300), 300)).toBe(300); // reuses freed slots
    expect(s.count).toBe(350);
  });

  it("does nothing with TTL 0 and treats last hits after `now` as fresh", () => {
    let now = 10_000;
    const s = newStore({ clock: () => now });
    s.insertMany(packed(0, 5), 5);
    now = 1e9;
    expect(s.age()).toBe(0);
    s.ttlMs = 10;
    expect(s.age(5_000)).toBe(0); // stale caller clock: hits are "in the future"
    expect(s.age()).toBe(5);
  });
});
