/**
 * Flow store layout: which bytes of the fixed-width key hold which key member, and which typed-array columns
 * hold the per-flow state. Built from the metadata model's key members and attributes (by value type), never
 * from a hard-coded attribute list, so a header change that adds a flow attribute adds a column.
 *
 * Key packing: members are grouped by alignment (4-byte multiples first, then 2-byte, then 1-byte fields and
 * the IP family bytes) so IP addresses, object ids and uint32s start on word boundaries; the key is padded to a
 * multiple of 4 bytes because the store hashes and compares it word by word. Integers are little-endian; MAC
 * and IP bytes are in network order. IP_ADDRESS = 16 address bytes (IPv4 in the first 4) + 1 family byte.
 */
import type { AttrMetadata, KeyMember } from "../../generator/model/types.js";

/** How a key member is encoded in the packed key. */
export type KeyFieldKind = "bool" | "u8" | "i8" | "u16" | "i16" | "u32" | "i32" | "u64" | "i64" | "oid" | "mac" | "ip" | "ipv4" | "ipv6";

/** How a column stores its value (the typed arrays behind it are chosen from this). */
export type ColumnKind =
  | "u8" | "i8" | "u16" | "i16" | "u32" | "i32" | "u64" | "i64"
  | "mac" // two arrays: high 4 bytes as uint32 + low 2 bytes as uint16 (compares as one 48-bit number)
  | "ip" // family uint8 + first address word (IPv4 address or IPv6 bytes 0..3, big-endian uint32) + IPv6 tail
  | "ipv4" // big-endian uint32
  | "ipv6" // 4 big-endian uint32 words per flow
  | "blob"; // uint32 handle into the out-of-line byte arena (0 = empty list)

/** A key member as the layout needs it (a `KeyMember` from the model is accepted too). */
export interface KeyMemberSpec {
  name: string;
  /** `UINT16` or `SAI_ATTR_VALUE_TYPE_UINT16`. */
  valuetype: string;
}

/** A state attribute as the layout needs it (an `AttrMetadata` from the model is accepted too). */
export interface AttrSpec {
  name: string;
  valuetype: string;
  /** Enum type name for INT32 enum attributes; lets the layout narrow the column to the enum's range. */
  enumName?: string | null;
}

/** One key member's place in the packed key. */
export interface KeyFieldLayout {
  name: string;
  valuetype: string;
  kind: KeyFieldKind;
  /** Byte offset of the value (IP: of the 16 address bytes). */
  offset: number;
  /** Value bytes (IP_ADDRESS: 16, the family byte is separate). */
  size: number;
  /** IP_ADDRESS only: byte offset of the family byte; -1 otherwise. */
  familyOffset: number;
  /** Index in `FlowLayout.columns` of this member's filter column, or -1 when it has none. */
  column: number;
}

/** One per-flow column: a copy of a key member kept for scans, or a state attribute. */
export interface ColumnLayout {
  /** Key member name (`src_port`) or attribute name (`SAI_FLOW_ENTRY_ATTR_VERSION`). */
  name: string;
  /** Short alias used by filters: the key member name, or the attribute name without its `SAI_<OBJ>_ATTR_` prefix, lower case (`version`). */
  short: string;
  origin: "key" | "attr";
  valuetype: string;
  kind: ColumnKind;
  /** Fixed bytes per flow slot (blob: the handle only; the bytes live in the arena). */
  bytesPerFlow: number;
  enumName: string | null;
  /** Key columns: index in `FlowLayout.keyFields`; attribute columns: -1. */
  keyField: number;
}

/** The whole store layout: packed key plus columns. Pure data, safe to log or snapshot. */
export interface FlowLayout {
  keyFields: KeyFieldLayout[];
  /** Packed key size in bytes, a multiple of 4. */
  keyBytes: number;
  keyWords: number;
  /** Key filter columns first (in key member order), then attribute columns (in attribute order). */
  columns: ColumnLayout[];
  /** Bytes per flow slot excluding the hash index and blob bytes: key + columns + live flag + last-hit time. */
  fixedBytesPerFlow: number;
}

/** A member or attribute the layout could not place, with the reason; returned, never thrown. */
export interface LayoutIssue {
  severity: "error" | "warning";
  name: string;
  valuetype: string;
  message: string;
}

/** Result of `layoutFromMetadata`: the layout (null when a key member is unsupported) and every issue. */
export interface LayoutResult {
  layout: FlowLayout | null;
  issues: LayoutIssue[];
}

/** Enum ranges the layout may use to narrow INT32 enum columns (an `EnumMetadata` fits). */
export interface EnumRangeSource {
  name: string;
  values: ReadonlyArray<{ value: number }>;
}

/** Options of `layoutFromMetadata`. */
export interface LayoutOptions {
  /** Key members that get a filter column; default: every member whose kind is filterable (not oid/u64/i64/ipv6). */
  keyColumns?: readonly string[];
  /** Enums whose value range narrows INT32 enum columns to uint8/uint16. */
  enums?: Iterable<EnumRangeSource>;
}

