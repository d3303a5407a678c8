/**
 * The fast path of `SaiDashFlowApi.CreateFlowEntries`: the request is read straight off the wire into packed keys
 * and number columns and handed to `FlowApi.createFlowsPacked` (validated like the object path, no object per
 * flow). The generic path (protobufjs messages → attribute lists → `createEntries`) costs ~50 µs per flow, which
 * would make loading a million flows take most of a minute.
 *
 * Rows the packed path cannot carry — an attribute that is not a number with a constant default (IPs, MACs,
 * lists, read-only attributes), or a key that does not pack — go through the generic path. In STOP_ON_ERROR mode
 * a batch with any such row goes through the generic path whole, so "nothing after the first failure executes"
 * keeps its meaning; in IGNORE_ERROR mode the two parts run separately and their statuses are merged in request
 * order. Absent fields take the attribute's default (proto3 leaves zeros off the wire, and zero is the default
 * of every number attribute of the flow entry).
 */
import * as grpc from "@grpc/grpc-js";
import type protobuf from "protobufjs";
import type { AttrMetadata, SaiModel } from "../../generator/model/types.js";
import type { DashRuntime } from "../api.js";
import { FieldNamer, enumIndex, keyField, objectAttributes, attrField, EXTENSION_ATTR_BASE, type FieldSpec } from "../proto/schema.js";
import { ObjectCodecs, type Msg } from "./convert.js";
import { decodeRequest, grpcError } from "./grpc-defs.js";
import { Writer } from "./wire.js";
import type { Logger } from "./log.js";

const FLOW_ENTRY = "SAI_OBJECT_TYPE_FLOW_ENTRY";
const LEN = 2;

/** Where a key member goes in the packed row. */
interface KeySlot {
  readonly codec: string;
  readonly kind: string;
  readonly offset: number;
  readonly size: number;
  readonly familyOffset: number;
  /** Largest value of an unsigned integer member; -1 for other kinds. */
  readonly max: number;
}

const MAX: Record<string, number> = { u8: 0xff, u16: 0xffff, u32: 0xffffffff };

/** A number attribute the packed path takes: its column name, how to read it, its default. */
interface NumberAttr {
  readonly name: string;
  readonly bool: boolean;
  /** int32 (enums): a negative value arrives as a 10-byte varint and takes the generic path. */
  readonly signed: boolean;
  readonly dflt: number;
}

