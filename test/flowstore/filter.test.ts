import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileFilter, FlowStore, layoutFromMetadata, normalizeOp, packKey, type CompiledFilter, type FlowFilter, type FlowLayout,
} from "../../runtime/flowstore/index.js";
import { ALL_KEYS, dashMaskBits, FLOW_ATTRS, FLOW_ENUMS, FLOW_KEY_MEMBERS } from "./dash-fixture.js";
import { arbFilter, arbFlowFields, arbIp, arbMac, refMatches, type RefFlow } from "./helpers.js";

/** The DASH layout with key columns (default) and without (filters read the key row). */
const LAYOUTS: [string, FlowLayout][] = [
  ["key columns", layoutFromMetadata(FLOW_KEY_MEMBERS, FLOW_ATTRS, { enums: FLOW_ENUMS }).layout!],
  ["key row only", layoutFromMetadata(FLOW_KEY_MEMBERS, FLOW_ATTRS, { enums: FLOW_ENUMS, keyColumns: [] }).layout!],
];

const arbRefFlow = (): fc.Arbitrary<RefFlow> =>
  fc.record({ fields: arbFlowFields(), version: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(0xffffffff)), sip: arbIp(), dst_mac: arbMac() })
    .map(({ fields, ...rest }) => ({ ...fields, ...rest }));

const uniqueFlows = (max: number) =>
  fc.uniqueArray(arbRefFlow(), { maxLength: max, selector: (f) => `${f.switch_id}|${f.eni_mac}|${f.vnet_id}|${f.ip_proto}|${f.src_ip}|${f.dst_ip}|${f.src_port}|${f.dst_port}` });

/** A store holding `flows` (slot i = flow i) with every flow whose index is in `removed` removed again. */
function build(layout: FlowLayout, flows: RefFlow[], removed: Set<number> = new Set(), chunkBaseBits = 2): FlowStore {
  const s = new FlowStore(layout, { enabledKeys: ALL_KEYS, maskBits: dashMaskBits(), chunkBaseBits, chunkMaxBits: 4, tableId: 0x2000000000007n });
  flows.forEach((f, i) => {
    const { version, sip, dst_mac, ...keyFields } = f;
    expect(s.insert(packKey(layout, keyFields))).toBe(i);
    s.set(i, "version", version);
    s.set(i, "SAI_FLOW_ENTRY_ATTR_SIP", sip);
    s.set(i, "dst_mac", dst_mac);
  });
  for (const i of removed) s.removeSlot(i);
  return s;
}

function compile(s: FlowStore, filters: FlowFilter[]): CompiledFilter {
  const r = compileFilter(s, filters);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.filter;
}

function collect(f: CompiledFilter, opts: { limit?: number; batchSize?: number } = {}): number[] {
  const got: number[] = [];
  f.scan((slots, n) => {
    for (let i = 0; i < n; i++) got.push(slots[i]!);
  }, opts);
  return got;
}

describe.each(LAYOUTS)("compiled filters (%s)", (_, layout) => {
  it("agree with brute force for every op and value kind (property)", () => {
    fc.assert(fc.property(
      uniqueFlows(40), fc.array(arbFilter(), { maxLength: 5 }), fc.array(fc.nat(40), { maxLength: 8 }),
      (flows, filters, removedIdx) => {
        const removed = new Set(removedIdx.filter((i) => i < flows.length));
        const s = build(layout, flows, removed);
        const f = compile(s, filters);
        const want = flows.map((fl, i) => i).filter((i) => !removed.has(i) && filters.every((flt) => refMatches(flows[i]!, flt)));
        expect(collect(f, { batchSize: 3 })).toEqual(want);
        for (let i = 0; i < flows.length; i++) expect(f.matches(i)).toBe(want.includes(i));
        expect(f.count()).toBe(want.length);
      },
    ), { numRuns: 400 });
  });

  it.each([
    ["int", "src_port", 443],
    ["int (state column)", "version", 3],
    ["IPv4", "src_ip", "10.0.0.2"],
    ["IPv6", "dst_ip", "2001:db8::2"],
    ["IPv6 (state column)", "sip", "2001:db8::2"],
    ["MAC", "eni_mac", "00:11:22:33:44:55"],
  ])("%s: every operator against brute force on a fixed population", (_kind, field, value) => {
    const pick = <T,>(xs: T[], i: number) => xs[i % xs.length]!;
    const ips = ["10.0.0.1", "10.0.0.2", "10.0.0.3", "128.0.0.1", "2001:db8::1", "2001:db8::2", "2001:db8::3", "2001:db7::ffff", "2001:db9::", "0.0.0.0"];
    const macs = ["00:11:22:33:44:54", "00:11:22:33:44:55", "00:11:22:33:44:56", "00:11:22:33:43:ff", "80:00:00:00:00:00"];
    const flows: RefFlow[] = Array.from({ length: 60 }, (_, i) => ({
      switch_id: BigInt(i), eni_mac: pick(macs, i), vnet_id: 1, ip_proto: 6, src_ip: pick(ips, i), dst_ip: pick(ips, i + 3),
      src_port: pick([80, 442, 443, 444], i), dst_port: 1, version: i % 6, sip: pick(ips, i + 5), dst_mac: pick(macs, i),
    }));
    const s = build(layout, flows);
    for (const op of ["eq", "gt", "ge", "lt", "le"] as const) {
      const want = flows.map((_, i) => i).filter((i) => refMatches(flows[i]!, { field, op, value }));
      expect(collect(compile(s, [{ field, op, value }])), `${field} ${op} ${value}`).toEqual(want);
      expect(want.length).toBeGreaterThan(0);
    }
  });
});

