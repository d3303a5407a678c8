/**
 * Type tests of the committed bindings (`generated/src`): what SAI's metadata forbids must not compile. The
 * `@ts-expect-error` lines are checked by `tsc --noEmit` in `npm test` (the root tsconfig includes test/** and
 * generated/src/**): each fails the type check if its line ever compiles. The runtime assertions keep vitest honest
 * about the values the typed helpers produce.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  DashFlowActionFlags,
  DashFlowEnabledKeyFlags,
  SAI_ATTRIBUTES,
  SAI_METADATA,
  SAI_STATUS_INVALID_ATTRIBUTE,
  SAI_STATUS_INVALID_ATTRIBUTE_0,
  SAI_STATUS_IS_INVALID_ATTRIBUTE,
  SAI_STATUS_SUCCESS,
  attrList,
  attributeMetadata,
  ipAddress,
  mac,
  oid,
  sai_dash_direction_t,
  sai_dash_flow_action_t,
  sai_dash_flow_enabled_key_t,
  sai_flow_table_attr_t,
  sai_ip_addr_family_t,
  statusName,
  type CreateEniAttrs,
  type CreateFlowEntryAttrs,
  type CreateFlowTableAttrs,
  type CreateSwitchAttrs,
  type DashFlowApi,
  type FlowBulkGetSessionEventNotification,
  type FlowEntryAttrName,
  type FlowEntryAttrValues,
  type FlowEntryKey,
  type GetFlowEntryAttrs,
  type ApiGetResult,
  type ObjectId,
  type SetEniAttr,
  type SetFlowEntryAttr,
  type SetFlowTableAttr,
} from "../../generated/src/index.js";

const SWITCH = oid("oid:0x21000000000000");

describe("create attribute types", () => {
  it("accept a well-typed flow table and flow entry", () => {
    const table: CreateFlowTableAttrs = {
      SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT: 1000,
      SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY: DashFlowEnabledKeyFlags.combine(
        sai_dash_flow_enabled_key_t.SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC,
        sai_dash_flow_enabled_key_t.SAI_DASH_FLOW_ENABLED_KEY_VNI,
      ),
    };
    const entry: CreateFlowEntryAttrs = {
      SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION: sai_dash_direction_t.SAI_DASH_DIRECTION_OUTBOUND,
      SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SIP: ipAddress("10.0.0.1"),
      SAI_FLOW_ENTRY_ATTR_UNDERLAY1_SMAC: mac("00:11:22:33:44:55"),
      SAI_FLOW_ENTRY_ATTR_VENDOR_METADATA: [1, 2, 3],
      SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION: sai_dash_flow_action_t.SAI_DASH_FLOW_ACTION_ENCAP_U0,
    };
    expect(attrList(table).map((a) => a.id)).toEqual(["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY"]);
    expect(table.SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY).toBe(3);
    expect(Object.keys(entry)).toHaveLength(5);
  });

  it("require MANDATORY_ON_CREATE attributes", () => {
    const ok: CreateSwitchAttrs = { SAI_SWITCH_ATTR_INIT_SWITCH: true };
    // @ts-expect-error SAI_SWITCH_ATTR_INIT_SWITCH is MANDATORY_ON_CREATE
    const missing: CreateSwitchAttrs = { SAI_SWITCH_ATTR_SWITCH_PROFILE_ID: 1 };
    expectTypeOf<CreateSwitchAttrs["SAI_SWITCH_ATTR_INIT_SWITCH"]>().toEqualTypeOf<boolean>();
    expect([ok, missing]).toHaveLength(2);
  });

  it("reject READ_ONLY attributes", () => {
    const attrs: CreateFlowEntryAttrs = {
      // @ts-expect-error SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY is READ_ONLY
      SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY: sai_ip_addr_family_t.SAI_IP_ADDR_FAMILY_IPV4,
    };
    const eni: CreateEniAttrs = {
      // @ts-expect-error SAI_ENI_ATTR_IS_OPERATIONAL_HA_FLOW_OWNER is READ_ONLY
      SAI_ENI_ATTR_IS_OPERATIONAL_HA_FLOW_OWNER: true,
    };
    expect([attrs, eni]).toHaveLength(2);
  });

  it("reject wrong value types", () => {
    const bad: CreateFlowTableAttrs[] = [
      // @ts-expect-error UINT32 is a number
      { SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT: "1000" },
      // @ts-expect-error 128 is no value of sai_dash_flow_enabled_key_t (an OR needs DashFlowEnabledKeyFlags.combine)
      { SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY: 128 },
      // @ts-expect-error a member of another flags enum
      { SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY: DashFlowActionFlags.combine(sai_dash_flow_action_t.SAI_DASH_FLOW_ACTION_SNAT) },
      // @ts-expect-error unknown attribute of the object type
      { SAI_FLOW_ENTRY_ATTR_VERSION: 1 },
    ];
    const entries: CreateFlowEntryAttrs[] = [
      // @ts-expect-error 7 is no value of sai_dash_direction_t
      { SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION: 7 },
      // @ts-expect-error an IP address is {family, bytes}, not text
      { SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SIP: "10.0.0.1" },
      // @ts-expect-error UINT8_LIST elements are numbers
      { SAI_FLOW_ENTRY_ATTR_VENDOR_METADATA: ["a"] },
    ];
    expect(bad.length + entries.length).toBe(7);
  });
});

describe("set attribute types", () => {
  it("accept one CREATE_AND_SET attribute with its value type", () => {
    const s: SetFlowTableAttr = { id: "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS", value: 5000 };
    const e: SetFlowEntryAttr = { id: "SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION", value: sai_dash_direction_t.SAI_DASH_DIRECTION_INBOUND };
    expect([s.value, e.value]).toEqual([5000, 2]);
  });

  it("reject CREATE_ONLY, READ_ONLY and wrongly typed attributes", () => {
    // @ts-expect-error SAI_ENI_ATTR_DASH_ENI_MODE is CREATE_ONLY
    const createOnly: SetEniAttr = { id: "SAI_ENI_ATTR_DASH_ENI_MODE", value: 0 };
    // @ts-expect-error SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY is READ_ONLY
    const readOnly: SetFlowEntryAttr = { id: "SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY", value: 0 };
    // @ts-expect-error UINT32 is a number
    const wrong: SetFlowTableAttr = { id: "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", value: true };
    expect([createOnly, readOnly, wrong]).toHaveLength(3);
  });
});

describe("get, keys, APIs and notifications", () => {
  it("type get results by the names asked for", () => {
    type Api = DashFlowApi;
    type Get = ReturnType<Api["get_flow_entry_attribute"]>;
    expectTypeOf<Get>().toEqualTypeOf<ApiGetResult<Pick<FlowEntryAttrValues, FlowEntryAttrName>>>();
    const fake: Pick<DashFlowApi, "get_flow_entry_attribute"> = {
      get_flow_entry_attribute: () => ({ status: SAI_STATUS_SUCCESS, attrs: undefined }),
    };
    const key: FlowEntryKey = {
      switch_id: SWITCH,
      eni_mac: mac("00:00:00:00:00:01"),
      vnet_id: 1,
      ip_proto: 6,
      src_ip: ipAddress("10.0.0.1"),
      dst_ip: ipAddress("10.0.0.2"),
      src_port: 1234,
      dst_port: 80,
    };
    const r = fake.get_flow_entry_attribute(key, ["SAI_FLOW_ENTRY_ATTR_VERSION", "SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY"]);
    if (r.attrs) {
      expectTypeOf(r.attrs.SAI_FLOW_ENTRY_ATTR_VERSION).toEqualTypeOf<number>();
      expectTypeOf(r.attrs.SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY).toEqualTypeOf<sai_ip_addr_family_t>();
      // @ts-expect-error not requested
      void r.attrs.SAI_FLOW_ENTRY_ATTR_ACTION;
    }
    // @ts-expect-error not an attribute of FLOW_ENTRY
    fake.get_flow_entry_attribute(key, ["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT"]);
    const full: GetFlowEntryAttrs = {};
    expect([r.status, full]).toEqual([0, {}]);
  });

  it("keep C member names in keys and API tables, and make async results promises", () => {
    expectTypeOf<keyof FlowEntryKey>().toEqualTypeOf<"switch_id" | "eni_mac" | "vnet_id" | "ip_proto" | "src_ip" | "dst_ip" | "src_port" | "dst_port">();
    expectTypeOf<FlowEntryKey["switch_id"]>().toEqualTypeOf<ObjectId>();
    expectTypeOf<ReturnType<DashFlowApi["create_flow_table"]>>().toEqualTypeOf<{ readonly status: number; readonly id?: ObjectId }>();
    expectTypeOf<ReturnType<DashFlowApi<"async">["remove_flow_table"]>>().toEqualTypeOf<Promise<number>>();
    expectTypeOf<Parameters<DashFlowApi["create_flow_entries"]>[0]>().toEqualTypeOf<readonly FlowEntryKey[]>();
    expectTypeOf<Parameters<FlowBulkGetSessionEventNotification>>().toMatchTypeOf<[ObjectId, readonly unknown[]]>();
    // @ts-expect-error a plain bigint is no ObjectId: build one with oid()
    const raw: FlowEntryKey["switch_id"] = 1n;
    expect(raw).toBe(1n);
  });
});

describe("enums, flags, status and metadata values", () => {
  it("keep SAI names and values", () => {
    expect(sai_flow_table_attr_t.SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS).toBe(2);
    expect(sai_dash_flow_action_t.SAI_DASH_FLOW_ACTION_NAT64).toBe(1 << 7);
  });

  it("combine, test and split flags", () => {
    const K = sai_dash_flow_enabled_key_t;
    const v = DashFlowEnabledKeyFlags.combine(K.SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC, K.SAI_DASH_FLOW_ENABLED_KEY_DST_PORT);
    expect(v).toBe(65);
    expect(DashFlowEnabledKeyFlags.has(v, K.SAI_DASH_FLOW_ENABLED_KEY_DST_PORT)).toBe(true);
    expect(DashFlowEnabledKeyFlags.has(v, K.SAI_DASH_FLOW_ENABLED_KEY_VNI)).toBe(false);
    expect(DashFlowEnabledKeyFlags.has(0, K.SAI_DASH_FLOW_ENABLED_KEY_NONE)).toBe(true);
    expect(DashFlowEnabledKeyFlags.split(v)).toEqual([1, 64]);
    expect(DashFlowEnabledKeyFlags.combine()).toBe(0);
  });

  it("compute indexed status codes as the C macros do", () => {
    expect(SAI_STATUS_INVALID_ATTRIBUTE(3)).toBe(SAI_STATUS_INVALID_ATTRIBUTE_0 - 3);
    expect(SAI_STATUS_IS_INVALID_ATTRIBUTE(SAI_STATUS_INVALID_ATTRIBUTE(42))).toBe(true);
    expect(SAI_STATUS_IS_INVALID_ATTRIBUTE(SAI_STATUS_SUCCESS)).toBe(false);
    expect(statusName(SAI_STATUS_INVALID_ATTRIBUTE(3))).toBe("SAI_STATUS_INVALID_ATTRIBUTE_3");
    expect(statusName(-1)).toBe("SAI_STATUS_FAILURE");
  });

  it("ship the model as typed tables", () => {
    expect(SAI_METADATA.attributes).toBe(SAI_ATTRIBUTES);
    expect(SAI_METADATA.objectTypes.map((o) => o.objecttype)).toContain("SAI_OBJECT_TYPE_FLOW_ENTRY");
    expect(attributeMetadata("SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY")?.isreadonly).toBe(true);
  });
});
