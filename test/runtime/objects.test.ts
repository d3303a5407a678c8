/**
 * The generic object API: OID encoding, defaults, READ_ONLY values, reference counting, switch removal, entries,
 * bulk error modes, POINTER callbacks, and the status of every failure path.
 */
import { describe, expect, it } from "vitest";
import { decodeOid } from "../../runtime/oid.js";
import { mac } from "../../runtime/values/index.js";
import { addTable, ENI, FILTER, FT, MAP, SESSION, withSwitch } from "./_helpers.js";

describe("switch and OID objects", () => {
  it("creates a switch as index 0 and objects whose ids encode their type", () => {
    const { rt, sw } = withSwitch();
    expect(sw).toBe(0x21000000000000n);
    const ft = rt.create(FT, sw, []);
    expect(ft.code).toBe(0);
    expect(ft.objectId).toBe(0x15008000000001n);
    expect(decodeOid(ft.objectId!).objectType).toBe(0x20000015);
    expect(rt.objectTypeQuery(ft.objectId!)).toBe(FT);
    expect(rt.switchIdQuery(ft.objectId!)).toBe(sw);
    expect(rt.listObjects(FT)).toEqual([ft.objectId]);
  });

  it("applies defaults on create and returns them on get", () => {
    const { rt, sw } = withSwitch();
    const ft = rt.create(FT, sw, [{ id: "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS", value: 500 }]);
    const g = rt.get(FT, ft.objectId!, ["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS"]);
    expect(g.code).toBe(0);
    expect(g.attrs).toEqual([
      { id: "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", value: 0 },
      { id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 1 },
      { id: "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS", value: 500 },
    ]);
    // numeric attribute ids are accepted; results carry names
    expect(rt.get(FT, ft.objectId!, [2]).attrs).toEqual([{ id: "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS", value: 500 }]);
  });

  it("answers the DASH capability switch attributes", () => {
    const { rt, sw } = withSwitch({ limits: { maxFlowTables: 7, maxFlowEntries: 1000 } });
    const g = rt.get("SAI_OBJECT_TYPE_SWITCH", sw, [
      "SAI_SWITCH_ATTR_DASH_CAPS_MAX_FLOW_TABLE_COUNT",
      "SAI_SWITCH_ATTR_DASH_CAPS_MAX_FLOW_ENTRY_COUNT",
      "SAI_SWITCH_ATTR_DASH_CAPS_SUPPORTED_DASH_FLOW_ENABLED_KEY",
      "SAI_SWITCH_ATTR_DASH_CAPS_BULK_GET_SESSION",
      "SAI_SWITCH_ATTR_DASH_CAPS_UNIDIRECTIONAL_FLOW_ENTRY",
      "SAI_SWITCH_ATTR_DASH_CAPS_FLOW_CREATE",
      "SAI_SWITCH_ATTR_DASH_CAPS_FLOW_REMOVE",
      "SAI_SWITCH_ATTR_DASH_CAPS_FLOW_SET",
      "SAI_SWITCH_ATTR_DASH_CAPS_FLOW_GET",
    ]);
    expect(g.attrs!.map((a) => a.value)).toEqual([7, 1000, 127, true, true, true, true, true, true]);
  });

  it("limits flow tables to DASH_CAPS_MAX_FLOW_TABLE_COUNT", () => {
    const { rt, sw } = withSwitch({ limits: { maxFlowTables: 1 } });
    expect(rt.create(FT, sw, []).code).toBe(0);
    expect(rt.create(FT, sw, []).status).toBe("SAI_STATUS_INSUFFICIENT_RESOURCES");
  });

  it("answers ITEM_NOT_FOUND and INVALID_PARAMETER where due", () => {
    const { rt, sw } = withSwitch();
    const ghost = 0x15008000000099n;
    expect(rt.get(FT, ghost, ["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT"]).status).toBe("SAI_STATUS_ITEM_NOT_FOUND");
    expect(rt.set(FT, ghost, { id: "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", value: 1 }).status).toBe("SAI_STATUS_ITEM_NOT_FOUND");
    expect(rt.remove(FT, ghost).status).toBe("SAI_STATUS_ITEM_NOT_FOUND");
    expect(rt.remove(ENI, 0x15008000000001n).status).toBe("SAI_STATUS_INVALID_PARAMETER");
    expect(rt.create(FT, 0n, []).status).toBe("SAI_STATUS_INVALID_PARAMETER");
    expect(rt.create(FT, sw, [{ id: 0x7777, value: 1 }]).status).toBe("SAI_STATUS_UNKNOWN_ATTRIBUTE_0");
    expect(rt.create(FT, sw, [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 128 }]).status).toBe("SAI_STATUS_INVALID_ATTR_VALUE_0");
    expect(rt.create("SAI_OBJECT_TYPE_NOPE", sw, []).status).toBe("SAI_STATUS_INVALID_PARAMETER");
  });

  it("counts references in attributes: OBJECT_IN_USE until released", () => {
    const { rt, sw } = withSwitch();
    const ft = rt.create(FT, sw, []).objectId!;
    const eni = rt.create(ENI, sw, [{ id: "SAI_ENI_ATTR_FLOW_TABLE_ID", value: ft }]).objectId!;
    expect(rt.referenceCount(ft)).toBe(1);
    expect(rt.remove(FT, ft).status).toBe("SAI_STATUS_OBJECT_IN_USE");
    expect(rt.set(ENI, eni, { id: "SAI_ENI_ATTR_FLOW_TABLE_ID", value: 0n }).code).toBe(0);
    expect(rt.referenceCount(ft)).toBe(0);
    expect(rt.remove(FT, ft).code).toBe(0);
  });

  it("counts references of session filters (V45)", () => {
    const { rt, sw } = withSwitch();
    const f = rt.create(FILTER, sw, [
      { id: "SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY", value: 3 },
      { id: "SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY", value: 1 },
    ]).objectId!;
    const s = rt.create(SESSION, sw, [
      { id: "SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE", value: 2 },
      { id: "SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_FIRST_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID", value: f },
    ]);
    expect(s.code).toBe(0);
    expect(rt.remove(FILTER, f).status).toBe("SAI_STATUS_OBJECT_IN_USE");
    expect(rt.set(SESSION, s.objectId!, { id: "SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_FIRST_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID", value: 0n }).code).toBe(0);
    expect(rt.remove(FILTER, f).code).toBe(0);
  });

  it("counts references in entry attributes and keys; entries answer ITEM_ALREADY_EXISTS / ITEM_NOT_FOUND", () => {
    const { rt, sw } = withSwitch();
    const { eni } = addTable(rt, sw, "00:00:00:00:00:01");
    const key = { switch_id: sw, address: mac("00:00:00:00:00:01") };
    expect(rt.referenceCount(eni)).toBe(1);
    expect(rt.remove(ENI, eni).status).toBe("SAI_STATUS_OBJECT_IN_USE");
    expect(rt.createEntry(MAP, key, [{ id: "SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID", value: eni }]).status).toBe("SAI_STATUS_ITEM_ALREADY_EXISTS");
    expect(rt.getEntry(MAP, key, ["SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID"]).attrs).toEqual([{ id: "SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID", value: eni }]);
    expect(rt.removeEntry(MAP, key).code).toBe(0);
    expect(rt.removeEntry(MAP, key).status).toBe("SAI_STATUS_ITEM_NOT_FOUND");
    expect(rt.referenceCount(eni)).toBe(0);
    expect(rt.remove(ENI, eni).code).toBe(0);
  });

  it("removes everything on a switch with the switch", () => {
    const { rt, sw } = withSwitch();
    const { table } = addTable(rt, sw, "00:00:00:00:00:01");
    expect(rt.removeSwitch(sw).code).toBe(0);
    expect(rt.objectTypeQuery(table)).toBeUndefined();
    expect(rt.flowTables()).toEqual([]);
    expect(rt.listObjects(ENI)).toEqual([]);
    // the switch index is free again
    expect(rt.createSwitch([{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]).objectId).toBe(sw);
  });

  it("keeps a function given as a POINTER attribute and reports a non-zero pointer", () => {
    const { rt, sw } = withSwitch();
    const fn = () => undefined;
    expect(rt.set("SAI_OBJECT_TYPE_SWITCH", sw, { id: "SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY", value: fn }).code).toBe(0);
    const v = rt.get("SAI_OBJECT_TYPE_SWITCH", sw, ["SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY"]).attrs![0]!.value;
    expect(typeof v).toBe("bigint");
    expect(v).not.toBe(0n);
  });
});

