/**
 * Every validation rule on a small inline fixture model, in both modes, so CI (which has no upstream tree)
 * exercises each rule of SAI-METADATA.md §5 / §0b without any header.
 */
import { describe, expect, it } from "vitest";
import type { AttrMetadata } from "../../generator/model/types.js";
import { createValidator, MemoryState, type AttrInput, type ValidationMode, type ValidationResult, type ValidationState } from "../../runtime/validate/index.js";
import { ipAddress, ipPrefix, mac, nullList } from "../../runtime/values/index.js";
import { attr, enumOf, eq, member, objectType, op, tables } from "./_helpers.js";

const SW = "SAI_OBJECT_TYPE_SWITCH";
const PORT = "SAI_OBJECT_TYPE_PORT";
const FOO = "SAI_OBJECT_TYPE_FOO";
const KEYED = "SAI_OBJECT_TYPE_KEYED";
const BAR = "SAI_OBJECT_TYPE_BAR_EXT";
const BAZ = "SAI_OBJECT_TYPE_BAZ_ENTRY";

const FOO_TYPE = enumOf("sai_foo_type_t", "SAI_FOO_TYPE_", [["SAI_FOO_TYPE_A", 0], ["SAI_FOO_TYPE_B", 1], ["SAI_FOO_TYPE_C", 2]]);
const FOO_FLAGS = enumOf("sai_foo_flags_t", "SAI_FOO_FLAGS_", [["SAI_FOO_FLAGS_NONE", 0], ["SAI_FOO_FLAGS_X", 1], ["SAI_FOO_FLAGS_Y", 2], ["SAI_FOO_FLAGS_Z", 4]], "SAI_ENUM_FLAGS_TYPE_STRICT");
const enumA = { kind: "enum", name: "SAI_FOO_TYPE_A", value: 0 } as const;
const enumB = { kind: "enum", name: "SAI_FOO_TYPE_B", value: 1 } as const;
const enumC = { kind: "enum", name: "SAI_FOO_TYPE_C", value: 2 } as const;
const OR = "SAI_ATTR_CONDITION_TYPE_OR" as const;
const int = (v: number) => ({ kind: "int", value: String(v) }) as const;
const bool = (v: boolean) => ({ kind: "bool", value: v }) as const;

