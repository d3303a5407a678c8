/**
 * The runtime on metadata from header sets other than the bundled one: the design document's flow key variant
 * (a `flow_table_id` member), the fixture base headers (no DASH objects at all), and the full upstream SAI tree
 * when /work/upstream-sai is present.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../generator/pipeline.js";
import { createRuntime, type BulkGetEventData } from "../../runtime/runtime.js";
import { ipAddress, mac } from "../../runtime/values/index.js";
import { tempDir } from "../support/temp.js";

const FE = "SAI_OBJECT_TYPE_FLOW_ENTRY";
const FT = "SAI_OBJECT_TYPE_FLOW_TABLE";

describe("design-document flow key with flow_table_id", () => {
  const dir = tempDir("dashflow-hdr-");
  cpSync("sai-headers", dir, { recursive: true });
  const file = join(dir, "saiexperimentaldashflow.h");
  writeFileSync(
    file,
    readFileSync(file, "utf8").replace(
      "    sai_object_id_t switch_id;\n",
      "    sai_object_id_t switch_id;\n\n    /**\n     * @brief Flow table holding the entry\n     *\n     * @objects SAI_OBJECT_TYPE_FLOW_TABLE\n     */\n    sai_object_id_t flow_table_id;\n",
    ),
  );
  const r = runPipeline([dir]);

  it("builds a model whose flow key names the table", () => {
    expect(r.diagnostics.sorted().filter((d) => d.severity === "error")).toEqual([]);
    expect(r.model.objectTypes.find((o) => o.objecttype === FE)!.structmembers.map((m) => m.membername)).toContain("flow_table_id");
  });

  it("places flows by the key's table, without ENIs", () => {
    const rt = createRuntime({ model: r.model });
    const sw = rt.createSwitch([{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]).objectId!;
    const t = rt.create(FT, sw, [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 127 }]).objectId!;
    const key = (table: bigint, i: number) => ({
      switch_id: sw, flow_table_id: table, eni_mac: mac("00:00:00:00:00:01"), vnet_id: 1, ip_proto: 6,
      src_ip: ipAddress(`10.0.0.${i}`), dst_ip: ipAddress("10.0.1.1"), src_port: i, dst_port: 80,
    });
    expect(rt.createEntry(FE, key(t, 1), []).code).toBe(0);
    expect(rt.createEntry(FE, key(t, 1), []).status).toBe("SAI_STATUS_ITEM_ALREADY_EXISTS");
    expect(rt.createEntry(FE, key(0x15008000000077n, 2), []).status).toBe("SAI_STATUS_INVALID_PARAMETER");
    expect(rt.flowCount(t)).toBe(1);
    expect(rt.remove(FT, t).status).toBe("SAI_STATUS_OBJECT_IN_USE");
    expect(rt.removeEntry(FE, key(t, 1)).code).toBe(0);
    expect(rt.remove(FT, t).code).toBe(0);
  });

  it("packed create, get and remove pick each row's table by its flow_table_id, as the object path does", () => {
    const setup = () => {
      const rt = createRuntime({ model: r.model });
      const sw = rt.createSwitch([{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]).objectId!;
      const tables = [0, 1].map(() => rt.create(FT, sw, [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 127 }]).objectId!);
      return { rt, sw, tables: [...tables, 0x15008000000077n] }; // the last: no such table
    };
    // runs of rows in one table, switching tables, a missing table, a repeat
    const rows = [0, 0, 1, 1, 0, 2, 1, 0, 0].map((t, i) => ({ t, i: i === 8 ? 0 : i }));
    const key = (sw: bigint, table: bigint, i: number) => ({
      switch_id: sw, flow_table_id: table, eni_mac: mac("00:00:00:00:00:01"), vnet_id: 1, ip_proto: 6,
      src_ip: ipAddress(`10.0.0.${i}`), dst_ip: ipAddress("10.0.1.1"), src_port: i, dst_port: 80,
    });
    for (const mode of [1, 0] as const) {
      const p = setup();
      const o = setup();
      const kb = p.rt.flowKeyLayout().keyBytes;
      const pack = (keys: ReturnType<typeof key>[]) => {
        const buf = new Uint8Array(kb * keys.length);
        keys.forEach((k, i) => expect(p.rt.packFlowKey(k, buf, i)).toBe(true));
        return { count: keys.length, keys: buf };
      };
      const pk = rows.map(({ t, i }) => key(p.sw, p.tables[t]!, i));
      const ok = rows.map(({ t, i }) => key(o.sw, o.tables[t]!, i));
      // the missing table's row also has a bad value: which one it fails on must match too
      const dir = rows.map(({ t }) => (t === 2 ? 9 : 1));
      const created = p.rt.createFlowsPacked(pack(pk), { SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION: Int32Array.from(dir) }, mode);
      const objectCreate = o.rt.createEntries(FE, ok.map((k, i) => ({ key: k, attrs: [{ id: "SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION", value: dir[i] }] })), mode);
      expect(Array.from(created.codes), `mode ${mode}`).toEqual(objectCreate.statuses.map((x) => x.code));
      expect([0, 1].map((t) => p.rt.flowCount(p.tables[t]))).toEqual([0, 1].map((t) => o.rt.flowCount(o.tables[t])));
      const got = p.rt.getFlowsPacked(pack(pk), "SAI_FLOW_ENTRY_ATTR_VERSION", new Float64Array(pk.length));
      expect(Array.from(got.codes)).toEqual(ok.map((k) => o.rt.getEntry(FE, k, ["SAI_FLOW_ENTRY_ATTR_VERSION"]).code));
      const removed = p.rt.removeFlowsPacked(pack(pk), mode);
      expect(Array.from(removed.codes)).toEqual(o.rt.removeEntries(FE, ok, mode).statuses.map((x) => x.code));
      expect(p.rt.flowCount()).toBe(o.rt.flowCount());
    }
  });
});

