/**
 * Capability profiles: the loader's diagnostics (with locations), the effective capabilities derived from the DASH
 * capability switch attributes, the two capability queries, and the validator's answers with a profile.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadProfile, loadProfileFile } from "../../runtime/validate/profile-load.js";
import {
  createValidator,
  queryAttributeCapability,
  queryAttributeEnumValuesCapability,
  type AttrInput,
  type CapabilityProfile,
} from "../../runtime/validate/index.js";
import { ipAddress, mac } from "../../runtime/values/index.js";
import { oursModel } from "./_helpers.js";

const T = oursModel();
const S = 0x21000000000000n;
const FE = "SAI_OBJECT_TYPE_FLOW_ENTRY";
const FT = "SAI_OBJECT_TYPE_FLOW_TABLE";
const a = (id: string, value?: unknown): AttrInput => ({ id, value });
const NS = (i: number): number => -(0x50000 + i);
const flowKey = { switch_id: S, eni_mac: mac("00:AA:BB:CC:DD:EE"), vnet_id: 1, ip_proto: 6, src_ip: ipAddress("10.0.0.1"), dst_ip: ipAddress("10.0.0.2"), src_port: 1, dst_port: 2 };

function example(): CapabilityProfile {
  const r = loadProfileFile("profiles/example-vendor.yaml", T);
  expect(r.diagnostics).toEqual([]);
  return r.profile!;
}

/** Diagnostics of an inline profile as `line:col code` strings. */
function diags(text: string): string[] {
  return loadProfile(text, "p.yaml", T).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);
}