const f = (name: string, id: number, s: Parameters<typeof attr>[3]): AttrMetadata => attr(FOO, `SAI_FOO_ATTR_${name}`, id, s);
const fooAttrs = [
  f("TYPE", 0, { type: "INT32", enum: "sai_foo_type_t", flags: ["MANDATORY_ON_CREATE", "CREATE_ONLY"] }),
  f("A_ONLY", 1, { type: "UINT32", flags: ["MANDATORY_ON_CREATE", "CREATE_ONLY"], condition: { type: OR, list: [eq("SAI_FOO_ATTR_TYPE", enumA)] } }),
  f("B_OR_C", 2, { type: "UINT8", flags: ["MANDATORY_ON_CREATE", "CREATE_ONLY"], condition: { type: OR, list: [eq("SAI_FOO_ATTR_TYPE", enumB), eq("SAI_FOO_ATTR_TYPE", enumC)] } }),
  f("RELAXED", 3, { type: "BOOL", flags: ["MANDATORY_ON_CREATE", "CREATE_ONLY"], condition: { type: OR, list: [eq("SAI_FOO_ATTR_TYPE", enumC)] }, relaxed: true }),
  f("VALIDONLY", 4, { type: "UINT16", flags: ["CREATE_AND_SET"], default: int(0), isvlan: true, validonly: { type: OR, list: [eq("SAI_FOO_ATTR_TYPE", enumB)] } }),
  f("ENABLED", 5, { type: "BOOL", flags: ["CREATE_AND_SET"], default: bool(false) }),
  f("MIXED", 6, {
    type: "UINT32",
    flags: ["MANDATORY_ON_CREATE", "CREATE_ONLY"],
    condition: {
      type: "SAI_ATTR_CONDITION_TYPE_MIXED",
      list: [eq("SAI_FOO_ATTR_TYPE", enumB), eq("SAI_FOO_ATTR_ENABLED", bool(true)), eq("SAI_FOO_ATTR_COUNT", int(5)), op(OR), op("SAI_ATTR_CONDITION_TYPE_AND")],
    },
  }),
  f("COUNT", 7, { type: "UINT8", flags: ["CREATE_AND_SET"], default: int(5) }),
  f("RO", 8, { type: "UINT32", flags: ["READ_ONLY"] }),
  f("FLAGS", 9, { type: "INT32", enum: "sai_foo_flags_t", flags: ["CREATE_AND_SET"], default: { kind: "enum", name: "SAI_FOO_FLAGS_NONE", value: 0 } }),
  f("TYPE_LIST", 10, { type: "INT32_LIST", enum: "sai_foo_type_t", enumList: true, flags: ["CREATE_AND_SET"], defaultType: "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST" }),
  f("PEER", 11, { type: "OBJECT_ID", objects: [PORT, BAR], allownull: true, flags: ["CREATE_AND_SET"], default: { kind: "oid", value: "0" } }),
  f("PORTS", 12, { type: "OBJECT_LIST", objects: [PORT], flags: ["CREATE_AND_SET"], defaultType: "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST" }),
  f("RANGE", 13, { type: "UINT32_RANGE", flags: ["CREATE_AND_SET"], default: { kind: "zero" } }),
  f("IP", 14, { type: "IP_ADDRESS", flags: ["CREATE_AND_SET"], default: { kind: "ipaddr", family: "ipv4", value: "0.0.0.0" } }),
  f("PREFIX", 15, { type: "IP_PREFIX", flags: ["CREATE_AND_SET"], default: { kind: "zero" } }),
  f("MAC", 16, { type: "MAC", flags: ["CREATE_AND_SET"], defaultType: "SAI_DEFAULT_VALUE_TYPE_VENDOR_SPECIFIC" }),
  f("I8", 17, { type: "INT8", flags: ["CREATE_AND_SET"], default: int(0) }),
  f("I16", 18, { type: "INT16", flags: ["CREATE_AND_SET"], default: int(0) }),
  f("U64", 19, { type: "UINT64", flags: ["CREATE_AND_SET"], default: int(0) }),
  f("I32", 20, { type: "INT32", flags: ["CREATE_AND_SET"], default: int(0) }),
  f("LABEL", 21, { type: "CHARDATA", flags: ["CREATE_AND_SET"], default: { kind: "chardata", value: "" } }),
  f("OLD", 22, { type: "UINT32", flags: ["MANDATORY_ON_CREATE", "CREATE_ONLY"], deprecated: true }),
  f("ACL_FIELD", 23, { type: "ACL_FIELD_DATA_INT32", enum: "sai_foo_type_t", flags: ["CREATE_AND_SET"], default: { kind: "acl", enable: false } }),
  f("ACL_ACTION", 24, { type: "ACL_ACTION_DATA_OBJECT_ID", objects: [PORT], flags: ["CREATE_AND_SET"], default: { kind: "acl", enable: false } }),
  f("RANGES", 25, { type: "UINT16_RANGE_LIST", flags: ["CREATE_AND_SET"], defaultType: "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST" }),
  f("MAPS", 26, { type: "MAP_LIST", flags: ["CREATE_AND_SET"], defaultType: "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST" }),
  f("U8S", 27, { type: "UINT8_LIST", flags: ["CREATE_AND_SET"], defaultType: "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST" }),
  f("PEERS", 28, { type: "OBJECT_LIST", objects: [PORT, BAR], flags: ["CREATE_AND_SET"], defaultType: "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST" }),
];
const switchAttrs = [
  attr(SW, "SAI_SWITCH_ATTR_INIT_SWITCH", 0, { type: "BOOL", flags: ["MANDATORY_ON_CREATE", "CREATE_ONLY"] }),
  attr(SW, "SAI_SWITCH_ATTR_DEFAULT_PORT", 1, { type: "OBJECT_ID", objects: [PORT], allownull: true, flags: ["CREATE_AND_SET"], default: { kind: "oid", value: "0" } }),
];
const portAttrs = [
  attr(PORT, "SAI_PORT_ATTR_SPEED", 0, { type: "UINT32", flags: ["MANDATORY_ON_CREATE", "CREATE_AND_SET"] }),
  attr(PORT, "SAI_PORT_ATTR_PEER", 1, { type: "OBJECT_ID", objects: [PORT], allownull: true, flags: ["CREATE_AND_SET"], default: { kind: "oid", value: "0" } }),
];
const keyedAttrs = [
  attr(KEYED, "SAI_KEYED_ATTR_ID", 0, { type: "UINT16", flags: ["MANDATORY_ON_CREATE", "CREATE_ONLY", "KEY"], isvlan: true }),
  attr(KEYED, "SAI_KEYED_ATTR_LANES", 1, { type: "UINT32_LIST", flags: ["MANDATORY_ON_CREATE", "CREATE_ONLY", "KEY"] }),
];
const barAttrs = [attr(BAR, "SAI_BAR_EXT_ATTR_COUNT", 0, { type: "UINT32", flags: ["CREATE_AND_SET"], default: int(0) })];
const bazAttrs = [
  attr(BAZ, "SAI_BAZ_ENTRY_ATTR_ACTION", 0, { type: "INT32", enum: "sai_foo_type_t", flags: ["CREATE_AND_SET"], default: enumA }),
  attr(BAZ, "SAI_BAZ_ENTRY_ATTR_FAMILY", 1, { type: "UINT32", flags: ["READ_ONLY"] }),
];
const bazMembers = [
  member("switch_id", "OBJECT_ID", [SW]),
  member("port_id", "OBJECT_ID", [PORT]),
  member("mac", "MAC"),
  member("vni", "UINT16"),
  member("ip", "IP_ADDRESS"),
  member("prefix", "IP_PREFIX"),
  member("kind", "INT32", [], "sai_foo_type_t"),
];

const T = tables(
  [
    { info: objectType(SW, 33, switchAttrs), attrs: switchAttrs },
    { info: objectType(PORT, 1, portAttrs), attrs: portAttrs },
    { info: objectType(FOO, 5, fooAttrs), attrs: fooAttrs },
    { info: objectType(KEYED, 7, keyedAttrs), attrs: keyedAttrs },
    { info: objectType(BAR, 0x20000015, barAttrs), attrs: barAttrs },
    { info: objectType(BAZ, 0x20000016, bazAttrs, bazMembers), attrs: bazAttrs },
  ],
  [FOO_TYPE, FOO_FLAGS],
  [["SAI_OBJECT_TYPE_MIRROR", 9]],
);

const S = 0x21000000000000n;
const S1 = 0x121000000000001n; // switch #1
const P1 = 0x1000000000001n;
const P2 = 0x1000000000002n;
const P_ON_S1 = 0x101000000000003n;
const BAR1 = 0x15008000000001n; // extension type 0x20000015: type byte 0x15 + bit 39
const FOO1 = 0x5000000000001n;
const MIRROR1 = 0x9000000000001n;
const UNKNOWN_TYPE = 0x7f000000000001n;

