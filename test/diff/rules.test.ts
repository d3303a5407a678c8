/**
 * Verdict rules on hand-built models: one table row per rule, each model pair differing in one thing.
 */
import { describe, expect, it } from "vitest";
import { diffModels, type Change } from "../../generator/diff/index.js";
import { matchByName } from "../../generator/diff/change.js";
import { conditionText } from "../../generator/model/text.js";
import type { AttrMetadata, SaiModel } from "../../generator/model/types.js";
import { api, attr, enumMeta, fooModel, keyMember, model, objectType, struct } from "./model.js";

const A = (p: Partial<AttrMetadata> = {}) => attr({ attridname: "SAI_FOO_ATTR_A", attrid: 0, objecttype: "SAI_OBJECT_TYPE_FOO", ...p });
const B = (p: Partial<AttrMetadata> = {}) => attr({ attridname: "SAI_FOO_ATTR_B", attrid: 1, objecttype: "SAI_OBJECT_TYPE_FOO", ...p });

/** The compact view the tables compare: verdict, kind, name and field of each change. */
const brief = (cs: Change[]) => cs.map((c) => [c.verdict, c.kind, c.name, c.field].filter((x) => x !== null).join(" "));

const cases: [string, { old: SaiModel; new: SaiModel; want: string[]; verdict: string }][] = [
  ["identical models", { old: fooModel([A()]), new: fooModel([A()]), want: [], verdict: "compatible" }],
  ["attribute appended", { old: fooModel([A()]), new: fooModel([A(), B()]), want: ["compatible added SAI_FOO_ATTR_B"], verdict: "compatible" }],
  ["attribute removed", { old: fooModel([A(), B()]), new: fooModel([A()]), want: ["abi-breaking removed SAI_FOO_ATTR_B"], verdict: "abi-breaking" }],
  [
    "attribute renamed (same id)",
    { old: fooModel([A()]), new: fooModel([A({ attridname: "SAI_FOO_ATTR_A2" })]), want: ["source-breaking renamed SAI_FOO_ATTR_A2"], verdict: "source-breaking" },
  ],
  [
    "attribute renamed, old name kept as @ignore alias",
    {
      old: fooModel([A()]),
      new: fooModel([A({ attridname: "SAI_FOO_ATTR_A2" })], {
        enums: [enumMeta("sai_foo_attr_t", [["SAI_FOO_ATTR_A2", 0]], { objecttype: "SAI_OBJECT_TYPE_FOO", ignorevalues: [{ name: "SAI_FOO_ATTR_A", value: 0, aliasof: "SAI_FOO_ATTR_A2" }] })],
      }),
      want: ["compatible renamed SAI_FOO_ATTR_A2"],
      verdict: "compatible",
    },
  ],
  [
    "attribute id changed and the old id reused",
    {
      old: fooModel([A(), B()]),
      new: fooModel([attr({ attridname: "SAI_FOO_ATTR_C", attrid: 1, objecttype: "SAI_OBJECT_TYPE_FOO" }), B({ attrid: 2 }), A()]),
      want: ["abi-breaking added SAI_FOO_ATTR_C", "abi-breaking changed SAI_FOO_ATTR_B id"],
      verdict: "abi-breaking",
    },
  ],
  [
    "value type change (uint32 → ip address)",
    {
      old: fooModel([A()]),
      new: fooModel([A({ attrvaluetype: "SAI_ATTR_VALUE_TYPE_IP_ADDRESS", typestring: "sai_ip_address_t", defaultvalue: { kind: "ipaddr", family: "ipv4", value: "0.0.0.0" } })]),
      want: ["abi-breaking changed SAI_FOO_ATTR_A valuetype"],
      verdict: "abi-breaking",
    },
  ],
  [
    "another enum behind the same INT32 value type",
    {
      old: fooModel([A({ attrvaluetype: "SAI_ATTR_VALUE_TYPE_INT32", typestring: "sai_foo_kind_t", isenum: true, enummetadata: "sai_foo_kind_t", defaultvalue: { kind: "enum", name: "SAI_FOO_KIND_X", value: 0 } })]),
      new: fooModel([A({ attrvaluetype: "SAI_ATTR_VALUE_TYPE_INT32", typestring: "sai_foo_mode_t", isenum: true, enummetadata: "sai_foo_mode_t", defaultvalue: { kind: "enum", name: "SAI_FOO_MODE_X", value: 0 } })]),
      want: ["source-breaking changed SAI_FOO_ATTR_A type", "compatible changed SAI_FOO_ATTR_A default"],
      verdict: "source-breaking",
    },
  ],
  [
    "CREATE_AND_SET → CREATE_ONLY",
    { old: fooModel([A()]), new: fooModel([A({ flags: ["SAI_ATTR_FLAGS_CREATE_ONLY"] })]), want: ["source-breaking changed SAI_FOO_ATTR_A flags"], verdict: "source-breaking" },
  ],
  [
    "CREATE_ONLY → CREATE_AND_SET (loosened)",
    { old: fooModel([A({ flags: ["SAI_ATTR_FLAGS_CREATE_ONLY"] })]), new: fooModel([A()]), want: ["compatible changed SAI_FOO_ATTR_A flags"], verdict: "compatible" },
  ],
  [
    "becomes READ_ONLY",
    {
      old: fooModel([A()]),
      new: fooModel([A({ flags: ["SAI_ATTR_FLAGS_READ_ONLY"], defaultvaluetype: "SAI_DEFAULT_VALUE_TYPE_NONE", defaultvalue: null })]),
      want: ["compatible changed SAI_FOO_ATTR_A default", "source-breaking changed SAI_FOO_ATTR_A flags"],
      verdict: "source-breaking",
    },
  ],
  [
    "KEY added",
    {
      old: fooModel([A({ flags: ["SAI_ATTR_FLAGS_MANDATORY_ON_CREATE", "SAI_ATTR_FLAGS_CREATE_ONLY"], defaultvaluetype: "SAI_DEFAULT_VALUE_TYPE_NONE", defaultvalue: null })]),
      new: fooModel([A({ flags: ["SAI_ATTR_FLAGS_MANDATORY_ON_CREATE", "SAI_ATTR_FLAGS_CREATE_ONLY", "SAI_ATTR_FLAGS_KEY"], defaultvaluetype: "SAI_DEFAULT_VALUE_TYPE_NONE", defaultvalue: null })]),
      want: ["source-breaking changed SAI_FOO_ATTR_A flags"],
      verdict: "source-breaking",
    },
  ],
  ["default changed", { old: fooModel([A()]), new: fooModel([A({ defaultvalue: { kind: "int", value: "7" } })]), want: ["source-breaking changed SAI_FOO_ATTR_A default"], verdict: "source-breaking" }],
  [
    "writable OID attribute accepts fewer types",
    {
      old: fooModel([A({ attrvaluetype: "SAI_ATTR_VALUE_TYPE_OBJECT_ID", allowedobjecttypes: ["SAI_OBJECT_TYPE_BAR", "SAI_OBJECT_TYPE_BAZ"] })]),
      new: fooModel([A({ attrvaluetype: "SAI_ATTR_VALUE_TYPE_OBJECT_ID", allowedobjecttypes: ["SAI_OBJECT_TYPE_BAR"] })]),
      want: ["source-breaking changed SAI_FOO_ATTR_A objects"],
      verdict: "source-breaking",
    },
  ],
  [
    "writable OID attribute accepts more types",
    {
      old: fooModel([A({ attrvaluetype: "SAI_ATTR_VALUE_TYPE_OBJECT_ID", allowedobjecttypes: ["SAI_OBJECT_TYPE_BAR"] })]),
      new: fooModel([A({ attrvaluetype: "SAI_ATTR_VALUE_TYPE_OBJECT_ID", allowedobjecttypes: ["SAI_OBJECT_TYPE_BAR", "SAI_OBJECT_TYPE_BAZ"] })]),
      want: ["compatible changed SAI_FOO_ATTR_A objects"],
      verdict: "compatible",
    },
  ],
  [
    "read-only OID list may return more types",
    {
      old: fooModel([A({ flags: ["SAI_ATTR_FLAGS_READ_ONLY"], isreadonly: true, attrvaluetype: "SAI_ATTR_VALUE_TYPE_OBJECT_LIST", allowedobjecttypes: ["SAI_OBJECT_TYPE_BAR"] })]),
      new: fooModel([A({ flags: ["SAI_ATTR_FLAGS_READ_ONLY"], isreadonly: true, attrvaluetype: "SAI_ATTR_VALUE_TYPE_OBJECT_LIST", allowedobjecttypes: ["SAI_OBJECT_TYPE_BAR", "SAI_OBJECT_TYPE_BAZ"] })]),
      want: ["source-breaking changed SAI_FOO_ATTR_A objects"],
      verdict: "source-breaking",
    },
  ],
  [
    "allownull removed",
    { old: fooModel([A({ allownullobjectid: true })]), new: fooModel([A()]), want: ["source-breaking changed SAI_FOO_ATTR_A allownull"], verdict: "source-breaking" },
  ],
  [
    "condition added to a mandatory attribute (loosened)",
    {
      old: fooModel([B({ flags: ["SAI_ATTR_FLAGS_MANDATORY_ON_CREATE", "SAI_ATTR_FLAGS_CREATE_ONLY"], defaultvaluetype: "SAI_DEFAULT_VALUE_TYPE_NONE", defaultvalue: null })]),
      new: fooModel([
        B({
          flags: ["SAI_ATTR_FLAGS_MANDATORY_ON_CREATE", "SAI_ATTR_FLAGS_CREATE_ONLY"],
          defaultvaluetype: "SAI_DEFAULT_VALUE_TYPE_NONE",
          defaultvalue: null,
          isconditional: true,
          conditiontype: "SAI_ATTR_CONDITION_TYPE_OR",
          conditions: [{ type: "SAI_ATTR_CONDITION_TYPE_NONE", attrid: "SAI_FOO_ATTR_A", op: "SAI_ATTR_CONDITION_OP_EQ", condition: { kind: "bool", value: true } }],
        }),
      ]),
      want: ["compatible changed SAI_FOO_ATTR_B condition"],
      verdict: "compatible",
    },
  ],
  ...(["SAI_FOO_KIND_NEW", "SAI_FOO_KIND_OLD"] as const).map((added): [string, { old: SaiModel; new: SaiModel; want: string[]; verdict: string }] => {
    const cond = (...values: string[]) =>
      B({
        flags: ["SAI_ATTR_FLAGS_MANDATORY_ON_CREATE", "SAI_ATTR_FLAGS_CREATE_ONLY"],
        defaultvaluetype: "SAI_DEFAULT_VALUE_TYPE_NONE",
        defaultvalue: null,
        isconditional: true,
        conditiontype: "SAI_ATTR_CONDITION_TYPE_OR",
        conditions: values.map((v, i) => ({ type: "SAI_ATTR_CONDITION_TYPE_NONE" as const, attrid: "SAI_FOO_ATTR_A", op: "SAI_ATTR_CONDITION_OP_EQ" as const, condition: { kind: "enum" as const, name: v, value: i } })),
      });
    const kinds = (...v: [string, number][]) => [enumMeta("sai_foo_kind_t", v)];
    const isNew = added === "SAI_FOO_KIND_NEW";
    return [
      `condition gains a case for ${isNew ? "a new" : "an existing"} enum value`,
      {
        old: fooModel([cond("SAI_FOO_KIND_X")], { enums: kinds(["SAI_FOO_KIND_X", 0], ["SAI_FOO_KIND_OLD", 1]) }),
        new: fooModel([cond("SAI_FOO_KIND_X", added)], { enums: kinds(["SAI_FOO_KIND_X", 0], ["SAI_FOO_KIND_OLD", 1], ["SAI_FOO_KIND_NEW", 2]) }),
        want: [`${isNew ? "compatible" : "source-breaking"} changed SAI_FOO_ATTR_B condition`, "compatible added SAI_FOO_KIND_NEW"],
        verdict: isNew ? "compatible" : "source-breaking",
      },
    ];
  }),
  [
    "object type value changed",
    { old: model({ objectTypes: [objectType("SAI_OBJECT_TYPE_FOO", 2, [])] }), new: model({ objectTypes: [objectType("SAI_OBJECT_TYPE_FOO", 3, [])] }), want: ["abi-breaking changed SAI_OBJECT_TYPE_FOO value"], verdict: "abi-breaking" },
  ],
  [
    "object type added",
    { old: model({ objectTypes: [] }), new: model({ objectTypes: [objectType("SAI_OBJECT_TYPE_FOO", 2, [])] }), want: ["compatible added SAI_OBJECT_TYPE_FOO"], verdict: "compatible" },
  ],
  [
    "entry key member reordered",
    {
      old: model({ objectTypes: [objectType("SAI_OBJECT_TYPE_FOO_ENTRY", 2, [], [keyMember("switch_id", 0, 8, "sai_object_id_t"), keyMember("a", 8, 4), keyMember("b", 12, 4)])] }),
      new: model({ objectTypes: [objectType("SAI_OBJECT_TYPE_FOO_ENTRY", 2, [], [keyMember("switch_id", 0, 8, "sai_object_id_t"), keyMember("b", 8, 4), keyMember("a", 12, 4)])] }),
      want: ["abi-breaking changed sai_foo_entry_t.a layout", "abi-breaking changed sai_foo_entry_t.b layout"],
      verdict: "abi-breaking",
    },
  ],
  [
    "entry key member renamed in place",
    {
      old: model({ objectTypes: [objectType("SAI_OBJECT_TYPE_FOO_ENTRY", 2, [], [keyMember("switch_id", 0, 8, "sai_object_id_t"), keyMember("vni", 8, 4)])] }),
      new: model({ objectTypes: [objectType("SAI_OBJECT_TYPE_FOO_ENTRY", 2, [], [keyMember("switch_id", 0, 8, "sai_object_id_t"), keyMember("vnet_id", 8, 4)])] }),
      want: ["source-breaking renamed sai_foo_entry_t.vnet_id"],
      verdict: "source-breaking",
    },
  ],
  [
    "enum value appended",
    { old: model({ enums: [enumMeta("sai_foo_kind_t", [["SAI_FOO_KIND_A", 0]])] }), new: model({ enums: [enumMeta("sai_foo_kind_t", [["SAI_FOO_KIND_A", 0], ["SAI_FOO_KIND_B", 1]])] }), want: ["compatible added SAI_FOO_KIND_B"], verdict: "compatible" },
  ],
  [
    "enum value removed",
    { old: model({ enums: [enumMeta("sai_foo_kind_t", [["SAI_FOO_KIND_A", 0], ["SAI_FOO_KIND_B", 1]])] }), new: model({ enums: [enumMeta("sai_foo_kind_t", [["SAI_FOO_KIND_A", 0]])] }), want: ["abi-breaking removed SAI_FOO_KIND_B"], verdict: "abi-breaking" },
  ],
  [
    "enum value renamed with an @ignore alias",
    {
      old: model({ enums: [enumMeta("sai_foo_kind_t", [["SAI_FOO_KIND_INVAILD", 0]])] }),
      new: model({ enums: [enumMeta("sai_foo_kind_t", [["SAI_FOO_KIND_INVALID", 0]], { ignorevalues: [{ name: "SAI_FOO_KIND_INVAILD", value: 0, aliasof: "SAI_FOO_KIND_INVALID" }] })] }),
      want: ["compatible renamed SAI_FOO_KIND_INVALID"],
      verdict: "compatible",
    },
  ],
  [
    "@ignore alias dropped",
    {
      old: model({ enums: [enumMeta("sai_foo_kind_t", [["SAI_FOO_KIND_INVALID", 0]], { ignorevalues: [{ name: "SAI_FOO_KIND_INVAILD", value: 0, aliasof: "SAI_FOO_KIND_INVALID" }] })] }),
      new: model({ enums: [enumMeta("sai_foo_kind_t", [["SAI_FOO_KIND_INVALID", 0]])] }),
      want: ["source-breaking removed SAI_FOO_KIND_INVAILD"],
      verdict: "source-breaking",
    },
  ],
  [
    "enum flags type changed",
    {
      old: model({ enums: [enumMeta("sai_foo_kind_t", [["SAI_FOO_KIND_A", 0]])] }),
      new: model({ enums: [enumMeta("sai_foo_kind_t", [["SAI_FOO_KIND_A", 0]], { flagstype: "SAI_ENUM_FLAGS_TYPE_STRICT", containsflags: true })] }),
      want: ["source-breaking changed sai_foo_kind_t flags"],
      verdict: "source-breaking",
    },
  ],
  [
    "generated notification numbering is not compared",
    {
      old: model({ enums: [enumMeta("sai_switch_notification_type_t", [["SAI_SWITCH_NOTIFICATION_TYPE_A", 0]], { synthesized: true })] }),
      new: model({ enums: [enumMeta("sai_switch_notification_type_t", [["SAI_SWITCH_NOTIFICATION_TYPE_B", 0], ["SAI_SWITCH_NOTIFICATION_TYPE_A", 1]], { synthesized: true })] }),
      want: [],
      verdict: "compatible",
    },
  ],
  [
    "struct member appended",
    { old: model({ structs: [struct("sai_foo_data_t", [["a", "uint32_t"]])] }), new: model({ structs: [struct("sai_foo_data_t", [["a", "uint32_t"], ["b", "uint32_t"]])] }), want: ["abi-breaking added b"], verdict: "abi-breaking" },
  ],
  [
    "struct members reordered",
    {
      old: model({ structs: [struct("sai_foo_data_t", [["a", "uint32_t"], ["b", "uint64_t"]])] }),
      new: model({ structs: [struct("sai_foo_data_t", [["b", "uint64_t"], ["a", "uint32_t"]])] }),
      want: ["abi-breaking changed sai_foo_data_t order"],
      verdict: "abi-breaking",
    },
  ],
  [
    "struct member renamed in place",
    { old: model({ structs: [struct("sai_foo_data_t", [["a", "uint32_t"]])] }), new: model({ structs: [struct("sai_foo_data_t", [["b", "uint32_t"]])] }), want: ["source-breaking renamed b"], verdict: "source-breaking" },
  ],
  [
    "union member added",
    { old: model({ structs: [struct("sai_foo_value_t", [["u32", "sai_uint32_t"]], "union")] }), new: model({ structs: [struct("sai_foo_value_t", [["u32", "sai_uint32_t"], ["u8", "sai_uint8_t"]], "union")] }), want: ["compatible added u8"], verdict: "compatible" },
  ],
  [
    "API function appended",
    { old: model({ apis: [api("sai_foo_api_t", [["create_foo", "sai_create_foo_fn"]])] }), new: model({ apis: [api("sai_foo_api_t", [["create_foo", "sai_create_foo_fn"], ["remove_foo", "sai_remove_foo_fn"]])] }), want: ["compatible added remove_foo"], verdict: "compatible" },
  ],
  [
    "API function inserted before existing ones",
    { old: model({ apis: [api("sai_foo_api_t", [["remove_foo", "sai_remove_foo_fn"]])] }), new: model({ apis: [api("sai_foo_api_t", [["create_foo", "sai_create_foo_fn"], ["remove_foo", "sai_remove_foo_fn"]])] }), want: ["abi-breaking added create_foo"], verdict: "abi-breaking" },
  ],
  [
    "API function removed",
    { old: model({ apis: [api("sai_foo_api_t", [["create_foo", "sai_create_foo_fn"], ["remove_foo", "sai_remove_foo_fn"]])] }), new: model({ apis: [api("sai_foo_api_t", [["create_foo", "sai_create_foo_fn"]])] }), want: ["abi-breaking removed remove_foo"], verdict: "abi-breaking" },
  ],
  [
    "function signature changed",
    {
      old: model({ functions: [{ name: "sai_foo_notification_fn", returntype: "void", params: [{ name: "count", direction: "in", ctype: "uint32_t", basetype: "uint32_t", isconst: false, pointer: 0 }], brief: "", location: "x.h:1" }] }),
      new: model({ functions: [{ name: "sai_foo_notification_fn", returntype: "void", params: [{ name: "count", direction: "in", ctype: "uint64_t", basetype: "uint64_t", isconst: false, pointer: 0 }], brief: "", location: "x.h:1" }] }),
      want: ["abi-breaking changed sai_foo_notification_fn signature"],
      verdict: "abi-breaking",
    },
  ],
];