describe("loading profiles", () => {
  it("the shipped example is consistent with our headers", () => {
    const p = example();
    expect(p.name).toBe("example-vendor");
    expect(p.switchValues.get("SAI_SWITCH_ATTR_DASH_CAPS_SUPPORTED_DASH_FLOW_ENABLED_KEY")).toBe(1 | 2 | 4 | 8 | 16);
    expect(p.switchValues.get("SAI_SWITCH_ATTR_DASH_CAPS_BULK_GET_SESSION")).toBe(false);
    expect(p.objects.get(FE)!.operations).toEqual({ create: true, remove: true, set: false, get: true });
  });

  it("accepts JSON, and an empty profile", () => {
    expect(diags('{"version": 1, "objects": {"SAI_OBJECT_TYPE_FLOW_TABLE": {"operations": ["get"]}}}')).toEqual([]);
    expect(loadProfile("{}", "p.json", T).profile?.objects.size).toBe(0);
  });

  it("reports every inconsistency with its location", () => {
    const text = [
      "version: 2", // 1
      "switch:", // 2
      "  SAI_SWITCH_ATTR_DASH_CAPS_BULK_GET_SESSION: 5", // 3
      "  SAI_SWITCH_ATTR_INIT_SWITCH: true", // 4
      "  SAI_SWITCH_ATTR_DASH_CAPS_SUPPORTED_DASH_FLOW_ENABLED_KEY: SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC|0x100", // 5
      "objects:", // 6
      "  SAI_OBJECT_TYPE_NOPE: {}", // 7
      "  SAI_OBJECT_TYPE_PORT:", // 8
      "  SAI_OBJECT_TYPE_FLOW_ENTRY:", // 9
      "    operations: [create, fly]", // 10
      "    attributes:", // 11
      "      SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY: [create, get]", // 12
      "      SAI_FLOW_ENTRY_ATTR_VERSION: {capability: [get], enumValues: [X]}", // 13
      "      SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION: {capability: [create], enumValues: [SAI_DASH_DIRECTION_INBOUND, SAI_DASH_DIRECTION_SIDEWAYS]}", // 14
      "      SAI_FLOW_ENTRY_ATTR_NOPE: [get]", // 15
      "  SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER:", // 16
      "    attributes:", // 17
      "      SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_INT_VALUE: [create, set, get]", // 18
      "  SAI_OBJECT_TYPE_SWITCH:", // 19
      "    attributes:", // 20
      "      SAI_SWITCH_ATTR_DASH_CAPS_FLOW_GET: [get]", // 21
      "extra: 1", // 22
    ].join("\n");
    expect(diags(text)).toEqual([
      "1:10 error profile-schema",
      "3:47 error capability-value-type",
      "4:3 error capability-not-read-only",
      "5:62 error capability-value-type",
      "7:3 error unknown-object-type",
      "8:3 error unknown-object-type",
      "10:17 warning capability-conflict", // IP_ADDR_FAMILY lists get, the object only create
      "10:17 warning capability-conflict", // VERSION likewise
      "10:26 error profile-schema",
      "12:43 error read-only-capability",
      "13:68 error not-enum",
      "14:107 error enum-value",
      "15:7 error unknown-attribute",
      "21:7 error mandatory-not-creatable",
      "22:1 error profile-schema",
    ]);
    expect(loadProfile(text, "p.yaml", T).profile).toBeNull();
  });

  it("set on CREATE_ONLY attributes, and warnings that do not fail", () => {
    // No CREATE_ONLY attribute exists in our DASH headers; INIT_SWITCH is one.
    const r = diags("objects:\n  SAI_OBJECT_TYPE_SWITCH:\n    operations: [get]\n    attributes:\n      SAI_SWITCH_ATTR_INIT_SWITCH: [create, set]\n");
    expect(r).toEqual(["3:17 warning capability-conflict", "3:17 warning capability-conflict", "5:36 error create-only-set"]);
    const w = loadProfile("objects:\n  SAI_OBJECT_TYPE_FLOW_TABLE:\n    operations: [get]\n    attributes:\n      SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT: [create, get]\n", "p.yaml", T);
    expect(w.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning capability-conflict"]);
    expect(w.profile).not.toBeNull();
  });

  it("capability switch attributes that contradict the objects", () => {
    const text = [
      "switch:",
      "  SAI_SWITCH_ATTR_DASH_CAPS_FLOW_SET: true",
      "  SAI_SWITCH_ATTR_DASH_CAPS_BULK_GET_SESSION: false",
      "  SAI_SWITCH_ATTR_DASH_CAPS_SUPPORTED_DASH_FLOW_ENABLED_KEY: [SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC]",
      "objects:",
      "  SAI_OBJECT_TYPE_FLOW_ENTRY:",
      "    operations: [create, get]",
      "  SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION: {}",
      "  SAI_OBJECT_TYPE_FLOW_TABLE:",
      "    attributes:",
      "      SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY: {capability: [create], enumValues: [SAI_DASH_FLOW_ENABLED_KEY_VNI]}",
    ].join("\n");
    const r = loadProfile(text, "p.yaml", T).diagnostics;
    expect(r.map((d) => `${d.line} ${d.code}`)).toEqual(["2 capability-conflict", "8 capability-conflict", "11 capability-conflict"]);
    expect(r[2]!.message).toMatch(/SAI_DASH_FLOW_ENABLED_KEY_VNI/);
  });

  it("syntax errors and duplicate keys", () => {
    expect(diags("objects: [\n")).toEqual([expect.stringMatching(/^\d+:\d+ error profile-syntax$/)]);
    expect(diags("name: a\nname: b\n")).toEqual([expect.stringMatching(/profile-syntax$/)]);
    expect(loadProfileFile("/nonexistent/profile.yaml", T).diagnostics[0]!.code).toBe("profile-unreadable");
  });
});

describe("capability queries", () => {
  const p = example();
  it("queryAttributeCapability: flags ∧ operations ∧ profile; undescribed objects answer their flags", () => {
    expect(queryAttributeCapability(p, FT, "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT")).toMatchObject({ code: 0, value: { create_implemented: true, set_implemented: false, get_implemented: true } });
    expect(queryAttributeCapability(p, FE, "SAI_FLOW_ENTRY_ATTR_VERSION")).toMatchObject({ value: { create_implemented: true, set_implemented: false, get_implemented: true } });
    expect(queryAttributeCapability(p, FE, "SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB")).toMatchObject({ value: { create_implemented: false, set_implemented: false, get_implemented: false } });
    expect(queryAttributeCapability(p, "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION", 1)).toMatchObject({ value: { create_implemented: false, set_implemented: false, get_implemented: false } });
    expect(queryAttributeCapability(p, "SAI_OBJECT_TYPE_ENI", "SAI_ENI_ATTR_FLOW_TABLE_ID")).toMatchObject({ value: { create_implemented: true, set_implemented: true, get_implemented: true } });
    expect(queryAttributeCapability(p, "SAI_OBJECT_TYPE_SWITCH", "SAI_SWITCH_ATTR_DASH_CAPS_FLOW_GET")).toMatchObject({ value: { create_implemented: false, set_implemented: false, get_implemented: true } });
    expect(queryAttributeCapability(p, FE, "SAI_FLOW_ENTRY_ATTR_NOPE").status).toBe("SAI_STATUS_INVALID_PARAMETER");
    expect(queryAttributeCapability(p, "SAI_OBJECT_TYPE_NOPE", 0).status).toBe("SAI_STATUS_INVALID_PARAMETER");
  });

  it("queryAttributeEnumValuesCapability: the supported values, all when unrestricted", () => {
    expect(queryAttributeEnumValuesCapability(p, FT, "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY")).toMatchObject({ code: 0, value: [1, 2, 4, 8, 16] });
    expect(queryAttributeEnumValuesCapability(p, FE, "SAI_FLOW_ENTRY_ATTR_UNDERLAY0_DASH_ENCAPSULATION")).toMatchObject({ value: [1] });
    expect(queryAttributeEnumValuesCapability(p, FE, "SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION")).toMatchObject({ value: [0, 1, 2] });
    expect(queryAttributeEnumValuesCapability(p, FE, "SAI_FLOW_ENTRY_ATTR_VERSION").status).toBe("SAI_STATUS_INVALID_PARAMETER");
  });

  it("the enabled-key mask alone restricts the flow table attribute", () => {
    const q = loadProfile("switch:\n  SAI_SWITCH_ATTR_DASH_CAPS_SUPPORTED_DASH_FLOW_ENABLED_KEY: SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC|SAI_DASH_FLOW_ENABLED_KEY_DST_PORT\n", "p.yaml", T).profile!;
    expect(queryAttributeEnumValuesCapability(q, FT, "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY")).toMatchObject({ value: [1, 64] });
    expect(queryAttributeCapability(q, FT, "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT")).toMatchObject({ value: { create_implemented: true, set_implemented: true } });
  });
});

describe.each(["sai", "sairedis"] as const)("the validator with the example profile (%s mode)", (mode) => {
  const v = createValidator(T, { mode, profile: example() });
  it("unsupported operations → NOT_SUPPORTED", () => {
    expect(v.validateSet(FE, [a("SAI_FLOW_ENTRY_ATTR_VERSION", 1)], { key: flowKey }).code).toBe(-2);
    expect(v.validateCreate("SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION", [], { switchId: S }).code).toBe(-2);
    expect(v.validateRemove("SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER", { objectId: 0x17008000000001n }).code).toBe(-2);
    expect(v.validateCreate(FE, [a("SAI_FLOW_ENTRY_ATTR_VERSION", 1)], { key: flowKey }).code).toBe(0);
  });
  it("attributes and values the profile does not implement → ATTR_NOT_SUPPORTED_0+i", () => {
    const create = (attrs: AttrInput[]) => v.validateCreate(FE, attrs, { key: flowKey });
    expect(create([a("SAI_FLOW_ENTRY_ATTR_VERSION", 1), a("SAI_FLOW_ENTRY_ATTR_UNDERLAY1_VNET_ID", 5)])).toMatchObject({ code: NS(1), status: "SAI_STATUS_ATTR_NOT_SUPPORTED_1", attr: "SAI_FLOW_ENTRY_ATTR_UNDERLAY1_VNET_ID" });
    expect(create([a("SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION", 64)]).code).toBe(NS(0)); // NAT46 not listed
    expect(create([a("SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION", 4)]).code).toBe(0);
    expect(create([a("SAI_FLOW_ENTRY_ATTR_IS_UNIDIRECTIONAL_FLOW", true)]).code).toBe(NS(0)); // UNIDIRECTIONAL_FLOW_ENTRY false
    expect(create([a("SAI_FLOW_ENTRY_ATTR_IS_UNIDIRECTIONAL_FLOW", false)]).code).toBe(0);
    expect(create([a("SAI_FLOW_ENTRY_ATTR_DASH_FLOW_SYNC_STATE", 0)]).code).toBe(NS(0)); // get only
    // Metadata rules come first.
    expect(create([a("SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY", 0)]).code).toBe(mode === "sai" ? -0x10000 : -5);
    expect(create([a("SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION", 1 << 12)]).code).toBe(mode === "sai" ? -0x20000 : -5);
    const ft = (key: number) => v.validateCreate(FT, [a("SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", key)], { switchId: S });
    expect(ft(1).code).toBe(0);
    expect(ft(32).code).toBe(NS(0)); // SRC_PORT is outside the supported mask
    if (mode === "sai") expect(ft(1 | 2 | 16).code).toBe(0);
    expect(v.validateGet(FE, [a("SAI_FLOW_ENTRY_ATTR_VERSION"), a("SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB")], { key: flowKey })).toMatchObject({ code: NS(1), index: 1 });
    expect(v.validateSet(FT, [a("SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", 5)], { objectId: 0x15008000000001n }).code).toBe(NS(0));
    expect(v.validateSet(FT, [a("SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS", 5)], { objectId: 0x15008000000001n }).code).toBe(0);
  });
  it("the example file round-trips through the YAML library untouched", () => {
    expect(readFileSync("profiles/example-vendor.yaml", "utf8")).toMatch(/^# A partial DASH flow implementation/);
  });
});
