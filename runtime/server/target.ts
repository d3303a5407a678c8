/**
 * `SaiDashFlowBulkGetTarget.Push`: the gRPC face of the HA receiver (`runtime/sync/receiver.ts`). Batches arrive
 * as raw bytes and are applied straight from them; the stream answers with a SaiDashFlowPushSummary once the
 * sender half-closes. Only a standby takes flows: an active answering a push would let two actives overwrite each
 * other's flows.
 */
import * as grpc from "@grpc/grpc-js";
import type { DashRuntime } from "../api.js";
import { Receiver, type Receipt } from "../sync/receiver.js";
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

/** Options of the Push handler. */
export interface PushOptions {
  /**
   * Flows per second a standby applies at most (0 = no limit). The stream is paused while ahead of the rate, so
   * gRPC flow control slows the sender down instead of the standby buffering what it has not applied.
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
    call.on("data", (buf: Buffer) => {
      if (done) return;
      let o;
      try {
        o = receiver.feed(buf, receipt);
      } catch (e) {
        o = { ok: false as const, error: `internal error applying a batch: ${(e as Error).message}`, receipt };
      }
      receipt = o.receipt;
      if (!o.ok) {
        finish(o.error);
        cb(grpcError(grpc.status.INVALID_ARGUMENT, o.error));
        return;
      }
      if (rate > 0 && receipt) {
        const ahead = (receipt.receivedEntries / rate) * 1000 - (performance.now() - t0);
        if (ahead > 1) {
          call.pause();
          setTimeout(() => call.resume(), ahead);
        }
      }
    });
    call.on("end", () => {
      if (done) return;
      finish();
      cb(null, summaryOf(receipt));
    });
    // the sender went away (crash, cancel, network): record why; there is nobody left to answer
    call.on("cancelled", () => finish("the sender cancelled the stream"));
    call.on("error", (e: Error) => finish(`stream error: ${e.message}`));
  };
}
