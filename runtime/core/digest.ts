/**
 * Order-independent content digest of flows: every flow is encoded as its SaiDashFlowEntry (deterministic bytes:
 * fields in number order, zero values omitted), hashed with two independent 32-bit hashes, and the four lanes
 * derived from them are summed modulo 2^32. A sum of per-flow hashes does not depend on insertion order, slot
 * placement, table placement or the order of a scan, so an active and a standby holding the same flows agree.
 * Not cryptographic: it detects divergence, it does not resist forgery.
 */
import type { EncodedFlowBatch, FlowDigest } from "../api.js";
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

/** The four sums and the count of a digest in progress. */
class DigestSums {
  s0 = 0;
  s1 = 0;
  s2 = 0;
  s3 = 0;
  count = 0;

  /** Adds every flow of an encoded batch. */
  add(b: EncodedFlowBatch): void {
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
      this.s0 = (this.s0 + a) >>> 0;
      this.s1 = (this.s1 + c) >>> 0;
      this.s2 = (this.s2 + fmix(a ^ Math.imul(c, 0x27d4eb2d))) >>> 0;
      this.s3 = (this.s3 + fmix(c ^ Math.imul(a, 0x165667b1))) >>> 0;
    }
    this.count += b.count;
  }

  result(): FlowDigest {
    const hex = (v: number) => v.toString(16).padStart(8, "0");
    return { count: this.count, digest: hex(this.s0) + hex(this.s1) + hex(this.s2) + hex(this.s3) };
  }
}

/** Digest of every flow in `tables`. */
export function flowDigest(schema: FlowSchema, cols: FlowColumns, tables: readonly FlowTable[]): FlowDigest {
  const scan = openScan(tables, [], 0, () => true);
  if (typeof scan === "string") return { count: 0, digest: "" };
  const buf = new Uint32Array(Math.min(1024, cols.capacity));
  const sums = new DigestSums();
  for (let r = scan.next(buf); r; r = scan.next(buf)) sums.add(encodeSlots(schema, cols, r.table, buf, r.n));
  return sums.result();
}

/** Work per event-loop turn of {@link flowDigestAsync}. */
const SLICE_MS = 20;

/**
 * {@link flowDigest} in slices of about SLICE_MS between event-loop turns (a server keeps serving while it digests
 * tens of millions of flows). Flows that change meanwhile are counted as the scan finds them; a table removed
 * meanwhile stops contributing. Each batch is encoded and hashed within one turn (the codec columns are shared).
 */
export async function flowDigestAsync(schema: FlowSchema, cols: FlowColumns, tables: readonly FlowTable[], alive: (t: FlowTable) => boolean): Promise<FlowDigest> {
  const scan = openScan(tables, [], 0, alive);
  if (typeof scan === "string") return { count: 0, digest: "" };
  const buf = new Uint32Array(Math.min(1024, cols.capacity));
  const sums = new DigestSums();
  let until = performance.now() + SLICE_MS;
  for (let r = scan.next(buf); r; r = scan.next(buf)) {
    sums.add(encodeSlots(schema, cols, r.table, buf, r.n));
    if (performance.now() >= until) {
      await new Promise((resolve) => setImmediate(resolve));
      until = performance.now() + SLICE_MS;
    }
  }
  return sums.result();
}
