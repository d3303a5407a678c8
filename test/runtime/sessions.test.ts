/**
 * Bulk-get sessions and filters: every filter key × every operator with its value kind (INT / IP / MAC), against a
 * reference predicate; BULK_GET_ENTRY_LIMITATION; every mode (EVENT, EVENT_WITHOUT_FLOW_STATE, GRPC against a real
 * in-test gRPC server on 127.0.0.1, VENDOR dump files); failures; and what a session sees while flows change.
 */
import * as grpc from "@grpc/grpc-js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderProtoFiles } from "../../generator/emit/proto.js";
import { loadProtoRoot } from "../../runtime/proto/index.js";
import type { BulkGetEventData, DashRuntime, EntryKey, FlowScanFilter, RuntimeNotification } from "../../runtime/runtime.js";
import { formatIpAddress, ipAddress, mac } from "../../runtime/values/index.js";
import type { IpAddress } from "../../runtime/values/types.js";
import { A, addTable, FE, FILTER, flowKey, model, SESSION, withSwitch } from "./_helpers.js";
import { tempDir } from "../support/temp.js";

const S_ATTR = (n: string) => `SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_${n}`;
const F_ATTR = (n: string) => `SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_${n}`;
const enumValue = (name: string): number => {
  for (const e of model().enums) for (const v of e.values) if (v.name === name) return v.value;
  throw new Error(`no enum value ${name}`);
};
const MODE = (m: string) => enumValue(`SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_${m}`);
const KEY = (k: string) => enumValue(`SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_${k}`);
const OP = (o: string) => enumValue(`SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY_FILTER_OP_${o}`);
const OPS = ["EQUAL_TO", "GREATER_THAN", "GREATER_THAN_OR_EQUAL_TO", "LESS_THAN", "LESS_THAN_OR_EQUAL_TO"] as const;

interface Flow {
  key: EntryKey;
  table: bigint;
  version: number;
}

const MAC1 = "00:AA:BB:CC:DD:01";
const MAC2 = "00:AA:BB:CC:DD:02";

/** 240 flows over two tables, IPv4 and IPv6, varied protocols, ports and versions. */
function dataset(): { rt: DashRuntime; sw: bigint; flows: Flow[]; tables: bigint[] } {
  const { rt, sw } = withSwitch();
  const t1 = addTable(rt, sw, MAC1).table;
  const t2 = addTable(rt, sw, MAC2).table;
  const flows: Flow[] = [];
  for (let i = 0; i < 240; i++) {
    const v6 = i % 4 === 3;
    const key = flowKey(sw, i, {
      eni_mac: mac(i % 3 === 0 ? MAC2 : MAC1),
      ip_proto: [6, 17, 1][i % 3]!,
      src_ip: v6 ? ipAddress(`2001:db8::${(i * 7) % 97}:${i}`) : ipAddress(`10.0.${i % 5}.${i}`),
      dst_ip: v6 ? ipAddress(`2001:db8:1::${i % 11}`) : ipAddress(`192.168.${i % 7}.1`),
      src_port: 1000 + ((i * 37) % 300),
      dst_port: [80, 443, 8080, 53][i % 4]!,
    });
    const version = i % 10;
    expect(rt.createEntry(FE, key, [{ id: A("VERSION"), value: version }]).code).toBe(0);
    flows.push({ key, table: i % 3 === 0 ? t2 : t1, version });
  }
  return { rt, sw, flows, tables: [t1, t2] };
}

const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
const bytesNum = (b: Uint8Array) => b.reduce((n, x) => (n << 8n) | BigInt(x), 0n);
const test = (c: number, op: (typeof OPS)[number]) =>
  op === "EQUAL_TO" ? c === 0 : op === "GREATER_THAN" ? c > 0 : op === "GREATER_THAN_OR_EQUAL_TO" ? c >= 0 : op === "LESS_THAN" ? c < 0 : c <= 0;

