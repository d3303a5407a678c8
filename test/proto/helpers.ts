/**
 * Shared fixtures of the protobuf tests: small hand-built models, fast-check arbitraries derived from a flow
 * layout, and wrappers around `protoc` (skipped with a visible reason when it is not installed).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import fc from "fast-check";
import type { GeneratedFile } from "../../generator/emit/types.js";
import type {
  AttrFlag,
  AttrMetadata,
  EnumFlagsType,
  EnumMetadata,
  KeyMember,
  ObjectTypeInfo,
  SaiModel,
  ValueTypeName,
} from "../../generator/model/types.js";
import type { FlowEntry, FlowRecord } from "../../runtime/proto/codec.js";
import type { Codec, FlowLayout, FlowMessageLayout } from "../../runtime/proto/schema.js";
import { plainAttr } from "../support/attr.js";
import { tempDir } from "../support/temp.js";

// ---------------------------------------------------------------------------------------------------------------
// protoc

/** Whether `protoc` runs; tests that need it are skipped (and say so in their name) when it does not. */
export const HAS_PROTOC = (() => {
  try {
    execFileSync("protoc", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Appended to the names of protoc tests, so a skipped run says why instead of passing silently. */
export const PROTOC_NOTE = HAS_PROTOC ? "" : " [SKIPPED: protoc not found; install protobuf-compiler (apt-get install -y protobuf-compiler)]";

if (!HAS_PROTOC) console.warn(`protobuf tests:${PROTOC_NOTE}`);

/** Writes generated files under a fresh temporary folder; returns the folder that holds the `.proto` files. */
export function writeProtoTree(files: readonly GeneratedFile[]): string {
  const root = tempDir("dashflow-proto-");
  for (const f of files) {
    const p = join(root, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
  return join(root, "proto");
}

/** Runs protoc with `-I dir`; returns stdout as bytes, or throws with protoc's stderr. */
export function protoc(dir: string, args: string[], input?: Uint8Array | string): Buffer {
  const r = spawnSync("protoc", ["-I", dir, ...args], { cwd: dir, input, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`protoc ${args.join(" ")} failed:\n${r.stderr.toString()}`);
  return r.stdout;
}

// ---------------------------------------------------------------------------------------------------------------
// Hand-built models

const vt = (n: ValueTypeName) => `SAI_ATTR_VALUE_TYPE_${n}` as const;

/** An attribute with every metadata field at its plain default. */
export function attr(objecttype: string, name: string, id: number, valuetype: ValueTypeName, more: Partial<AttrMetadata> = {}): AttrMetadata {
  const flags: AttrFlag[] = more.flags ?? ["SAI_ATTR_FLAGS_CREATE_AND_SET"];
  return {
    ...plainAttr(name, id, objecttype),
    attrvaluetype: vt(valuetype),
    flags,
    iscreateandset: flags.includes("SAI_ATTR_FLAGS_CREATE_AND_SET"),
    isreadonly: flags.includes("SAI_ATTR_FLAGS_READ_ONLY"),
    isextensionattr: id >= 0x20000000,
    iscustom: id >= 0x10000000 && id < 0x20000000,
    location: "test.h:1",
    ...more,
  };
}

/** An enum from (short name, value) pairs. */
export function enumOf(name: string, prefix: string, values: [string, number][], flagstype: EnumFlagsType = "SAI_ENUM_FLAGS_TYPE_NONE"): EnumMetadata {
  return {
    name,
    values: values.map(([short, value]) => ({ name: prefix + short, shortname: short, value, brief: "", location: "test.h:1" })),
    prefix,
    containsflags: flagstype !== "SAI_ENUM_FLAGS_TYPE_NONE",
    flagstype,
    ignorevalues: [],
    objecttype: null,
    synthesized: false,
    brief: "",
    location: "test.h:1",
  };
}

/** A key member. */
export function member(membername: string, valuetype: ValueTypeName, ctype: string, enummetadata: string | null = null): KeyMember {
  return {
    membername,
    membervaluetype: vt(valuetype),
    ctype,
    isvlan: false,
    allowedobjecttypes: [],
    isenum: enummetadata !== null,
    enummetadata,
    offset: 0,
    size: 0,
  };
}

/** An object type owning the given attributes (and key members, for entries). */
export function objectType(objecttype: string, value: number, attrs: AttrMetadata[], api: string, members: KeyMember[] = []): ObjectTypeInfo {
  const stem = objecttype.replace(/^SAI_OBJECT_TYPE_/, "").toLowerCase();
  return {
    objecttype,
    value,
    attrenum: `sai_${stem}_attr_t`,
    attridstart: 0,
    attridend: attrs.length,
    attributes: [...attrs].sort((a, b) => a.attrid - b.attrid).map((a) => a.attridname),
    isnonobjectid: members.length > 0,
    isobjectid: members.length === 0,
    keystruct: members.length > 0 ? `sai_${stem}_t` : null,
    structmembers: members,
    revgraphmembers: [],
    isexperimental: false,
    iscustom: false,
    isextension: false,
    statenum: null,
    api,
    header: "test.h",
    location: "test.h:1",
  };
}

/** A model of the given objects under one API `sai_<stem>_api_t` with create/remove/set/get (+ bulk) members. */
export function modelOf(stem: string, objects: { ot: ObjectTypeInfo; attrs: AttrMetadata[] }[], enums: EnumMetadata[], bulk = true): SaiModel {
  const apienum = `SAI_API_${stem.toUpperCase()}`;
  const members = objects.flatMap(({ ot }) => {
    const s = ot.objecttype.replace(/^SAI_OBJECT_TYPE_/, "").toLowerCase();
    const isentry = ot.isnonobjectid;
    const one = (kind: "create" | "remove" | "set" | "get", name: string) => ({ name, fntype: `sai_${name}_fn`, kind, objecttype: ot.objecttype, isentry });
    const plural = s.endsWith("y") ? `${s.slice(0, -1)}ies` : `${s}s`;
    return [
      one("create", `create_${s}`),
      one("remove", `remove_${s}`),
      one("set", `set_${s}_attribute`),
      one("get", `get_${s}_attribute`),
      ...(bulk
        ? [
            { name: `create_${plural}`, fntype: "sai_bulk_object_create_fn", kind: "bulk_create" as const, objecttype: ot.objecttype, isentry },
            { name: `remove_${plural}`, fntype: "sai_bulk_object_remove_fn", kind: "bulk_remove" as const, objecttype: ot.objecttype, isentry },
          ]
        : []),
      { name: `get_${s}_stats`, fntype: `sai_get_${s}_stats_fn`, kind: "get_stats" as const, objecttype: ot.objecttype, isentry },
    ];
  });
  return {
    headers: { files: ["test.h"], sha256: "0".repeat(64) },
    objectTypes: objects.map((o) => ({ ...o.ot, api: apienum })),
    attributes: objects.flatMap((o) => o.attrs),
    enums,
    structs: [],
    functions: [],
    apis: [
      {
        name: `sai_${stem}_api_t`,
        stem,
        apienum,
        apivalue: 1,
        objecttypes: objects.map((o) => o.ot.objecttype),
        members,
        header: "test.h",
        location: "test.h:1",
      },
    ],
    notifications: [],
    statusCodes: [],
    defines: [],
    switchPointers: [],
  };
}

const FE = "SAI_OBJECT_TYPE_FLOW_ENTRY";

/** The `sai_flow_entry_t` members of the DASH flow API. */
export const FLOW_KEY_MEMBERS: KeyMember[] = [
  member("switch_id", "OBJECT_ID", "sai_object_id_t"),
  member("eni_mac", "MAC", "sai_mac_t"),
  member("vnet_id", "UINT16", "sai_uint16_t"),
  member("ip_proto", "UINT8", "sai_uint8_t"),
  member("src_ip", "IP_ADDRESS", "sai_ip_address_t"),
  member("dst_ip", "IP_ADDRESS", "sai_ip_address_t"),
  member("src_port", "UINT16", "sai_uint16_t"),
  member("dst_port", "UINT16", "sai_uint16_t"),
];

/**
 * A flow entry whose state covers every value kind the flow codecs carry, an extension attribute, a plain enum, a
 * flags enum, and the attributes the state leaves out (reverse key, FLOW_DATA_PB, read-only, no codec).
 */
export function richFlowModel(): SaiModel {
  const dir = enumOf("sai_dir_t", "SAI_DIR_", [["IN", 1], ["OUT", 2]]);
  const bits = enumOf("sai_bits_t", "SAI_BITS_", [["NONE", 0], ["A", 1], ["B", 2], ["C", 4]], "SAI_ENUM_FLAGS_TYPE_STRICT");
  const kinds: [string, ValueTypeName, Partial<AttrMetadata>?][] = [
    ["BOOL_V", "BOOL"],
    ["TEXT", "CHARDATA"],
    ["U8", "UINT8"],
    ["S8", "INT8"],
    ["U16", "UINT16"],
    ["S16", "INT16"],
    ["U32", "UINT32"],
    ["S32", "INT32"],
    ["DIR", "INT32", { isenum: true, enummetadata: "sai_dir_t" }],
    ["BITS", "INT32", { isenum: true, enummetadata: "sai_bits_t" }],
    ["U64", "UINT64"],
    ["S64", "INT64"],
    ["PTR", "POINTER"],
    ["MAC_V", "MAC"],
    ["V4", "IPV4"],
    ["V6", "IPV6"],
    ["IP", "IP_ADDRESS"],
    ["PFX", "IP_PREFIX"],
    ["OID", "OBJECT_ID"],
    ["OIDS", "OBJECT_LIST"],
    ["BYTES", "UINT8_LIST"],
    ["S8S", "INT8_LIST"],
    ["U16S", "UINT16_LIST"],
    ["S32S", "INT32_LIST"],
    ["DIRS", "INT32_LIST", { isenumlist: true, enummetadata: "sai_dir_t" }],
    ["U32R", "UINT32_RANGE"],
    ["S32R", "INT32_RANGE"],
    ["U16RS", "UINT16_RANGE_LIST"],
    ["U64R", "UINT64_RANGE"],
    ["IPS", "IP_ADDRESS_LIST"],
    ["PFXS", "IP_PREFIX_LIST"],
    ["SEGS", "SEGMENT_LIST"],
    ["VLANS", "VLAN_LIST"],
    ["SAK", "MACSEC_SAK"],
    ["JSON_V", "JSON"],
    ["WHEN", "TIMESPEC"], // no flow codec: left out of the state
  ];
  const attrs: AttrMetadata[] = [
    attr(FE, "SAI_FLOW_ENTRY_ATTR_VERSION", 0, "UINT32"),
    attr(FE, "SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_ENI_MAC", 1, "MAC"),
    attr(FE, "SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_IP", 2, "IP_ADDRESS"),
    attr(FE, "SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_PORT", 3, "UINT16"),
    attr(FE, "SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB", 4, "UINT8_LIST"),
    attr(FE, "SAI_FLOW_ENTRY_ATTR_FAMILY", 5, "INT32", { flags: ["SAI_ATTR_FLAGS_READ_ONLY"] }),
    ...kinds.map(([n, t, more], i) => attr(FE, `SAI_FLOW_ENTRY_ATTR_${n}`, 6 + i, t, more)),
    attr(FE, "SAI_FLOW_ENTRY_ATTR_EXT_COUNT", 0x20000000, "UINT32"),
    attr(FE, "SAI_FLOW_ENTRY_ATTR_EXT_MAC", 0x20000001, "MAC"),
  ];
  const ot = objectType(FE, 0x20000016, attrs, "SAI_API_DASH_FLOW", FLOW_KEY_MEMBERS);
  return modelOf("dash_flow", [{ ot, attrs }], [dir, bits]);
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });

function intArb(bits: number, signed: boolean): fc.Arbitrary<number> {
  return signed ? fc.integer({ min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 }) : fc.integer({ min: 0, max: 2 ** bits - 1 });
}

/** Values of one codec kind, in the `runtime/values` shapes; zero-heavy so omitted fields are exercised. */
export function valueArb(c: Codec): fc.Arbitrary<unknown> {
  switch (c.k) {
    case "bool":
      return fc.boolean();
    case "int":
      return fc.oneof(fc.constant(0), intArb(c.bits, c.signed));
    case "int64":
      return fc.oneof(
        fc.constant(0n),
        fc.constant(0x21000000000000n),
        c.signed ? fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }) : fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
      );
    case "mac":
      return bytes(6);
    case "ipv4":
      return bytes(4).map((b) => ({ family: "ipv4", bytes: b }));
    case "ipv6":
      return bytes(16).map((b) => ({ family: "ipv6", bytes: b }));
    case "ipaddr":
      return fc.oneof(valueArb({ k: "ipv4" }), valueArb({ k: "ipv6" }));
    case "prefix":
      return fc.oneof(
        fc.tuple(bytes(4), bytes(4)).map(([addr, mask]) => ({ family: "ipv4", addr, mask })),
        fc.tuple(bytes(16), bytes(16)).map(([addr, mask]) => ({ family: "ipv6", addr, mask })),
      );
    case "string":
      return fc.string({ maxLength: 32, unit: "grapheme" });
    case "u8list":
      return fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 });
    case "bytes":
      return c.length === null ? fc.uint8Array({ maxLength: 12 }) : bytes(c.length);
    case "list":
      return fc.array(valueArb(c.item), { maxLength: 4 });
    case "range":
      return fc.record({ min: valueArb(c.item), max: valueArb(c.item) });
    case "other":
      return fc.constant(undefined);
  }
}

function recordArb(m: FlowMessageLayout): fc.Arbitrary<FlowRecord> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of m.fields) shape[f.name] = f.message ? recordArb(f.message) : valueArb(f.codec);
  return fc.record(shape) as fc.Arbitrary<FlowRecord>;
}

