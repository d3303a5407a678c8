/**
 * The standby side of an HA bulk transfer: takes the SaiDashFlowBatch stream of one bulk-get session, applies each
 * batch by the HA rule (`FlowApi.applyFlows`: insert when missing, replace only with a newer version, never go
 * backwards; a FLOW_PENDING_DELETE entry removes the flow only when held in the same version) and keeps
 * a receipt per session that the sync driver polls for progress and the final summary.
 *
 * Batches are applied as they arrive, straight from the received bytes (no object per flow). A sequence gap or a
 * batch that does not parse marks the session incomplete; because the HA rule is idempotent, re-running the
 * transfer repairs anything an incomplete one missed.
 */
import type { EncodedFlowBatch, FlowApi } from "../api.js";
import { parseBatch, type ParsedBatch } from "../server/wire.js";

/** The errors a receipt keeps (the first ones; counts keep counting). */
const MAX_ERRORS = 20;
/** Receipts kept for polling after their stream ended. */
const MAX_RECEIPTS = 64;

/** What a target received and did for one session. */
export interface Receipt {
  readonly sessionId: bigint;
  receivedEntries: number;
  receivedBatches: number;
  inserted: number;
  updated: number;
  /** Incoming version equal or older (kept the local flow), or a delete of a flow held in another version. */
  skipped: number;
  /** Flows removed because the active sent them as FLOW_PENDING_DELETE in the same version. */
  deleted: number;
  rejected: number;
  /** The stream ended (normally or not). */
  finished: boolean;
  /** A finished batch arrived, no sequence gap, and its totals match what was received. */
  complete: boolean;
  /** Why the stream is incomplete, if it is. */
  error: string | null;
  readonly errors: string[];
  /** Next expected batch sequence number. */
  nextSequence: number;
  /** Totals announced by the sender's finished batch. */
  announced: { entries: number; batches: number; status: number } | null;
  readonly startedAt: number;
  endedAt: number | null;
}

/** Receipts by session id, with the apply step. One per server. */
export class Receiver {
  private readonly receipts = new Map<bigint, Receipt>();

  constructor(private readonly flows: Pick<FlowApi, "applyFlows">) {}

  /** The receipt of a session, if a stream for it arrived. */
  receipt(sessionId: bigint): Receipt | undefined {
    return this.receipts.get(sessionId);
  }

  /** Starts a stream (a new receipt for its session, replacing an older one with the same id). */
  private open(sessionId: bigint): Receipt {
    const r: Receipt = {
      sessionId,
      receivedEntries: 0,
      receivedBatches: 0,
      inserted: 0,
      updated: 0,
      skipped: 0,
      deleted: 0,
      rejected: 0,
      finished: false,
      complete: false,
      error: null,
      errors: [],
      nextSequence: 0,
      announced: null,
      startedAt: Date.now(),
      endedAt: null,
    };
    this.receipts.delete(sessionId);
    this.receipts.set(sessionId, r);
    while (this.receipts.size > MAX_RECEIPTS) this.receipts.delete(this.receipts.keys().next().value!);
    return r;
  }

  /**
   * Opens one batch of a stream: parses it and checks its session and sequence. `current` is the stream's receipt so
   * far (null before its first batch): a stream carries one session, so a batch naming another session is a protocol
   * error. Its entries are then applied with {@link applySlice} (in one go or in slices, so a server can read the
   * network between slices) and the batch closed with {@link endBatch}.
   */
  begin(bytes: Uint8Array, current: Receipt | null): { ok: true; receipt: Receipt; batch: ParsedBatch } | { ok: false; error: string; receipt: Receipt | null } {
    const p = parseBatch(bytes);
    if (!p.ok) {
      if (current) this.fail(current, `batch ${current.nextSequence} is not a SaiDashFlowBatch: ${p.error}`);
      return { ok: false, error: `malformed SaiDashFlowBatch: ${p.error}`, receipt: current };
    }
    const b = p.batch;
    const r = current ?? this.open(b.sessionId);
    if (b.sessionId !== r.sessionId) {
      const error = `batch for session oid:0x${b.sessionId.toString(16)} inside the stream of session oid:0x${r.sessionId.toString(16)}`;
      this.fail(r, error);
      return { ok: false, error, receipt: r };
    }
    if (b.sequence !== r.nextSequence && r.error === null) r.error = `sequence gap: expected batch ${r.nextSequence}, got ${b.sequence}`;
    r.nextSequence = b.sequence + 1;
    r.receivedBatches++;
    return { ok: true, receipt: r, batch: b };
  }

  /** Applies entries [from, to) of a batch opened by {@link begin}: deletes first, then the HA rule. */
  applySlice(r: Receipt, b: ParsedBatch, from: number, to: number): void {
    if (to <= from) return;
    r.receivedEntries += to - from;
    const slice: EncodedFlowBatch =
      from === 0 && to === b.count ? b : { count: to - from, records: b.records, offsets: b.offsets.subarray(from, to), lengths: b.lengths.subarray(from, to) };
    const a = this.flows.applyFlows(slice);
    r.inserted += a.inserted;
    r.updated += a.updated;
    r.skipped += a.skipped;
    r.deleted += a.deleted;
    r.rejected += a.rejected;
    for (const e of a.errors) {
      if (r.errors.length >= MAX_ERRORS) break;
      r.errors.push(`batch ${b.sequence} entry ${from + e.position}: ${e.status} ${e.message}`);
    }
  }

  /** Closes a batch opened by {@link begin} (its finished totals, if it is the last). */
  endBatch(r: Receipt, b: ParsedBatch): void {
    if (b.finished) r.announced = { entries: b.finished.totalEntries, batches: b.finished.totalBatches, status: b.finished.status };
  }

  /** Ends a stream: decides completeness. `cause` is set when the transport ended it early. */
  end(r: Receipt, cause?: string): Receipt {
    if (r.finished) return r;
    r.finished = true;
    r.endedAt = Date.now();
    if (cause && r.error === null) r.error = cause;
    const a = r.announced;
    if (r.error === null) {
      if (!a) r.error = "the stream ended without a finished batch";
      else if (a.status !== 0) r.error = `the sender stopped early (sai_status_t ${a.status})`;
      else if (a.entries !== r.receivedEntries || a.batches !== r.receivedBatches)
        r.error = `the sender announced ${a.entries} entries in ${a.batches} batches, received ${r.receivedEntries} in ${r.receivedBatches}`;
    }
    r.complete = r.error === null;
    return r;
  }

  private fail(r: Receipt, error: string): void {
    if (r.error === null) r.error = error;
  }
}
