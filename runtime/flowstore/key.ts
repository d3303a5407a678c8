/**
 * Packs plain key values into the layout's fixed-width key bytes and back. This is the slow, friendly path
 * (tests, diagnosis, the validating API); bulk paths hand the store packed key buffers directly.
 */
import type { FlowLayout, KeyFieldLayout } from "./layout.js";
import { formatIp, formatIpv4, formatIpv6, formatMac, toBigInt, toIpBytes, toMacBytes } from "./values.js";

/** A key member value as `unpackKey` returns it: numbers, `bigint` for oid/64-bit, text for MAC and IPs. */
export type KeyValue = number | bigint | boolean | string;

/** Plain key values by member name; a missing member packs as zero. */
export type KeyFields = Readonly<Record<string, unknown>>;

const INT_RANGE: Record<string, [number, number]> = {
  u8: [0, 0xff], i8: [-0x80, 0x7f], u16: [0, 0xffff], i16: [-0x8000, 0x7fff], u32: [0, 0xffffffff], i32: [-0x80000000, 0x7fffffff],
};

function writeLE(out: Uint8Array, at: number, size: number, v: bigint): void {
  for (let i = 0; i < size; i++) {
    out[at + i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

function readLE(b: Uint8Array, at: number, size: number): bigint {
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[at + i]!);
  return v;
}

/** Writes one member; returns an error message instead of throwing so callers can collect problems. */
function packField(f: KeyFieldLayout, v: unknown, out: Uint8Array, base: number): string | null {
  const at = base + f.offset;
  switch (f.kind) {
    case "bool":
      if (typeof v !== "boolean" && v !== 0 && v !== 1) return `${f.name}: expected boolean`;
      out[at] = v ? 1 : 0;
      return null;
    case "u8": case "i8": case "u16": case "i16": case "u32": case "i32": {
      const n = typeof v === "bigint" ? Number(v) : v;
      const [lo, hi] = INT_RANGE[f.kind]!;
      if (typeof n !== "number" || !Number.isInteger(n) || n < lo || n > hi) return `${f.name}: expected integer in [${lo}, ${hi}]`;
      writeLE(out, at, f.size, BigInt(n) & ((1n << BigInt(8 * f.size)) - 1n));
      return null;
    }
    case "u64": case "i64": case "oid": {
      const n = toBigInt(v);
      const min = f.kind === "i64" ? -(1n << 63n) : 0n;
      const max = f.kind === "i64" ? (1n << 63n) - 1n : (1n << 64n) - 1n;
      if (n === null || n < min || n > max) return `${f.name}: expected 64-bit integer`;
      writeLE(out, at, 8, BigInt.asUintN(64, n));
      return null;
    }
    case "mac": {
      const m = toMacBytes(v);
      if (!m) return `${f.name}: expected MAC (aa:bb:cc:dd:ee:ff or 6 bytes)`;
      out.set(m, at);
      return null;
    }
    case "ip": case "ipv4": case "ipv6": {
      const ip = toIpBytes(v);
      if (!ip) return `${f.name}: expected IP address`;
      if ((f.kind === "ipv4" && ip.family !== 0) || (f.kind === "ipv6" && ip.family !== 1)) return `${f.name}: wrong IP family`;
      out.set(ip.bytes.subarray(0, f.size), at);
      if (f.kind === "ip") out[base + f.familyOffset] = ip.family;
      return null;
    }
  }
}

/** Packs `fields` into `out` at `offset` (zero-filled first); returns error messages, empty when all fields packed. */
export function packKeyInto(layout: FlowLayout, fields: KeyFields, out: Uint8Array, offset = 0): string[] {
  const errors: string[] = [];
  out.fill(0, offset, offset + layout.keyBytes);
  const known = new Set<string>();
  for (const f of layout.keyFields) {
    known.add(f.name);
    const v = fields[f.name];
    if (v === undefined) continue;
    const e = packField(f, v, out, offset);
    if (e) errors.push(e);
  }
  for (const name of Object.keys(fields)) if (!known.has(name)) errors.push(`${name}: not a key member`);
  return errors;
}

/** Packs plain key values (MAC text or bytes, IP text or `{family, bytes}`, oid as bigint) into a new key; throws a TypeError listing every bad field. */
export function packKey(layout: FlowLayout, fields: KeyFields, out?: Uint8Array, offset = 0): Uint8Array {
  const buf = out ?? new Uint8Array(layout.keyBytes);
  const errors = packKeyInto(layout, fields, buf, offset);
  if (errors.length) throw new TypeError(`packKey: ${errors.join("; ")}`);
  return buf;
}

/** Unpacks key bytes at `offset` into plain values: numbers, bigint (oid/64-bit), boolean, MAC/IP text. */
export function unpackKey(layout: FlowLayout, bytes: Uint8Array, offset = 0): Record<string, KeyValue> {
  const out: Record<string, KeyValue> = {};
  for (const f of layout.keyFields) {
    const at = offset + f.offset;
    switch (f.kind) {
      case "bool": out[f.name] = bytes[at] !== 0; break;
      case "u8": case "u16": case "u32": out[f.name] = Number(readLE(bytes, at, f.size)); break;
      case "i8": case "i16": case "i32": out[f.name] = Number(BigInt.asIntN(8 * f.size, readLE(bytes, at, f.size))); break;
      case "u64": case "oid": out[f.name] = readLE(bytes, at, 8); break;
      case "i64": out[f.name] = BigInt.asIntN(64, readLE(bytes, at, 8)); break;
      case "mac": out[f.name] = formatMac(bytes, at); break;
      case "ipv4": out[f.name] = formatIpv4(bytes, at); break;
      case "ipv6": out[f.name] = formatIpv6(bytes, at); break;
      case "ip": out[f.name] = formatIp(bytes[offset + f.familyOffset]!, bytes, at); break;
    }
  }
  return out;
}