/** Reference predicate of one filter. */
function matches(f: Flow, key: string, op: (typeof OPS)[number], value: unknown): boolean {
  const k = f.key;
  switch (key) {
    case "FLOW_TABLE_ID":
      return test(cmp(f.table, value as bigint), op);
    case "ENI_ADDR":
      return test(cmp(bytesNum(k.eni_mac as Uint8Array), bytesNum(value as Uint8Array)), op);
    case "IP_PROTOCOL":
      return test(cmp(BigInt(k.ip_proto as number), value as bigint), op);
    case "SRC_L4_PORT":
      return test(cmp(BigInt(k.src_port as number), value as bigint), op);
    case "DST_L4_PORT":
      return test(cmp(BigInt(k.dst_port as number), value as bigint), op);
    case "KEY_VERSION":
      return test(cmp(BigInt(f.version), value as bigint), op);
    case "SRC_IP_ADDR":
    case "DST_IP_ADDR": {
      const ip = k[key === "SRC_IP_ADDR" ? "src_ip" : "dst_ip"] as IpAddress;
      const v = value as IpAddress;
      return ip.family === v.family && test(cmp(bytesNum(ip.bytes), bytesNum(v.bytes)), op);
    }
  }
  throw new Error(key);
}

const keyText = (k: EntryKey) =>
  `${formatIpAddress(k.src_ip as IpAddress)}|${formatIpAddress(k.dst_ip as IpAddress)}|${k.src_port as number}|${k.dst_port as number}|${k.ip_proto as number}|${Array.from(k.eni_mac as Uint8Array).join(".")}`;

