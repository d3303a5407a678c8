/**
 * The `proto` emitter on small hand-built models: field numbering, extension attributes, proto3 zero values, flags
 * enums, name folding, one attribute of every value type, and determinism. protoc compiles every case.
 */
import { describe, expect, it } from "vitest";
import { renderProtoFiles } from "../../generator/emit/proto.js";
import { ATTR_VALUE_TYPES, type SaiModel, type ValueTypeName } from "../../generator/model/types.js";
import {
  EXTENSIONS_FIELD_NUMBER,
  FieldNamer,
  VALUE_TYPE_PROTO,
  attrFieldNumber,
  enumValueClashKey,
  flowLayout,
  protoEnum,
} from "../../runtime/proto/schema.js";
import { HAS_PROTOC, PROTOC_NOTE, attr, enumOf, modelOf, objectType, protoc, richFlowModel, writeProtoTree } from "./helpers.js";

const PRE = "// test preamble\n";
const VR = "SAI_OBJECT_TYPE_VIRTUAL_ROUTER";

function render(model: SaiModel): Map<string, string> {
  return new Map(renderProtoFiles(model, PRE).map((f) => [f.path, f.content]));
}

/** Compiles a model's schema with protoc; returns the file names it compiled. */
function compile(model: SaiModel): string[] {
  const files = renderProtoFiles(model, PRE);
  const dir = writeProtoTree(files);
  const names = files.map((f) => f.path.replace(/^proto\//, ""));
  protoc(dir, ["--descriptor_set_out=/dev/null", ...names]);
  return names;
}

/** A virtual router model with the given attributes and enums. */
function vrModel(attrs: ReturnType<typeof attr>[], enums: ReturnType<typeof enumOf>[] = []): SaiModel {
  return modelOf("virtual_router", [{ ot: objectType(VR, 3, attrs, "SAI_API_VIRTUAL_ROUTER"), attrs }], enums);
}

/** One message body from a rendered file. */
function messageBody(text: string, name: string): string {
  const m = new RegExp(`message ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(text);
  if (!m) throw new Error(`no message ${name}`);
  return m[1]!;
}

describe("field numbers", () => {
  it.each([
    ["regular attribute: id + 1", 0, 1],
    ["regular attribute: id + 1", 41, 42],
    ["custom range attribute: id + 1", 0x10000000, 0x10000001],
    ["extension attribute: id − 0x20000000 + 1 (in the extensions message)", 0x20000000, 1],
    ["extension attribute", 0x20000005, 6],
    ["would land in protobuf's reserved 19000–19999", 18999, null],
    ["would collide with the extensions field", 0x0fffffff, null],
    ["beyond 2^29 − 1", 0x1fffffff, null],
  ])("%s (id %i → %s)", (_, id, want) => {
    expect(attrFieldNumber(attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_X", id, "UINT32"))).toBe(want);
  });

  it("extension attributes go to <Obj>Extensions, linked by field 268435456", () => {
    const out = render(
      vrModel([
        attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_ADMIN_V4_STATE", 0, "BOOL"),
        attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_LABEL", 1, "CHARDATA"),
        attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_VENDOR_COUNT", 0x20000000, "UINT32"),
        attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_VENDOR_MAC", 0x20000002, "MAC"),
      ]),
    ).get("proto/sai_virtual_router.proto")!;
    expect(messageBody(out, "SaiVirtualRouterAttributes")).toContain(`SaiVirtualRouterExtensions extensions = ${EXTENSIONS_FIELD_NUMBER};`);
    expect(messageBody(out, "SaiVirtualRouterAttributes")).toContain("bool admin_v4_state = 1;");
    expect(messageBody(out, "SaiVirtualRouterExtensions")).toContain("uint32 vendor_count = 1;");
    expect(messageBody(out, "SaiVirtualRouterExtensions")).toContain("bytes vendor_mac = 3;");
  });

  it("an attribute without a valid number is named in a comment, not dropped silently", () => {
    const out = render(vrModel([attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_FAR", 19500, "UINT32")])).get("proto/sai_virtual_router.proto")!;
    expect(out).toContain("// not carried: SAI_VIRTUAL_ROUTER_ATTR_FAR (id 19500 has no valid field number)");
  });
});

describe("enums", () => {
  it("keeps SAI names and values; a proto3 zero value is added only when SAI has none", () => {
    const e = protoEnum(enumOf("sai_dir_t", "SAI_DIR_", [["IN", 1], ["OUT", 2]]));
    expect(e.values.map((v) => [v.name, v.number])).toEqual([
      ["SAI_DIR_UNSPECIFIED_", 0],
      ["SAI_DIR_IN", 1],
      ["SAI_DIR_OUT", 2],
    ]);
    const z = protoEnum(enumOf("sai_mode_t", "SAI_MODE_", [["A", 0], ["B", 1]]));
    expect(z.values.map((v) => v.name)).toEqual(["SAI_MODE_A", "SAI_MODE_B"]);
  });

  it("the synthetic zero value avoids SAI names, also after protoc's prefix-stripping comparison", () => {
    const e = protoEnum(enumOf("sai_dir_t", "SAI_DIR_", [["UNSPECIFIED", 1], ["OTHER", 2]]));
    const zero = e.values[0]!;
    expect(zero.number).toBe(0);
    expect(zero.name).toBe("SAI_DIR_UNSPECIFIED_2_");
    const keys = e.values.map((v) => enumValueClashKey(e.name, v.name));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("mirrors protoc's clash key (enum-name prefix stripped, PascalCase)", () => {
    expect(enumValueClashKey("SaiDashDirection", "SAI_DASH_DIRECTION_INBOUND")).toBe("Inbound");
    expect(enumValueClashKey("SaiDir", "SAI_DIR_UNSPECIFIED_")).toBe("Unspecified");
    expect(enumValueClashKey("SaiDir", "OTHER_NAME")).toBe("OtherName");
  });

  it("flags enums: the field is uint32 naming the enum; the enum is still emitted for its bit names", () => {
    const bits = enumOf("sai_bits_t", "SAI_BITS_", [["NONE", 0], ["A", 1], ["B", 2]], "SAI_ENUM_FLAGS_TYPE_STRICT");
    const dir = enumOf("sai_dir_t", "SAI_DIR_", [["IN", 1], ["OUT", 2]]);
    const out = render(
      vrModel(
        [
          attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_BITS", 0, "INT32", { isenum: true, enummetadata: "sai_bits_t" }),
          attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_DIR", 1, "INT32", { isenum: true, enummetadata: "sai_dir_t" }),
          attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_DIRS", 2, "INT32_LIST", { isenumlist: true, enummetadata: "sai_dir_t" }),
        ],
        [bits, dir],
      ),
    );
    const body = messageBody(out.get("proto/sai_virtual_router.proto")!, "SaiVirtualRouterAttributes");
    expect(body).toContain("uint32 bits = 1; // SAI_VIRTUAL_ROUTER_ATTR_BITS; OR of sai_bits_t (SaiBits) bits");
    expect(body).toContain("SaiDir dir = 2;");
    expect(body).toContain("repeated SaiDir dirs = 3;");
    const types = out.get("proto/sai_types.proto")!;
    expect(types).toContain("enum SaiBits {");
    expect(types).toContain("  SAI_DIR_UNSPECIFIED_ = 0; // not a SAI value: proto3 requires a zero value");
  });
});

describe("names", () => {
  it("field names stay unique after protoc's JSON-name folding", () => {
    const n = new FieldNamer();
    expect([n.name("ip_v4"), n.name("ipv4"), n.name("ip_v_4"), n.name("extensions")]).toEqual(["ip_v4", "ipv4_2", "ip_v_4_3", "extensions"]);
  });

  it("attribute names that start with a digit get a prefix", () => {
    const out = render(vrModel([attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_100G_MODE", 0, "BOOL")])).get("proto/sai_virtual_router.proto")!;
    expect(out).toContain("bool attr_100g_mode = 1;");
  });
});

describe("value types", () => {
  it("every value type of ATTR_VALUE_TYPES has a proto mapping", () => {
    for (const t of ATTR_VALUE_TYPES) expect(VALUE_TYPE_PROTO[t as ValueTypeName], t).toBeDefined();
  });

  it.skipIf(!HAS_PROTOC)(`an object with one attribute of every value type compiles${PROTOC_NOTE}`, () => {
    const attrs = ATTR_VALUE_TYPES.map((t, i) => attr(VR, `SAI_VIRTUAL_ROUTER_ATTR_T_${t}`, i, t));
    const names = compile(vrModel(attrs));
    expect(names).toContain("sai_virtual_router.proto");
  });
});

describe("services", () => {
  it("one rpc per API member; bulk members wrap the single request; stats are listed as not generated", () => {
    const out = render(vrModel([attr(VR, "SAI_VIRTUAL_ROUTER_ATTR_ADMIN_V4_STATE", 0, "BOOL")])).get("proto/sai_virtual_router.proto")!;
    expect(out).toContain("service SaiVirtualRouterApi {");
    expect(out).toContain("rpc CreateVirtualRouter(CreateVirtualRouterRequest) returns (CreateVirtualRouterResponse);");
    expect(out).toContain("rpc GetVirtualRouterAttribute(GetVirtualRouterAttributeRequest) returns (GetVirtualRouterAttributeResponse);");
    expect(out).toContain("rpc CreateVirtualRouters(CreateVirtualRoutersRequest) returns (CreateVirtualRoutersResponse);");
    expect(out).toContain("rpc RemoveVirtualRouters(RemoveVirtualRoutersRequest) returns (BulkStatusResponse);");
    expect(messageBody(out, "CreateVirtualRoutersRequest")).toContain("repeated CreateVirtualRouterRequest items = 1;");
    expect(out).toContain("// not generated: get_virtual_router_stats (get_stats)");
  });
});

describe("flow messages", () => {
  const model = richFlowModel();
  const layout = flowLayout(model)!;

  it("state = FLOW_ENTRY attributes minus reverse key, FLOW_DATA_PB, read-only and codec-less ones; numbers kept", () => {
    const state = layout.state.fields.map((f) => `${f.name}=${f.number}`);
    expect(state.slice(0, 2)).toEqual(["version=1", "bool_v=7"]);
    expect(state).not.toContain("flow_data_pb=5");
    expect(state.some((s) => s.startsWith("reverse_flow_"))).toBe(false);
    expect(layout.excluded.map((e) => e.attr)).toEqual([
      "SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_ENI_MAC",
      "SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_IP",
      "SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_PORT",
      "SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB",
      "SAI_FLOW_ENTRY_ATTR_FAMILY",
      "SAI_FLOW_ENTRY_ATTR_WHEN",
    ]);
    expect([...layout.reverseAttrs.values()]).toEqual(["eni_mac", "src_ip", "src_port"]);
    const ext = layout.state.fields.find((f) => f.name === "extensions")!;
    expect(ext.number).toBe(EXTENSIONS_FIELD_NUMBER);
    expect(ext.message!.fields.map((f) => `${f.name}=${f.number}`)).toEqual(["ext_count=1", "ext_mac=2"]);
  });

  it("the flow entry's key message is SaiDashFlowKey, shared by the entry and the API's requests", () => {
    const out = render(model).get("proto/sai_dash_flow.proto")!;
    expect(messageBody(out, "SaiDashFlowEntry")).toContain("SaiDashFlowKey reverse_flow_key = 2;");
    expect(messageBody(out, "CreateFlowEntryRequest")).toContain("SaiDashFlowKey key = 1;");
    expect(out).not.toContain("message SaiFlowEntryKey");
  });

  it.skipIf(!HAS_PROTOC)(`the rich flow model compiles, with the bulk-get target${PROTOC_NOTE}`, () => {
    expect(compile(model)).toEqual(["sai_types.proto", "sai_dash_flow.proto", "sai_bulk_get_target.proto"]);
  });
});

it("output is deterministic", () => {
  const model = richFlowModel();
  expect(renderProtoFiles(model, PRE)).toEqual(renderProtoFiles(structuredClone(model), PRE));
});
