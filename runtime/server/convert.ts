/**
 * Converts between protobufjs messages of the generated SAI services and the runtime's values (`runtime/values`
 * shapes), driven by the same field specs the proto emitter uses (`runtime/proto/schema.ts`), so a field's meaning
 * is decided in one place. Presence: protobufjs sets an own property only for fields present on the wire, so an
 * attribute is "given" exactly when its field was sent (proto3 cannot tell a zero that was sent from one that was
 * not; a zero value is the default of nearly every attribute, which makes the difference harmless).
 */
import type { AttrMetadata, ObjectTypeInfo, SaiModel } from "../../generator/model/types.js";
import {
  EXTENSION_ATTR_BASE,
  FieldNamer,
  attrField,
  enumIndex,
  keyField,
  objectAttributes,
  type Codec,
  type FieldSpec,
} from "../proto/schema.js";
import type { AttrInput } from "../validate/types.js";

/** A plain protobufjs message object (decoded instance or an object to encode). */
export type Msg = Record<string, unknown>;

/** A value that does not fit its field, reported instead of thrown. */
export class ConvertError extends Error {}

interface LongLike {
  low: number;
  high: number;
}

const own = (m: Msg, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k) && m[k] !== undefined && m[k] !== null;

/** protobufjs 64-bit value (Long, number or decimal string) → bigint. */
export function toBigInt(v: unknown, signed = false): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return BigInt(Math.trunc(v));
  if (typeof v === "string") return BigInt(v);
  if (v && typeof v === "object" && "low" in v && "high" in v) {
    const l = v as LongLike;
    const u = (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
    return signed ? BigInt.asIntN(64, u) : u;
  }
  return 0n;
}

/** bigint → the Long-like object protobufjs writers accept for 64-bit fields. */
export function fromBigInt(v: bigint): LongLike & { unsigned: boolean } {
  const u = BigInt.asUintN(64, v);
  return { low: Number(u & 0xffffffffn) | 0, high: Number(u >> 32n) | 0, unsigned: v >= 0n };
}

function bytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.length));
  return new Uint8Array(0);
}

function ipv4FromU32(n: number): { family: "ipv4"; bytes: Uint8Array } {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0);
  return { family: "ipv4", bytes: b };
}