/** The numeric default of an attribute, or null when it has none the packed path can supply. */
function numericDefault(a: AttrMetadata): number | null {
  if (a.isreadonly || a.defaultvaluetype !== "SAI_DEFAULT_VALUE_TYPE_CONST" || !a.defaultvalue) return null;
  const d = a.defaultvalue as { kind: string; value?: unknown };
  if (d.kind === "bool") return d.value ? 1 : 0;
  if (d.kind === "int" || d.kind === "enum") {
    const n = Number(d.value);
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

/** A decoder of CreateFlowEntriesRequest bytes into the packed form, built once per model. */
export class FlowBulkDecoder {
  private readonly numbers = new Map<number, NumberAttr>();
  private readonly keyBytes: number;

  constructor(model: SaiModel, rt: DashRuntime) {
    const info = model.objectTypes.find((o) => o.objecttype === FLOW_ENTRY)!;
    const enums = enumIndex(model);
    const namer = new FieldNamer();
    const extNamer = new FieldNamer();
    for (const a of objectAttributes(model, info)) {
      const ext = a.attrid >= EXTENSION_ATTR_BASE;
      const spec = attrField(a, ext ? extNamer : namer, enums);
      if (!spec || ext || spec.repeated) continue;
      const c = spec.codec;
      const dflt = numericDefault(a);
      if (dflt === null || !(c.k === "bool" || c.k === "int")) continue;
      this.numbers.set(spec.number, { name: a.attridname, bool: c.k === "bool", signed: c.k === "int" && c.signed, dflt });
    }
    this.packer = new KeyPacker(model, rt);
    this.keyBytes = this.packer.keyBytes;
  }

  /** Packs the keys of the rows. */
  readonly packer: KeyPacker;

  /**
   * Splits a request: packed keys and columns for the rows the packed path takes, the indices of the others.
   * Null when the bytes are not a CreateFlowEntriesRequest (the caller answers INVALID_ARGUMENT).
   */
  decode(buf: Uint8Array): DecodedBulk | null {
    const w = new Wire(buf);
    const spans: [number, number][] = [];
    let mode = 0;
    while (w.pos < buf.length) {
      const tag = w.varint(buf.length);
      if (tag === ((1 << 3) | LEN)) {
        w.span(buf.length);
        spans.push([w.s, w.e]);
      } else if (tag === 2 << 3) mode = w.varint(buf.length);
      else w.skip(tag & 7, buf.length);
    }
    if (w.bad) return null;
    const n = spans.length;
    const keys = new Uint8Array(n * this.keyBytes);
    const columns: Record<string, Float64Array> = {};
    const fast: number[] = [];
    const slow: number[] = [];
    const touched: Float64Array[] = [];
    const touchedDefaults: number[] = [];
    for (let i = 0; i < n; i++) {
      const [s, e] = spans[i]!;
      let ks = -1;
      let ke = -1;
      let as = -1;
      let ae = -1;
      w.pos = s;
      while (w.pos < e) {
        const tag = w.varint(e);
        if (tag === ((1 << 3) | LEN)) {
          w.span(e);
          ks = w.s;
          ke = w.e;
        } else if (tag === ((2 << 3) | LEN)) {
          w.span(e);
          as = w.s;
          ae = w.e;
        } else w.skip(tag & 7, e);
      }
      if (w.bad) return null;
      const row = fast.length;
      // an absent key packs as all zeros, which the runtime then refuses with the proper status
      let ok = ks < 0 ? (keys.fill(0, row * this.keyBytes, (row + 1) * this.keyBytes), true) : this.packer.pack(w, buf, ks, ke, keys, row);
      if (w.bad) return null;
      // the attributes: number fields straight into their columns at this row; any other field sends the row to
      // the generic path (and the values written for it are put back to their defaults)
      touched.length = 0;
      touchedDefaults.length = 0;
      if (ok && as >= 0) {
        w.pos = as;
        while (w.pos < ae) {
          const tag = w.varint(ae);
          const spec = this.numbers.get(tag >>> 3);
          const v = spec && (tag & 7) === 0 ? w.varint(ae) : -1;
          if (!spec || v < 0 || (spec.signed && v > 0x7fffffff)) {
            ok = false;
            break;
          }
          let col = columns[spec.name];
          if (!col) {
            col = columns[spec.name] = new Float64Array(n);
            if (spec.dflt !== 0) col.fill(spec.dflt);
          }
          col[row] = spec.bool ? (v ? 1 : 0) : v;
          touched.push(col);
          touchedDefaults.push(spec.dflt);
        }
        if (w.bad) return null;
      }
      if (ok) fast.push(i);
      else {
        slow.push(i);
        for (let t = 0; t < touched.length; t++) touched[t]![row] = touchedDefaults[t]!;
      }
    }
    return { count: n, mode, fast, slow, keys, columns, spans };
  }
}

/** Packs keys through the runtime's `packFlowKey` from one reused key object (the slow, format-agnostic way). */
class ObjectKeyPacker {
  private readonly key: Record<string, unknown> = {};
  private readonly macs: Uint8Array[];
  private readonly v4: { family: "ipv4"; bytes: Uint8Array }[];
  private readonly v6: { family: "ipv6"; bytes: Uint8Array }[];
  private lastLo = -1;
  private lastHi = -1;
  private lastOid = 0n;

  constructor(
    private readonly kf: readonly FieldSpec[],
    private readonly rt: DashRuntime,
  ) {
    this.macs = kf.map(() => new Uint8Array(6));
    this.v4 = kf.map(() => ({ family: "ipv4" as const, bytes: new Uint8Array(4) }));
    this.v6 = kf.map(() => ({ family: "ipv6" as const, bytes: new Uint8Array(16) }));
  }

  /** Reads a SaiDashFlowKey and packs it into row `row`; false for what it cannot take. */
  pack(w: Wire, buf: Uint8Array, s: number, e: number, out: Uint8Array, row: number): boolean {
    const { kf, key } = this;
    for (let f = 0; f < kf.length; f++) {
      const c = kf[f]!.codec.k;
      key[kf[f]!.source] = c === "int64" ? 0n : c === "mac" ? this.macs[f]!.fill(0) : c === "ipaddr" ? { family: "ipv4", bytes: new Uint8Array(4) } : 0;
    }
    w.pos = s;
    while (w.pos < e) {
      const tag = w.varint(e);
      const f = (tag >>> 3) - 1;
      const spec = kf[f];
      const wt = tag & 7;
      if (!spec) {
        w.skip(wt, e);
        continue;
      }
      const c = spec.codec.k;
      if (c === "int" && wt === 0) key[spec.source] = w.varint(e);
      else if (c === "int64" && wt === 0) {
        // the switch id repeats in every key: convert it to a bigint once
        w.varint2(e);
        if (w.lo !== this.lastLo || w.hi !== this.lastHi) {
          this.lastLo = w.lo;
          this.lastHi = w.hi;
          this.lastOid = (BigInt(w.hi >>> 0) << 32n) | BigInt(w.lo >>> 0);
        }
        key[spec.source] = this.lastOid;
      } else if (c === "mac" && wt === LEN) {
        w.span(e);
        if (w.e - w.s !== 6) return false;
        this.macs[f]!.set(buf.subarray(w.s, w.e));
        key[spec.source] = this.macs[f];
      } else if (c === "ipaddr" && wt === LEN) {
        w.span(e);
        const ip = readIp(w, buf, w.s, w.e, this.v4[f]!, this.v6[f]!);
        if (ip === null) return false;
        key[spec.source] = ip;
      } else return false;
    }
    return !w.bad && this.rt.packFlowKey(key, out, row);
  }
}

/**
 * Packs SaiDashFlowKey bytes into key rows of the flow store (`FlowApi.flowKeyLayout`). Straight from the wire when
 * the row format is the one `runtime/flowstore/key.ts` documents (checked at start against `packFlowKey` with a
 * probe key), else through `packFlowKey` from a reused key object.
 */
class KeyPacker {
  readonly keyBytes: number;
  private readonly keyFields: readonly FieldSpec[];

  constructor(
    model: SaiModel,
    private readonly rt: DashRuntime,
  ) {
    const info = model.objectTypes.find((o) => o.objecttype === FLOW_ENTRY)!;
    const enums = enumIndex(model);
    const keyNamer = new FieldNamer();
    this.keyFields = info.structmembers.map((m, i) => keyField(m, i, keyNamer, enums));
    const layout = rt.flowKeyLayout();
    this.keyBytes = layout.keyBytes;
    const byName = new Map(layout.fields.map((f) => [f.name, f]));
    this.slots = this.keyFields.map((f) => {
      const l = byName.get(f.source) as (typeof layout.fields)[number] & { familyOffset?: number };
      return l ? { codec: f.codec.k, kind: l.kind, offset: l.offset, size: l.size, familyOffset: l.familyOffset ?? -1, max: MAX[l.kind] ?? -1 } : undefined;
    });
    this.direct = this.calibrate();
    this.objectPacker = new ObjectKeyPacker(this.keyFields, rt);
  }

  /** The fallback key packer (through `packFlowKey`), used when the row format is not the expected one. */
  private readonly objectPacker: ObjectKeyPacker;
  /** Key member slots by proto field number − 1. */
  private readonly slots: (KeySlot | undefined)[];
  /** Keys are packed straight from the wire (the flowstore row format checked at start), else via packFlowKey. */
  readonly direct: boolean;

  /** Packs the key at [s, e) of `buf` into row `row` of `out` (the row is zeroed first); false for what it cannot take. */
  pack(w: Wire, buf: Uint8Array, s: number, e: number, out: Uint8Array, row: number): boolean {
    const base = row * this.keyBytes;
    out.fill(0, base, base + this.keyBytes);
    return this.direct ? this.packDirect(w, buf, s, e, out, base) : this.objectPacker.pack(w, buf, s, e, out, row);
  }

  /**
   * Packs one SaiDashFlowKey from the wire into a zeroed key row in the flowstore format (`runtime/flowstore/key.ts`:
   * integers little-endian, MAC bytes, IPs in 16 bytes with a family byte 0/1). False for what it cannot take.
   */
  private packDirect(w: Wire, buf: Uint8Array, s: number, e: number, out: Uint8Array, base: number): boolean {
    w.pos = s;
    while (w.pos < e) {
      const tag = w.varint(e);
      const slot = this.slots[(tag >>> 3) - 1];
      const wt = tag & 7;
      if (!slot) {
        w.skip(wt, e);
        continue;
      }
      const at = base + slot.offset;
      if (slot.codec === "int") {
        if (wt !== 0) return false;
        let v = w.varint(e);
        if (slot.max < 0 || v > slot.max) return false;
        for (let i = 0; i < slot.size; i++, v = Math.floor(v / 256)) out[at + i] = v & 0xff;
      } else if (slot.codec === "int64") {
        if (wt !== 0 || slot.size !== 8) return false;
        w.varint2(e);
        const lo = w.lo;
        const hi = w.hi;
        out[at] = lo & 0xff;
        out[at + 1] = (lo >>> 8) & 0xff;
        out[at + 2] = (lo >>> 16) & 0xff;
        out[at + 3] = lo >>> 24;
        out[at + 4] = hi & 0xff;
        out[at + 5] = (hi >>> 8) & 0xff;
        out[at + 6] = (hi >>> 16) & 0xff;
        out[at + 7] = hi >>> 24;
      } else if (slot.codec === "mac") {
        if (wt !== LEN) return false;
        w.span(e);
        if (w.e - w.s !== 6 || slot.size !== 6) return false;
        out.set(buf.subarray(w.s, w.e), at);
      } else if (slot.codec === "ipaddr") {
        if (wt !== LEN || slot.kind !== "ip" || slot.size !== 16) return false;
        w.span(e);
        const end = w.e;
        w.pos = w.s;
        let family = 0;
        out.fill(0, at, at + 16);
        while (w.pos < end) {
          const t = w.varint(end);
          if (t === ((1 << 3) | 5)) {
            if (end - w.pos < 4) return false;
            // fixed32 is little-endian on the wire; the address reads big-endian (10.0.0.1 = 0x0A000001)
            const p = w.pos;
            out[at] = buf[p + 3]!;
            out[at + 1] = buf[p + 2]!;
            out[at + 2] = buf[p + 1]!;
            out[at + 3] = buf[p]!;
            out.fill(0, at + 4, at + 16);
            w.pos += 4;
            family = 0;
          } else if (t === ((2 << 3) | LEN)) {
            w.span(end);
            if (w.e - w.s !== 16) return false;
            out.set(buf.subarray(w.s, w.e), at);
            family = 1;
          } else w.skip(t & 7, end);
        }
        out[base + slot.familyOffset] = family;
        w.pos = end;
      } else return false;
    }
    return !w.bad;
  }

  /** Packs a probe key both ways; the direct packer is used only when the bytes agree. */
  private calibrate(): boolean {
    const fw = new Writer(128);
    const obj: Record<string, unknown> = {};
    this.keyFields.forEach((f, i) => {
      const n = i + 1;
      switch (f.codec.k) {
        case "int64":
          fw.tag(n, 0).varint64(0x0102030405060708n);
          obj[f.source] = 0x0102030405060708n;
          break;
        case "int": {
          const v = f.codec.bits === 8 ? 0x56 : f.codec.bits === 16 ? 0x1234 + i : 0x12345678;
          fw.tag(n, 0).varint(v);
          obj[f.source] = v;
          break;
        }
        case "mac": {
          const m = Uint8Array.of(1, 2, 3, 4, 5, 6 + i);
          fw.bytes(n, m);
          obj[f.source] = m;
          break;
        }
        case "ipaddr": {
          const inner = new Writer(24);
          if (i % 2 === 0) {
            inner.tag(1, 5).raw(Uint8Array.of(3, 2, 1, 10 + i));
            obj[f.source] = { family: "ipv4", bytes: Uint8Array.of(10 + i, 1, 2, 3) };
          } else {
            const b = Uint8Array.from({ length: 16 }, (_, k) => 0x20 + k + i);
            inner.bytes(2, b);
            obj[f.source] = { family: "ipv6", bytes: b };
          }
          fw.bytes(n, inner.finish());
          break;
        }
        default:
          return;
      }
    });
    const wire = fw.finish();
    const mine = new Uint8Array(this.keyBytes);
    const theirs = new Uint8Array(this.keyBytes);
    if (!this.rt.packFlowKey(obj, theirs, 0)) return false;
    if (!this.packDirect(new Wire(wire), wire, 0, wire.length, mine, 0)) return false;
    return mine.every((b, i) => b === theirs[i]);
  }
}

/** A decoded bulk create request. */
export interface DecodedBulk {
  readonly count: number;
  readonly mode: number;
  /** Request positions of the rows in `keys`/`columns`, in order. */
  readonly fast: number[];
  /** Request positions of the rows for the generic path. */
  readonly slow: number[];
  readonly keys: Uint8Array;
  readonly columns: Record<string, Float64Array>;
  /** Byte span of every item (CreateFlowEntryRequest) in the request. */
  readonly spans: [number, number][];
}

/** A cursor with the varint reads the decoders need; `bad` is set at the first malformed field. */
class Wire {
  pos = 0;
  bad = false;
  lo = 0;
  hi = 0;
  constructor(readonly buf: Uint8Array) {}

  /** A varint as a number (exact below 2^53). */
  varint(end: number): number {
    const b = this.buf;
    let x = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= end) return this.fail();
      const c = b[this.pos++]!;
      x += (c & 0x7f) * mul;
      if (c < 0x80) return x;
      mul *= 128;
    }
    return this.fail();
  }

  /** A varint as two 32-bit halves in `lo`/`hi` (for 64-bit values). */
  varint2(end: number): void {
    const b = this.buf;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= end) {
        this.fail();
        return;
      }
      const c = b[this.pos++]!;
      if (i < 4) lo |= (c & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (c & 0x0f) << 28;
        hi |= (c & 0x7f) >>> 4;
      } else hi |= (c & 0x7f) << (7 * i - 32);
      if (c < 0x80) {
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
        return;
      }
    }
    this.fail();
  }

  /** Start and end of the payload of a length-delimited field, in `s`/`e` (no tuple: this runs per field). */
  s = 0;
  e = 0;
  span(end: number): void {
    const len = this.varint(end);
    if (this.bad || len > end - this.pos) {
      this.fail();
      return;
    }
    this.s = this.pos;
    this.pos += len;
    this.e = this.pos;
  }

  skip(wt: number, end: number): void {
    if (wt === 0) this.varint(end);
    else if (wt === LEN) this.span(end);
    else if (wt === 1 || wt === 5) {
      const n = wt === 1 ? 8 : 4;
      if (end - this.pos < n) this.fail();
      else this.pos += n;
    } else this.fail();
  }

  private fail(): number {
    this.bad = true;
    this.pos = this.buf.length;
    return 0;
  }
}