describe("diff verdict rules", () => {
  for (const [name, c] of cases)
    it(name, () => {
      const r = diffModels(c.old, c.new);
      expect(brief(r.changes).sort()).toEqual([...c.want].sort());
      expect(r.verdict).toBe(c.verdict);
    });

  it("is deterministic and sorted regardless of input order", () => {
    const a = diffModels(fooModel([A(), B()]), fooModel([B({ attrid: 5 }), attr({ attridname: "SAI_FOO_ATTR_C", attrid: 6, objecttype: "SAI_OBJECT_TYPE_FOO" })]));
    const b = diffModels(fooModel([B(), A()]), fooModel([attr({ attridname: "SAI_FOO_ATTR_C", attrid: 6, objecttype: "SAI_OBJECT_TYPE_FOO" }), B({ attrid: 5 })]));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.changes.map((c) => c.name)).toEqual(["SAI_FOO_ATTR_A", "SAI_FOO_ATTR_B", "SAI_FOO_ATTR_C"]);
  });
});

describe("matchByName", () => {
  it("pairs renames one-to-one by identity, in input order", () => {
    const m = matchByName(["a=1", "b=1", "c=2"], ["x=1", "c=2"], (s) => s.split("=")[0]!, (s) => s.split("=")[1]!);
    expect(m.common).toEqual([["c=2", "c=2"]]);
    expect(m.renamed).toEqual([["a=1", "x=1"]]);
    expect(m.removed).toEqual(["b=1"]);
    expect(m.added).toEqual([]);
  });
});

