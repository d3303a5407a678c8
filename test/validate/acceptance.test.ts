/**
 * SAI-METADATA.md §8.2 acceptance cases V1–V50 on the upstream SAI tree, in both modes, read through §0b. Where our
 * decisions override Meta (flow entries, flag enums, bulk statuses, intra-call duplicates) the expectation is ours
 * and the comment names Meta's answer. Skipped with a message when the upstream tree is absent (CI); the same rules
 * run on inline fixtures in rules.test.ts and on our headers in dash.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createValidator, MemoryState, type AttrInput, type MetadataTables, type ValidationMode, type ValidationResult, type Validator } from "../../runtime/validate/index.js";
import { ipAddress, ipPrefix, mac, nullList } from "../../runtime/values/index.js";
import { HAVE_UPSTREAM, UPSTREAM_SKIP_REASON, upstreamModel } from "./_helpers.js";

if (!HAVE_UPSTREAM) {
  describe("§8.2 acceptance cases (upstream tree)", () => {
    it.skip(UPSTREAM_SKIP_REASON, () => {});
  });
}

const SWITCH = "SAI_OBJECT_TYPE_SWITCH";
const VR_T = "SAI_OBJECT_TYPE_VIRTUAL_ROUTER";
const LAG_T = "SAI_OBJECT_TYPE_LAG";
const LAGM = "SAI_OBJECT_TYPE_LAG_MEMBER";
const RIF_T = "SAI_OBJECT_TYPE_ROUTER_INTERFACE";
const NH_T = "SAI_OBJECT_TYPE_NEXT_HOP";
const ROUTE = "SAI_OBJECT_TYPE_ROUTE_ENTRY";
const VLAN = "SAI_OBJECT_TYPE_VLAN";
const PORT = "SAI_OBJECT_TYPE_PORT";
const FT_T = "SAI_OBJECT_TYPE_FLOW_TABLE";
const FE = "SAI_OBJECT_TYPE_FLOW_ENTRY";
const SESSION = "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION";
const FILTER = "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER";

const S = 0x21000000000000n;
const VR = 0x3000000000001n;
const P1 = 0x1000000000002n;
const LAG = 0x2000000000003n;
const RIF = 0x6000000000004n;
const NH = 0x4000000000005n;
const GHOST = 0x3000000000099n;

const IA = (i: number): number => -(0x10000 + i);
const IV = (i: number): number => -(0x20000 + i);
const UA = (i: number): number => -(0x40000 + i);
const SUCCESS = 0;
const FAILURE = -1;
const INVALID_PARAMETER = -5;
const ITEM_ALREADY_EXISTS = -6;
const ITEM_NOT_FOUND = -7;
const MANDATORY_MISSING = -14;
const OBJECT_IN_USE = -17;

const a = (id: string, value?: unknown): AttrInput => ({ id, value });

describe.runIf(HAVE_UPSTREAM).each<ValidationMode>(["sairedis", "sai"])("§8.2 acceptance cases on the upstream tree (%s mode)", (mode) => {
  let T: MetadataTables;
  let v: Validator;
  let st: MemoryState;
  const sai = mode === "sai";
  /** The code expected in this mode: [sairedis, sai]. */
  const want = (sairedis: number, strict: number = sairedis): number => (sai ? strict : sairedis);
  let E: (name: string) => number;
  const expectCode = (r: ValidationResult, code: number): void => {
    expect(r.code, `${r.status}: ${r.message}`).toBe(code);
  };
  /** Validates and, on success, applies to the state (what the runtime does). */
  const createOk = (t: string, attrs: AttrInput[], ctx: { switchId?: bigint; key?: Record<string, unknown>; oid?: bigint } = { switchId: S }): bigint => {
    const r = v.validateCreate(t, attrs, { ...ctx, state: st });
    expectCode(r, SUCCESS);
    return st.create(t, attrs, ctx);
  };
  const R1 = (): Record<string, unknown> => ({ switch_id: S, vr_id: VR, destination: ipPrefix("10.0.0.0/24") });
  let vlan100 = 0n;
  let M1 = 0n;
  let FT = 0n;
  let FILTER1 = 0n;
  let SESSION1 = 0n;

  beforeAll(() => {
    T = upstreamModel();
    v = createValidator(T, { mode });
    st = new MemoryState(T);
    const values = new Map(T.enums.flatMap((e) => e.values.map((x) => [x.name, x.value] as const)));
    E = (n) => {
      const x = values.get(n);
      if (x === undefined) throw new Error(`no enum value ${n}`);
      return x;
    };
  });

  it("V1 create SWITCH {INIT_SWITCH=true} → SUCCESS; fixture objects", () => {
    expect(createOk(SWITCH, [a("SAI_SWITCH_ATTR_INIT_SWITCH", true)], {})).toBe(S);
    expect(createOk(VR_T, [])).toBe(VR);
    st.insert(PORT, P1);
    createOk(LAG_T, [], { switchId: S, oid: LAG });
    createOk(RIF_T, [a("SAI_ROUTER_INTERFACE_ATTR_TYPE", E("SAI_ROUTER_INTERFACE_TYPE_PORT")), a("SAI_ROUTER_INTERFACE_ATTR_VIRTUAL_ROUTER_ID", VR), a("SAI_ROUTER_INTERFACE_ATTR_PORT_ID", P1)], { switchId: S, oid: RIF });
    createOk(NH_T, [a("SAI_NEXT_HOP_ATTR_TYPE", E("SAI_NEXT_HOP_TYPE_IP")), a("SAI_NEXT_HOP_ATTR_IP", ipAddress("10.0.0.1")), a("SAI_NEXT_HOP_ATTR_ROUTER_INTERFACE_ID", RIF)], { switchId: S, oid: NH });
    expect([st.referenceCount(VR), st.referenceCount(P1), st.referenceCount(RIF)]).toEqual([1, 1, 1]);
  });

  it("V2 switch create with an OID attribute → INVALID_PARAMETER (sai: INVALID_ATTRIBUTE_0+1)", () => {
    expectCode(v.validateCreate(SWITCH, [a("SAI_SWITCH_ATTR_INIT_SWITCH", true), a("SAI_SWITCH_ATTR_ECMP_HASH_IPV4", 0n)]), want(INVALID_PARAMETER, IA(1)));
  });

  it("V3 create VIRTUAL_ROUTER on switch NULL → INVALID_PARAMETER", () => {
    expectCode(v.validateCreate(VR_T, [], { switchId: 0n, state: st }), INVALID_PARAMETER);
  });

  it("V4 unknown attribute id → FAILURE (sai: UNKNOWN_ATTRIBUTE_0)", () => {
    const r = v.validateCreate(VR_T, [{ id: 0x7777, value: true }], { switchId: S, state: st });
    expectCode(r, want(FAILURE, UA(0)));
    if (sai) expect(r.status).toBe("SAI_STATUS_UNKNOWN_ATTRIBUTE_0");
  });

  it("V5 duplicate attribute → INVALID_PARAMETER (sai: INVALID_ATTRIBUTE_0+1 = -65537)", () => {
    const r = v.validateCreate(VR_T, [a("SAI_VIRTUAL_ROUTER_ATTR_ADMIN_V4_STATE", true), a("SAI_VIRTUAL_ROUTER_ATTR_ADMIN_V4_STATE", false)], { switchId: S, state: st });
    expectCode(r, want(INVALID_PARAMETER, -65537));
  });

  it("V6 empty LABEL: invalid on create, fine on set", () => {
    expectCode(v.validateCreate(VR_T, [a("SAI_VIRTUAL_ROUTER_ATTR_LABEL", "")], { switchId: S, state: st }), want(INVALID_PARAMETER, IV(0)));
    expectCode(v.validateSet(VR_T, [a("SAI_VIRTUAL_ROUTER_ATTR_LABEL", "")], { objectId: VR, state: st }), SUCCESS);
  });

  it("V7 16-character LABEL on create → INVALID_PARAMETER", () => {
    expectCode(v.validateCreate(VR_T, [a("SAI_VIRTUAL_ROUTER_ATTR_LABEL", "0123456789abcdef")], { switchId: S, state: st }), want(INVALID_PARAMETER, IV(0)));
  });

  it("V8 LAG_MEMBER without PORT_ID → MANDATORY_ATTRIBUTE_MISSING", () => {
    expectCode(v.validateCreate(LAGM, [a("SAI_LAG_MEMBER_ATTR_LAG_ID", LAG)], { switchId: S, state: st }), MANDATORY_MISSING);
  });

  it("V9 LAG_MEMBER {LAG, P1} → SUCCESS; LAG count 1, P1 count 2", () => {
    createOk(LAGM, [a("SAI_LAG_MEMBER_ATTR_LAG_ID", LAG), a("SAI_LAG_MEMBER_ATTR_PORT_ID", P1)]);
    expect([st.referenceCount(LAG), st.referenceCount(P1)]).toEqual([1, 2]);
  });

  it("V10 remove LAG after V9 → OBJECT_IN_USE", () => {
    expectCode(v.validateRemove(LAG_T, { objectId: LAG, state: st }), OBJECT_IN_USE);
  });

  it("V11–V13 LAG_ID of a wrong type / NULL / never created → INVALID_PARAMETER (sai: INVALID_ATTR_VALUE_0)", () => {
    for (const lag of [P1, 0n, 0x2000000000077n])
      expectCode(v.validateCreate(LAGM, [a("SAI_LAG_MEMBER_ATTR_LAG_ID", lag), a("SAI_LAG_MEMBER_ATTR_PORT_ID", P1)], { switchId: S, state: st }), want(INVALID_PARAMETER, -131072));
  });

  it("V14 NEXT_HOP without the conditional ROUTER_INTERFACE_ID → MANDATORY_ATTRIBUTE_MISSING", () => {
    expectCode(v.validateCreate(NH_T, [a("SAI_NEXT_HOP_ATTR_TYPE", E("SAI_NEXT_HOP_TYPE_IP")), a("SAI_NEXT_HOP_ATTR_IP", ipAddress("10.0.0.2"))], { switchId: S, state: st }), MANDATORY_MISSING);
  });

  it("V15 LABELSTACK whose condition is not met → INVALID_PARAMETER (sai: INVALID_ATTRIBUTE_0+3)", () => {
    const attrs = [a("SAI_NEXT_HOP_ATTR_TYPE", E("SAI_NEXT_HOP_TYPE_IP")), a("SAI_NEXT_HOP_ATTR_IP", ipAddress("10.0.0.2")), a("SAI_NEXT_HOP_ATTR_ROUTER_INTERFACE_ID", RIF), a("SAI_NEXT_HOP_ATTR_LABELSTACK", [])];
    expectCode(v.validateCreate(NH_T, attrs, { switchId: S, state: st }), want(INVALID_PARAMETER, IA(3)));
  });

  it("V16 IP with addr_family 7 → INVALID_PARAMETER", () => {
    const bad = { family: 7, bytes: new Uint8Array([10, 0, 0, 2]) };
    expectCode(v.validateCreate(NH_T, [a("SAI_NEXT_HOP_ATTR_TYPE", E("SAI_NEXT_HOP_TYPE_IP")), a("SAI_NEXT_HOP_ATTR_IP", bad), a("SAI_NEXT_HOP_ATTR_ROUTER_INTERFACE_ID", RIF)], { switchId: S, state: st }), want(INVALID_PARAMETER, IV(1)));
  });

  it("V17 TYPE=99 → INVALID_PARAMETER", () => {
    expectCode(v.validateCreate(NH_T, [a("SAI_NEXT_HOP_ATTR_TYPE", 99)], { switchId: S, state: st }), want(INVALID_PARAMETER, IV(0)));
  });

  it("V18 TUNNEL_TERM_TABLE_ENTRY with a relaxed unmet condition → SUCCESS with a warning", () => {
    const tunnel = st.insert("SAI_OBJECT_TYPE_TUNNEL", st.allocate("SAI_OBJECT_TYPE_TUNNEL"));
    const r = v.validateCreate("SAI_OBJECT_TYPE_TUNNEL_TERM_TABLE_ENTRY", [
      a("SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_VR_ID", VR),
      a("SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_TYPE", E("SAI_TUNNEL_TERM_TABLE_ENTRY_TYPE_P2MP")),
      a("SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_DST_IP", ipAddress("10.1.1.1")),
      a("SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_SRC_IP", ipAddress("10.2.2.2")),
      a("SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_TUNNEL_TYPE", E("SAI_TUNNEL_TYPE_VXLAN")),
      a("SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_ACTION_TUNNEL_ID", tunnel),
    ], { switchId: S, state: st });
    expectCode(r, SUCCESS);
    expect(r.warnings?.join()).toMatch(/SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_SRC_IP/);
  });

  it("V19 VLAN 100 twice → SUCCESS, then INVALID_PARAMETER (KEY string exists)", () => {
    vlan100 = createOk(VLAN, [a("SAI_VLAN_ATTR_VLAN_ID", 100)]);
    const r = v.validateCreate(VLAN, [a("SAI_VLAN_ATTR_VLAN_ID", 100)], { switchId: S, state: st });
    expectCode(r, INVALID_PARAMETER);
    expect(r.message).toContain("oid:0x21000000000000;SAI_VLAN_ATTR_VLAN_ID:100;");
  });

  it("V20 VLAN 5000 → SUCCESS (no VLAN range check)", () => {
    expectCode(v.validateCreate(VLAN, [a("SAI_VLAN_ATTR_VLAN_ID", 5000)], { switchId: S, state: st }), SUCCESS);
  });

  it("V21 set VLAN_ID → INVALID_PARAMETER (sai: INVALID_ATTRIBUTE_0)", () => {
    expectCode(v.validateSet(VLAN, [a("SAI_VLAN_ATTR_VLAN_ID", 200)], { objectId: vlan100, state: st }), want(INVALID_PARAMETER, IA(0)));
  });

  it("V22 set PORT OPER_STATUS → INVALID_PARAMETER; get it → SUCCESS", () => {
    expectCode(v.validateSet(PORT, [a("SAI_PORT_ATTR_OPER_STATUS", E("SAI_PORT_OPER_STATUS_UP"))], { objectId: P1, state: st }), want(INVALID_PARAMETER, IA(0)));
    expectCode(v.validateGet(PORT, [a("SAI_PORT_ATTR_OPER_STATUS")], { objectId: P1, state: st }), SUCCESS);
  });

  it("V23 READ_ONLY MEMBER_LIST on create → INVALID_PARAMETER (sai: INVALID_ATTRIBUTE_0+1)", () => {
    expectCode(v.validateCreate(VLAN, [a("SAI_VLAN_ATTR_VLAN_ID", 300), a("SAI_VLAN_ATTR_MEMBER_LIST", [])], { switchId: S, state: st }), want(INVALID_PARAMETER, IA(1)));
  });

  it("V24 set on GHOST → ITEM_NOT_FOUND", () => {
    expectCode(v.validateSet(VR_T, [a("SAI_VIRTUAL_ROUTER_ATTR_ADMIN_V4_STATE", false)], { objectId: GHOST, state: st }), ITEM_NOT_FOUND);
  });

  it("V25 a PORT id passed to the VR API → INVALID_PARAMETER", () => {
    expectCode(v.validateSet(VR_T, [a("SAI_VIRTUAL_ROUTER_ATTR_ADMIN_V4_STATE", false)], { objectId: P1, state: st }), INVALID_PARAMETER);
  });

  it("V26 get with no attributes / no list → INVALID_PARAMETER", () => {
    expectCode(v.validateGet(VR_T, [], { objectId: VR, state: st }), INVALID_PARAMETER);
    expectCode(v.validateGet(VR_T, null as never, { objectId: VR, state: st }), INVALID_PARAMETER);
  });

  it("V27 get with an unknown id → FAILURE (sai: UNKNOWN_ATTRIBUTE_0+1)", () => {
    expectCode(v.validateGet(VR_T, [a("SAI_VIRTUAL_ROUTER_ATTR_SRC_MAC_ADDRESS"), { id: 0x7777 }], { objectId: VR, state: st }), want(FAILURE, UA(1)));
  });

  it("V28 route R1 → SUCCESS; NH count 1", () => {
    createOk(ROUTE, [a("SAI_ROUTE_ENTRY_ATTR_PACKET_ACTION", E("SAI_PACKET_ACTION_FORWARD")), a("SAI_ROUTE_ENTRY_ATTR_NEXT_HOP_ID", NH)], { key: R1() });
    expect(st.referenceCount(NH)).toBe(1);
  });

  it("V29 R1 again → ITEM_ALREADY_EXISTS", () => {
    expectCode(v.validateCreate(ROUTE, [], { key: R1(), state: st }), ITEM_ALREADY_EXISTS);
  });

  it("V30 route on GHOST → ITEM_NOT_FOUND", () => {
    expectCode(v.validateCreate(ROUTE, [], { key: { switch_id: S, vr_id: GHOST, destination: ipPrefix("10.1.0.0/16") }, state: st }), ITEM_NOT_FOUND);
  });

  it("V31 route whose vr is a PORT → INVALID_PARAMETER", () => {
    expectCode(v.validateCreate(ROUTE, [], { key: { switch_id: S, vr_id: P1, destination: ipPrefix("10.1.0.0/16") }, state: st }), INVALID_PARAMETER);
  });

  it("V32 non-contiguous IPv6 mask → INVALID_PARAMETER", () => {
    const mask = new Uint8Array(16);
    mask.set([0xff, 0xff, 0, 0, 0xff, 0xff]);
    const destination = { family: "ipv6", addr: ipPrefix("2001:db8::/32").addr, mask };
    expectCode(v.validateCreate(ROUTE, [], { key: { switch_id: S, vr_id: VR, destination }, state: st }), INVALID_PARAMETER);
  });

  it("V33 set R1 PACKET_ACTION=999 → INVALID_PARAMETER; set on an absent route → ITEM_NOT_FOUND", () => {
    expectCode(v.validateSet(ROUTE, [a("SAI_ROUTE_ENTRY_ATTR_PACKET_ACTION", 999)], { key: R1(), state: st }), want(INVALID_PARAMETER, IV(0)));
    const absent = { switch_id: S, vr_id: VR, destination: ipPrefix("10.9.0.0/16") };
    expectCode(v.validateSet(ROUTE, [a("SAI_ROUTE_ENTRY_ATTR_PACKET_ACTION", E("SAI_PACKET_ACTION_DROP"))], { key: absent, state: st }), ITEM_NOT_FOUND);
  });

  it("V34 remove NH in use → OBJECT_IN_USE; unset it on R1; remove → SUCCESS", () => {
    expectCode(v.validateRemove(NH_T, { objectId: NH, state: st }), OBJECT_IN_USE);
    const unset = a("SAI_ROUTE_ENTRY_ATTR_NEXT_HOP_ID", 0n);
    expectCode(v.validateSet(ROUTE, [unset], { key: R1(), state: st }), SUCCESS);
    st.set(ROUTE, unset, { key: R1() });
    expect(st.referenceCount(NH)).toBe(0);
    expectCode(v.validateRemove(NH_T, { objectId: NH, state: st }), SUCCESS);
    st.remove(NH_T, { objectId: NH });
  });

  it("V35 NEXT_HOP_ID = a PORT → SUCCESS; = a VR → INVALID_PARAMETER", () => {
    expectCode(v.validateSet(ROUTE, [a("SAI_ROUTE_ENTRY_ATTR_NEXT_HOP_ID", P1)], { key: R1(), state: st }), SUCCESS);
    expectCode(v.validateSet(ROUTE, [a("SAI_ROUTE_ENTRY_ATTR_NEXT_HOP_ID", VR)], { key: R1(), state: st }), want(INVALID_PARAMETER, IV(0)));
  });

  it("V36 mirror session lists: duplicate / single / NULL", () => {
    M1 = st.insert("SAI_OBJECT_TYPE_MIRROR_SESSION", st.allocate("SAI_OBJECT_TYPE_MIRROR_SESSION"));
    const set = (l: unknown): ValidationResult => v.validateSet(PORT, [a("SAI_PORT_ATTR_INGRESS_MIRROR_SESSION", l)], { objectId: P1, state: st });
    expectCode(set([M1, M1]), want(INVALID_PARAMETER, IV(0)));
    expectCode(set([M1]), SUCCESS);
    expectCode(set([0n]), want(INVALID_PARAMETER, IV(0)));
  });

  it("V37 list count/NULL rules (count 0 with a non-NULL list cannot be written in TS: `[]` is the empty list)", () => {
    expectCode(v.validateSet(PORT, [a("SAI_PORT_ATTR_ADVERTISED_SPEED", nullList(2))], { objectId: P1, state: st }), want(INVALID_PARAMETER, IV(0)));
    expectCode(v.validateSet(PORT, [a("SAI_PORT_ATTR_ADVERTISED_SPEED", [])], { objectId: P1, state: st }), SUCCESS);
    expectCode(v.validateSet(PORT, [a("SAI_PORT_ATTR_INGRESS_MIRROR_SESSION", [])], { objectId: P1, state: st }), SUCCESS);
  });

  it("V38 UINT32_RANGE with min > max → INVALID_PARAMETER", () => {
    const attrs = [a("SAI_ACL_RANGE_ATTR_TYPE", E("SAI_ACL_RANGE_TYPE_L4_SRC_PORT_RANGE")), a("SAI_ACL_RANGE_ATTR_LIMIT", { min: 10, max: 5 })];
    expectCode(v.validateCreate("SAI_OBJECT_TYPE_ACL_RANGE", attrs, { switchId: S, state: st }), want(INVALID_PARAMETER, IV(1)));
  });

  it("V39 FLOW_TABLE {ENABLED_KEY=ENI_MAC} → SUCCESS", () => {
    FT = createOk(FT_T, [a("SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", E("SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC"))]);
    expect(FT).toBe(0x15008000000001n);
  });

  it("V40 ENABLED_KEY=3 (ENI_MAC|VNI) → sairedis INVALID_PARAMETER; sai (flags-aware) SUCCESS", () => {
    expectCode(v.validateCreate(FT_T, [a("SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", 3)], { switchId: S, state: st }), want(INVALID_PARAMETER, SUCCESS));
  });

  it("V41 ENABLED_KEY=128 → INVALID_PARAMETER in both modes", () => {
    expectCode(v.validateCreate(FT_T, [a("SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", 128)], { switchId: S, state: st }), want(INVALID_PARAMETER, IV(0)));
  });

  it("V42 flow entries are validated like every entry (Meta: NOT_IMPLEMENTED)", () => {
    const key = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
      switch_id: S, eni_mac: mac("00:AA:BB:CC:DD:EE"), vnet_id: 100, ip_proto: 6,
      src_ip: ipAddress("10.0.0.1"), dst_ip: ipAddress("10.1.0.2"), src_port: 12345, dst_port: 80, ...over,
    });
    const attrs = [a("SAI_FLOW_ENTRY_ATTR_VERSION", 1)];
    createOk(FE, attrs, { key: key() });
    expectCode(v.validateCreate(FE, attrs, { key: key(), state: st }), ITEM_ALREADY_EXISTS);
    const absent = key({ dst_port: 81 });
    expectCode(v.validateSet(FE, attrs, { key: absent, state: st }), ITEM_NOT_FOUND);
    expectCode(v.validateGet(FE, attrs, { key: absent, state: st }), ITEM_NOT_FOUND);
    expectCode(v.validateRemove(FE, { key: absent, state: st }), ITEM_NOT_FOUND);
    expectCode(v.validateCreate(FE, attrs, { key: key({ switch_id: 0x121000000000001n }), state: st }), INVALID_PARAMETER);
  });

  it("V43 session with NULL filter and port 0 → SUCCESS", () => {
    expectCode(v.validateCreate(SESSION, [a("SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_FIRST_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID", 0n), a("SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_BULK_GET_SESSION_SERVER_PORT", 0)], { switchId: S, state: st }), SUCCESS);
  });

  it("V44 session whose filter is a FLOW_TABLE → INVALID_PARAMETER", () => {
    expectCode(v.validateCreate(SESSION, [a("SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_FIRST_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID", FT)], { switchId: S, state: st }), want(INVALID_PARAMETER, IV(0)));
  });

  it("V45 filter in use → OBJECT_IN_USE; after unsetting it → SUCCESS", () => {
    FILTER1 = createOk(FILTER, []);
    const first = "SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_FIRST_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID";
    SESSION1 = createOk(SESSION, [a(first, FILTER1)]);
    expectCode(v.validateRemove(FILTER, { objectId: FILTER1, state: st }), OBJECT_IN_USE);
    expectCode(v.validateSet(SESSION, [a(first, 0n)], { objectId: SESSION1, state: st }), SUCCESS);
    st.set(SESSION, a(first, 0n), { objectId: SESSION1 });
    expectCode(v.validateRemove(FILTER, { objectId: FILTER1, state: st }), SUCCESS);
  });

  it("V46 ENI referencing FT → SUCCESS; remove FT → OBJECT_IN_USE", () => {
    createOk("SAI_OBJECT_TYPE_ENI", [a("SAI_ENI_ATTR_FLOW_TABLE_ID", FT)]);
    expectCode(v.validateRemove(FT_T, { objectId: FT, state: st }), OBJECT_IN_USE);
  });

  const route = (dest: string): { key: Record<string, unknown>; attrs: AttrInput[] } => ({ key: { switch_id: S, vr_id: VR, destination: ipPrefix(dest) }, attrs: [] });

  it("V47 bulk STOP_ON_ERROR with R1 as item #1 (ours: [SUCCESS, ITEM_ALREADY_EXISTS, NOT_EXECUTED]; Meta: item 0 NOT_EXECUTED too)", () => {
    const r = v.validateBulkCreate(ROUTE, [route("10.5.0.0/16"), route("10.0.0.0/24"), route("10.6.0.0/16")], "SAI_BULK_OP_ERROR_MODE_STOP_ON_ERROR", { state: st });
    expect(r.statuses.map((s) => s.code)).toEqual([SUCCESS, ITEM_ALREADY_EXISTS, -23]);
    expectCode(r, want(ITEM_ALREADY_EXISTS, FAILURE));
    expect(st.entryExists(ROUTE, route("10.5.0.0/16").key)).toBe(false); // validation never changes the state
  });

  it("V48 bulk LAG_MEMBERs, item #1 lacks PORT_ID (ours: [SUCCESS, MANDATORY_ATTRIBUTE_MISSING]; Meta: both NOT_EXECUTED)", () => {
    const r = v.validateBulkCreate(LAGM, [{ attrs: [a("SAI_LAG_MEMBER_ATTR_LAG_ID", LAG), a("SAI_LAG_MEMBER_ATTR_PORT_ID", P1)] }, { attrs: [a("SAI_LAG_MEMBER_ATTR_LAG_ID", LAG)] }], 0, { switchId: S, state: st });
    expect(r.statuses.map((s) => s.code)).toEqual([SUCCESS, MANDATORY_MISSING]);
    expectCode(r, want(MANDATORY_MISSING, FAILURE));
  });

  it("V49 bulk with mode=7 / object_count=0 → INVALID_PARAMETER (object_statuses=NULL cannot happen: statuses are returned)", () => {
    expectCode(v.validateBulkCreate(ROUTE, [route("10.7.0.0/16")], 7, { state: st }), INVALID_PARAMETER);
    expectCode(v.validateBulkCreate(ROUTE, [], 0, { state: st }), INVALID_PARAMETER);
  });

  it("V50 two identical new routes in one call (ours: the second is ITEM_ALREADY_EXISTS; Meta: both SUCCESS)", () => {
    const r = v.validateBulkCreate(ROUTE, [route("10.8.0.0/16"), route("10.8.0.0/16")], 1, { state: st });
    expect(r.statuses.map((s) => s.code)).toEqual([SUCCESS, ITEM_ALREADY_EXISTS]);
  });
});