describe("a header set whose flow entry has a non-zero default", () => {
  const dir = tempDir("dashflow-hdr-");
  cpSync("sai-headers", dir, { recursive: true });
  const file = join(dir, "saiexperimentaldashflow.h");
  const text = readFileSync(file, "utf8");
  const at = text.indexOf("SAI_FLOW_ENTRY_ATTR_METER_CLASS,");
  const def = text.lastIndexOf("@default 0", at);
  writeFileSync(file, text.slice(0, def) + "@default 7" + text.slice(def + "@default 0".length));
  const r = runPipeline([dir]);

  it("applies it on every create path, unless the create gives the attribute", () => {
    expect(r.diagnostics.sorted().filter((d) => d.severity === "error")).toEqual([]);
    const rt = createRuntime({ model: r.model });
    const sw = rt.createSwitch([{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]).objectId!;
    const t = rt.create(FT, sw, [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 127 }]).objectId!;
    const eni = rt.create("SAI_OBJECT_TYPE_ENI", sw, [{ id: "SAI_ENI_ATTR_FLOW_TABLE_ID", value: t }]).objectId!;
    rt.createEntry("SAI_OBJECT_TYPE_ENI_ETHER_ADDRESS_MAP_ENTRY", { switch_id: sw, address: mac("00:00:00:00:00:01") }, [{ id: "SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID", value: eni }]);
    const key = (i: number) => ({
      switch_id: sw, eni_mac: mac("00:00:00:00:00:01"), vnet_id: 1, ip_proto: 6, src_ip: ipAddress(`10.0.${i >> 8}.${i & 255}`), dst_ip: ipAddress("10.0.1.1"), src_port: i, dst_port: 80,
    });
    const meter = (i: number) => rt.getEntry(FE, key(i), ["SAI_FLOW_ENTRY_ATTR_METER_CLASS"]).attrs![0]!.value;
    expect(rt.createEntry(FE, key(1), []).code).toBe(0);
    expect(meter(1)).toBe(7);
    const kb = rt.flowKeyLayout().keyBytes;
    const keys = new Uint8Array(kb * 300);
    for (let i = 0; i < 300; i++) rt.packFlowKey(key(10 + i), keys, i);
    const first = rt.createFlowsPacked({ count: 150, keys: keys.subarray(0, 150 * kb) }, {}, 0);
    expect(first.succeeded, first.message).toBe(150);
    expect(rt.createFlowsPacked({ count: 150, keys: keys.subarray(150 * kb) }, { SAI_FLOW_ENTRY_ATTR_METER_CLASS: new Uint32Array(150).fill(3) }, 0).succeeded).toBe(150);
    expect([10, 159, 160, 309].map(meter)).toEqual([7, 7, 3, 3]);
    // a reused slot gets the default again
    expect(rt.removeFlowsPacked({ count: 150, keys: keys.subarray(150 * kb) }, 0).succeeded).toBe(150);
    expect(rt.createFlowsPacked({ count: 150, keys: keys.subarray(150 * kb) }, {}, 0).succeeded).toBe(150);
    expect([160, 309].map(meter)).toEqual([7, 7]);
  });
});