/** Creates a filter object. */
function filterObject(rt: DashRuntime, sw: bigint, key: string, op: string, value: unknown): bigint {
  const kind = key === "ENI_ADDR" ? "MAC_VALUE" : key.endsWith("IP_ADDR") ? "IP_VALUE" : "INT_VALUE";
  const r = rt.create(FILTER, sw, [
    { id: F_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY"), value: KEY(key) },
    { id: F_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY"), value: OP(op) },
    { id: F_ATTR(kind), value },
  ]);
  expect(r.code).toBe(0);
  return r.objectId!;
}

const ORDINAL = ["FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH"];

/** Runs an EVENT session and returns the flow events it delivered (and every event batch). */
async function eventSession(rt: DashRuntime, sw: bigint, filters: bigint[], extra: { id: string; value: unknown }[] = [], mode = "EVENT") {
  const batches: BulkGetEventData[][] = [];
  const unsub = rt.subscribe((n) => {
    if (n.type === "flow_bulk_get_session_event") batches.push([...n.data]);
  });
  const s = rt.create(SESSION, sw, [
    { id: S_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE"), value: MODE(mode) },
    ...filters.map((f, i) => ({ id: S_ATTR(`${ORDINAL[i]}_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID`), value: f })),
    ...extra,
  ]);
  expect(s.code, s.message).toBe(0);
  const report = await rt.sessionDone(s.objectId!)!;
  unsub();
  const events = batches.flat().filter((e) => e.event_type === "SAI_FLOW_BULK_GET_SESSION_EVENT_FLOW_ENTRY");
  return { report, events, batches, session: s.objectId! };
}

const VALUES: Record<string, (d: { tables: bigint[] }) => unknown[]> = {
  FLOW_TABLE_ID: (d) => d.tables,
  ENI_ADDR: () => [mac(MAC1), mac(MAC2)],
  IP_PROTOCOL: () => [6n, 17n],
  SRC_IP_ADDR: () => [ipAddress("10.0.2.100"), ipAddress("2001:db8::30:0")],
  DST_IP_ADDR: () => [ipAddress("192.168.3.1"), ipAddress("2001:db8:1::5")],
  SRC_L4_PORT: () => [1150n],
  DST_L4_PORT: () => [443n],
  KEY_VERSION: () => [5n],
};

describe("filters: every key × every operator × its value kind", () => {
  const d = dataset();
  for (const key of Object.keys(VALUES))
    for (const op of OPS)
      it(`${key} ${op}`, async () => {
        for (const value of VALUES[key]!(d)) {
          const want = d.flows.filter((f) => matches(f, key, op, value)).map((f) => keyText(f.key)).sort();
          // the fast path (countFlows / scanFlows) and a real session over filter objects must agree with the reference
          const c = d.rt.countFlows({ filters: [{ key, op, value }] });
          expect(c.ok && c.count).toBe(want.length);
          const { events, report } = await eventSession(d.rt, d.sw, [filterObject(d.rt, d.sw, key, op, value)], [], "EVENT_WITHOUT_FLOW_STATE");
          expect(report.status.code).toBe(0);
          expect(events.map((e) => keyText(e.flow_entry!)).sort()).toEqual(want);
        }
      });

  it("ANDs up to five filters", async () => {
    const fs: [string, (typeof OPS)[number], unknown][] = [
      ["ENI_ADDR", "EQUAL_TO", mac(MAC1)],
      ["IP_PROTOCOL", "LESS_THAN_OR_EQUAL_TO", 17n],
      ["DST_L4_PORT", "GREATER_THAN", 79n],
      ["KEY_VERSION", "GREATER_THAN_OR_EQUAL_TO", 2n],
      ["SRC_IP_ADDR", "LESS_THAN", ipAddress("10.0.4.0")],
    ];
    const want = d.flows.filter((f) => fs.every(([k, o, v]) => matches(f, k, o, v))).length;
    expect(want).toBeGreaterThan(5);
    const ids = fs.map(([k, o, v]) => filterObject(d.rt, d.sw, k, o, v));
    const { events } = await eventSession(d.rt, d.sw, ids);
    expect(events.length).toBe(want);
    const api: FlowScanFilter[] = fs.map(([key, op, value]) => ({ key, op, value }));
    const c = d.rt.countFlows({ filters: api });
    expect(c.ok && c.count).toBe(want);
    expect(d.rt.countFlows({ filters: [...api, api[0]!] }).ok).toBe(false);
  });

  it("no filter selects every flow; BULK_GET_ENTRY_LIMITATION caps the count", async () => {
    expect((await eventSession(d.rt, d.sw, [])).events.length).toBe(240);
    const lim = await eventSession(d.rt, d.sw, [], [{ id: S_ATTR("BULK_GET_ENTRY_LIMITATION"), value: 17 }]);
    expect(lim.events.length).toBe(17);
    expect(lim.report.flows).toBe(17);
    const c = d.rt.countFlows({ limit: 17 });
    expect(c.ok && c.count).toBe(17);
  });

  it("rejects a session whose filter key or operator is INVALID", () => {
    const bad = d.rt.create(FILTER, d.sw, []);
    const s = d.rt.create(SESSION, d.sw, [
      { id: S_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE"), value: MODE("EVENT") },
      { id: S_ATTR("FIRST_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID"), value: bad.objectId },
    ]);
    expect(s.status).toBe("SAI_STATUS_INVALID_PARAMETER");
  });
});

describe("EVENT modes", () => {
  it("delivers FLOW_ENTRY events with state in batches, then FINISHED, to the switch callback and subscribers", async () => {
    const d = dataset();
    const calls: [bigint, readonly BulkGetEventData[]][] = [];
    d.rt.set("SAI_OBJECT_TYPE_SWITCH", d.sw, { id: "SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY", value: (id: bigint, data: readonly BulkGetEventData[]) => calls.push([id, data]) });
    const finished: RuntimeNotification[] = [];
    d.rt.subscribe((n) => n.type === "flow_bulk_get_session_finished" && finished.push(n));
    const { events, batches, session, report } = await eventSession(d.rt, d.sw, []);
    expect(events).toHaveLength(240);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.at(-1)).toEqual([{ event_type: "SAI_FLOW_BULK_GET_SESSION_EVENT_FINISHED", attr: [] }]);
    expect(calls.map((c) => c[0])).toEqual(batches.map(() => session));
    const e = events.find((x) => keyText(x.flow_entry!) === keyText(d.flows[7]!.key))!;
    expect(e.attr.find((a) => a.id === A("VERSION"))!.value).toBe(7);
    expect(e.attr.find((a) => a.id === A("IP_ADDR_FAMILY"))!.value).toBe(1);
    expect(e.attr.some((a) => a.id === A("FLOW_DATA_PB"))).toBe(false);
    expect(report).toMatchObject({ mode: "EVENT", flows: 240, status: { code: 0 } });
    expect(finished).toHaveLength(1);
  });

  it("EVENT_WITHOUT_FLOW_STATE carries keys only", async () => {
    const d = dataset();
    const { events } = await eventSession(d.rt, d.sw, [], [], "EVENT_WITHOUT_FLOW_STATE");
    expect(events).toHaveLength(240);
    expect(events.every((e) => e.attr.length === 0 && e.flow_entry !== undefined)).toBe(true);
  });
});

describe("what a session sees while flows change", () => {
  it("snapshot at create: flows removed before their visit are not reported, nothing twice, survivors exactly once", async () => {
    const { rt, sw } = withSwitch();
    addTable(rt, sw, "00:AA:BB:CC:DD:EE");
    for (let i = 0; i < 1000; i++) rt.createEntry(FE, flowKey(sw, i), []);
    const seen: string[] = [];
    let removedLate = false;
    rt.subscribe((n) => {
      if (n.type !== "flow_bulk_get_session_event") return;
      for (const e of n.data) if (e.flow_entry) seen.push(keyText(e.flow_entry));
      // after the first batch: remove a flow not yet visited (the last one) and one already visited, add new ones
      if (!removedLate) {
        removedLate = true;
        rt.removeEntry(FE, flowKey(sw, 999));
        rt.removeEntry(FE, flowKey(sw, 0));
        for (let i = 3000; i < 3010; i++) rt.createEntry(FE, flowKey(sw, i), []);
      }
    });
    const s = rt.create(SESSION, sw, [{ id: S_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE"), value: MODE("EVENT_WITHOUT_FLOW_STATE") }]);
    // before the session runs: remove 100 flows, add 50 (they reuse freed slots below the snapshot mark)
    for (let i = 100; i < 200; i++) rt.removeEntry(FE, flowKey(sw, i));
    for (let i = 2000; i < 2050; i++) rt.createEntry(FE, flowKey(sw, i), []);
    await rt.sessionDone(s.objectId!);
    expect(new Set(seen).size).toBe(seen.length);
    const has = new Set(seen);
    for (let i = 100; i < 200; i++) expect(has.has(keyText(flowKey(sw, i)))).toBe(false);
    expect(has.has(keyText(flowKey(sw, 999)))).toBe(false);
    expect(has.has(keyText(flowKey(sw, 0)))).toBe(true);
    for (let i = 1; i < 999; i++) if (i < 100 || i >= 200) expect(has.has(keyText(flowKey(sw, i)))).toBe(true);
  });

  it("removing the session object stops it; it still reports FINISHED", async () => {
    const { rt, sw } = withSwitch();
    addTable(rt, sw, "00:AA:BB:CC:DD:EE");
    for (let i = 0; i < 2000; i++) rt.createEntry(FE, flowKey(sw, i), []);
    const s = rt.create(SESSION, sw, [{ id: S_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE"), value: MODE("EVENT") }]);
    expect(rt.remove(SESSION, s.objectId!).code).toBe(0);
    const r = await rt.sessionDone(s.objectId!)!;
    expect(r.status.status).toBe("SAI_STATUS_FAILURE");
    expect(r.flows).toBeLessThan(2000);
  });
});

describe("GRPC mode", () => {
  const root = loadProtoRoot(renderProtoFiles(model(), "// test\n"));
  const Batch = root.lookupType("sai.SaiDashFlowBatch");
  const Summary = root.lookupType("sai.SaiDashFlowPushSummary");
  const id = (b: Buffer) => b;
  const service = {
    Push: { path: "/sai.SaiDashFlowBulkGetTarget/Push", requestStream: true, responseStream: false, requestSerialize: id, requestDeserialize: id, responseSerialize: id, responseDeserialize: id },
  };
  let server: grpc.Server;
  let port = 0;
  let fail = false;
  const received: { sessionId: bigint; sequence: number; entries: Record<string, unknown>[]; finished: unknown }[] = [];

  beforeAll(async () => {
    server = new grpc.Server();
    server.addService(service as unknown as grpc.ServiceDefinition, {
      Push: (call: grpc.ServerReadableStream<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => {
        let n = 0;
        let sid = 0n;
        call.on("data", (b: Buffer) => {
          if (fail) {
            cb({ code: grpc.status.INTERNAL, details: "target refuses" });
            return;
          }
          const m = Batch.toObject(Batch.decode(b), { longs: String, bytes: Array, defaults: false }) as { session_id?: string; sequence?: string; entries?: Record<string, unknown>[]; finished?: unknown };
          sid = BigInt(m.session_id ?? 0);
          received.push({ sessionId: sid, sequence: Number(m.sequence ?? 0), entries: m.entries ?? [], finished: m.finished });
          n += m.entries?.length ?? 0;
        });
        call.on("end", () => {
          if (fail) return;
          cb(null, Buffer.from(Summary.encode(Summary.create({ session_id: sid.toString(), received_entries: n, received_batches: received.length, complete: true })).finish()));
        });
      },
    });
    port = await new Promise<number>((res, rej) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? rej(e) : res(p))));
  });
  afterAll(() => server.forceShutdown());

  const grpcSession = (rt: DashRuntime, sw: bigint, p: number, extra: { id: string; value: unknown }[] = []) =>
    rt.create(SESSION, sw, [
      { id: S_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE"), value: MODE("GRPC") },
      { id: S_ATTR("BULK_GET_SESSION_SERVER_IP"), value: ipAddress("127.0.0.1") },
      { id: S_ATTR("BULK_GET_SESSION_SERVER_PORT"), value: p },
      ...extra,
    ]);

  it("streams raw SaiDashFlowBatch messages that protobufjs decodes, then FINISHED", async () => {
    received.length = 0;
    fail = false;
    const { rt, sw } = withSwitch();
    addTable(rt, sw, "00:AA:BB:CC:DD:EE");
    for (let i = 0; i < 2500; i++) rt.createEntry(FE, flowKey(sw, i), [{ id: A("VERSION"), value: i % 7 }]);
    const events: BulkGetEventData[] = [];
    rt.subscribe((n) => n.type === "flow_bulk_get_session_event" && events.push(...n.data));
    const f = rt.create(FILTER, sw, [
      { id: F_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY"), value: KEY("KEY_VERSION") },
      { id: F_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY"), value: OP("LESS_THAN") },
      { id: F_ATTR("INT_VALUE"), value: 5n },
    ]).objectId!;
    const s = grpcSession(rt, sw, port, [{ id: S_ATTR("FIRST_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID"), value: f }]);
    expect(s.code).toBe(0);
    const r = await rt.sessionDone(s.objectId!)!;
    const want = Array.from({ length: 2500 }, (_, i) => i).filter((i) => i % 7 < 5).length;
    expect(r.status.code, r.status.message).toBe(0);
    expect(r.flows).toBe(want);
    expect(r.status.message).toContain(`target received ${want} flow(s), complete: true`);
    const entries = received.flatMap((b) => b.entries);
    expect(entries).toHaveLength(want);
    expect(received.map((b) => b.sequence)).toEqual(received.map((_, i) => i));
    expect(received.map((b) => b.sessionId)).toEqual(received.map(() => s.objectId));
    expect(received.at(-1)!.finished).toMatchObject({ total_entries: String(want) });
    expect(received.length).toBeGreaterThan(2);
    const e0 = entries[0] as { flow_key: { src_port: number } };
    expect(e0.flow_key.src_port).toBeGreaterThanOrEqual(1000);
    expect(events.at(-1)!.event_type).toBe("SAI_FLOW_BULK_GET_SESSION_EVENT_FINISHED");
  });

  it("an unreachable target ends the session with FAILURE within seconds", async () => {
    const { rt, sw } = withSwitch();
    addTable(rt, sw, "00:AA:BB:CC:DD:EE");
    rt.createEntry(FE, flowKey(sw, 1), []);
    const dead = new grpc.Server();
    const p = await new Promise<number>((res, rej) => dead.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, x) => (e ? rej(e) : res(x))));
    dead.forceShutdown();
    const t0 = Date.now();
    const s = grpcSession(rt, sw, p);
    const r = await rt.sessionDone(s.objectId!)!;
    expect(r.status.status).toBe("SAI_STATUS_FAILURE");
    expect(r.status.message).toContain("unreachable");
    expect(Date.now() - t0).toBeLessThan(6000);
  });

  it("a failing target ends the session with FAILURE", async () => {
    fail = true;
    const { rt, sw } = withSwitch();
    addTable(rt, sw, "00:AA:BB:CC:DD:EE");
    for (let i = 0; i < 10; i++) rt.createEntry(FE, flowKey(sw, i), []);
    const r = await rt.sessionDone(grpcSession(rt, sw, port).objectId!)!;
    fail = false;
    expect(r.status.status).toBe("SAI_STATUS_FAILURE");
    expect(r.status.message).toContain("target refuses");
  });

  it("needs a server address", async () => {
    const { rt, sw } = withSwitch();
    addTable(rt, sw, "00:AA:BB:CC:DD:EE");
    const s = rt.create(SESSION, sw, [{ id: S_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE"), value: MODE("GRPC") }]);
    expect((await rt.sessionDone(s.objectId!)!).status.status).toBe("SAI_STATUS_INVALID_PARAMETER");
  });
});

describe("VENDOR mode", () => {
  it("writes a gzip JSONL flow dump: sorted entry-key JSON members, then attributes in sairedis text", async () => {
    const dumpDir = tempDir("dashflow-dump-");
    const { rt, sw } = withSwitch({ dumpDir });
    addTable(rt, sw, "00:AA:BB:CC:DD:EE");
    for (let i = 0; i < 30; i++) rt.createEntry(FE, flowKey(sw, i), [{ id: A("VERSION"), value: i }, { id: A("DASH_FLOW_ACTION"), value: 1 | 8 }]);
    const s = rt.create(SESSION, sw, [{ id: S_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE"), value: MODE("VENDOR") }]);
    const r = await rt.sessionDone(s.objectId!)!;
    expect(r.status.code).toBe(0);
    expect(r.file).toBe(join(dumpDir, `dashflow-flow-dump-${s.objectId!.toString(16)}.jsonl.gz`));
    const lines = gunzipSync(readFileSync(r.file!)).toString("utf8").trim().split("\n");
    expect(lines).toHaveLength(30);
    const first = lines.find((l) => l.includes('"src_ip":"10.0.0.3"'))!;
    expect(first.startsWith('{"dst_ip":"10.200.0.1","dst_port":"80","eni_mac":"00:AA:BB:CC:DD:EE","ip_proto":"6","src_ip":"10.0.0.3","src_port":"1003","switch_id":"oid:0x21000000000000","vnet_id":"100",')).toBe(true);
    const o = JSON.parse(first) as Record<string, string>;
    expect(o[A("VERSION")]).toBe("3");
    expect(o[A("DASH_FLOW_ACTION")]).toBe("SAI_DASH_FLOW_ACTION_ENCAP_U0|SAI_DASH_FLOW_ACTION_SET_DMAC");
    expect(o[A("IP_ADDR_FAMILY")]).toBe("SAI_IP_ADDR_FAMILY_IPV4");
    expect(o[A("FLOW_DATA_PB")]).toBeUndefined();
  });

  it("an unwritable dump folder ends the session with FAILURE", async () => {
    const { rt, sw } = withSwitch({ dumpDir: "/nonexistent/dashflow" });
    addTable(rt, sw, "00:AA:BB:CC:DD:EE");
    rt.createEntry(FE, flowKey(sw, 1), []);
    const s = rt.create(SESSION, sw, [{ id: S_ATTR("DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE"), value: MODE("VENDOR") }]);
    expect((await rt.sessionDone(s.objectId!)!).status.status).toBe("SAI_STATUS_FAILURE");
  });
});
