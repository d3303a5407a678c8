/**
 * SaiDashFlowBatch on the wire, read without protobufjs: a target that receives raw bytes (identity deserialize)
 * gets the session id, sequence, entry records and finished totals, and can hand the entries straight to
 * `applyFlows` as an EncodedFlowBatch (no per-flow copy).
 */
import type { EncodedFlowBatch } from "../api.js";

/** A parsed SaiDashFlowBatch. */
export interface FlowBatchMessage {
  readonly sessionId: bigint;
  readonly sequence: number;
  readonly entries: EncodedFlowBatch;
  /** Present on the session's last batch. */
  readonly finished?: { readonly totalEntries: number; readonly totalBatches: number; readonly status: number };
}

/** Parses SaiDashFlowBatch bytes; a message instead when they are not one. */
export function parseFlowBatch(b: Uint8Array): FlowBatchMessage | string {
  let p = 0;
  const rv = (end: number): bigint => {
    let v = 0n;
    let s = 0n;
    for (;;) {
      if (p >= end) throw new Error("truncated varint");
      const x = b[p++]!;
      v |= BigInt(x & 127) << s;
      if (x < 128) return v;
      s += 7n;
      if (s > 63n) throw new Error("varint too long");
    }
  };
  let sessionId = 0n;
  let sequence = 0;
  let finished: FlowBatchMessage["finished"];
  const offs: number[] = [];
  const lens: number[] = [];
  try {
    while (p < b.length) {
      const tag = Number(rv(b.length));
      const field = tag >>> 3;
      const wt = tag & 7;
      if (wt === 0) {
        const v = rv(b.length);
        if (field === 1) sessionId = v;
        else if (field === 2) sequence = Number(v);
        continue;
      }
      if (wt === 1 || wt === 5) {
        p += wt === 1 ? 8 : 4;
        continue;
      }
      if (wt !== 2) return `wire type ${wt} at byte ${p}`;
      const len = Number(rv(b.length));
      if (p + len > b.length) return `field ${field} runs past the end`;
      if (field === 3) {
        offs.push(p);
        lens.push(len);
      } else if (field === 4) {
        const end = p + len;
        const f = { totalEntries: 0, totalBatches: 0, status: 0 };
        while (p < end) {
          const t = Number(rv(end));
          const v = rv(end);
          if (t === 8) f.totalEntries = Number(v);
          else if (t === 16) f.totalBatches = Number(v);
          else if (t === 24) f.status = Number(v & 1n ? -((v + 1n) >> 1n) : v >> 1n);
        }
        finished = f;
        continue;
      }
      p += len;
    }
  } catch (e) {
    return (e as Error).message;
  }
  const entries: EncodedFlowBatch = { count: offs.length, records: b, offsets: Uint32Array.from(offs), lengths: Uint32Array.from(lens) };
  return finished ? { sessionId, sequence, entries, finished } : { sessionId, sequence, entries };
}

/** Entry `i` of a batch as bytes (a view). */
export function entryBytes(b: EncodedFlowBatch, i: number): Uint8Array {
  return b.records.subarray(b.offsets[i]!, b.offsets[i]! + b.lengths[i]!);
}