/** Per-slot bookkeeping bytes in the slot row after the key: last-hit time (uint32 ms) + meta word (flags, written-columns mask). */
export const SLOT_OVERHEAD_BYTES = 8;

const KEY_KINDS: Record<string, { kind: KeyFieldKind; size: number; align: number }> = {
  BOOL: { kind: "bool", size: 1, align: 1 },
  UINT8: { kind: "u8", size: 1, align: 1 },
  INT8: { kind: "i8", size: 1, align: 1 },
  UINT16: { kind: "u16", size: 2, align: 2 },
  INT16: { kind: "i16", size: 2, align: 2 },
  UINT32: { kind: "u32", size: 4, align: 4 },
  INT32: { kind: "i32", size: 4, align: 4 },
  UINT64: { kind: "u64", size: 8, align: 4 },
  INT64: { kind: "i64", size: 8, align: 4 },
  OBJECT_ID: { kind: "oid", size: 8, align: 4 },
  MAC: { kind: "mac", size: 6, align: 2 },
  IP_ADDRESS: { kind: "ip", size: 16, align: 4 },
  IPV4: { kind: "ipv4", size: 4, align: 4 },
  IPV6: { kind: "ipv6", size: 16, align: 4 },
};

/** Column kind for a key member kind; null = not filterable (no column). */
const KEY_COLUMN: Partial<Record<KeyFieldKind, ColumnKind>> = {
  bool: "u8", u8: "u8", i8: "i8", u16: "u16", i16: "i16", u32: "u32", i32: "i32", mac: "mac", ip: "ip", ipv4: "ipv4",
};

const ATTR_COLUMN: Record<string, ColumnKind> = {
  BOOL: "u8", UINT8: "u8", INT8: "i8", UINT16: "u16", INT16: "i16", UINT32: "u32", INT32: "i32",
  UINT64: "u64", INT64: "i64", OBJECT_ID: "u64", MAC: "mac", IP_ADDRESS: "ip", IPV4: "ipv4", IPV6: "ipv6",
  UINT8_LIST: "blob", INT8_LIST: "blob",
};

/** Fixed bytes per flow of each column kind. */
export const COLUMN_BYTES: Record<ColumnKind, number> = {
  u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4, u64: 8, i64: 8, mac: 6, ip: 5, ipv4: 4, ipv6: 16, blob: 4,
};

/** `SAI_ATTR_VALUE_TYPE_UINT16` → `UINT16`. */
export function shortValueType(vt: string): string {
  return vt.startsWith("SAI_ATTR_VALUE_TYPE_") ? vt.slice("SAI_ATTR_VALUE_TYPE_".length) : vt;
}

function isKeyMember(m: KeyMemberSpec | KeyMember): m is KeyMember {
  return (m as KeyMember).membername !== undefined;
}

function isAttrMetadata(a: AttrSpec | AttrMetadata): a is AttrMetadata {
  return (a as AttrMetadata).attridname !== undefined;
}

/** `SAI_FLOW_ENTRY_ATTR_VERSION` → `version`; names without the SAI attribute prefix are lower-cased as is. */
export function shortAttrName(name: string): string {
  const m = /^SAI_[A-Z0-9_]+?_ATTR_(.+)$/.exec(name);
  return (m ? m[1]! : name).toLowerCase();
}

/** Narrowest unsigned column for an enum whose values (and bitwise OR of them, for flag enums) fit. */
function enumColumn(src: EnumRangeSource | undefined): ColumnKind {
  if (!src || src.values.length === 0) return "i32";
  let max = 0;
  let or = 0;
  for (const { value } of src.values) {
    if (value < 0 || !Number.isInteger(value)) return "i32";
    max = Math.max(max, value);
    or |= value;
  }
  const top = Math.max(max, or >>> 0);
  return top <= 0xff ? "u8" : top <= 0xffff ? "u16" : "i32";
}

/**
 * Builds the store layout from key members and state attributes. Unsupported attribute value types are skipped
 * and reported as warnings; an unsupported key member is an error and yields `layout: null` (a key that cannot
 * hold a member would merge distinct flows).
 */