describe("filter semantics", () => {
  const layout = LAYOUTS[0]![1];
  const flows: RefFlow[] = Array.from({ length: 100 }, (_, i) => ({
    switch_id: 1n, eni_mac: "00:11:22:33:44:55", vnet_id: 1, ip_proto: i % 2 ? 6 : 17, src_ip: `10.0.0.${i}`, dst_ip: i % 4 ? "10.1.1.1" : "2001:db8::1",
    src_port: 1000 + i, dst_port: 80, version: i, sip: "0.0.0.0", dst_mac: "00:00:00:00:00:00",
  }));

  it("is family-aware: IPv4 predicates never match IPv6 flows and vice versa", () => {
    const s = build(layout, flows);
    expect(compile(s, [{ field: "dst_ip", op: "ge", value: "0.0.0.0" }]).count()).toBe(75);
    expect(compile(s, [{ field: "dst_ip", op: "ge", value: "::" }]).count()).toBe(25);
    expect(compile(s, [{ field: "dst_ip", op: "lt", value: "::" }]).count()).toBe(0);
  });

  it("stops at the limit, in slot order", () => {
    const s = build(layout, flows);
    const f = compile(s, [{ field: "ip_proto", op: "=", value: 6 }, { field: "src_port", op: ">=", value: 1010 }]);
    const all = collect(f);
    expect(all).toHaveLength(45);
    expect(collect(f, { limit: 7, batchSize: 2 })).toEqual(all.slice(0, 7));
    expect(collect(f, { limit: 0 })).toEqual([]);
    let calls = 0;
    f.scan(() => ++calls < 2, { batchSize: 5 }); // returning false stops
    expect(calls).toBe(2);
  });

  it("resumes through a cursor in batches", () => {
    const s = build(layout, flows);
    const f = compile(s, [{ field: "version", op: "<", value: 50 }]);
    const cur = f.cursor(30);
    const out = new Uint32Array(8);
    const got: number[] = [];
    for (let n = cur.next(out); n > 0; n = cur.next(out)) got.push(...out.subarray(0, n));
    expect(got).toEqual([...Array(30).keys()]);
    expect(cur.done).toBe(true);
    expect(cur.next(out)).toBe(0);
  });

  it("compares flow_table_id with the store's table id at compile time", () => {
    const s = build(layout, flows);
    expect(compile(s, [{ field: "flow_table_id", op: "eq", value: 0x2000000000007n }]).count()).toBe(100);
    const none = compile(s, [{ field: "flow_table_id", op: "eq", value: "oid:0x2000000000008" }]);
    expect(none.count()).toBe(0);
    expect(none.cursor().next(new Uint32Array(4))).toBe(0);
  });

  it("accepts operator spellings from SAI", () => {
    expect(normalizeOp("SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY_FILTER_OP_GREATER_THAN_OR_EQUAL_TO")).toBe("ge");
    expect(normalizeOp("LESS_THAN")).toBe("lt");
    expect(normalizeOp("<=")).toBe("le");
    expect(normalizeOp("between")).toBeUndefined();
  });

  it("returns every compile error instead of throwing", () => {
    const s = build(layout, flows.slice(0, 3));
    const r = compileFilter(s, [
      { field: "nope", op: "eq", value: 1 },
      { field: "src_port", op: "~", value: 1 },
      { field: "src_port", op: "eq", value: "00:11:22:33:44:55" },
      { field: "eni_mac", op: "eq", value: "10.0.0.1" },
      { field: "vendor_metadata", op: "eq", value: 1 },
      { field: "switch_id", op: "eq", value: 1 },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.index)).toEqual([-1, 0, 1, 2, 3, 4, 5]);
    expect(r.errors[0]!.message).toMatch(/at most 5/);
  });

  it("never puts field names or values into generated code", () => {
    const s = build(layout, flows.slice(0, 3));
    const f = compile(s, [{ field: "eni_mac", op: "eq", value: "00:11:22:33:44:55" }, { field: "dst_ip", op: "gt", value: "2001:db8::1" }]);
    expect(f.source).not.toMatch(/eni_mac|dst_ip|2001/);
  });
});