function u32FromIpv4(b: Uint8Array): number {
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

/** A proto field value → the runtime value of a field with codec `c`. */
export function fromProto(c: Codec, v: unknown): unknown {
  switch (c.k) {
    case "bool":
      return Boolean(v);
    case "int":
      return typeof v === "number" ? v : Number(v ?? 0);
    case "int64":
      return toBigInt(v, c.signed);
    case "mac":
    case "ipv6":
      return c.k === "mac" ? bytes(v) : { family: "ipv6", bytes: bytes(v) };
    case "ipv4":
      return ipv4FromU32(Number(v ?? 0));
    case "ipaddr": {
      const m = (v ?? {}) as Msg;
      if (own(m, "ipv6")) return { family: "ipv6", bytes: bytes(m.ipv6) };
      return ipv4FromU32(Number(m.ipv4 ?? 0));
    }
    case "prefix": {
      const m = (v ?? {}) as Msg;
      if (own(m, "ipv6")) {
        const p = m.ipv6 as Msg;
        return { family: "ipv6", addr: bytes(p.addr), mask: bytes(p.mask) };
      }
      const p = (m.ipv4 ?? {}) as Msg;
      return { family: "ipv4", addr: ipv4FromU32(Number(p.addr ?? 0)).bytes, mask: ipv4FromU32(Number(p.mask ?? 0)).bytes };
    }
    case "string":
      return String(v ?? "");
    case "u8list":
      return Array.from(bytes(v));
    case "bytes":
      return bytes(v);
    case "list":
      return (Array.isArray(v) ? v : []).map((x) => fromProto(c.item, x));
    case "range": {
      const m = (v ?? {}) as Msg;
      return { min: fromProto(c.item, m.min ?? 0), max: fromProto(c.item, m.max ?? 0) };
    }
    case "other":
      throw new ConvertError("this value type has no protobuf form in this server yet");
  }
}

/** A runtime value → the proto field value of codec `c` (protobufjs encodes plain objects of this shape). */
export function toProto(c: Codec, v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  switch (c.k) {
    case "bool":
      return Boolean(v);
    case "int":
      return typeof v === "bigint" ? Number(v) : Number(v);
    case "int64":
      return fromBigInt(typeof v === "bigint" ? v : BigInt(v as number));
    case "mac":
      return v instanceof Uint8Array ? v : undefined;
    case "ipv6":
      return (v as { bytes?: Uint8Array }).bytes ?? (v instanceof Uint8Array ? v : undefined);
    case "ipv4": {
      const b = (v as { bytes?: Uint8Array }).bytes ?? (v as Uint8Array);
      return b instanceof Uint8Array && b.length === 4 ? u32FromIpv4(b) : undefined;
    }
    case "ipaddr": {
      const ip = v as { family?: string; bytes?: Uint8Array };
      if (!(ip.bytes instanceof Uint8Array)) return undefined;
      return ip.family === "ipv6" ? { ipv6: ip.bytes } : { ipv4: u32FromIpv4(ip.bytes) };
    }
    case "prefix": {
      const p = v as { family?: string; addr?: Uint8Array; mask?: Uint8Array };
      if (!(p.addr instanceof Uint8Array) || !(p.mask instanceof Uint8Array)) return undefined;
      return p.family === "ipv6" ? { ipv6: { addr: p.addr, mask: p.mask } } : { ipv4: { addr: u32FromIpv4(p.addr), mask: u32FromIpv4(p.mask) } };
    }
    case "string":
      return String(v);
    case "u8list":
      return Array.isArray(v) ? Uint8Array.from(v as number[]) : v instanceof Uint8Array ? v : new Uint8Array(0);
    case "bytes":
      return v instanceof Uint8Array ? v : undefined;
    case "list":
      return Array.isArray(v) ? v.map((x) => toProto(c.item, x)) : [];
    case "range": {
      const r = v as { min?: unknown; max?: unknown };
      return { min: toProto(c.item, r.min), max: toProto(c.item, r.max) };
    }
    case "other":
      return undefined;
  }
}

/**
 * Whether an attribute's field was sent. protobufjs gives every repeated field an own empty array, so an empty
 * list reads as "not sent" (it is the default of every list attribute anyway).
 */
function present(m: Msg, s: AttrSlot): boolean {
  if (!own(m, s.spec.name)) return false;
  return !s.spec.repeated || (m[s.spec.name] as unknown[]).length > 0;
}

interface AttrSlot {
  readonly attr: AttrMetadata;
  readonly spec: FieldSpec;
  /** Carried inside the `extensions` sub-message. */
  readonly ext: boolean;
}

/** Field ↔ attribute and key member tables of one object type, as the proto emitter lays them out. */
export class ObjectCodec {
  readonly objectType: string;
  readonly info: ObjectTypeInfo;
  /** Regular attributes in field (= id) order; extension attributes in `extSlots`. */
  private readonly slots: AttrSlot[] = [];
  private readonly extSlots: AttrSlot[] = [];
  private readonly byName = new Map<string, AttrSlot>();
  private readonly extField: string | null;
  readonly keyFields: readonly FieldSpec[];

  constructor(model: SaiModel, info: ObjectTypeInfo, enums = enumIndex(model)) {
    this.objectType = info.objecttype;
    this.info = info;
    const namer = new FieldNamer();
    const extNamer = new FieldNamer();
    for (const a of objectAttributes(model, info)) {
      const ext = a.attrid >= EXTENSION_ATTR_BASE;
      const spec = attrField(a, ext ? extNamer : namer, enums);
      if (!spec) continue;
      const slot = { attr: a, spec, ext };
      (ext ? this.extSlots : this.slots).push(slot);
      this.byName.set(a.attridname, slot);
    }
    // the emitter names the extensions field after every regular field, with the same namer
    this.extField = this.extSlots.length > 0 ? namer.name("extensions") : null;
    const keyNamer = new FieldNamer();
    this.keyFields = info.structmembers.map((m, i) => keyField(m, i, keyNamer, enums));
  }

  /** The attributes present in an attributes message, in id order (regular first, then extensions). */
  attrsFromProto(m: Msg | undefined): AttrInput[] {
    const out: AttrInput[] = [];
    if (!m) return out;
    for (const s of this.slots) if (present(m, s)) out.push(this.input(s, m[s.spec.name]));
    if (this.extField && own(m, this.extField)) {
      const e = m[this.extField] as Msg;
      for (const s of this.extSlots) if (present(e, s)) out.push(this.input(s, e[s.spec.name]));
    }
    return out;
  }

  private input(s: AttrSlot, v: unknown): AttrInput {
    return { id: s.attr.attridname, value: fromProto(s.spec.codec, v) };
  }

  /** An attributes message holding `attrs` (attribute name → value); unknown names are skipped. */
  attrsToProto(attrs: readonly { id: string; value: unknown }[]): Msg {
    const m: Msg = {};
    let ext: Msg | null = null;
    for (const a of attrs) {
      const s = this.byName.get(a.id);
      if (!s) continue;
      const v = toProto(s.spec.codec, a.value);
      if (v === undefined) continue;
      if (s.ext) (ext ??= {})[s.spec.name] = v;
      else m[s.spec.name] = v;
    }
    if (ext && this.extField) m[this.extField] = ext;
    return m;
  }

  /** An entry key message → the runtime's entry key (C member name → value). */
  keyFromProto(m: Msg | undefined): Record<string, unknown> {
    const key: Record<string, unknown> = {};
    const src = m ?? {};
    for (const f of this.keyFields) key[f.source] = fromProto(f.codec, src[f.name]);
    return key;
  }

  /** A runtime entry key → its key message. */
  keyToProto(key: Readonly<Record<string, unknown>>): Msg {
    const m: Msg = {};
    for (const f of this.keyFields) {
      const v = toProto(f.codec, key[f.source]);
      if (v !== undefined) m[f.name] = v;
    }
    return m;
  }
}

/** ObjectCodecs of every object type of a model, built on first use. */
export class ObjectCodecs {
  private readonly byType = new Map<string, ObjectCodec>();
  private readonly enums;
  constructor(private readonly model: SaiModel) {
    this.enums = enumIndex(model);
  }

  /** The codec of an object type; undefined for a type the model lacks. */
  get(objectType: string): ObjectCodec | undefined {
    let c = this.byType.get(objectType);
    if (c) return c;
    const info = this.model.objectTypes.find((o) => o.objecttype === objectType);
    if (!info) return undefined;
    c = new ObjectCodec(this.model, info, this.enums);
    this.byType.set(objectType, c);
    return c;
  }
}