export function layoutFromMetadata(
  keyMembers: ReadonlyArray<KeyMemberSpec | KeyMember>,
  attrs: ReadonlyArray<AttrSpec | AttrMetadata>,
  options: LayoutOptions = {},
): LayoutResult {
  const issues: LayoutIssue[] = [];
  const members = keyMembers.map((m) =>
    isKeyMember(m) ? { name: m.membername, valuetype: shortValueType(m.membervaluetype) } : { name: m.name, valuetype: shortValueType(m.valuetype) },
  );
  const names = new Set<string>();
  let keyOk = true;
  for (const m of members) {
    if (names.has(m.name)) {
      issues.push({ severity: "error", name: m.name, valuetype: m.valuetype, message: "duplicate key member" });
      keyOk = false;
    }
    names.add(m.name);
    if (!KEY_KINDS[m.valuetype]) {
      issues.push({ severity: "error", name: m.name, valuetype: m.valuetype, message: `key member value type ${m.valuetype} is not supported` });
      keyOk = false;
    }
  }

  // Attributes are mapped even when the key failed so one call reports every problem.
  const enumMap = new Map<string, EnumRangeSource>();
  for (const e of options.enums ?? []) enumMap.set(e.name, e);
  const attrCols: ColumnLayout[] = [];
  for (const a of attrs) {
    const spec = isAttrMetadata(a)
      ? { name: a.attridname, valuetype: shortValueType(a.attrvaluetype), enumName: a.isenum ? a.enummetadata : null }
      : { name: a.name, valuetype: shortValueType(a.valuetype), enumName: a.enumName ?? null };
    let kind = ATTR_COLUMN[spec.valuetype];
    if (!kind) {
      issues.push({ severity: "warning", name: spec.name, valuetype: spec.valuetype, message: `attribute value type ${spec.valuetype} has no column kind; attribute not stored` });
      continue;
    }
    if (kind === "i32" && spec.enumName) kind = enumColumn(enumMap.get(spec.enumName));
    attrCols.push({
      name: spec.name, short: shortAttrName(spec.name), origin: "attr", valuetype: spec.valuetype, kind,
      bytesPerFlow: COLUMN_BYTES[kind], enumName: spec.enumName, keyField: -1,
    });
  }
  if (!keyOk) return { layout: null, issues };

  // Pack by alignment class, stable within a class, so every multi-byte field is naturally aligned.
  const fields: KeyFieldLayout[] = members.map((m) => ({
    name: m.name, valuetype: m.valuetype, kind: KEY_KINDS[m.valuetype]!.kind, offset: -1, size: KEY_KINDS[m.valuetype]!.size, familyOffset: -1, column: -1,
  }));
  let off = 0;
  for (const align of [4, 2, 1]) {
    for (let i = 0; i < fields.length; i++) {
      if (KEY_KINDS[members[i]!.valuetype]!.align !== align) continue;
      fields[i]!.offset = off;
      off += fields[i]!.size;
    }
  }
  for (const f of fields) if (f.kind === "ip") f.familyOffset = off++;
  const keyBytes = Math.max(4, (off + 3) & ~3);

  const wanted = options.keyColumns ? new Set(options.keyColumns) : null;
  const columns: ColumnLayout[] = [];
  fields.forEach((f, i) => {
    const kind = KEY_COLUMN[f.kind];
    if (wanted ? !wanted.has(f.name) : !kind) return;
    if (!kind) {
      issues.push({ severity: "warning", name: f.name, valuetype: f.valuetype, message: `key member kind ${f.kind} cannot have a filter column` });
      return;
    }
    f.column = columns.length;
    columns.push({ name: f.name, short: f.name.toLowerCase(), origin: "key", valuetype: f.valuetype, kind, bytesPerFlow: COLUMN_BYTES[kind], enumName: null, keyField: i });
  });
  columns.push(...attrCols);
  const fixedBytesPerFlow = keyBytes + SLOT_OVERHEAD_BYTES + columns.reduce((s, c) => s + c.bytesPerFlow, 0);
  return { layout: { keyFields: fields, keyBytes, keyWords: keyBytes >>> 2, columns, fixedBytesPerFlow }, issues };
}

/** One enabled-key mask bit and the key members it enables. */
export interface MaskBit {
  bit: number;
  members: readonly string[];
}

/** Enum value → key member aliases where the enum's short name is not the member name. */
export const DEFAULT_MASK_ALIASES: Readonly<Record<string, readonly string[]>> = {
  VNI: ["vnet_id"],
  PROTOCOL: ["ip_proto"],
  ENI_ADDR: ["eni_mac"],
};

/**
 * Derives mask bit → key members from an enabled-key enum (`sai_dash_flow_enabled_key_t`): a value's short
 * name (`SRC_IP`) matches a member name case-insensitively, else `aliases`. Zero values are skipped; values that
 * match no member are returned in `unmatched` (reported, not thrown).
 */
export function maskBitsFromEnum(
  values: ReadonlyArray<{ name: string; shortname?: string; value: number }>,
  memberNames: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>> = DEFAULT_MASK_ALIASES,
  prefix = "SAI_DASH_FLOW_ENABLED_KEY_",
): { bits: MaskBit[]; unmatched: string[] } {
  const byLower = new Map(memberNames.map((n) => [n.toLowerCase(), n]));
  const bits: MaskBit[] = [];
  const unmatched: string[] = [];
  for (const v of values) {
    if (v.value === 0) continue;
    const short = v.shortname ?? (v.name.startsWith(prefix) ? v.name.slice(prefix.length) : v.name);
    const direct = byLower.get(short.toLowerCase());
    const members = direct ? [direct] : (aliases[short] ?? []).filter((m) => byLower.has(m.toLowerCase())).map((m) => byLower.get(m.toLowerCase())!);
    if (members.length === 0) unmatched.push(v.name);
    else bits.push({ bit: v.value, members });
  }
  return { bits, unmatched };
}