describe("fixture base headers (no DASH objects)", () => {
  const m = runPipeline(["test/fixtures/base"]).model;

  it("runs the generic object API and declines the flow paths", () => {
    const rt = createRuntime({ model: m });
    const sw = rt.createSwitch(m.attributes.some((a) => a.attridname === "SAI_SWITCH_ATTR_INIT_SWITCH") ? [{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }] : []);
    expect(sw.code, sw.message).toBe(0);
    expect(rt.objectTypeQuery(sw.objectId!)).toBe("SAI_OBJECT_TYPE_SWITCH");
    expect(rt.flowTables()).toEqual([]);
    expect(rt.scanFlows().ok).toBe(false);
    expect(rt.applyFlows([Uint8Array.of(1)]).rejected).toBe(1);
    expect(rt.createFlowsPacked({ count: 1, keys: new Uint8Array(64) }).status).toBe("SAI_STATUS_NOT_SUPPORTED");
    expect(rt.removeSwitch(sw.objectId!).code).toBe(0);
  });
});

describe.skipIf(!existsSync("/work/upstream-sai/inc"))("full upstream SAI tree", () => {
  const m = runPipeline(["/work/upstream-sai/inc", "/work/upstream-sai/experimental"]).model;

  it("creates, reads, scans and removes flows, and runs an EVENT session", async () => {
    const rt = createRuntime({ model: m });
    const sw = rt.createSwitch([{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]);
    expect(sw.code, sw.message).toBe(0);
    const S = sw.objectId!;
    const t = rt.create(FT, S, [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 127 }]);
    expect(t.code, t.message).toBe(0);
    const eni = rt.create("SAI_OBJECT_TYPE_ENI", S, [{ id: "SAI_ENI_ATTR_FLOW_TABLE_ID", value: t.objectId }]);
    expect(eni.code, eni.message).toBe(0);
    const me = rt.createEntry("SAI_OBJECT_TYPE_ENI_ETHER_ADDRESS_MAP_ENTRY", { switch_id: S, address: mac("00:AA:00:00:00:01") }, [{ id: "SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID", value: eni.objectId }]);
    expect(me.code, me.message).toBe(0);
    for (let i = 0; i < 100; i++) {
      const r = rt.createEntry(FE, { switch_id: S, eni_mac: mac("00:AA:00:00:00:01"), vnet_id: 1, ip_proto: 17, src_ip: ipAddress(`10.0.0.${i}`), dst_ip: ipAddress("10.0.1.1"), src_port: i, dst_port: 53 }, [{ id: "SAI_FLOW_ENTRY_ATTR_VERSION", value: i }]);
      expect(r.code, r.message).toBe(0);
    }
    const c = rt.countFlows({ filters: [{ key: "KEY_VERSION", op: ">=", value: 90 }] });
    expect(c.ok && c.count).toBe(10);
    const events: BulkGetEventData[] = [];
    rt.subscribe((n) => n.type === "flow_bulk_get_session_event" && events.push(...n.data));
    const mode = m.enums.flatMap((e) => e.values).find((v) => v.name.endsWith("_BULK_GET_SESSION_MODE_EVENT"))!.value;
    const s = rt.create("SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION", S, [{ id: "SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE", value: mode }]);
    expect(s.code, s.message).toBe(0);
    await rt.sessionDone(s.objectId!);
    expect(events.filter((e) => e.event_type.endsWith("FLOW_ENTRY"))).toHaveLength(100);
    const copy = createRuntime({ model: m, role: "standby" });
    const S2 = copy.createSwitch([{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]).objectId!;
    const t2 = copy.create(FT, S2, [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 127 }]).objectId!;
    const e2 = copy.create("SAI_OBJECT_TYPE_ENI", S2, [{ id: "SAI_ENI_ATTR_FLOW_TABLE_ID", value: t2 }]).objectId!;
    copy.createEntry("SAI_OBJECT_TYPE_ENI_ETHER_ADDRESS_MAP_ENTRY", { switch_id: S2, address: mac("00:AA:00:00:00:01") }, [{ id: "SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID", value: e2 }]);
    const sc = rt.scanFlows();
    if (!sc.ok) throw new Error(sc.status.message);
    for (const b of sc.batches) copy.applyFlows(b);
    expect(copy.flowDigest()).toEqual(rt.flowDigest());
    expect(rt.remove("SAI_OBJECT_TYPE_SWITCH", S).code).toBe(0);
  });
});
