/**
 * Order-independent content digest of flows: every flow is encoded as its SaiDashFlowEntry (deterministic bytes:
 * fields in number order, zero values omitted), hashed with two independent 32-bit hashes, and the four lanes
 * derived from them are summed modulo 2^32. A sum of per-flow hashes does not depend on insertion order, slot
 * placement, table placement or the order of a scan, so an active and a standby holding the same flows agree.
 * Not cryptographic: it detects divergence, it does not resist forgery.
 */
import type { FlowDigest } from "../api.js";
import type { FlowColumns } from "../proto/specialized.js";
import type { FlowSchema } from "./flow-schema.js";
import type { FlowTable } from "./flow-tables.js";
import { encodeSlots, openScan } from "./scan.js";

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Digest of every flow in `tables`. */
export function flowDigest(schema: FlowSchema, cols: FlowColumns, tables: readonly FlowTable[]): FlowDigest {
  const scan = openScan(tables, [], 0, () => true);
  if (typeof scan === "string") return { count: 0, digest: "" };
  const buf = new Uint32Array(Math.min(1024, cols.capacity));
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let count = 0;
  for (let r = scan.next(buf); r; r = scan.next(buf)) {
    const b = encodeSlots(schema, cols, r.table, buf, r.n);
    const bytes = b.records;
    for (let i = 0; i < b.count; i++) {
      let a = 0x811c9dc5;
      let c = 0x9747b28c;
      const end = b.offsets[i]! + b.lengths[i]!;
      for (let p = b.offsets[i]!; p < end; p++) {
        const x = bytes[p]!;
        a = Math.imul(a ^ x, 0x01000193);
        c = Math.imul(c ^ x, 0x5bd1e995) ^ (c >>> 15);
      }
      a = fmix(a ^ b.lengths[i]!);
      c = fmix(c + 0x9e3779b9);
      s0 = (s0 + a) >>> 0;
      s1 = (s1 + c) >>> 0;
      s2 = (s2 + fmix(a ^ Math.imul(c, 0x27d4eb2d))) >>> 0;
      s3 = (s3 + fmix(c ^ Math.imul(a, 0x165667b1))) >>> 0;
    }
    count += b.count;
  }
  const hex = (v: number) => v.toString(16).padStart(8, "0");
  return { count, digest: hex(s0) + hex(s1) + hex(s2) + hex(s3) };
}