/** An IpAddress message (ipv4 fixed32 = 1, ipv6 bytes = 2) into one of two reused values; null when malformed. */
function readIp(
  w: Wire,
  buf: Uint8Array,
  s: number,
  e: number,
  v4: { family: "ipv4"; bytes: Uint8Array },
  v6: { family: "ipv6"; bytes: Uint8Array },
): typeof v4 | typeof v6 | null {
  const back = w.pos;
  w.pos = s;
  let out: typeof v4 | typeof v6 = v4;
  v4.bytes.fill(0);
  while (w.pos < e) {
    const tag = w.varint(e);
    if (tag === ((1 << 3) | 5)) {
      if (e - w.pos < 4) return null;
      // fixed32 is little-endian on the wire; the address reads big-endian (10.0.0.1 = 0x0A000001)
      const p = w.pos;
      v4.bytes[0] = buf[p + 3]!;
      v4.bytes[1] = buf[p + 2]!;
      v4.bytes[2] = buf[p + 1]!;
      v4.bytes[3] = buf[p]!;
      w.pos += 4;
      out = v4;
    } else if (tag === ((2 << 3) | LEN)) {
      w.span(e);
      if (w.e - w.s !== 16) return null;
      v6.bytes.set(buf.subarray(w.s, w.e));
      out = v6;
    } else w.skip(tag & 7, e);
  }
  if (w.bad) return null;
  w.pos = back;
  return out;
}