const fooA: AttrInput[] = [
  { id: "SAI_FOO_ATTR_TYPE", value: 0 },
  { id: "SAI_FOO_ATTR_A_ONLY", value: 1 },
];
const with_ = (extra: AttrInput[]): AttrInput[] => [...fooA, ...extra];
const bazKey = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  switch_id: S,
  port_id: P1,
  mac: mac("00:11:22:33:44:55"),
  vni: 100,
  ip: ipAddress("10.0.0.1"),
  prefix: ipPrefix("10.0.0.0/8"),
  kind: 1,
  ...over,
});

/** Expected code per mode: one number for both, or [sai, sairedis]. */
type Want = number | [number, number];
const IA = (i: number): number => -(0x10000 + i); // INVALID_ATTRIBUTE_0+i
const IV = (i: number): number => -(0x20000 + i); // INVALID_ATTR_VALUE_0+i
const UA = (i: number): number => -(0x40000 + i); // UNKNOWN_ATTRIBUTE_0+i
const INVALID_PARAMETER = -5;
const FAILURE = -1;
const MISSING = -14;
const code = (w: Want, m: ValidationMode): number => (typeof w === "number" ? w : m === "sai" ? w[0] : w[1]);

function state(): MemoryState {
  const st = new MemoryState(T);
  st.insert(SW, S);
  st.insert(SW, S1);
  st.insert(PORT, P1);
  st.insert(PORT, P2);
  st.insert(PORT, P_ON_S1);
  st.insert(BAR, BAR1);
  return st;
}

