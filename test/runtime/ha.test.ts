/**
 * The HA paths: encoded scans, the apply rule (insert missing, update only newer VERSIONs, never go backwards),
 * the order-independent digest, raw SaiDashFlowBatch parsing, and snapshot save/load.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finishedField, batchHeader } from "../../runtime/core/grpc-push.js";
import { parseFlowBatch, type DashRuntime, type EncodedFlowBatch } from "../../runtime/runtime.js";
import { ipAddress, mac } from "../../runtime/values/index.js";
import { renderProtoFiles } from "../../generator/emit/proto.js";
import { runPipeline } from "../../generator/pipeline.js";
import { loadFlowCodecs } from "../../runtime/proto/index.js";
import { A, addTable, ENI, FakeClock, FE, flowKey, FT, MAP, standard, withSwitch } from "./_helpers.js";
import { tempDir } from "../support/temp.js";

const model = runPipeline(["sai-headers"]).model;

function batches(rt: DashRuntime, opts = {}): EncodedFlowBatch[] {
  const r = rt.scanFlows(opts);
  if (!r.ok) throw new Error(r.status.message);
  return [...r.batches];
}

describe("scan → apply", () => {
  it("copies every flow to a standby and the digests agree", () => {
    const a = standard();
    for (let i = 0; i < 3000; i++) a.rt.createEntry(FE, flowKey(a.sw, i), [{ id: A("VERSION"), value: i % 9 }, { id: A("UNDERLAY0_SIP"), value: ipAddress(i % 2 ? "2001:db8::1" : "10.9.9.9") }]);
    const b = standard({ role: "standby" });
    let inserted = 0;
    for (const batch of batches(a.rt, { batchSize: 500 })) inserted += b.rt.applyFlows(batch).inserted;
    expect(inserted).toBe(3000);
    expect(b.rt.flowDigest()).toEqual(a.rt.flowDigest());
    expect(b.rt.getEntry(FE, flowKey(b.sw, 7), [A("VERSION"), A("UNDERLAY0_SIP")]).attrs!.map((x) => x.value)).toEqual([7, ipAddress("2001:db8::1")]);
  });

  it("updates only when the incoming VERSION is newer, never backwards", () => {
    const a = standard();
    const b = standard({ role: "standby" });
    a.rt.createEntry(FE, flowKey(a.sw, 1), [{ id: A("VERSION"), value: 5 }, { id: A("METER_CLASS"), value: 1 }]);
    b.rt.createEntry(FE, flowKey(b.sw, 1), [{ id: A("VERSION"), value: 5 }, { id: A("METER_CLASS"), value: 2 }]);
    const v = () => b.rt.getEntry(FE, flowKey(b.sw, 1), [A("VERSION"), A("METER_CLASS")]).attrs!.map((x) => x.value);
    expect(b.rt.applyFlows(batches(a.rt)[0]!)).toMatchObject({ received: 1, skipped: 1, updated: 0 });
    expect(v()).toEqual([5, 2]);
    a.rt.setEntry(FE, flowKey(a.sw, 1), { id: A("VERSION"), value: 6 });
    const newer = batches(a.rt)[0]!;
    expect(b.rt.applyFlows(newer)).toMatchObject({ updated: 1 });
    expect(v()).toEqual([6, 1]);
    a.rt.setEntry(FE, flowKey(a.sw, 1), { id: A("VERSION"), value: 4 });
    expect(b.rt.applyFlows(batches(a.rt)[0]!)).toMatchObject({ skipped: 1 });
    expect(v()).toEqual([6, 1]);
    // individual entries work too
    const one = newer.records.subarray(newer.offsets[0]!, newer.offsets[0]! + newer.lengths[0]!);
    expect(b.rt.applyFlows([one])).toMatchObject({ skipped: 1 });
  });

  it("rejects garbage, flows without a table, and reports positions", () => {
    const b = standard({ role: "standby" });
    const a = withSwitch();
    addTable(a.rt, a.sw, "02:00:00:00:00:01");
    a.rt.createEntry(FE, flowKey(a.sw, 1, { eni_mac: mac("02:00:00:00:00:01") }), []);
    const foreign = batches(a.rt)[0]!;
    const r = b.rt.applyFlows([Uint8Array.of(0x0a, 0x05), foreign.records.subarray(foreign.offsets[0]!, foreign.offsets[0]! + foreign.lengths[0]!)]);
    expect(r.rejected).toBe(2);
    expect(r.errors.map((e) => e.position)).toEqual([0, 1]);
    expect(r.errors[1]!.message).toContain("02:00:00:00:00:01");
  });

  it("applies in order across chunks: repeated keys follow the update rule, tables interleave, a full table rejects only its overflow", () => {
    const a = standard();
    addTable(a.rt, a.sw, "02:00:00:00:00:01");
    const other = { eni_mac: mac("02:00:00:00:00:01") };
    for (let i = 0; i < 600; i++) a.rt.createEntry(FE, flowKey(a.sw, i, i % 3 === 0 ? other : {}), [{ id: A("VERSION"), value: 10 + (i % 5) }]);
    const entries: Uint8Array[] = [];
    for (const b of batches(a.rt, { batchSize: 700 }))
      for (let i = 0; i < b.count; i++) entries.push(b.records.slice(b.offsets[i]!, b.offsets[i]! + b.lengths[i]!));
    // flow 7 again with an older and then a newer VERSION, after its first copy and across the 256-entry chunks
    a.rt.setEntry(FE, flowKey(a.sw, 7), { id: A("VERSION"), value: 3 });
    const older = batches(a.rt, { filters: [{ key: "KEY_VERSION", op: "EQUAL_TO", value: 3 }] } as never)[0]!;
    a.rt.setEntry(FE, flowKey(a.sw, 7), { id: A("VERSION"), value: 99 });
    const newer = batches(a.rt, { filters: [{ key: "KEY_VERSION", op: "EQUAL_TO", value: 99 }] } as never)[0]!;
    const one = (b: EncodedFlowBatch) => b.records.slice(b.offsets[0]!, b.offsets[0]! + b.lengths[0]!);
    const input = [...entries.slice(0, 300), one(older), ...entries.slice(300), one(newer), one(older)];

    const b = standard({ role: "standby" });
    const small = addTable(b.rt, b.sw, "02:00:00:00:00:01", [{ id: "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", value: 150 }]);
    expect(small.table).toBeTruthy();
    const r = b.rt.applyFlows(input);
    // 200 flows go to the small table: 50 do not fit; flow 7 arrives three more times (older, newer, older)
    expect(r).toMatchObject({ received: 603, inserted: 550, updated: 1, skipped: 2, rejected: 50 });
    expect(r.errors.every((e) => e.status === "SAI_STATUS_TABLE_FULL")).toBe(true);
    expect(b.rt.getEntry(FE, flowKey(b.sw, 7), [A("VERSION")]).attrs![0]!.value).toBe(99);
    expect(b.rt.getEntry(FE, flowKey(b.sw, 8), [A("VERSION")]).attrs![0]!.value).toBe(10 + (8 % 5));
  });

  it("rejects enum values outside their enum (a peer's values are checked like any input); flag enums take combinations", () => {
    const a = standard();
    a.rt.createEntry(FE, flowKey(a.sw, 1), [{ id: A("VERSION"), value: 1 }]);
    const b0 = batches(a.rt)[0]!;
    const codecs = loadFlowCodecs(model, renderProtoFiles(model, "// test\n"))!;
    const decoded = codecs.specialized.decodeFlowEntry(b0.records.subarray(b0.offsets[0]!, b0.offsets[0]! + b0.lengths[0]!));
    if (!decoded.ok) throw new Error(decoded.error.message);
    const entry = (state: Record<string, number>) => codecs.specialized.encodeFlowEntry({ ...decoded.value, flow_state: { ...decoded.value.flow_state, ...state } }).slice();
    const b = standard({ role: "standby" });
    // flags 0x001..0x200 (mask 0x3ff): 0x400 fits the narrowed uint16 column but is no flag; 0x7fff0000 fits neither
    const r = b.rt.applyFlows([entry({ dash_direction: 99 }), entry({ dash_flow_action: 0x400 }), entry({ dash_flow_action: 0x7fff0000 }), entry({ dash_direction: 1, dash_flow_action: 1 | 8 })]);
    expect(r).toMatchObject({ received: 4, rejected: 3, inserted: 1 });
    expect(r.errors[0]!.message).toMatch(/SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION is not a value of sai_dash_direction_t/);
    expect(r.errors[1]!.message).toMatch(/SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION is not a value of sai_dash_flow_action_t/);
    expect(r.errors[2]!.message).toMatch(/SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION does not fit its column/);
    expect(r.errors.map((e) => e.position)).toEqual([0, 1, 2]);
  });

  it("a table whose enabled-key mask drops the ENI MAC reports its ENI's MAC in keys, so a peer can place the flows", () => {
    const noEni = [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 127 & ~1 }];
    const a = standard({}, noEni);
    for (let i = 0; i < 20; i++) a.rt.createEntry(FE, flowKey(a.sw, i), [{ id: A("VERSION"), value: 2 }]);
    const [b0] = batches(a.rt);
    const codecs = loadFlowCodecs(model, renderProtoFiles(model, "// test\n"))!;
    const first = codecs.specialized.decodeFlowEntry(b0!.records.subarray(b0!.offsets[0]!, b0!.offsets[0]! + b0!.lengths[0]!));
    expect(first.ok && [...(first.value.flow_key.eni_mac as Uint8Array)]).toEqual([0x00, 0xaa, 0xbb, 0xcc, 0xdd, 0xee]);
    const b = standard({ role: "standby" }, noEni);
    expect(b.rt.applyFlows(b0!)).toMatchObject({ inserted: 20, rejected: 0 });
    expect(b.rt.flowDigest()).toEqual(a.rt.flowDigest());
    // with a second ENI bound to the same table the MAC is ambiguous: keys say zero, as stored
    const eni2 = a.rt.create(ENI, a.sw, [{ id: "SAI_ENI_ATTR_FLOW_TABLE_ID", value: a.table }]).objectId!;
    a.rt.createEntry(MAP, { switch_id: a.sw, address: mac("02:00:00:00:00:09") }, [{ id: "SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID", value: eni2 }]);
    const [b1] = batches(a.rt);
    const again = codecs.specialized.decodeFlowEntry(b1!.records.subarray(b1!.offsets[0]!, b1!.offsets[0]! + b1!.lengths[0]!));
    expect(again.ok && [...(again.value.flow_key.eni_mac as Uint8Array)]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("a FLOW_PENDING_DELETE entry removes the flow only when held in the same version, with its reverse flow, in input order", () => {
    const PENDING_DELETE = model.enums.flatMap((e) => e.values).find((v) => v.name === "SAI_DASH_FLOW_SYNC_STATE_FLOW_PENDING_DELETE")!.value;
    const a = standard();
    const b = standard({ role: "standby" });
    const reverse = { ...flowKey(a.sw, 0), src_ip: ipAddress("10.200.0.1"), dst_ip: flowKey(a.sw, 1).src_ip, src_port: 80, dst_port: 1001 };
    const revAttrs = [
      { id: A("REVERSE_FLOW_ENI_MAC"), value: mac("00:AA:BB:CC:DD:EE") },
      { id: A("REVERSE_FLOW_VNET_ID"), value: 100 },
      { id: A("REVERSE_FLOW_IP_PROTO"), value: 6 },
      { id: A("REVERSE_FLOW_SRC_IP"), value: reverse.src_ip },
      { id: A("REVERSE_FLOW_DST_IP"), value: reverse.dst_ip },
      { id: A("REVERSE_FLOW_SRC_PORT"), value: 80 },
      { id: A("REVERSE_FLOW_DST_PORT"), value: 1001 },
    ];
    // flow 1: bidirectional (its reverse flow is a flow of its own); flows 2-4 plain; all at version 3
    for (const rt of [a.rt, b.rt]) {
      const sw = rt === a.rt ? a.sw : b.sw;
      expect(rt.createEntry(FE, flowKey(sw, 1), [{ id: A("VERSION"), value: 3 }, ...revAttrs]).code).toBe(0);
      expect(rt.createEntry(FE, { ...reverse, switch_id: sw }, [{ id: A("VERSION"), value: 3 }]).code).toBe(0);
      for (const i of [2, 3, 4]) expect(rt.createEntry(FE, flowKey(sw, i), [{ id: A("VERSION"), value: 3 }]).code).toBe(0);
    }
    b.rt.setEntry(FE, flowKey(b.sw, 3), { id: A("VERSION"), value: 9 }); // the standby holds flow 3 newer
    b.rt.removeEntry(FE, flowKey(b.sw, 4)); // and lacks flow 4
    for (const i of [1, 2, 3, 4]) expect(a.rt.setEntry(FE, flowKey(a.sw, i), { id: A("DASH_FLOW_SYNC_STATE"), value: PENDING_DELETE }).code).toBe(0);
    const entry = (i: number) => {
      const f = a.rt.scanFlows({ filters: [{ key: "SRC_IP", op: "EQUAL_TO", value: flowKey(a.sw, i).src_ip }] } as never);
      if (!f.ok) throw new Error(f.status.message);
      const [bt] = [...f.batches];
      return bt!.records.slice(bt!.offsets[0]!, bt!.offsets[0]! + bt!.lengths[0]!);
    };
    const report = b.rt.applyFlows([entry(1), entry(2), entry(3), entry(4)]);
    expect(report).toMatchObject({ received: 4, deleted: 2, skipped: 2, inserted: 0, rejected: 0 });
    expect(b.rt.flowCount()).toBe(1); // flow 3 (newer) is kept; flow 1's reverse flow went with it
    expect(b.rt.getEntry(FE, flowKey(b.sw, 3), [A("VERSION")]).attrs![0]!.value).toBe(9);
    // in order: a delete, then the same flow again as a plain entry, re-creates it; the other way round removes it
    const plain = (() => {
      a.rt.setEntry(FE, flowKey(a.sw, 2), { id: A("DASH_FLOW_SYNC_STATE"), value: 0 });
      return entry(2);
    })();
    const del2 = (() => {
      a.rt.setEntry(FE, flowKey(a.sw, 2), { id: A("DASH_FLOW_SYNC_STATE"), value: PENDING_DELETE });
      return entry(2);
    })();
    expect(b.rt.applyFlows([plain, del2])).toMatchObject({ inserted: 1, deleted: 1 });
    expect(b.rt.applyFlows([del2, plain])).toMatchObject({ inserted: 1, skipped: 1, deleted: 0 });
    expect(b.rt.getEntry(FE, flowKey(b.sw, 2), [A("VERSION")]).code).toBe(0);
  });

  it("state scattered into reused and updated slots leaves nothing of the slot's earlier flows (zeroes skipped only where the written mask allows)", () => {
    type G = (arb: typeof fc.integer, c: { min: number; max: number }) => number;
    const pick = (g: G, n: number) => g(fc.integer, { min: 0, max: n - 1 });
    const pool = [
      (g: G) => ({ id: A("METER_CLASS"), value: pick(g, 3) }),
      (g: G) => ({ id: A("UNDERLAY0_SIP"), value: ipAddress(["0.0.0.0", "10.1.2.3", "::", "2001:db8::7"][pick(g, 4)]!) }),
      (g: G) => ({ id: A("DST_MAC"), value: mac(pick(g, 2) ? "00:00:00:00:00:00" : "02:00:00:00:00:09") }),
      (g: G) => ({ id: A("UNDERLAY1_VNET_ID"), value: pick(g, 3) * 4000 }),
      (g: G) => ({ id: A("IS_UNIDIRECTIONAL_FLOW"), value: pick(g, 2) === 1 }),
      (g: G) => ({ id: A("VENDOR_METADATA"), value: pick(g, 2) ? [] : [1, 2, pick(g, 256)] }),
    ];
    fc.assert(
      fc.property(fc.gen(), (gen) => {
        const g = gen as unknown as G;
        const a = standard();
        const b = standard({ role: "standby" });
        for (let round = 1; round <= 4; round++) {
          for (let i = 0; i < 24; i++) {
            if (round > 1 && pick(g, 3) === 0) continue;
            a.rt.removeEntry(FE, flowKey(a.sw, i));
            const attrs = pool.filter(() => pick(g, 2) === 1).map((f) => f(g));
            expect(a.rt.createEntry(FE, flowKey(a.sw, i), [{ id: A("VERSION"), value: round }, ...attrs]).code).toBe(0);
          }
          // the standby drops some flows, so the apply re-creates them in slots other flows used
          for (let i = 0; i < 24; i++) if (pick(g, 4) === 0) b.rt.removeEntry(FE, flowKey(b.sw, i));
          for (const batch of batches(a.rt, { batchSize: 7 })) expect(b.rt.applyFlows(batch).rejected).toBe(0);
          expect(b.rt.flowDigest()).toEqual(a.rt.flowDigest());
        }
      }),
      { numRuns: 25 },
    );
  });

  it("maps a foreign switch id to the only local switch", () => {
    const a = standard();
    a.rt.createEntry(FE, flowKey(a.sw, 1), []);
    const bytes = batches(a.rt)[0]!;
    // a standby whose switch is index 1: create and remove switch 0 first
    const { rt, sw: s0 } = withSwitch();
    const s1 = rt.createSwitch([{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]).objectId!;
    rt.removeSwitch(s0);
    addTable(rt, s1, "00:AA:BB:CC:DD:EE");
    expect(rt.applyFlows(bytes).inserted).toBe(1);
    expect(rt.getEntry(FE, flowKey(s1, 1), [A("VERSION")]).code).toBe(0);
  });
});

describe("digest", () => {
  it("does not depend on insertion order, tables or slots; changes with content", () => {
    const make = (order: number[], twoTables: boolean) => {
      const { rt, sw } = withSwitch();
      addTable(rt, sw, "00:AA:BB:CC:DD:EE");
      if (twoTables) addTable(rt, sw, "00:AA:BB:CC:DD:EF");
      for (const i of order) rt.createEntry(FE, flowKey(sw, i, i % 2 && twoTables ? { eni_mac: mac("00:AA:BB:CC:DD:EF") } : {}), [{ id: A("VERSION"), value: i }]);
      return rt;
    };
    const n = 500;
    const fwd = Array.from({ length: n }, (_, i) => i);
    const rev = [...fwd].reverse();
    const shuffled = [...fwd].sort((x, y) => ((x * 7919) % 503) - ((y * 7919) % 503));
    const d1 = make(fwd, false).flowDigest();
    expect(make(rev, false).flowDigest()).toEqual(d1);
    // churn: insert extra, remove them (slots get reused differently)
    const churned = make(shuffled, false);
    const sw = 0x21000000000000n;
    for (let i = n; i < n + 50; i++) churned.createEntry(FE, flowKey(sw, i), []);
    for (let i = n; i < n + 50; i++) churned.removeEntry(FE, flowKey(sw, i));
    expect(churned.flowDigest()).toEqual(d1);
    expect(d1.count).toBe(n);
    churned.setEntry(FE, flowKey(sw, 3), { id: A("VERSION"), value: 4 });
    expect(churned.flowDigest().digest).not.toBe(d1.digest);
    expect(make(fwd, true).flowDigest().count).toBe(n);
  });
});

describe("raw batches", () => {
  it("parses a SaiDashFlowBatch written from scan records", () => {
    const a = standard();
    for (let i = 0; i < 10; i++) a.rt.createEntry(FE, flowKey(a.sw, i), []);
    const b = batches(a.rt)[0]!;
    const msg = Buffer.concat([batchHeader(0x18008000000001n, 4), Buffer.from(b.records), finishedField(10, 5, -1)]);
    const p = parseFlowBatch(msg);
    if (typeof p === "string") throw new Error(p);
    expect(p.sessionId).toBe(0x18008000000001n);
    expect(p.sequence).toBe(4);
    expect(p.entries.count).toBe(10);
    expect(p.finished).toEqual({ totalEntries: 10, totalBatches: 5, status: -1 });
    const s = standard({ role: "standby" });
    expect(s.rt.applyFlows(p.entries).inserted).toBe(10);
    expect(typeof parseFlowBatch(Uint8Array.of(0x1a, 0x50))).toBe("string");
  });
});

describe("snapshot", () => {
  it("round-trips objects, entries, flows and their idle times", async () => {
    const dir = tempDir("dashflow-snap-");
    const clock = new FakeClock();
    const a = standard({ clock }, [{ id: "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS", value: 1000 }]);
    for (let i = 0; i < 2000; i++) a.rt.createEntry(FE, flowKey(a.sw, i), [{ id: A("VERSION"), value: i % 5 }, { id: A("VENDOR_METADATA"), value: i % 3 ? [] : [i & 255, 1] }]);
    clock.advance(600);
    a.rt.createEntry(FE, flowKey(a.sw, 5000), []);
    const file = join(dir, "state.snap");
    const saved = await a.rt.saveSnapshot(file);
    expect(saved.code, saved.message).toBe(0);

    const clock2 = new FakeClock();
    clock2.t = 50_000_000;
    const b = withSwitch({ clock: clock2 });
    b.rt.create(FT, b.sw, []);
    const loaded = await b.rt.loadSnapshot(file);
    expect(loaded.code, loaded.message).toBe(0);
    expect(b.rt.flowDigest()).toEqual(a.rt.flowDigest());
    expect(b.rt.listObjects(FT)).toEqual(a.rt.listObjects(FT));
    expect(b.rt.get(FT, a.table, ["SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS"]).attrs![0]!.value).toBe(1000);
    expect(b.rt.referenceCount(a.table)).toBe(a.rt.referenceCount(a.table));
    expect(b.rt.getEntry(MAP, { switch_id: a.sw, address: mac("00:AA:BB:CC:DD:EE") }, ["SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID"]).attrs![0]!.value).toBe(a.eni);
    // new objects do not reuse ids
    expect(b.rt.create(ENI, b.sw, []).objectId).toBe(a.rt.create(ENI, a.sw, []).objectId);
    // idle times continue: the 2000 old flows are 600 ms idle, the newest 0 ms
    clock2.advance(400);
    expect(b.rt.age().aged).toBe(2000);
    expect(b.rt.flowCount()).toBe(1);
  });

  it("refuses a file that is not a snapshot and leaves the state alone", async () => {
    const dir = tempDir("dashflow-snap-");
    const file = join(dir, "junk");
    writeFileSync(file, "hello\n");
    const { rt, sw } = standard();
    rt.createEntry(FE, flowKey(sw, 1), []);
    expect((await rt.loadSnapshot(file)).status).toBe("SAI_STATUS_INVALID_PARAMETER");
    expect((await rt.loadSnapshot(join(dir, "missing"))).status).toBe("SAI_STATUS_FAILURE");
    expect(rt.flowCount()).toBe(1);
    expect((await rt.saveSnapshot(join(dir, "no/such/dir/x"))).status).toBe("SAI_STATUS_FAILURE");
  });
});