/** The CreateFlowEntries handler: packed fast path, generic path for the rest. */
export function createFlowEntriesHandler(model: SaiModel, rt: DashRuntime, reqType: protobuf.Type, log: Logger): grpc.handleUnaryCall<Buffer, unknown> {
  const dec = new FlowBulkDecoder(model, rt);
  const codec = new ObjectCodecs(model).get(FLOW_ENTRY)!;
  const itemType = reqType.fields.items!.resolvedType as protobuf.Type;
  return (call, cb) => {
    let d;
    try {
      d = dec.decode(call.request);
    } catch (e) {
      log.error(`CreateFlowEntries from ${call.getPeer()}: internal error: ${(e as Error).message}`);
      cb(grpcError(grpc.status.INTERNAL, `internal error: ${(e as Error).message}`));
      return;
    }
    if (!d) {
      // let protobufjs say what is wrong with the bytes
      const p = decodeRequest(reqType, call.request);
      const err = p.ok ? grpcError(grpc.status.INVALID_ARGUMENT, "malformed CreateFlowEntriesRequest") : p.error;
      log.error(`CreateFlowEntries from ${call.getPeer()}: ${err.details}`);
      cb(err);
      return;
    }
    try {
      const generic = (rows: number[]): number[] => {
        const items = rows.map((i) => {
          const m = itemType.decode(call.request.subarray(d.spans[i]![0], d.spans[i]![1])) as unknown as Msg;
          return { key: codec.keyFromProto(m.key as Msg | undefined), attrs: codec.attrsFromProto(m.attributes as Msg | undefined) };
        });
        return rt.createEntries(FLOW_ENTRY, items, d.mode).statuses.map((s) => s.code);
      };
      const statuses = new Array<number>(d.count).fill(0);
      const stop = d.mode === 0;
      if (d.slow.length > 0 && (stop || d.fast.length === 0)) {
        generic(Array.from({ length: d.count }, (_, i) => i)).forEach((s, i) => (statuses[i] = s));
      } else {
        if (d.fast.length > 0) {
          const r = rt.createFlowsPacked({ count: d.fast.length, keys: d.keys.subarray(0, d.fast.length * rt.flowKeyLayout().keyBytes) }, sliceColumns(d.columns, d.fast.length), d.mode);
          d.fast.forEach((row, j) => (statuses[row] = r.codes[j]!));
        }
        if (d.slow.length > 0) generic(d.slow).forEach((s, j) => (statuses[d.slow[j]!] = s));
      }
      cb(null, { status: statuses.find((s) => s !== 0) ?? 0, statuses });
    } catch (e) {
      log.error(`CreateFlowEntries from ${call.getPeer()}: internal error: ${(e as Error).message}`);
      cb(grpcError(grpc.status.INTERNAL, `internal error: ${(e as Error).message}`));
    }
  };
}

function sliceColumns(cols: Record<string, Float64Array>, n: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(cols)) out[k] = v.subarray(0, n);
  return out;
}
