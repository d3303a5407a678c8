/**
 * The validation rules on our own headers (sai-headers/): the DASH flow objects, the ENI that binds a flow table,
 * the switch with its DASH extension attributes. These run in CI; the §8.2 DASH cases (V39–V46) are mirrored here.
 */
import { describe, expect, it } from "vitest";
import { attrChecks, type CheckContext } from "../../runtime/validate/checks.js";
import { createValidator, MemoryState, OidTypes, type AttrInput, type ValidationMode } from "../../runtime/validate/index.js";
import { ipAddress, mac, nullList } from "../../runtime/values/index.js";
import { HAVE_UPSTREAM, oursModel, upstreamModel } from "./_helpers.js";

const T = oursModel();
const SW = "SAI_OBJECT_TYPE_SWITCH";
const FT = "SAI_OBJECT_TYPE_FLOW_TABLE";
const FE = "SAI_OBJECT_TYPE_FLOW_ENTRY";
const SESSION = "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION";
const FILTER = "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER";
const ENI = "SAI_OBJECT_TYPE_ENI";
const EAM = "SAI_OBJECT_TYPE_ENI_ETHER_ADDRESS_MAP_ENTRY";
const S = 0x21000000000000n;
const IV = (i: number): number => -(0x20000 + i);
const IA = (i: number): number => -(0x10000 + i);
const a = (id: string, value?: unknown): AttrInput => ({ id, value });
const enumValue = (n: string): number => T.enums.flatMap((e) => e.values).find((x) => x.name === n)!.value;

const flowKey = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  switch_id: S,
  eni_mac: mac("00:AA:BB:CC:DD:EE"),
  vnet_id: 100,
  ip_proto: 6,
  src_ip: ipAddress("10.0.0.1"),
  dst_ip: ipAddress("10.1.0.2"),
  src_port: 12345,
  dst_port: 80,
  ...over,
});

function world(): MemoryState {
  const st = new MemoryState(T);
  st.create(SW, [a("SAI_SWITCH_ATTR_INIT_SWITCH", true)]);
  return st;
}

