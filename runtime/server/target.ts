/**
 * `SaiDashFlowBulkGetTarget.Push`: the gRPC face of the HA receiver (`runtime/sync/receiver.ts`). Batches arrive
 * as raw bytes and are applied straight from them; the stream answers with a SaiDashFlowPushSummary once the
 * sender half-closes. Only a standby takes flows: an active answering a push would let two actives overwrite each
 * other's flows.
 */
import * as grpc from "@grpc/grpc-js";
import type { DashRuntime } from "../api.js";
import { Receiver, type Receipt } from "../sync/receiver.js";
import type { ParsedBatch } from "./wire.js";
import { fromBigInt } from "./convert.js";
import { grpcError } from "./grpc-defs.js";
import type { Logger } from "./log.js";

/** The SaiDashFlowPushSummary message of a receipt. */
export function summaryOf(r: Receipt | null): Record<string, unknown> {
  if (!r) return { complete: false };
  return {
    session_id: fromBigInt(r.sessionId),
    received_entries: r.receivedEntries,
    received_batches: r.receivedBatches,
    complete: r.complete,
    rejected_entries: r.rejected,
    errors: [...(r.error ? [r.error] : []), ...r.errors].map((message) => ({ message })),
  };
}

/** One log line for a finished stream. */
export function describeReceipt(r: Receipt): string {
  const secs = ((r.endedAt ?? Date.now()) - r.startedAt) / 1000;
  const rate = secs > 0 ? Math.round(r.receivedEntries / secs) : 0;
  return (
    `push session oid:0x${r.sessionId.toString(16)}: ${r.complete ? "complete" : "INCOMPLETE"}, ${r.receivedEntries} flows in ${r.receivedBatches} batches ` +
    `(${secs.toFixed(2)} s, ${rate} flows/s): inserted ${r.inserted}, updated ${r.updated}, deleted ${r.deleted}, skipped ${r.skipped} (not newer), rejected ${r.rejected}` +
    (r.error ? `; ${r.error}` : "")
  );
}

/** Entries applied between two looks at the network (one apply chunk: ~0.25 ms; smaller slices cost more per flow). */
const SLICE = 256;
/** Apply time per event-loop turn. */
const BUDGET_MS = 0.2;
/** Received batches waiting to be applied before the stream is paused. */
const MAX_QUEUED = 8;

/** Options of the Push handler. */
export interface PushOptions {
  /**
   * Flows per second a standby applies at most (0 = no limit). While ahead of the rate the standby waits before
   * applying more; received batches queue up to MAX_QUEUED, then the stream is paused, so gRPC flow control slows
   * the sender down instead of the standby buffering what it has not applied.
   */
  readonly maxApplyRate?: number;
}

/** The Push handler. */
export function pushHandler(rt: DashRuntime, receiver: Receiver, log: Logger, opts: PushOptions = {}): grpc.handleClientStreamingCall<Buffer, unknown> {
  const rate = opts.maxApplyRate ?? 0;
  return (call, cb) => {
    const t0 = performance.now();
    const peer = call.getPeer();
    if (rt.role !== "standby") {
      log.error(`push from ${peer} refused: this server is ${rt.role}`);
      cb(grpcError(grpc.status.FAILED_PRECONDITION, `this server is ${rt.role}; only a standby takes flows (serve --role standby)`));
      return;
    }
    let receipt: Receipt | null = null;
    let done = false;
    const finish = (cause?: string): void => {
      if (done) return;
      done = true;
      if (receipt) {
        receiver.end(receipt, cause);
        (receipt.complete ? log.info : log.error)(describeReceipt(receipt));
      } else if (cause) log.error(`push from ${peer}: ${cause}`);
    };
    // Batches are queued as they arrive and applied in slices of SLICE entries, at most BUDGET_MS per event-loop
    // turn: between turns the server reads the socket, so the sender's next batch crosses the network while this
    // one is applied (the receive window, RECEIVE_WINDOW in window.ts, holds only a few batches: applying them all in
    // one go would stall the transfer until done). MAX_QUEUED batches waiting pause the stream, so flow control
    // slows the sender.
    const queue: Buffer[] = [];
    let current: { batch: ParsedBatch; at: number } | null = null;
    let ended = false;
    let paused = false;
    let scheduled = false;
    const schedule = (delayMs = 0): void => {
      if (scheduled || done) return;
      scheduled = true;
      if (delayMs > 0) setTimeout(step, delayMs);
      else setImmediate(step);
    };
    const abort = (error: string): void => {
      finish(error);
      cb(grpcError(grpc.status.INVALID_ARGUMENT, error));
    };
    const step = (): void => {
      scheduled = false;
      const until = performance.now() + BUDGET_MS;
      while (!done) {
        if (!current) {
          const buf = queue.shift();
          if (!buf) break;
          if (paused && queue.length <= MAX_QUEUED / 2) {
            paused = false;
            call.resume();
          }
          let o: ReturnType<Receiver["begin"]>;
          try {
            o = receiver.begin(buf, receipt);
          } catch (e) {
            return abort(`internal error reading a batch: ${(e as Error).message}`);
          }
          receipt = o.receipt;
          if (!o.ok) return abort(o.error);
          current = { batch: o.batch, at: 0 };
        }
        const to = Math.min(current.batch.count, current.at + SLICE);
        try {
          receiver.applySlice(receipt!, current.batch, current.at, to);
        } catch (e) {
          return abort(`internal error applying a batch: ${(e as Error).message}`);
        }
        current.at = to;
        if (to >= current.batch.count) {
          receiver.endBatch(receipt!, current.batch);
          current = null;
        }
        if (rate > 0 && receipt) {
          const ahead = (receipt.receivedEntries / rate) * 1000 - (performance.now() - t0);
          if (ahead > 1) return schedule(ahead);
        }
        if (performance.now() >= until) break;
      }
      if (done) return;
      if (current || queue.length > 0) schedule();
      else if (ended) {
        finish();
        cb(null, summaryOf(receipt));
      }
    };
    call.on("data", (buf: Buffer) => {
      if (done) return;
      queue.push(buf);
      if (!paused && queue.length >= MAX_QUEUED) {
        paused = true;
        call.pause();
      }
      schedule();
    });
    call.on("end", () => {
      if (done) return;
      ended = true;
      schedule();
    });
    // the sender went away (crash, cancel, network): record why; there is nobody left to answer
    call.on("cancelled", () => finish("the sender cancelled the stream"));
    call.on("error", (e: Error) => finish(`stream error: ${e.message}`));
  };
}
