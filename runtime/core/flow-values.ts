/**
 * Flow values between the typed-array store and `runtime/values` shapes: one attribute of one slot, and keys.
 * This is the per-flow, object-shaped path (single create/set/get, events, dumps); the bulk paths move bytes.
 */
import type { EntryKey } from "../api.js";
import { be32, IP_FAMILY_V6, type ColumnData, type FlowLayout, type FlowStore, type FlowStoreInternals } from "../flowstore/index.js";
import type { IpAddress } from "../values/types.js";

/** Bytes of an IP value at `b[at..]` (16 address bytes) with `family` 0/1, as `{family, bytes}`. */
export function ipFromBytes(family: number, b: Uint8Array, at: number): IpAddress {
  return family === IP_FAMILY_V6
    ? { family: "ipv6", bytes: b.slice(at, at + 16) }
    : { family: "ipv4", bytes: b.slice(at, at + 4) };
}

function readLE(b: Uint8Array, at: number, size: number): number {
  let v = 0;
  for (let i = size - 1; i >= 0; i--) v = v * 256 + b[at + i]!;
  return v;
}

function readLE64(b: Uint8Array, at: number): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(b[at + i]!);
  return v;
}

/** Unpacks a packed key row into `sai_flow_entry_t` values (bigint OIDs, MAC bytes, `{family, bytes}` IPs). */
export function unpackFlowKey(layout: FlowLayout, b: Uint8Array, at: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of layout.keyFields) {
    const p = at + f.offset;
    switch (f.kind) {
      case "bool":
        out[f.name] = b[p] !== 0;
        break;
      case "u8":
      case "u16":
      case "u32":
        out[f.name] = readLE(b, p, f.size);
        break;
      case "i8":
      case "i16":
      case "i32": {
        const u = readLE(b, p, f.size);
        const bits = 8 * f.size;
        out[f.name] = u >= 2 ** (bits - 1) ? u - 2 ** bits : u;
        break;
      }
      case "u64":
      case "oid":
        out[f.name] = readLE64(b, p);
        break;
      case "i64":
        out[f.name] = BigInt.asIntN(64, readLE64(b, p));
        break;
      case "mac":
        out[f.name] = b.slice(p, p + 6);
        break;
      case "ipv4":
        out[f.name] = { family: "ipv4", bytes: b.slice(p, p + 4) };
        break;
      case "ipv6":
        out[f.name] = { family: "ipv6", bytes: b.slice(p, p + 16) };
        break;
      case "ip":
        out[f.name] = ipFromBytes(b[at + f.familyOffset]!, b, p);
        break;
    }
  }
  return out;
}

/** The key of a live slot as `sai_flow_entry_t` values (as stored: members the mask disables read as zero). */
export function slotKey(it: FlowStoreInternals, slot: number): EntryKey {
  const g = it.geometry;
  const c = g.chunkOf(slot);
  return unpackFlowKey(it.layout, it.rowBytes8[c]!, (slot - g.chunkStart(c)) * it.rowWords * 4);
}

function macBytes(hi: number, lo: number): Uint8Array {
  return new Uint8Array([hi >>> 24, (hi >>> 16) & 255, (hi >>> 8) & 255, hi & 255, lo >>> 8, lo & 255]);
}

function wordBytes(words: readonly number[]): Uint8Array {
  const b = new Uint8Array(words.length * 4);
  words.forEach((w, i) => {
    b[4 * i] = w >>> 24;
    b[4 * i + 1] = (w >>> 16) & 255;
    b[4 * i + 2] = (w >>> 8) & 255;
    b[4 * i + 3] = w & 255;
  });
  return b;
}

/** Reads column `col` of `slot` as a `runtime/values` value of the attribute's type. */
export function readColumn(store: FlowStore, col: ColumnData, slot: number): unknown {
  const g = store.geometry;
  const c = g.chunkOf(slot);
  const o = slot - g.chunkStart(c);
  const p = col.parts;
  const s = col.spec;
  switch (s.kind) {
    case "mac":
      return macBytes(p[0]![c]![o] as number, p[1]![c]![o] as number);
    case "ip": {
      const fam = p[0]![c]![o] as number;
      const w0 = p[1]![c]![o] as number;
      if (fam !== IP_FAMILY_V6) return { family: "ipv4", bytes: wordBytes([w0]) };
      const t = col.v6tail[c];
      return { family: "ipv6", bytes: wordBytes([w0, t ? t[o * 3]! : 0, t ? t[o * 3 + 1]! : 0, t ? t[o * 3 + 2]! : 0]) };
    }
    case "ipv4":
      return { family: "ipv4", bytes: wordBytes([p[0]![c]![o] as number]) };
    case "ipv6": {
      const a = p[0]![c]! as Uint32Array;
      return { family: "ipv6", bytes: wordBytes([a[o * 4]!, a[o * 4 + 1]!, a[o * 4 + 2]!, a[o * 4 + 3]!]) };
    }
    case "blob":
      return Array.from(store.get(slot, s.name) as Uint8Array);
    case "u64":
    case "i64":
      return p[0]![c]![o] as bigint;
    default: {
      const v = p[0]![c]![o * col.stride + col.at] as number;
      return /BOOL$/.test(s.valuetype) ? v !== 0 : v;
    }
  }
}

/** Writes a validated `runtime/values` value into column `col` of `slot`. */
export function writeColumn(store: FlowStore, col: ColumnData, slot: number, v: unknown): void {
  const s = col.spec;
  if (s.kind === "blob") {
    const items = Array.isArray(v) ? (v as number[]) : [];
    store.set(slot, s.name, Uint8Array.from(items));
    return;
  }
  const g = store.geometry;
  const c = g.chunkOf(slot);
  const o = slot - g.chunkStart(c);
  const p = col.parts;
  const it = store.internals();
  it.rows[c]![o * it.rowWords + it.metaWord]! |= col.dirtyBit;
  switch (s.kind) {
    case "mac": {
      const m = v as Uint8Array;
      p[0]![c]![o] = be32(m, 0);
      p[1]![c]![o] = (m[4]! << 8) | m[5]!;
      return;
    }
    case "ip": {
      const ip = v as IpAddress;
      const b = ip.bytes;
      p[0]![c]![o] = ip.family === "ipv6" ? 1 : 0;
      p[1]![c]![o] = be32(b, 0);
      if (ip.family === "ipv6") {
        let t = col.v6tail[c];
        if (!t) t = col.v6tail[c] = new Uint32Array(g.chunkSize(c) * 3);
        t[o * 3] = be32(b, 4);
        t[o * 3 + 1] = be32(b, 8);
        t[o * 3 + 2] = be32(b, 12);
      }
      return;
    }
    case "ipv4":
      p[0]![c]![o] = be32((v as IpAddress).bytes, 0);
      return;
    case "ipv6": {
      const b = (v as IpAddress).bytes;
      const a = p[0]![c]! as Uint32Array;
      for (let k = 0; k < 4; k++) a[o * 4 + k] = be32(b, 4 * k);
      return;
    }
    case "u64":
    case "i64":
      p[0]![c]![o] = BigInt.asUintN(64, v as bigint) as never;
      if (s.kind === "i64") p[0]![c]![o] = BigInt.asIntN(64, v as bigint) as never;
      return;
    default:
      p[0]![c]![o * col.stride + col.at] = typeof v === "boolean" ? (v ? 1 : 0) : (v as number);
  }
}
