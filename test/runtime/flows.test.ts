/**
 * Flow entries through the generic API: table lookup, every status path, enabled-key masks, capacity,
 * bidirectional removal, VERSION / SYNC_STATE, computed IP_ADDR_FAMILY and FLOW_DATA_PB programming (cross-checked
 * with the protobufjs reference codec).
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderProtoFiles } from "../../generator/emit/proto.js";
import { loadFlowCodecs, type FlowCodecs } from "../../runtime/proto/index.js";
import { ipAddress, mac } from "../../runtime/values/index.js";
import { A, addTable, ENI_MAC, FE, flowKey, FT, model, reverseAttrs, standard, withSwitch } from "./_helpers.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

let codecs: FlowCodecs | undefined;
const reference = () => (codecs ??= loadFlowCodecs(model(), renderProtoFiles(model(), "// test\n"))!);

describe("flow entry statuses", () => {
  it("create, duplicate, get, set, remove, and the absent flow", () => {
    const { rt, sw } = standard();
    const k = flowKey(sw, 1);
    expect(rt.createEntry(FE, k, [{ id: A("VERSION"), value: 7 }]).code).toBe(0);
    expect(rt.createEntry(FE, k, []).status).toBe("SAI_STATUS_ITEM_ALREADY_EXISTS");
    expect(rt.getEntry(FE, k, [A("VERSION"), A("DASH_FLOW_SYNC_STATE")]).attrs).toEqual([
      { id: A("VERSION"), value: 7 },
      { id: A("DASH_FLOW_SYNC_STATE"), value: 0 },
    ]);
    expect(rt.setEntry(FE, k, { id: A("DASH_FLOW_SYNC_STATE"), value: 2 }).code).toBe(0);
    expect(rt.getEntry(FE, k, [A("DASH_FLOW_SYNC_STATE")]).attrs![0]!.value).toBe(2);
    expect(rt.removeEntry(FE, k).code).toBe(0);
    expect(rt.removeEntry(FE, k).status).toBe("SAI_STATUS_ITEM_NOT_FOUND");
    expect(rt.getEntry(FE, k, [A("VERSION")]).status).toBe("SAI_STATUS_ITEM_NOT_FOUND");
    expect(rt.setEntry(FE, k, { id: A("VERSION"), value: 1 }).status).toBe("SAI_STATUS_ITEM_NOT_FOUND");
  });

  it("answers INVALID_PARAMETER naming the MAC when no table serves the ENI", () => {
    const { rt, sw } = standard();
    const k = flowKey(sw, 1, { eni_mac: mac("02:00:00:00:00:01") });
    const r = rt.createEntry(FE, k, []);
    expect(r.status).toBe("SAI_STATUS_INVALID_PARAMETER");
    expect(r.message).toContain("02:00:00:00:00:01");
    expect(rt.getEntry(FE, k, [A("VERSION")]).status).toBe("SAI_STATUS_ITEM_NOT_FOUND");
  });

  it("rejects a key whose switch was not created, READ_ONLY attributes, bad values", () => {
    const { rt, sw } = standard();
    expect(rt.createEntry(FE, flowKey(0x21000000000005n, 1), []).status).toBe("SAI_STATUS_INVALID_PARAMETER");
    expect(rt.createEntry(FE, flowKey(sw, 1), [{ id: A("IP_ADDR_FAMILY"), value: 0 }]).status).toBe("SAI_STATUS_INVALID_ATTRIBUTE_0");
    expect(rt.createEntry(FE, flowKey(sw, 1), [{ id: A("VERSION"), value: 1 }, { id: A("DASH_DIRECTION"), value: 9 }]).status).toBe("SAI_STATUS_INVALID_ATTR_VALUE_1");
    expect(rt.createEntry(FE, flowKey(sw, 1), [{ id: A("DASH_FLOW_ACTION"), value: 1 | 4 | 16 }]).code).toBe(0);
  });

  it("computes IP_ADDR_FAMILY from the key's src_ip", () => {
    const { rt, sw } = standard();
    const v6 = flowKey(sw, 2, { src_ip: ipAddress("2001:db8::1"), dst_ip: ipAddress("2001:db8::2") });
    rt.createEntry(FE, flowKey(sw, 1), []);
    rt.createEntry(FE, v6, []);
    expect(rt.getEntry(FE, flowKey(sw, 1), [A("IP_ADDR_FAMILY")]).attrs![0]!.value).toBe(0);
    expect(rt.getEntry(FE, v6, [A("IP_ADDR_FAMILY")]).attrs![0]!.value).toBe(1);
  });

  it("places flows by ENI MAC: two ENIs, two tables", () => {
    const { rt, sw, table } = standard();
    const t2 = addTable(rt, sw, "00:00:00:00:00:02").table;
    rt.createEntry(FE, flowKey(sw, 1), []);
    rt.createEntry(FE, flowKey(sw, 1, { eni_mac: mac("00:00:00:00:00:02") }), []);
    rt.createEntry(FE, flowKey(sw, 2, { eni_mac: mac("00:00:00:00:00:02") }), []);
    expect(rt.flowCount(table)).toBe(1);
    expect(rt.flowCount(t2)).toBe(2);
    expect(rt.flowCount()).toBe(3);
    expect(rt.remove(FT, t2).status).toBe("SAI_STATUS_OBJECT_IN_USE");
  });
});

describe("enabled-key mask", () => {
  it("ignores disabled key members for matching", () => {
    // ENI_MAC | SRC_IP only: ports, protocol, vnet and dst_ip do not distinguish flows
    const { rt, sw } = standard({}, [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 1 | 8 }]);
    expect(rt.createEntry(FE, flowKey(sw, 1), [{ id: A("VERSION"), value: 5 }]).code).toBe(0);
    const other = flowKey(sw, 1, { src_port: 9, dst_port: 9, ip_proto: 17, vnet_id: 7, dst_ip: ipAddress("1.2.3.4") });
    expect(rt.createEntry(FE, other, []).status).toBe("SAI_STATUS_ITEM_ALREADY_EXISTS");
    expect(rt.getEntry(FE, other, [A("VERSION")]).attrs![0]!.value).toBe(5);
    expect(rt.createEntry(FE, flowKey(sw, 2), []).code).toBe(0);
    expect(rt.flowCount()).toBe(2);
  });

  it("can change only while the table is empty", () => {
    const { rt, sw, table } = standard();
    rt.createEntry(FE, flowKey(sw, 1), []);
    const r = rt.set(FT, table, { id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 1 });
    expect(r.status).toBe("SAI_STATUS_OBJECT_IN_USE");
    rt.removeEntry(FE, flowKey(sw, 1));
    expect(rt.set(FT, table, { id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 1 }).code).toBe(0);
    rt.createEntry(FE, flowKey(sw, 1), []);
    expect(rt.createEntry(FE, flowKey(sw, 2), []).status).toBe("SAI_STATUS_ITEM_ALREADY_EXISTS");
  });
});

describe("capacity", () => {
  it("answers TABLE_FULL at MAX_FLOW_COUNT and inserts nothing of a bulk that does not fit", () => {
    const { rt, sw, table } = standard({}, [{ id: "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", value: 3 }]);
    expect(rt.createEntries(FE, [1, 2].map((i) => ({ key: flowKey(sw, i), attrs: [] }))).code).toBe(0);
    const r = rt.createEntries(FE, [3, 4].map((i) => ({ key: flowKey(sw, i), attrs: [] })), 1);
    expect(r.statuses.map((s) => s.status)).toEqual(["SAI_STATUS_TABLE_FULL", "SAI_STATUS_TABLE_FULL"]);
    expect(rt.flowCount(table)).toBe(2);
    expect(rt.createEntry(FE, flowKey(sw, 3), []).code).toBe(0);
    expect(rt.createEntry(FE, flowKey(sw, 4), []).status).toBe("SAI_STATUS_TABLE_FULL");
    expect(rt.set(FT, table, { id: "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", value: 0 }).code).toBe(0);
    expect(rt.createEntry(FE, flowKey(sw, 4), []).code).toBe(0);
  });

  it("MAX_FLOW_COUNT 0 is bounded by the switch's DASH_CAPS_MAX_FLOW_ENTRY_COUNT over all tables", () => {
    const { rt, sw } = standard({ limits: { maxFlowEntries: 2 } });
    addTable(rt, sw, "00:00:00:00:00:02");
    expect(rt.createEntry(FE, flowKey(sw, 1), []).code).toBe(0);
    expect(rt.createEntry(FE, flowKey(sw, 1, { eni_mac: mac("00:00:00:00:00:02") }), []).code).toBe(0);
    expect(rt.createEntry(FE, flowKey(sw, 2), []).status).toBe("SAI_STATUS_TABLE_FULL");
  });
});

describe("bulk flows", () => {
  it("STOP_ON_ERROR and IGNORE_ERROR with per-object statuses", () => {
    const { rt, sw } = standard();
    rt.createEntry(FE, flowKey(sw, 2), []);
    const items = [1, 2, 3].map((i) => ({ key: flowKey(sw, i), attrs: [] }));
    const stop = rt.createEntries(FE, items, 0);
    expect(stop.statuses.map((s) => s.status)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_ITEM_ALREADY_EXISTS", "SAI_STATUS_NOT_EXECUTED"]);
    expect(rt.flowCount()).toBe(2);
    const ign = rt.createEntries(FE, [3, 2, 4].map((i) => ({ key: flowKey(sw, i), attrs: [] })), 1);
    expect(ign.statuses.map((s) => s.code)).toEqual([0, -6, 0]);
    expect(rt.flowCount()).toBe(4);
    const rm = rt.removeEntries(FE, [1, 9, 3].map((i) => flowKey(sw, i)), 1);
    expect(rm.statuses.map((s) => s.code)).toEqual([0, -7, 0]);
    const rm2 = rt.removeEntries(FE, [9, 2].map((i) => flowKey(sw, i)), 0);
    expect(rm2.statuses.map((s) => s.code)).toEqual([-7, -23]);
    expect(rt.flowCount()).toBe(2);
  });
});

describe("bidirectional flows", () => {
  const reverseOf = (sw: bigint, i: number) => ({
    ...flowKey(sw, 0),
    src_ip: ipAddress("10.200.0.1"),
    dst_ip: flowKey(sw, i).src_ip,
    src_port: 80,
    dst_port: 1000 + i,
  });
  const revAttrs = (sw: bigint, i: number) => reverseAttrs(reverseOf(sw, i));

  it("removing a bidirectional flow removes its reverse flow", () => {
    const { rt, sw } = standard();
    expect(rt.createEntry(FE, flowKey(sw, 1), revAttrs(sw, 1)).code).toBe(0);
    expect(rt.createEntry(FE, reverseOf(sw, 1), []).code).toBe(0);
    expect(rt.flowCount()).toBe(2);
    expect(rt.removeEntry(FE, flowKey(sw, 1)).code).toBe(0);
    expect(rt.flowCount()).toBe(0);
  });

  it("keeps the reverse flow of a unidirectional flow", () => {
    const { rt, sw } = standard();
    rt.createEntry(FE, flowKey(sw, 1), [...revAttrs(sw, 1), { id: A("IS_UNIDIRECTIONAL_FLOW"), value: true }]);
    rt.createEntry(FE, reverseOf(sw, 1), []);
    rt.removeEntry(FE, flowKey(sw, 1));
    expect(rt.flowCount()).toBe(1);
  });

  it("a bulk remove naming both directions succeeds for both", () => {
    const { rt, sw } = standard();
    rt.createEntry(FE, flowKey(sw, 1), revAttrs(sw, 1));
    rt.createEntry(FE, reverseOf(sw, 1), []);
    const r = rt.removeEntries(FE, [flowKey(sw, 1), reverseOf(sw, 1)], 0);
    expect(r.statuses.map((s) => s.code)).toEqual([0, 0]);
    expect(rt.flowCount()).toBe(0);
  });
});

describe("FLOW_DATA_PB", () => {
  it("get encodes the current state byte-identically to protobufjs, and set replaces the whole state", () => {
    const { rt, sw } = standard();
    const k = flowKey(sw, 1);
    rt.createEntry(FE, k, [
      { id: A("VERSION"), value: 3 },
      { id: A("METER_CLASS"), value: 9 },
      { id: A("UNDERLAY0_SIP"), value: ipAddress("2001:db8::5") },
      { id: A("DST_MAC"), value: mac("02:00:00:00:00:09") },
      { id: A("VENDOR_METADATA"), value: [1, 2, 3] },
    ]);
    const pb = Uint8Array.from(rt.getEntry(FE, k, [A("FLOW_DATA_PB")]).attrs![0]!.value as number[]);
    const ref = reference().protobufjs;
    const decoded = ref.decodeFlowEntry(pb);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(Array.from(ref.encodeFlowEntry(decoded.value))).toEqual(Array.from(pb));
    expect(decoded.value.flow_state.version).toBe(3);
    expect(decoded.value.flow_state.meter_class).toBe(9);

    // program another flow from it: every state attribute follows, including ones that were non-default before
    const k2 = flowKey(sw, 2);
    rt.createEntry(FE, k2, [{ id: A("DASH_DIRECTION"), value: 2 }]);
    expect(rt.setEntry(FE, k2, { id: A("FLOW_DATA_PB"), value: Array.from(pb) }).code).toBe(0);
    const g = rt.getEntry(FE, k2, [A("VERSION"), A("METER_CLASS"), A("DASH_DIRECTION"), A("VENDOR_METADATA"), A("DST_MAC")]);
    expect(g.attrs!.map((a) => a.value)).toEqual([3, 9, 0, [1, 2, 3], mac("02:00:00:00:00:09")]);

    // round trip on create
    const k3 = flowKey(sw, 3);
    expect(rt.createEntry(FE, k3, [{ id: A("FLOW_DATA_PB"), value: Array.from(pb) }]).code).toBe(0);
    const pb3 = rt.getEntry(FE, k3, [A("FLOW_DATA_PB")]).attrs![0]!.value as number[];
    const d3 = ref.decodeFlowEntry(Uint8Array.from(pb3));
    expect(d3.ok && d3.value.flow_state).toEqual(decoded.value.flow_state);
  });

  it("rejects bytes that are not a SaiDashFlowEntry, or carry invalid values, at the attribute's position", () => {
    const { rt, sw } = standard();
    const k = flowKey(sw, 1);
    expect(rt.createEntry(FE, k, [{ id: A("VERSION"), value: 1 }, { id: A("FLOW_DATA_PB"), value: [0x1a, 0x05, 0x08] }]).status).toBe("SAI_STATUS_INVALID_ATTR_VALUE_1");
    const bad = reference().protobufjs.encodeFlowEntry({ flow_key: {}, reverse_flow_key: {}, flow_state: { dash_direction: 7 } });
    expect(rt.createEntry(FE, k, [{ id: A("FLOW_DATA_PB"), value: Array.from(bad) }]).status).toBe("SAI_STATUS_INVALID_ATTR_VALUE_0");
    expect(rt.flowCount()).toBe(0);
  });
});

describe("headers variants", () => {
  it("works in sairedis mode too", () => {
    // sairedis mode accepts exact enum values only, so the table keys on ENI_MAC alone
    const { rt, sw } = standard({ mode: "sairedis" }, [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 1 }]);
    expect(rt.createEntry(FE, flowKey(sw, 1), []).code).toBe(0);
    expect(rt.createEntry(FE, flowKey(sw, 1), [{ id: A("IP_ADDR_FAMILY"), value: 0 }]).status).toBe("SAI_STATUS_INVALID_PARAMETER");
  });

  it("a runtime without a switch has no tables", () => {
    const { rt } = withSwitch();
    expect(rt.flowTables()).toEqual([]);
    expect(rt.scanFlows().ok).toBe(true);
  });
});

describe("reserveFlows", () => {
  it("provisions a table to hold a flow count (capped by MAX_FLOW_COUNT), refuses unknown tables and bad counts", () => {
    const { rt, sw, table } = standard();
    for (let i = 0; i < 100; i++) expect(rt.createEntry(FE, flowKey(sw, i), []).code).toBe(0);
    const r = rt.reserveFlows(table, 10_000);
    expect(r.code).toBe(0);
    expect(r.room).toBeGreaterThanOrEqual(9_900);
    expect(rt.flowCount(table)).toBe(100);
    for (let i = 0; i < 100; i++) expect(rt.getEntry(FE, flowKey(sw, i), ["SAI_FLOW_ENTRY_ATTR_VERSION"]).code).toBe(0);
    expect(rt.reserveFlows(table + 1n, 10).status).toBe("SAI_STATUS_ITEM_NOT_FOUND");
    expect(rt.reserveFlows(table, -1).status).toBe("SAI_STATUS_INVALID_PARAMETER");
    const capped = standard({}, [{ id: "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", value: 500 }]);
    expect(capped.rt.reserveFlows(capped.table, 1_000_000).room).toBeLessThan(1000);
  });
});

describe("provisioning in the background (provisionInBackground, servers)", () => {
  /** RSS deltas of a `test/support/commit-rss.ts` probe (a process of its own). */
  const rssProbe = (what: string, n: number): Record<string, number> =>
    JSON.parse(execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "test", "support", "commit-rss.ts"), what, String(n)], { encoding: "utf8" })) as Record<string, number>;

  it("creates a provisioned table at once and commits its memory by provisioned() (RSS in a process of its own)", () => {
    const n = 600_000;
    const d = rssProbe("background", n);
    // slot rows + index, committed after the table is created
    expect(d.created).toBeLessThan(n * 20);
    expect(d.provisioned).toBeGreaterThan(n * 60);
  }, 30_000);

  it("commits the first table's memory when the runtime starts; the table created later takes it (RSS in a process of its own)", () => {
    const n = 600_000;
    const d = rssProbe("pool", n);
    // slot rows (96 B) and index (~16 B per flow) at start; creating and provisioning the table adds little
    expect(d.start).toBeGreaterThan(n * 90);
    expect(d.table).toBeLessThan(n * 15);
  }, 30_000);

  it("keeps flows created while the commit runs, and reserves in the background too", async () => {
    const n = 600_000;
    const { rt, sw, table } = standard({ expectedFlowsPerTable: n, provisionInBackground: true });
    for (let i = 0; i < 50; i++) expect(rt.createEntry(FE, flowKey(sw, i), [{ id: A("VERSION"), value: i }]).code).toBe(0);
    await rt.provisioned();
    for (let i = 0; i < 50; i++) expect(rt.getEntry(FE, flowKey(sw, i), [A("VERSION")]).attrs?.[0]?.value).toBe(i);
    expect(rt.flowCount(table)).toBe(50);
    const r = rt.reserveFlows(table, 2 * n);
    expect(r.code).toBe(0);
    expect(r.room).toBeGreaterThanOrEqual(2 * n - 50);
    for (let i = 50; i < 100; i++) expect(rt.createEntry(FE, flowKey(sw, i), [{ id: A("VERSION"), value: i }]).code).toBe(0);
    await rt.provisioned();
    for (let i = 0; i < 100; i++) expect(rt.getEntry(FE, flowKey(sw, i), [A("VERSION")]).attrs?.[0]?.value).toBe(i);
    await rt.close();
  });

  it("flowDigestAsync equals flowDigest, for all tables and one", async () => {
    const { rt, sw, table } = standard();
    for (let i = 0; i < 3000; i++) rt.createEntry(FE, flowKey(sw, i), [{ id: A("VERSION"), value: i % 7 }]);
    expect(await rt.flowDigestAsync()).toEqual(rt.flowDigest());
    expect(await rt.flowDigestAsync(table)).toEqual(rt.flowDigest(table));
    expect((await rt.flowDigestAsync()).count).toBe(3000);
  });
});
