import { describe, expect, it } from "vitest";
import { mapAttrType, valueTypeOfCType, type TypeContext } from "../../generator/model/value-type.js";

const ctx: TypeContext = {
  unionTypes: new Set(["sai_uint32_t", "sai_u32_list_t", "sai_ip4_t", "sai_s32_range_t", "sai_object_list_t", "sai_acl_capability_t", "sai_json_t"]),
  aclFieldTypes: new Set(["sai_uint8_t", "sai_mac_t", "sai_object_id_t"]),
  aclActionTypes: new Set(["sai_uint32_t", "sai_ip_address_t"]),
  enums: new Set(["sai_packet_action_t", "sai_acl_bind_point_type_t"]),
  functions: new Set(["sai_foo_notification_fn", "sai_switch_register_read_fn"]),
};

describe("@type mapping", () => {
  it("derives value type names from union member types", () => {
    expect(valueTypeOfCType("sai_u32_list_t")).toBe("UINT32_LIST");
    expect(valueTypeOfCType("sai_ip4_t")).toBe("IPV4");
    expect(valueTypeOfCType("sai_s32_range_t")).toBe("INT32_RANGE");
    expect(valueTypeOfCType("sai_uint32_t")).toBe("UINT32");
  });
  const rows: [string, Partial<ReturnType<typeof mapAttrType> & object>][] = [
    ["bool", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_BOOL", isprimitive: true }],
    ["char", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_CHARDATA" }],
    ["sai_uint32_t", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_UINT32" }],
    ["sai_u32_list_t", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_UINT32_LIST", isprimitive: false }],
    ["sai_packet_action_t", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_INT32", isenum: true, enummetadata: "sai_packet_action_t" }],
    ["sai_s32_list_t sai_acl_bind_point_type_t", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_INT32_LIST", isenumlist: true, isprimitive: false }],
    ["sai_acl_action_data_t sai_packet_action_t", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_ACL_ACTION_DATA_INT32", isenum: true }],
    ["sai_acl_field_data_t sai_uint8_t", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_ACL_FIELD_DATA_UINT8" }],
    ["sai_acl_field_data_mask_t sai_mac_t", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_ACL_FIELD_DATA_MAC", isaclmask: true }],
    ["sai_acl_action_data_t bool", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_ACL_ACTION_DATA_BOOL" }],
    ["sai_pointer_t sai_foo_notification_fn", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_POINTER", iscallback: false, pointerfn: "sai_foo_notification_fn" }],
    ["sai_pointer_t sai_switch_register_read_fn", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_POINTER", iscallback: true }],
    ["sai_acl_capability_t", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_ACL_CAPABILITY", isprimitive: false }],
    ["sai_json_t", { attrvaluetype: "SAI_ATTR_VALUE_TYPE_JSON", isprimitive: false }],
  ];
  for (const [text, want] of rows) it(text, () => expect(mapAttrType(text, ctx)).toMatchObject(want));
  const errors: [string, RegExp][] = [
    ["sai_nothing_t", /neither/],
    ["sai_s32_list_t sai_uint32_t", /not an enum/],
    ["sai_pointer_t sai_missing_fn", /unknown function/],
    ["sai_foo_attr_t", /attribute enum/],
    ["sai_acl_field_data_t sai_ip6_t", /not a member type/],
    ["a b c", /unsupported/],
  ];
  for (const [text, re] of errors) it(`rejects ${text}`, () => expect(mapAttrType(text, ctx)).toMatch(re));
});