describe.each<ValidationMode>(["sai", "sairedis"])("DASH flow objects on sai-headers (%s mode)", (mode) => {
  const v = createValidator(T, { mode });
  const want = (sai: number, sairedis: number): number => (mode === "sai" ? sai : sairedis);

  it("switch: create with INIT_SWITCH and a notification pointer; capability attributes are read-only", () => {
    expect(v.validateCreate(SW, [a("SAI_SWITCH_ATTR_INIT_SWITCH", true), a("SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY", 0x7f00dead0000n)]).code).toBe(0);
    expect(v.validateCreate(SW, []).code).toBe(-14);
    expect(v.validateCreate(SW, [a("SAI_SWITCH_ATTR_INIT_SWITCH", true), a("SAI_SWITCH_ATTR_DASH_CAPS_FLOW_SET", true)]).code).toBe(want(IA(1), -5));
    const st = world();
    expect(v.validateSet(SW, [a("SAI_SWITCH_ATTR_DASH_CAPS_MAX_FLOW_TABLE_COUNT", 4)], { objectId: S, state: st }).code).toBe(want(IA(0), -5));
    expect(v.validateGet(SW, [a("SAI_SWITCH_ATTR_DASH_CAPS_MAX_FLOW_TABLE_COUNT"), a("SAI_SWITCH_ATTR_DASH_CAPS_SUPPORTED_DASH_FLOW_ENABLED_KEY")], { objectId: S, state: st }).code).toBe(0);
  });

  it("V39–V41 flow table enabled keys (flags-aware in sai mode)", () => {
    const st = world();
    const ft = (key: number) => v.validateCreate(FT, [a("SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", 1000), a("SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", key)], { switchId: S, state: st });
    expect(ft(enumValue("SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC")).code).toBe(0);
    expect(ft(3).code).toBe(want(0, -5));
    expect(ft(0x7f).code).toBe(want(0, -5));
    expect(ft(128)).toMatchObject({ code: want(IV(1), -5), index: 1, attr: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY" });
    expect(ft(0).code).toBe(0); // NONE is a declared value
  });

  it("V42 flow entries: key checks, existence, and attribute rules", () => {
    const st = world();
    const attrs = [
      a("SAI_FLOW_ENTRY_ATTR_ACTION", 0),
      a("SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION", enumValue("SAI_DASH_DIRECTION_OUTBOUND")),
      a("SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION", 1 | 8 | 512),
      a("SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_PORT", 65535), // @isvlan: no 1..4094 check
      a("SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_VNET_ID", 0),
      a("SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB", [8, 150, 1]),
      a("SAI_FLOW_ENTRY_ATTR_VENDOR_METADATA", []),
      a("SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SIP", ipAddress("2001:db8::1")),
    ];
    expect(v.validateCreate(FE, attrs, { key: flowKey(), state: st }).code).toBe(want(0, -5)); // DASH_FLOW_ACTION is an OR
    const single = attrs.map((x) => (x.id === "SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION" ? a(x.id as string, 8) : x));
    expect(v.validateCreate(FE, single, { key: flowKey(), state: st }).code).toBe(0);
    st.create(FE, single, { key: flowKey() });
    expect(v.validateCreate(FE, single, { key: flowKey(), state: st }).code).toBe(-6);
    expect(v.validateSet(FE, [a("SAI_FLOW_ENTRY_ATTR_VERSION", 2)], { key: flowKey(), state: st }).code).toBe(0);
    expect(v.validateSet(FE, [a("SAI_FLOW_ENTRY_ATTR_VERSION", 2)], { key: flowKey({ src_port: 1 }), state: st }).code).toBe(-7);
    expect(v.validateGet(FE, [a("SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY")], { key: flowKey(), state: st }).code).toBe(0);
    expect(v.validateRemove(FE, { key: flowKey({ dst_port: 81 }), state: st }).code).toBe(-7);
    expect(v.validateRemove(FE, { key: flowKey(), state: st }).code).toBe(0);
    // READ_ONLY attribute 30 on create.
    expect(v.validateCreate(FE, [a("SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY", 0)], { key: flowKey({ vnet_id: 7 }), state: st }).code).toBe(want(IA(0), -5));
    // Key members: widths, family, MAC shape, switch.
    for (const bad of [{ vnet_id: 65536 }, { ip_proto: 256 }, { src_port: -1 }, { src_ip: { family: "ipv9", bytes: new Uint8Array(4) } }, { eni_mac: new Uint8Array(5) }, { switch_id: 0x121000000000001n }, { switch_id: 0x15008000000001n }])
      expect(v.validateCreate(FE, [], { key: flowKey(bad), state: st }).code, JSON.stringify(Object.keys(bad))).toBe(-5);
    // Attribute values.
    expect(v.validateCreate(FE, [a("SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB", [1, 256])], { key: flowKey({ vnet_id: 8 }) }).code).toBe(want(IV(0), -5));
    expect(v.validateCreate(FE, [a("SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB", nullList(4))], { key: flowKey({ vnet_id: 8 }) }).code).toBe(want(IV(0), -5));
    expect(v.validateCreate(FE, [a("SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_PORT", 65536)], { key: flowKey({ vnet_id: 8 }) }).code).toBe(want(IV(0), -5));
    expect(v.validateCreate(FE, [a("SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION", 1 << 10)], { key: flowKey({ vnet_id: 8 }) }).code).toBe(want(IV(0), -5));
    expect(v.validateCreate(FE, [a("SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION", 3)], { key: flowKey({ vnet_id: 8 }) }).code).toBe(want(IV(0), -5));
  });

  it("V43–V46 bulk get sessions, filters, and the ENI's flow table", () => {
    const st = world();
    const first = "SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_FIRST_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID";
    expect(v.validateCreate(SESSION, [a(first, 0n), a("SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_BULK_GET_SESSION_SERVER_PORT", 0)], { switchId: S, state: st }).code).toBe(0);
    const ft = st.create(FT, [], { switchId: S });
    expect(ft).toBe(0x15008000000001n);
    expect(v.validateCreate(SESSION, [a(first, ft)], { switchId: S, state: st }).code).toBe(want(IV(0), -5));
    const filter = st.create(FILTER, [a("SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_INT_VALUE", 5n)], { switchId: S });
    expect(v.validateCreate(SESSION, [a(first, filter)], { switchId: S, state: st }).code).toBe(0);
    const session = st.create(SESSION, [a(first, filter)], { switchId: S });
    expect(v.validateRemove(FILTER, { objectId: filter, state: st }).code).toBe(-17);
    st.set(SESSION, a(first, 0n), { objectId: session });
    expect(v.validateRemove(FILTER, { objectId: filter, state: st }).code).toBe(0);
    expect(v.validateCreate(ENI, [a("SAI_ENI_ATTR_FLOW_TABLE_ID", ft)], { switchId: S, state: st }).code).toBe(0);
    st.create(ENI, [a("SAI_ENI_ATTR_FLOW_TABLE_ID", ft)], { switchId: S });
    expect(v.validateRemove(FT, { objectId: ft, state: st }).code).toBe(-17);
    expect(v.validateCreate(ENI, [a("SAI_ENI_ATTR_FLOW_TABLE_ID", filter)], { switchId: S, state: st }).code).toBe(want(IV(0), -5));
    // 64-bit filter value.
    expect(v.validateCreate(FILTER, [a("SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_INT_VALUE", 5)], { switchId: S }).code).toBe(want(IV(0), -5));
  });

  it("ENI ether address map entries (entry keyed by a MAC)", () => {
    const st = world();
    const eni = st.create(ENI, [], { switchId: S });
    const key = { switch_id: S, address: mac("02:00:00:00:00:01") };
    expect(v.validateCreate(EAM, [a("SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID", eni)], { key, state: st }).code).toBe(0);
    expect(v.validateCreate(EAM, [a("SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID", 0x7008000000099n)], { key, state: st }).code).toBe(want(IV(0), -5));
    expect(v.validateCreate(EAM, [], { key: { switch_id: S }, state: st }).code).toBe(-5);
  });

  it("bulk flow entry create: STOP_ON_ERROR and duplicates in one call", () => {
    const st = world();
    const items = [{ key: flowKey({ src_port: 1 }) }, { key: flowKey({ src_port: 2 }) }, { key: flowKey({ src_port: 1 }) }, { key: flowKey({ src_port: 3 }) }];
    const r = v.validateBulkCreate(FE, items, "SAI_BULK_OP_ERROR_MODE_STOP_ON_ERROR", { state: st });
    expect(r.statuses.map((x) => x.status)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_SUCCESS", "SAI_STATUS_ITEM_ALREADY_EXISTS", "SAI_STATUS_NOT_EXECUTED"]);
    expect(r).toMatchObject({ code: want(-1, -6), index: 2 });
    const ignore = v.validateBulkCreate(FE, items, "SAI_BULK_OP_ERROR_MODE_IGNORE_ERROR", { state: st });
    expect(ignore.statuses.map((x) => x.code)).toEqual([0, 0, -6, 0]);
  });
});

/** Every header default (bool, integer, enum, NULL object id) passes its own attribute's value check. */
function defaultsAreValid(tables: typeof T): string[] {
  const enums = new Map(tables.enums.map((e) => [e.name, e]));
  const ctx: CheckContext = { mode: "sairedis", enums: (n) => enums.get(n), types: new OidTypes(tables), env: { state: undefined, switchIndex: -1 } };
  const bad: string[] = [];
  for (const at of tables.attributes) {
    const d = at.defaultvalue;
    if (at.defaultvaluetype !== "SAI_DEFAULT_VALUE_TYPE_CONST" || !d) continue;
    const wide = /INT64$/.test(at.attrvaluetype);
    const value = d.kind === "bool" ? d.value : d.kind === "enum" ? d.value : d.kind === "oid" ? 0n : d.kind === "int" ? (wide ? BigInt(d.value) : Number(d.value)) : undefined;
    if (value === undefined || !/(BOOL|INT\d+|OBJECT_ID)$/.test(at.attrvaluetype) || at.attrvaluetype.includes("ACL_")) continue;
    const p = attrChecks(at, ctx).set(value);
    if (p !== undefined) bad.push(`${at.attridname}: ${p}`);
  }
  return bad;
}

describe("header defaults are valid values", () => {
  it("sai-headers", () => expect(defaultsAreValid(T)).toEqual([]));
  it.runIf(HAVE_UPSTREAM)("upstream tree", () => expect(defaultsAreValid(upstreamModel())).toEqual([]));
});
