/**
 * The protobufjs flow codec: loads the generated schema and converts between flow entries and protobufjs
 * messages field by field, driven by the same flow layout as the specialized codec. It is the reference the
 * specialized codec is checked against, and the path for schema loading and tests; it is not for hot paths.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import protobuf from "protobufjs";
import {
  FlowCodecError,
  type FlowCodec,
  type FlowCodecErrorCode,
  type FlowDecodeResult,
  type FlowEntry,
  type FlowRecord,
  type FlowValue,
} from "./codec.js";
import { PROTO_PACKAGE, type Codec, type FlowFieldLayout, type FlowLayout, type FlowMessageLayout } from "./schema.js";

/** A schema file as the emitter produces it (path relative to the output folder, e.g. `proto/sai_types.proto`). */
export interface ProtoSource {
  path: string;
  content: string;
}

/**
 * Loads schema files into one protobufjs root with proto field names kept as written (`keepCase`), so message
 * properties match the flow layout's names. Accepts a folder of `.proto` files or the emitter's in-memory output.
 */
export function loadProtoRoot(source: string | readonly ProtoSource[]): protobuf.Root {
  const root = new protobuf.Root();
  if (typeof source === "string") {
    const files = readdirSync(source).filter((f) => f.endsWith(".proto")).sort();
    root.loadSync(files.map((f) => join(source, f)), { keepCase: true });
  } else {
    for (const f of source) if (f.path.endsWith(".proto")) protobuf.parse(f.content, root, { keepCase: true });
  }
  root.resolveAll();
  return root;
}

type Pb = Record<string, unknown>;
interface LongLike {
  low: number;
  high: number;
}

const TWO64 = 1n << 64n;

function fail(code: FlowCodecErrorCode, path: string, what: string): never {
  throw new FlowCodecError(code, `${path}: ${what}`);
}

function isBytes(v: unknown, n: number): v is Uint8Array {
  return v instanceof Uint8Array && (n < 0 || v.length === n);
}

function listItems(v: unknown, path: string): readonly unknown[] {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === "object" && (v as { list?: unknown }).list === null && (v as { count?: unknown }).count === 0) return [];
  return fail("invalid-value", path, "expected an array (a count-only list cannot be encoded)");
}

function checkInt(c: { bits: number; signed: boolean }, v: unknown, path: string): number {
  const lo = c.signed ? -(2 ** (c.bits - 1)) : 0;
  const hi = c.signed ? 2 ** (c.bits - 1) - 1 : 2 ** c.bits - 1;
  if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi)
    fail("invalid-value", path, `expected ${c.signed ? "a signed" : "an unsigned"} ${c.bits}-bit integer`);
  return v;
}

function toLong(v: unknown, signed: boolean, path: string): LongLike {
  const ok = typeof v === "bigint" && (signed ? v >= -(1n << 63n) && v < 1n << 63n : v >= 0n && v < TWO64);
  if (!ok) fail("invalid-value", path, `expected ${signed ? "a signed" : "an unsigned"} 64-bit bigint`);
  const u = (v as bigint) < 0n ? (v as bigint) + TWO64 : (v as bigint);
  return { low: Number(u & 0xffffffffn) | 0, high: Number(u >> 32n) | 0 };
}

