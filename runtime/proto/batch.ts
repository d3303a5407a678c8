/**
 * SaiDashFlowBatch framing for the bulk-get target stream. The entries arrive already encoded (the `entries` field
 * from `encodeBatchEntries` / `encodeRows`), so a batch costs one copy, never a re-encode: PERFORMANCE.md puts the
 * gRPC ceiling at raw pre-encoded bytes, and grpc-js accepts them through an identity serializer.
 */

/** The end-of-session marker carried by the last batch (SaiDashFlowBulkGetFinished). */
export interface FlowBatchFinished {
  totalEntries: bigint;
  totalBatches: bigint;
  /** sai_status_t of the session: 0, or negative when the device stopped early. */
  status: number;
}

function varint(out: number[], v: bigint): void {
  while (v > 127n) {
    out.push(Number(v & 127n) | 128);
    v >>= 7n;
  }
  out.push(Number(v));
}

function field(out: number[], number: number, v: bigint): void {
  if (v === 0n) return;
  out.push(number << 3);
  varint(out, v);
}

/**
 * SaiDashFlowBatch bytes: `session_id` (1), `sequence` (2), the pre-encoded `entries` field (3) and, on the last
 * batch, `finished` (4). Zero values are omitted, as every proto3 encoder does, so the bytes equal protobufjs's.
 */
export function frameFlowBatch(sessionId: bigint, sequence: bigint, entriesField: Uint8Array, finished?: FlowBatchFinished): Uint8Array {
  const head: number[] = [];
  field(head, 1, sessionId);
  field(head, 2, sequence);
  const tail: number[] = [];
  if (finished) {
    const inner: number[] = [];
    field(inner, 1, finished.totalEntries);
    field(inner, 2, finished.totalBatches);
    // sint32: zigzag
    field(inner, 3, BigInt(finished.status >= 0 ? finished.status * 2 : -finished.status * 2 - 1));
    tail.push((4 << 3) | 2);
    varint(tail, BigInt(inner.length));
    tail.push(...inner);
  }
  const out = new Uint8Array(head.length + entriesField.length + tail.length);
  out.set(head, 0);
  out.set(entriesField, head.length);
  out.set(tail, head.length + entriesField.length);
  return out;
}