describe("scans while flows change", () => {
  const layout = LAYOUTS[0]![1];
  const flowsOf = (n: number, from = 0): RefFlow[] => Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      switch_id: 1n, eni_mac: "00:11:22:33:44:55", vnet_id: 1, ip_proto: 6, src_ip: `10.0.${i >> 8}.${i & 255}`, dst_ip: "10.1.1.1",
      src_port: i & 0xffff, dst_port: 80, version: 0, sip: "0.0.0.0", dst_mac: "00:00:00:00:00:00",
    };
  });
  const keyOf = (f: RefFlow) => {
    const { version: _v, sip: _s, dst_mac: _d, ...k } = f;
    return packKey(layout, k);
  };

  it("reports each slot at most once, never a flow removed before its visit, always a flow live throughout (property)", () => {
    fc.assert(fc.property(
      fc.array(fc.record({ at: fc.nat(30), removes: fc.array(fc.nat(120), { maxLength: 6 }), inserts: fc.nat(6) }), { maxLength: 10 }),
      fc.integer({ min: 1, max: 7 }),
      (events, batchSize) => {
        const initial = flowsOf(100);
        const s = build(layout, initial, new Set([3, 50, 51, 97]));
        const f = compile(s, [{ field: "ip_proto", op: "eq", value: 6 }]);
        const end = s.highWater;
        const touched = new Set<number>(); // slots whose flow was removed or replaced during the scan
        let next = 1000;
        let batch = 0;
        const reported: number[] = [];
        const visitedBefore = new Map<number, number>(); // slot → reported index
        f.scan((slots, n) => {
          for (let i = 0; i < n; i++) {
            expect(touched.has(slots[i]!) && !s.isLive(slots[i]!)).toBe(false); // never a dead slot
            visitedBefore.set(slots[i]!, reported.length);
            reported.push(slots[i]!);
          }
          for (const e of events) {
            if (e.at !== batch) continue;
            for (const r of e.removes) if (s.removeSlot(r)) touched.add(r);
            for (let k = 0; k < e.inserts; k++) {
              const slot = s.insert(keyOf(flowsOf(1, next++)[0]!));
              touched.add(slot);
            }
          }
          batch++;
        }, { batchSize });
        expect(new Set(reported).size).toBe(reported.length); // no slot twice
        expect(reported.every((x) => x < end)).toBe(true); // nothing beyond the start high-water mark
        expect(reported).toEqual([...reported].sort((a, b) => a - b));
        for (let slot = 0; slot < end; slot++) {
          if (touched.has(slot)) continue;
          expect(visitedBefore.has(slot)).toBe(s.isLive(slot)); // untouched live flows: reported exactly once
        }
      },
    ), { numRuns: 200 });
  });

  it("does not report a flow removed before the scan reaches it, and may report one inserted into a later slot", () => {
    const s = build(layout, flowsOf(40), new Set([30]));
    const f = compile(s, []);
    const got: number[] = [];
    f.scan((slots, n) => {
      if (got.length === 0) {
        s.removeSlot(20); // ahead of the scan: not reported
        expect(s.insert(keyOf(flowsOf(1, 500)[0]!))).toBe(20); // reuses 20 (LIFO): the new flow is reported
        s.removeSlot(2); // already visited
      }
      got.push(...slots.subarray(0, n));
    }, { batchSize: 10 });
    expect(got).toEqual([...Array(40).keys()].filter((x) => x !== 30));
    expect(s.keyFields(20).src_port).toBe(500);
  });
});