function fromLong(v: unknown, signed: boolean): bigint {
  if (typeof v === "number") return BigInt(v);
  const l = v as LongLike;
  const u = (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
  return signed ? BigInt.asIntN(64, u) : u;
}

function ipBytes(v: unknown, family: "ipv4" | "ipv6", path: string): Uint8Array {
  const n = family === "ipv4" ? 4 : 16;
  const o = v as { family?: unknown; bytes?: unknown } | null;
  if (o === null || typeof o !== "object" || o.family !== family || !isBytes(o.bytes, n))
    fail("invalid-value", path, `expected an ${family === "ipv4" ? "IPv4" : "IPv6"} address {family: '${family}', bytes: ${n} bytes}`);
  return o.bytes as Uint8Array;
}

const be32 = (b: Uint8Array) => ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
const fromBe32 = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const copy = (b: Uint8Array) => new Uint8Array(b);

/**
 * True for an all-zero fixed-size value (MAC, IPv6, fixed-size bytes, the IPv4 address 0.0.0.0) in its protobufjs
 * form: such fields are left out of the encoding, as proto3 leaves out zero scalars (absent decodes to the same zero).
 */
function isZeroFixed(c: Codec, v: unknown): boolean {
  const zero = (b: Uint8Array) => b.every((x) => x === 0);
  switch (c.k) {
    case "mac":
    case "ipv6":
      return zero(v as Uint8Array);
    case "bytes":
      return c.length !== null && zero(v as Uint8Array);
    case "ipaddr":
      return (v as { ipv4?: number }).ipv4 === 0;
    default:
      return false;
  }
}

/** A flow value → the protobufjs value of its field (zero values included: protobufjs omits them itself). */
function toPb(c: Codec, v: unknown, path: string): unknown {
  switch (c.k) {
    case "bool":
      if (v === undefined) return false;
      if (typeof v !== "boolean") fail("invalid-value", path, "expected a boolean");
      return v;
    case "int":
      return v === undefined ? 0 : checkInt(c, v, path);
    case "int64":
      return toLong(v === undefined ? 0n : v, c.signed, path);
    case "mac":
      if (v === undefined) return new Uint8Array(6);
      if (!isBytes(v, 6)) fail("invalid-value", path, "expected a MAC (6 bytes)");
      return v;
    case "ipv4":
      return v === undefined ? 0 : be32(ipBytes(v, "ipv4", path));
    case "ipv6":
      return v === undefined ? new Uint8Array(16) : ipBytes(v, "ipv6", path);
    case "ipaddr": {
      const ip = v === undefined ? { family: "ipv4", bytes: new Uint8Array(4) } : v;
      if ((ip as { family?: unknown } | null)?.family === "ipv4") return { ipv4: be32(ipBytes(ip, "ipv4", path)) };
      return { ipv6: ipBytes(ip, "ipv6", path) };
    }
    case "prefix": {
      const pf = (v === undefined ? { family: "ipv4", addr: new Uint8Array(4), mask: new Uint8Array(4) } : v) as {
        family?: unknown;
        addr?: unknown;
        mask?: unknown;
      } | null;
      if (pf !== null && typeof pf === "object" && pf.family === "ipv4" && isBytes(pf.addr, 4) && isBytes(pf.mask, 4))
        return { ipv4: { addr: be32(pf.addr), mask: be32(pf.mask) } };
      if (pf !== null && typeof pf === "object" && pf.family === "ipv6" && isBytes(pf.addr, 16) && isBytes(pf.mask, 16))
        return { ipv6: { addr: pf.addr, mask: pf.mask } };
      return fail("invalid-value", path, "expected an IP prefix {family, addr, mask}");
    }
    case "string":
      if (v === undefined) return "";
      if (typeof v !== "string") fail("invalid-value", path, "expected a string");
      return v;
    case "u8list":
      return Uint8Array.from(listItems(v === undefined ? [] : v, path), (x) => checkInt({ bits: 8, signed: false }, x, path));
    case "bytes":
      if (v === undefined || (v === null && c.length === null)) return new Uint8Array(c.length ?? 0);
      if (!isBytes(v, c.length ?? -1)) fail("invalid-value", path, c.length === null ? "expected a Uint8Array" : `expected ${c.length} bytes`);
      return v;
    case "range": {
      const r = (v === undefined ? { min: c.item.k === "int64" ? 0n : 0, max: c.item.k === "int64" ? 0n : 0 } : v) as { min?: unknown; max?: unknown } | null;
      if (r === null || typeof r !== "object") fail("invalid-value", path, "expected a range {min, max}");
      return { min: toPb(c.item, r.min, path), max: toPb(c.item, r.max, path) };
    }
    case "list":
      return listItems(v === undefined ? [] : v, path).map((x) => toPb(c.item, x, path));
    case "other":
      return fail("invalid-value", path, "has no flow codec");
  }
}

function toPbMessage(m: FlowMessageLayout, rec: unknown, path: string): Pb {
  const r = (rec === undefined ? {} : rec) as Record<string, unknown> | null;
  if (r === null || typeof r !== "object") fail("invalid-value", path, "expected an object");
  const out: Pb = {};
  for (const f of m.fields) {
    const p = `${m.name}.${f.name}`;
    const v = f.message ? toPbMessage(f.message, r[f.name], p) : toPb(f.codec, r[f.name], p);
    if (!f.message && isZeroFixed(f.codec, v)) continue;
    out[f.name] = v;
  }
  return out;
}

function narrow(c: { bits: number; signed: boolean }, n: number, path: string): number {
  const lo = c.signed ? -(2 ** (c.bits - 1)) : 0;
  const hi = c.signed ? 2 ** (c.bits - 1) - 1 : 2 ** c.bits - 1;
  if (n < lo || n > hi) fail("out-of-range", path, `${n} is not ${c.bits}-bit`);
  return n;
}

/** A fixed-size bytes field: empty means absent, any other wrong size is corrupt. */
function fixed(v: unknown, n: number, path: string, what: string): Uint8Array {
  const b = (v ?? new Uint8Array(0)) as Uint8Array;
  if (b.length === 0) return new Uint8Array(n);
  if (b.length !== n) fail("bad-length", path, `${what} of ${b.length} bytes, expected ${n}`);
  return copy(b);
}

/** A protobufjs field value → the flow value (zero value when absent). */
function fromPb(c: Codec, v: unknown, path: string): FlowValue {
  switch (c.k) {
    case "bool":
      return v === true;
    case "int":
      return c.bits === 32 ? ((v as number | undefined) ?? 0) : narrow(c, (v as number | undefined) ?? 0, path);
    case "int64":
      return v === undefined || v === null ? 0n : fromLong(v, c.signed);
    case "mac":
      return fixed(v, 6, path, "MAC");
    case "ipv4":
      return { family: "ipv4", bytes: fromBe32((v as number | undefined) ?? 0) };
    case "ipv6":
      return { family: "ipv6", bytes: fixed(v, 16, path, "IPv6 address") };
    case "ipaddr": {
      const m = v as { addr?: string; ipv4?: number; ipv6?: Uint8Array } | null | undefined;
      if (m?.addr === "ipv6") {
        const b = m.ipv6;
        if (!isBytes(b, 16)) return fail("bad-length", path, `IPv6 address of ${(b as Uint8Array | undefined)?.length ?? 0} bytes, expected 16`);
        return { family: "ipv6", bytes: copy(b) };
      }
      return { family: "ipv4", bytes: fromBe32(m?.addr === "ipv4" ? (m.ipv4 ?? 0) : 0) };
    }
    case "prefix": {
      const m = v as { family?: string; ipv4?: { addr?: number; mask?: number }; ipv6?: { addr?: Uint8Array; mask?: Uint8Array } } | null | undefined;
      if (m?.family === "ipv6")
        return {
          family: "ipv6",
          addr: fixed(m.ipv6?.addr, 16, path, "IPv6 prefix address"),
          mask: fixed(m.ipv6?.mask, 16, path, "IPv6 prefix mask"),
        };
      const p4 = m?.family === "ipv4" ? m.ipv4 : undefined;
      return { family: "ipv4", addr: fromBe32(p4?.addr ?? 0), mask: fromBe32(p4?.mask ?? 0) };
    }
    case "string":
      return (v as string | undefined) ?? "";
    case "u8list":
      return Array.from((v as Uint8Array | undefined) ?? []);
    case "bytes":
      return c.length === null ? copy(((v as Uint8Array | undefined) ?? new Uint8Array(0)) as Uint8Array) : fixed(v, c.length, path, "value");
    case "range": {
      const r = v as { min?: unknown; max?: unknown } | null | undefined;
      return { min: fromPb(c.item, r?.min, path), max: fromPb(c.item, r?.max, path) } as FlowValue;
    }
    case "list":
      return ((v as unknown[] | undefined) ?? []).map((x) => fromPb(c.item, x, path)) as FlowValue;
    case "other":
      return undefined;
  }
}

function fromPbMessage(m: FlowMessageLayout, msg: Pb | null | undefined): FlowRecord {
  const out: FlowRecord = {};
  for (const f of m.fields as FlowFieldLayout[]) {
    const v = msg ? msg[f.name] : undefined;
    out[f.name] = f.message ? fromPbMessage(f.message, v as Pb | null) : fromPb(f.codec, v, `${m.name}.${f.name}`);
  }
  return out;
}

/** Maps a protobufjs exception to a failure code. */
function pbFailure(e: unknown): { code: FlowCodecErrorCode; message: string } {
  if (e instanceof FlowCodecError) return { code: e.code, message: e.message };
  const message = e instanceof Error ? e.message : String(e);
  if (/index out of range/.test(message)) return { code: "truncated", message };
  if (/invalid wire type|missing end group/.test(message)) return { code: "bad-wire-type", message };
  if (/invalid (varint|tag|length) encoding/.test(message)) return { code: "bad-varint", message };
  if (/utf-8/i.test(message)) return { code: "bad-utf8", message };
  if (/field number 0/.test(message)) return { code: "bad-tag", message };
  if (/max depth/.test(message)) return { code: "too-deep", message };
  return { code: "bad-length", message };
}

/** The reference codec over a loaded schema root. */
export function protobufjsFlowCodec(layout: FlowLayout, root: protobuf.Root): FlowCodec {
  const type = root.lookupType(`${PROTO_PACKAGE}.${layout.entry.name}`);
  return {
    path: "protobufjs",
    layout,
    encodeFlowEntry(entry: FlowEntry): Uint8Array {
      return type.encode(toPbMessage(layout.entry, entry, "entry")).finish();
    },
    decodeFlowEntry(bytes: Uint8Array): FlowDecodeResult {
      try {
        const msg = type.decode(bytes) as unknown as Pb;
        return { ok: true, value: fromPbMessage(layout.entry, msg) as unknown as FlowEntry };
      } catch (e) {
        const { code, message } = pbFailure(e);
        return { ok: false, error: { code, message, offset: -1 } };
      }
    },
  };
}