describe("bulk", () => {
  it("STOP_ON_ERROR executes the items before the failure only", () => {
    const { rt, sw } = withSwitch();
    const r = rt.createMany(FT, sw, [[], [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 999 }], []], 0);
    expect(r.status).toBe("SAI_STATUS_FAILURE");
    expect(r.statuses.map((s) => s.status)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_INVALID_ATTR_VALUE_0", "SAI_STATUS_NOT_EXECUTED"]);
    expect(r.objectIds[0]).toBeDefined();
    expect(r.objectIds[2]).toBeUndefined();
    expect(rt.listObjects(FT)).toHaveLength(1);
  });

  it("IGNORE_ERROR executes every valid item", () => {
    const { rt, sw } = withSwitch();
    const r = rt.createMany(FT, sw, [[], [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 999 }], []], 1);
    expect(r.statuses.map((s) => s.code)).toEqual([0, -0x20000, 0]);
    expect(rt.listObjects(FT)).toHaveLength(2);
    const rm = rt.removeMany(FT, [...rt.listObjects(FT), 0x15008000000077n], 1);
    expect(rm.statuses.map((s) => s.status)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_SUCCESS", "SAI_STATUS_ITEM_NOT_FOUND"]);
  });

  it("sairedis mode returns the first failure's status", () => {
    const { rt, sw } = withSwitch({ mode: "sairedis" });
    const r = rt.createMany(FT, sw, [[], [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 999 }]], 1);
    expect(r.status).toBe("SAI_STATUS_INVALID_PARAMETER");
    expect(r.index).toBe(1);
  });

  it("rejects a bad mode, an empty call, and duplicate entries in one call", () => {
    const { rt, sw } = withSwitch();
    expect(rt.createMany(FT, sw, [[]], 7).status).toBe("SAI_STATUS_INVALID_PARAMETER");
    expect(rt.createMany(FT, sw, [], 0).status).toBe("SAI_STATUS_INVALID_PARAMETER");
    const { eni } = addTable(rt, sw, "00:00:00:00:00:09");
    const key = { switch_id: sw, address: mac("00:00:00:00:00:02") };
    const item = { key, attrs: [{ id: "SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID", value: eni }] };
    const r = rt.createEntries(MAP, [item, item], 1);
    expect(r.statuses.map((s) => s.status)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_ITEM_ALREADY_EXISTS"]);
  });

  it("sets and gets in bulk", () => {
    const { rt, sw } = withSwitch();
    const ids = rt.createMany(FT, sw, [[], []]).objectIds as bigint[];
    const s = rt.setMany(FT, ids.map((objectId, i) => ({ objectId, attr: { id: "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", value: 10 + i } })));
    expect(s.code).toBe(0);
    const g = rt.getMany(FT, ids.map((objectId) => ({ objectId, ids: ["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT"] })));
    expect(g.attrs.map((a) => a![0]!.value)).toEqual([10, 11]);
  });
});