/** Complete flow entries for a layout. */
export function entryArb(layout: FlowLayout): fc.Arbitrary<FlowEntry> {
  return recordArb(layout.entry) as unknown as fc.Arbitrary<FlowEntry>;
}

// ---------------------------------------------------------------------------------------------------------------
// A fixed sample flow

const mac = (last: number) => new Uint8Array([0x00, 0xaa, 0xbb, 0xcc, 0xdd, last]);
const v4 = (a: number, b: number, c: number, d: number) => ({ family: "ipv4" as const, bytes: new Uint8Array([a, b, c, d]) });

/** The flow of SAI-METADATA.md acceptance case S12 plus a full state, for the bundled headers' layout. */
export function sampleFlow(): FlowEntry {
  const key = { switch_id: 0x21000000000000n, eni_mac: mac(0xee), vnet_id: 100, ip_proto: 6, src_ip: v4(10, 0, 0, 1), dst_ip: v4(10, 1, 0, 2), src_port: 12345, dst_port: 80 };
  return {
    flow_key: key,
    reverse_flow_key: { ...key, src_ip: v4(10, 1, 0, 2), dst_ip: v4(10, 0, 0, 1), src_port: 80, dst_port: 12345 },
    flow_state: {
      action: 0,
      version: 5,
      dash_direction: 1,
      dash_flow_action: 9,
      meter_class: 3,
      is_unidirectional_flow: false,
      underlay0_vnet_id: 7000,
      underlay0_sip: v4(192, 168, 0, 1),
      underlay0_dip: v4(192, 168, 0, 2),
      underlay0_dash_encapsulation: 1,
      underlay1_vnet_id: 0,
      underlay1_sip: v4(0, 0, 0, 0),
      underlay1_dip: { family: "ipv6", bytes: new Uint8Array([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) },
      underlay1_smac: mac(1),
      underlay1_dmac: mac(2),
      underlay1_dash_encapsulation: 0,
      dst_mac: mac(3),
      sip: v4(1, 2, 3, 4),
      dip: v4(5, 6, 7, 8),
      sip_mask: v4(255, 255, 255, 0),
      dip_mask: v4(255, 255, 0, 0),
      vendor_metadata: [0xde, 0xad],
      dash_flow_sync_state: 2,
      underlay0_smac: mac(4),
      underlay0_dmac: mac(5),
    },
  };
}