describe("conditionText", () => {
  const op = (attrid: string, value: string) => ({ type: "SAI_ATTR_CONDITION_TYPE_NONE" as const, attrid, op: "SAI_ATTR_CONDITION_OP_EQ" as const, condition: { kind: "enum" as const, name: value, value: 0 } });
  const rpn = (t: "AND" | "OR") => ({ type: `SAI_ATTR_CONDITION_TYPE_${t}` as const, attrid: null, op: "SAI_ATTR_CONDITION_OP_EQ" as const, condition: null });
  it("rebuilds mixed expressions from reverse-polish order", () => {
    expect(conditionText("SAI_ATTR_CONDITION_TYPE_MIXED", [op("A", "X"), op("B", "Y"), op("B", "Z"), rpn("OR"), rpn("AND")])).toBe("A == X and (B == Y or B == Z)");
    expect(conditionText("SAI_ATTR_CONDITION_TYPE_MIXED", [op("A", "X"), op("B", "Y"), rpn("AND"), op("C", "Z"), rpn("OR")])).toBe("(A == X and B == Y) or C == Z");
  });
  it("joins flat lists", () => {
    expect(conditionText("SAI_ATTR_CONDITION_TYPE_AND", [op("A", "X"), op("B", "Y")])).toBe("A == X and B == Y");
  });
});