describe.each<ValidationMode>(["sai", "sairedis"])("validation rules on an inline fixture (%s mode)", (mode) => {
  const v = createValidator(T, { mode });
  const create = (attrs: AttrInput[], st?: ValidationState): ValidationResult => v.validateCreate(FOO, attrs, { switchId: S, state: st });

  const createCases: [string, AttrInput[], Want, number?][] = [
    ["minimal valid create", fooA, 0],
    ["attribute by numeric id", [{ id: 0, value: 0 }, { id: 1, value: 1 }], 0],
    ["unknown attribute name", with_([{ id: "SAI_FOO_ATTR_NOPE", value: 1 }]), [UA(2), FAILURE], 2],
    ["unknown numeric id", with_([{ id: 0x7777, value: 1 }]), [UA(2), FAILURE], 2],
    ["attribute of another object type", with_([{ id: "SAI_PORT_ATTR_SPEED", value: 1 }]), [UA(2), FAILURE], 2],
    ["duplicate attribute", with_([{ id: "SAI_FOO_ATTR_COUNT", value: 1 }, { id: "SAI_FOO_ATTR_COUNT", value: 2 }]), [IA(3), INVALID_PARAMETER], 3],
    ["READ_ONLY on create", with_([{ id: "SAI_FOO_ATTR_RO", value: 1 }]), [IA(2), INVALID_PARAMETER], 2],
    ["mandatory missing", [{ id: "SAI_FOO_ATTR_A_ONLY", value: 1 }], MISSING],
    ["deprecated mandatory is not required", fooA, 0],
    ["condition met, attribute absent", [{ id: "SAI_FOO_ATTR_TYPE", value: 0 }], MISSING],
    ["condition not met, attribute present", with_([{ id: "SAI_FOO_ATTR_B_OR_C", value: 1 }]), [IA(2), INVALID_PARAMETER], 2],
    ["condition on a default value (COUNT defaults to 5 → MIXED required)", [{ id: "SAI_FOO_ATTR_TYPE", value: 1 }, { id: "SAI_FOO_ATTR_B_OR_C", value: 1 }], MISSING],
    ["mixed condition met", [{ id: "SAI_FOO_ATTR_TYPE", value: 1 }, { id: "SAI_FOO_ATTR_B_OR_C", value: 1 }, { id: "SAI_FOO_ATTR_MIXED", value: 1 }], 0],
    ["mixed condition unmet by supplied values", [{ id: "SAI_FOO_ATTR_TYPE", value: 1 }, { id: "SAI_FOO_ATTR_B_OR_C", value: 1 }, { id: "SAI_FOO_ATTR_COUNT", value: 4 }], 0],
    ["mixed condition unmet, attribute present", [{ id: "SAI_FOO_ATTR_TYPE", value: 1 }, { id: "SAI_FOO_ATTR_B_OR_C", value: 1 }, { id: "SAI_FOO_ATTR_COUNT", value: 4 }, { id: "SAI_FOO_ATTR_MIXED", value: 1 }], [IA(3), INVALID_PARAMETER], 3],
    ["relaxed condition unmet but present", with_([{ id: "SAI_FOO_ATTR_RELAXED", value: true }]), 0],
    ["validonly unmet: warning only", with_([{ id: "SAI_FOO_ATTR_VALIDONLY", value: 7 }]), 0],
    ["isvlan never range-checked", with_([{ id: "SAI_FOO_ATTR_VALIDONLY", value: 0 }]), 0],
    ["enum value", with_([{ id: "SAI_FOO_ATTR_TYPE_LIST", value: [0, 2] }]), 0],
    ["enum value out of enum", [{ id: "SAI_FOO_ATTR_TYPE", value: 9 }, { id: "SAI_FOO_ATTR_A_ONLY", value: 1 }], [IV(0), INVALID_PARAMETER], 0],
    ["enum list element out of enum", with_([{ id: "SAI_FOO_ATTR_TYPE_LIST", value: [0, 9] }]), [IV(2), INVALID_PARAMETER], 2],
    ["flags: a declared bit", with_([{ id: "SAI_FOO_ATTR_FLAGS", value: 4 }]), 0],
    ["flags: OR of declared bits", with_([{ id: "SAI_FOO_ATTR_FLAGS", value: 5 }]), [0, INVALID_PARAMETER], 2],
    ["flags: undeclared bit", with_([{ id: "SAI_FOO_ATTR_FLAGS", value: 8 }]), [IV(2), INVALID_PARAMETER], 2],
    ["UINT8 out of range", with_([{ id: "SAI_FOO_ATTR_COUNT", value: 256 }]), [IV(2), INVALID_PARAMETER], 2],
    ["UINT8 negative", with_([{ id: "SAI_FOO_ATTR_COUNT", value: -1 }]), [IV(2), INVALID_PARAMETER], 2],
    ["UINT32 too large", [{ id: "SAI_FOO_ATTR_TYPE", value: 0 }, { id: "SAI_FOO_ATTR_A_ONLY", value: 2 ** 32 }], [IV(1), INVALID_PARAMETER], 1],
    ["UINT32 fraction", [{ id: "SAI_FOO_ATTR_TYPE", value: 0 }, { id: "SAI_FOO_ATTR_A_ONLY", value: 1.5 }], [IV(1), INVALID_PARAMETER], 1],
    ["INT8 range", with_([{ id: "SAI_FOO_ATTR_I8", value: -129 }]), [IV(2), INVALID_PARAMETER], 2],
    ["INT16 range", with_([{ id: "SAI_FOO_ATTR_I16", value: 32768 }]), [IV(2), INVALID_PARAMETER], 2],
    ["INT32 non-enum", with_([{ id: "SAI_FOO_ATTR_I32", value: -5 }]), 0],
    ["UINT64 must be a bigint", with_([{ id: "SAI_FOO_ATTR_U64", value: 5 }]), [IV(2), INVALID_PARAMETER], 2],
    ["UINT64 over 2^64", with_([{ id: "SAI_FOO_ATTR_U64", value: 1n << 64n }]), [IV(2), INVALID_PARAMETER], 2],
    ["wrong JS type", with_([{ id: "SAI_FOO_ATTR_ENABLED", value: "true" }]), [IV(2), INVALID_PARAMETER], 2],
    ["IP address family", with_([{ id: "SAI_FOO_ATTR_IP", value: { family: 7, bytes: new Uint8Array(4) } }]), [IV(2), INVALID_PARAMETER], 2],
    ["IP address length", with_([{ id: "SAI_FOO_ATTR_IP", value: { family: "ipv6", bytes: new Uint8Array(4) } }]), [IV(2), INVALID_PARAMETER], 2],
    ["IP address v6", with_([{ id: "SAI_FOO_ATTR_IP", value: ipAddress("2001:db8::1") }]), 0],
    ["prefix non-contiguous mask", with_([{ id: "SAI_FOO_ATTR_PREFIX", value: { family: "ipv4", addr: new Uint8Array(4), mask: new Uint8Array([255, 0, 255, 0]) } }]), [IV(2), INVALID_PARAMETER], 2],
    ["prefix", with_([{ id: "SAI_FOO_ATTR_PREFIX", value: ipPrefix("10.0.0.0/8") }]), 0],
    ["MAC shape", with_([{ id: "SAI_FOO_ATTR_MAC", value: new Uint8Array(5) }]), [IV(2), INVALID_PARAMETER], 2],
    ["MAC", with_([{ id: "SAI_FOO_ATTR_MAC", value: mac("00:01:02:03:04:05") }]), 0],
    ["range min > max", with_([{ id: "SAI_FOO_ATTR_RANGE", value: { min: 10, max: 5 } }]), [IV(2), INVALID_PARAMETER], 2],
    ["range", with_([{ id: "SAI_FOO_ATTR_RANGE", value: { min: 5, max: 5 } }]), 0],
    ["range list item min > max", with_([{ id: "SAI_FOO_ATTR_RANGES", value: [{ min: 1, max: 2 }, { min: 9, max: 3 }] }]), [IV(2), INVALID_PARAMETER], 2],
    ["range list item width", with_([{ id: "SAI_FOO_ATTR_RANGES", value: [{ min: 1, max: 70000 }] }]), [IV(2), INVALID_PARAMETER], 2],
    ["list count>0 with NULL list", with_([{ id: "SAI_FOO_ATTR_U8S", value: nullList(2) }]), [IV(2), INVALID_PARAMETER], 2],
    ["list count 0 NULL list", with_([{ id: "SAI_FOO_ATTR_U8S", value: nullList(0) }]), 0],
    ["u8 list element width", with_([{ id: "SAI_FOO_ATTR_U8S", value: [1, 300] }]), [IV(2), INVALID_PARAMETER], 2],
    ["map list struct member width", with_([{ id: "SAI_FOO_ATTR_MAPS", value: [{ key: -1, value: 1 }] }]), [IV(2), INVALID_PARAMETER], 2],
    ["map list", with_([{ id: "SAI_FOO_ATTR_MAPS", value: [{ key: 1, value: -1 }] }]), 0],
    ["chardata empty on create", with_([{ id: "SAI_FOO_ATTR_LABEL", value: "" }]), [IV(2), INVALID_PARAMETER], 2],
    ["chardata 16 chars on create", with_([{ id: "SAI_FOO_ATTR_LABEL", value: "0123456789abcdef" }]), [IV(2), INVALID_PARAMETER], 2],
    ["chardata 15 chars", with_([{ id: "SAI_FOO_ATTR_LABEL", value: "0123456789abcde" }]), 0],
    ["chardata non-printable", with_([{ id: "SAI_FOO_ATTR_LABEL", value: "a\u0007" }]), [IV(2), INVALID_PARAMETER], 2],
    ["ACL field disabled", with_([{ id: "SAI_FOO_ATTR_ACL_FIELD", value: { enable: false } }]), 0],
    ["ACL field enum data", with_([{ id: "SAI_FOO_ATTR_ACL_FIELD", value: { enable: true, data: 9, mask: -1 } }]), [IV(2), INVALID_PARAMETER], 2],
    ["ACL action OID of a wrong type", with_([{ id: "SAI_FOO_ATTR_ACL_ACTION", value: { enable: true, parameter: BAR1 } }]), [IV(2), INVALID_PARAMETER], 2],
    ["OID allownull", with_([{ id: "SAI_FOO_ATTR_PEER", value: 0n }]), 0],
    ["OID of an allowed core type", with_([{ id: "SAI_FOO_ATTR_PEER", value: P1 }]), 0],
    ["OID of an allowed extension type", with_([{ id: "SAI_FOO_ATTR_PEER", value: BAR1 }]), 0],
    ["OID of a type not allowed", with_([{ id: "SAI_FOO_ATTR_PEER", value: FOO1 }]), [IV(2), INVALID_PARAMETER], 2],
    ["OID that encodes no known type", with_([{ id: "SAI_FOO_ATTR_PEER", value: UNKNOWN_TYPE }]), [IV(2), INVALID_PARAMETER], 2],
    ["OID on another switch", with_([{ id: "SAI_FOO_ATTR_PEER", value: P_ON_S1 }]), [IV(2), INVALID_PARAMETER], 2],
    ["OID list", with_([{ id: "SAI_FOO_ATTR_PORTS", value: [P1, P2] }]), 0],
    ["OID list duplicate", with_([{ id: "SAI_FOO_ATTR_PORTS", value: [P1, P1] }]), [IV(2), INVALID_PARAMETER], 2],
    ["OID list NULL element", with_([{ id: "SAI_FOO_ATTR_PORTS", value: [0n] }]), [IV(2), INVALID_PARAMETER], 2],
    ["OID list element of a wrong type (first two elements compared too)", with_([{ id: "SAI_FOO_ATTR_PORTS", value: [P1, MIRROR1] }]), [IV(2), INVALID_PARAMETER], 2],
    ["OID list of two allowed types, one type per list", with_([{ id: "SAI_FOO_ATTR_PEERS", value: [BAR1] }]), 0],
    ["OID list mixing allowed types (elements 0 and 1 compared too)", with_([{ id: "SAI_FOO_ATTR_PEERS", value: [P1, BAR1] }]), [IV(2), INVALID_PARAMETER], 2],
    ["OID list count>0 NULL list", with_([{ id: "SAI_FOO_ATTR_PORTS", value: nullList(3) }]), [IV(2), INVALID_PARAMETER], 2],
  ];

  it.each(createCases)("create: %s", (_name, attrs, want, index) => {
    const r = v.validateCreate(FOO, attrs, { switchId: S });
    expect(r.code, r.message).toBe(code(want, mode));
    if (r.code !== 0 && index !== undefined) expect(r.index).toBe(index);
    if (r.code === 0) expect(r.status).toBe("SAI_STATUS_SUCCESS");
  });

  it("warnings: relaxed condition and valid-only attribute", () => {
    expect(create(with_([{ id: "SAI_FOO_ATTR_RELAXED", value: true }])).warnings?.[0]).toMatch(/RELAXED.*relaxed/);
    expect(create(with_([{ id: "SAI_FOO_ATTR_VALIDONLY", value: 7 }])).warnings?.[0]).toMatch(/VALIDONLY.*valid only/);
    expect(create(fooA).warnings).toBeUndefined();
  });

  it("result values carry the status name, index and attribute", () => {
    const r = create(with_([{ id: "SAI_FOO_ATTR_COUNT", value: 256 }]));
    expect(r).toMatchObject({ index: 2, attr: "SAI_FOO_ATTR_COUNT" });
    expect(r.status).toBe(mode === "sai" ? "SAI_STATUS_INVALID_ATTR_VALUE_2" : "SAI_STATUS_INVALID_PARAMETER");
    expect(r.message).toMatch(/256 is out of range for UINT8/);
    const many = create([...fooA, ...Array.from({ length: 10 }, (_, i) => ({ id: `SAI_FOO_ATTR_X${i}` }))]);
    expect(many.status).toBe(mode === "sai" ? "SAI_STATUS_UNKNOWN_ATTRIBUTE_2" : "SAI_STATUS_FAILURE");
  });

  it("indexed codes past 10 print as decimal", () => {
    // Make the first nine extra ones valid, then one bad value at index 11.
    const good: AttrInput[] = [
      ...fooA,
      { id: "SAI_FOO_ATTR_ENABLED", value: true },
      { id: "SAI_FOO_ATTR_COUNT", value: 1 },
      { id: "SAI_FOO_ATTR_FLAGS", value: 0 },
      { id: "SAI_FOO_ATTR_I8", value: 1 },
      { id: "SAI_FOO_ATTR_I16", value: 1 },
      { id: "SAI_FOO_ATTR_I32", value: 1 },
      { id: "SAI_FOO_ATTR_IP", value: ipAddress("1.2.3.4") },
      { id: "SAI_FOO_ATTR_MAC", value: mac("00:00:00:00:00:01") },
      { id: "SAI_FOO_ATTR_LABEL", value: "x" },
      { id: "SAI_FOO_ATTR_U64", value: -1n },
    ];
    const r = create(good);
    expect(r.index).toBe(11);
    if (mode === "sai") expect(r).toMatchObject({ status: String(-(0x20000 + 11)), code: -(0x20000 + 11) });
  });

  it("switch create: OID attributes and unknown attributes", () => {
    expect(v.validateCreate(SW, [{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]).code).toBe(0);
    const oidAttr = v.validateCreate(SW, [{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }, { id: "SAI_SWITCH_ATTR_DEFAULT_PORT", value: 0n }]);
    expect(oidAttr.code).toBe(code([IA(1), INVALID_PARAMETER], mode));
    const unknown = v.validateCreate(SW, [{ id: "SAI_SWITCH_ATTR_X", value: true }]);
    expect(unknown.code).toBe(code([UA(0), INVALID_PARAMETER], mode));
  });

  it("create: the switch of the operation", () => {
    expect(v.validateCreate(FOO, fooA, {}).code).toBe(INVALID_PARAMETER);
    expect(v.validateCreate(FOO, fooA, { switchId: 0n }).code).toBe(INVALID_PARAMETER);
    expect(v.validateCreate(FOO, fooA, { switchId: P1 }).code).toBe(INVALID_PARAMETER);
    const st = state();
    expect(v.validateCreate(FOO, fooA, { switchId: 0x221000000000002n, state: st }).code).toBe(INVALID_PARAMETER); // never created
    expect(v.validateCreate(FOO, fooA, { switchId: S, state: st }).code).toBe(0);
    expect(v.validateCreate("SAI_OBJECT_TYPE_NOPE", fooA, { switchId: S }).code).toBe(INVALID_PARAMETER);
  });

  it("existence of referenced objects needs a state table", () => {
    const st = state();
    const ghost = 0x1000000000099n;
    expect(create(with_([{ id: "SAI_FOO_ATTR_PEER", value: ghost }])).code).toBe(0);
    expect(create(with_([{ id: "SAI_FOO_ATTR_PEER", value: ghost }]), st).code).toBe(code([IV(2), INVALID_PARAMETER], mode));
    expect(create(with_([{ id: "SAI_FOO_ATTR_PORTS", value: [P1, ghost] }]), st).code).toBe(code([IV(2), INVALID_PARAMETER], mode));
    expect(create(with_([{ id: "SAI_FOO_ATTR_PEER", value: P1 }]), st).code).toBe(0);
  });

  it("KEY attributes: uniqueness per switch", () => {
    const st = state();
    const k = (id: number): AttrInput[] => [
      { id: "SAI_KEYED_ATTR_ID", value: id },
      { id: "SAI_KEYED_ATTR_LANES", value: [1, 2] },
    ];
    expect(v.validateCreate(KEYED, k(5000), { switchId: S, state: st }).code).toBe(0); // isvlan: no 1..4094 check
    st.create(KEYED, k(5000), { switchId: S });
    expect(v.validateCreate(KEYED, k(5000), { switchId: S, state: st })).toMatchObject({ code: INVALID_PARAMETER, message: expect.stringContaining("oid:0x21000000000000;SAI_KEYED_ATTR_ID:5000;SAI_KEYED_ATTR_LANES:1,2;") });
    expect(v.validateCreate(KEYED, k(5001), { switchId: S, state: st }).code).toBe(0);
    expect(v.validateCreate(KEYED, k(5000), { switchId: S1, state: st }).code).toBe(0);
  });

  it("set: flags, values, object identity", () => {
    const st = state();
    const foo = st.create(FOO, fooA, { switchId: S });
    const set = (a: AttrInput, objectId: bigint = foo, s: ValidationState | undefined = st): ValidationResult => v.validateSet(FOO, [a], { objectId, state: s });
    expect(set({ id: "SAI_FOO_ATTR_COUNT", value: 7 }).code).toBe(0);
    expect(set({ id: "SAI_FOO_ATTR_TYPE", value: 1 }).code).toBe(code([IA(0), INVALID_PARAMETER], mode)); // CREATE_ONLY
    expect(set({ id: "SAI_FOO_ATTR_RO", value: 1 }).code).toBe(code([IA(0), INVALID_PARAMETER], mode));
    expect(set({ id: "SAI_FOO_ATTR_NOPE", value: 1 }).code).toBe(code([UA(0), FAILURE], mode));
    expect(set({ id: "SAI_FOO_ATTR_COUNT", value: 300 }).code).toBe(code([IV(0), INVALID_PARAMETER], mode));
    expect(set({ id: "SAI_FOO_ATTR_LABEL", value: "" }).code).toBe(0); // empty chardata is fine on set
    expect(set({ id: "SAI_FOO_ATTR_LABEL", value: "x".repeat(32) }).code).toBe(0);
    expect(set({ id: "SAI_FOO_ATTR_LABEL", value: "x".repeat(33) }).code).toBe(code([IV(0), INVALID_PARAMETER], mode));
    expect(set({ id: "SAI_FOO_ATTR_PEER", value: P_ON_S1 }).code).toBe(code([IV(0), INVALID_PARAMETER], mode)); // other switch
    expect(set({ id: "SAI_FOO_ATTR_COUNT", value: 1 }, 0x5000000000099n).code).toBe(-7); // ITEM_NOT_FOUND
    expect(set({ id: "SAI_FOO_ATTR_COUNT", value: 1 }, P1).code).toBe(INVALID_PARAMETER); // a PORT id given to FOO
    expect(set({ id: "SAI_FOO_ATTR_COUNT", value: 1 }, 0n).code).toBe(INVALID_PARAMETER);
    expect(set({ id: "SAI_FOO_ATTR_COUNT", value: 1 }, 0x205000000000001n).code).toBe(INVALID_PARAMETER); // switch #2 unknown
    expect(v.validateSet(FOO, [], { objectId: foo }).code).toBe(INVALID_PARAMETER);
    expect(v.validateSet(FOO, [{ id: "SAI_FOO_ATTR_COUNT", value: 1 }, { id: "SAI_FOO_ATTR_COUNT", value: 2 }], { objectId: foo }).code).toBe(INVALID_PARAMETER);
    // Conditional attributes may be set regardless of their condition (they are CREATE_ONLY here, so use flags).
    expect(set({ id: "SAI_FOO_ATTR_FLAGS", value: 2 }, foo, undefined).code).toBe(0);
  });

  it("get: ids only; count ≥ 1; object identity", () => {
    const st = state();
    const foo = st.create(FOO, fooA, { switchId: S });
    expect(v.validateGet(FOO, [{ id: "SAI_FOO_ATTR_RO" }, { id: 0 }], { objectId: foo, state: st }).code).toBe(0);
    expect(v.validateGet(FOO, [], { objectId: foo, state: st }).code).toBe(INVALID_PARAMETER);
    expect(v.validateGet(FOO, [{ id: "SAI_FOO_ATTR_RO" }, { id: 0x7777 }], { objectId: foo, state: st })).toMatchObject({ code: code([UA(1), FAILURE], mode), index: 1 });
    expect(v.validateGet(FOO, [{ id: "SAI_FOO_ATTR_RO" }], { objectId: 0x5000000000099n, state: st }).code).toBe(-7);
  });

  it("remove: identity, existence, references", () => {
    const st = state();
    const foo = st.create(FOO, with_([{ id: "SAI_FOO_ATTR_PEER", value: P2 }]), { switchId: S });
    expect(st.referenceCount(P2)).toBe(1);
    expect(v.validateRemove(PORT, { objectId: P2, state: st }).code).toBe(-17); // OBJECT_IN_USE
    expect(v.validateRemove(FOO, { objectId: foo, state: st }).code).toBe(0);
    st.remove(FOO, { objectId: foo });
    expect(st.referenceCount(P2)).toBe(0);
    expect(v.validateRemove(PORT, { objectId: P2, state: st }).code).toBe(0);
    expect(v.validateRemove(FOO, { objectId: foo, state: st }).code).toBe(-7);
    expect(v.validateRemove(FOO, { objectId: P1, state: st }).code).toBe(INVALID_PARAMETER);
    expect(v.validateRemove(SW, { objectId: S, state: st }).code).toBe(0); // switches are always removable
  });

  describe("entries", () => {
    const attrs: AttrInput[] = [{ id: "SAI_BAZ_ENTRY_ATTR_ACTION", value: 2 }];
    it.each<[string, Record<string, unknown>, number]>([
      ["valid key", bazKey(), 0],
      ["switch_id NULL", bazKey({ switch_id: 0n }), INVALID_PARAMETER],
      ["switch_id not a switch", bazKey({ switch_id: P1 }), INVALID_PARAMETER],
      ["switch_id never created", bazKey({ switch_id: 0x221000000000002n }), INVALID_PARAMETER],
      ["OID member of a wrong type", bazKey({ port_id: BAR1 }), INVALID_PARAMETER],
      ["OID member NULL", bazKey({ port_id: 0n }), INVALID_PARAMETER],
      ["OID member on another switch", bazKey({ port_id: P_ON_S1 }), INVALID_PARAMETER],
      ["OID member never created", bazKey({ port_id: 0x1000000000099n }), INVALID_PARAMETER],
      ["member missing", (() => { const k = bazKey(); delete k.vni; return k; })(), INVALID_PARAMETER],
      ["member width", bazKey({ vni: 70000 }), INVALID_PARAMETER],
      ["member enum", bazKey({ kind: 7 }), INVALID_PARAMETER],
      ["member IP family", bazKey({ ip: { family: "ipx", bytes: new Uint8Array(4) } }), INVALID_PARAMETER],
      ["member prefix mask", bazKey({ prefix: { family: "ipv6", addr: new Uint8Array(16), mask: new Uint8Array([255, 255, 0, 0, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) } }), INVALID_PARAMETER],
      ["member MAC", bazKey({ mac: new Uint8Array(6 + 1) }), INVALID_PARAMETER],
    ])("create key: %s", (_n, key, want) => {
      expect(v.validateCreate(BAZ, attrs, { key, state: state() }).code).toBe(want);
    });

    it("create, then exists; set/get/remove need the entry", () => {
      const st = state();
      expect(v.validateCreate(BAZ, attrs, { key: bazKey(), state: st }).code).toBe(0);
      st.create(BAZ, attrs, { key: bazKey() });
      expect(st.referenceCount(P1)).toBe(1);
      expect(v.validateCreate(BAZ, attrs, { key: bazKey(), state: st }).code).toBe(-6);
      expect(v.validateSet(BAZ, [{ id: "SAI_BAZ_ENTRY_ATTR_ACTION", value: 1 }], { key: bazKey(), state: st }).code).toBe(0);
      expect(v.validateSet(BAZ, [{ id: "SAI_BAZ_ENTRY_ATTR_ACTION", value: 1 }], { key: bazKey({ vni: 1 }), state: st }).code).toBe(-7);
      expect(v.validateGet(BAZ, [{ id: "SAI_BAZ_ENTRY_ATTR_FAMILY" }], { key: bazKey({ vni: 1 }), state: st }).code).toBe(-7);
      expect(v.validateRemove(BAZ, { key: bazKey({ vni: 1 }), state: st }).code).toBe(-7);
      expect(v.validateRemove(BAZ, { key: bazKey(), state: st }).code).toBe(0);
      expect(v.validateCreate(BAZ, [{ id: "SAI_BAZ_ENTRY_ATTR_FAMILY", value: 0 }], { key: bazKey({ vni: 2 }), state: st }).code).toBe(code([IA(0), INVALID_PARAMETER], mode));
      expect(v.validateCreate(BAZ, attrs, {}).code).toBe(INVALID_PARAMETER);
    });
  });

  describe("bulk (§0b)", () => {
    const k = (vni: number): Record<string, unknown> => bazKey({ vni });
    const item = (vni: number) => ({ key: k(vni), attrs: [{ id: "SAI_BAZ_ENTRY_ATTR_ACTION", value: 0 }] });
    const summary = (r: { statuses: readonly ValidationResult[] }): string[] => r.statuses.map((s) => s.status);

    it("STOP_ON_ERROR: earlier items succeed, the failing one has its status, later ones are not executed", () => {
      const st = state();
      st.create(BAZ, [], { key: k(2) });
      const r = v.validateBulkCreate(BAZ, [item(1), item(2), item(3)], "SAI_BULK_OP_ERROR_MODE_STOP_ON_ERROR", { state: st });
      expect(summary(r)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_ITEM_ALREADY_EXISTS", "SAI_STATUS_NOT_EXECUTED"]);
      expect(r.code).toBe(mode === "sai" ? FAILURE : -6);
      expect(r.index).toBe(1);
    });

    it("IGNORE_ERROR: every valid item", () => {
      const r = v.validateBulkCreate(BAZ, [item(1), { key: k(70000) }, item(3)], 1, {});
      expect(summary(r)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_INVALID_PARAMETER", "SAI_STATUS_SUCCESS"]);
    });

    it("duplicates inside one call: the second fails with ITEM_ALREADY_EXISTS (with or without state)", () => {
      for (const st of [undefined, state()]) {
        const r = v.validateBulkCreate(BAZ, [item(1), item(1)], 1, { state: st });
        expect(summary(r)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_ITEM_ALREADY_EXISTS"]);
      }
      const keyed = (id: number) => ({ attrs: [{ id: "SAI_KEYED_ATTR_ID", value: id }, { id: "SAI_KEYED_ATTR_LANES", value: [1] }] });
      const r = v.validateBulkCreate(KEYED, [keyed(1), keyed(2), keyed(1)], 1, { switchId: S });
      expect(summary(r)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_SUCCESS", "SAI_STATUS_INVALID_PARAMETER"]);
      const removes = v.validateBulkRemove(BAZ, [{ key: k(1) }, { key: k(1) }], 1, {});
      expect(summary(removes)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_ITEM_NOT_FOUND"]);
      const oidRemoves = v.validateBulkRemove(PORT, [{ objectId: P1 }, { objectId: P1 }], 1, {});
      expect(summary(oidRemoves)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_ITEM_NOT_FOUND"]);
    });

    it("call-level errors: mode, count, switch, object type", () => {
      for (const r of [
        v.validateBulkCreate(BAZ, [item(1)], 7),
        v.validateBulkCreate(BAZ, [], 0),
        v.validateBulkCreate("SAI_OBJECT_TYPE_NOPE", [item(1)], 0),
        v.validateBulkCreate(SW, [{ attrs: [] }], 0),
        v.validateBulkCreate(FOO, [{ attrs: fooA }], 0, { switchId: P1 }),
      ])
        expect(r.code).toBe(INVALID_PARAMETER);
      expect(summary(v.validateBulkCreate(BAZ, [item(1), item(2)], 7))).toEqual(["SAI_STATUS_NOT_EXECUTED", "SAI_STATUS_NOT_EXECUTED"]);
    });

    it("set and get in bulk", () => {
      const st = state();
      st.create(BAZ, [], { key: k(1) });
      const r = v.validateBulkSet(BAZ, [{ key: k(1), attrs: [{ id: "SAI_BAZ_ENTRY_ATTR_ACTION", value: 2 }] }, { key: k(9), attrs: [{ id: "SAI_BAZ_ENTRY_ATTR_ACTION", value: 2 }] }], 1, { state: st });
      expect(summary(r)).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_ITEM_NOT_FOUND"]);
      const g = v.validateBulkGet(PORT, [{ objectId: P1, attrs: [{ id: "SAI_PORT_ATTR_SPEED" }] }], 0, { state: st });
      expect(g.code).toBe(0);
    });
  });
});

describe("validator introspection", () => {
  const v = createValidator(T);
  it("defaults to sai mode and knows its object types", () => {
    expect(v.mode).toBe("sai");
    expect(v.objectTypes).toContain(BAZ);
    expect(v.isEntry(BAZ)).toBe(true);
    expect(v.isEntry(FOO)).toBe(false);
    expect(v.isEntry("nope")).toBeUndefined();
    expect(v.attribute(FOO, 9)?.attridname).toBe("SAI_FOO_ATTR_FLAGS");
    expect(v.validate("remove", FOO, [], { objectId: FOO1 }).code).toBe(0);
  });
});
