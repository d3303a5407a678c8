/**
 * The sending side of a GRPC-mode bulk-get session: one client stream `Push(stream SaiDashFlowBatch)` to the
 * session's BULK_GET_SESSION_SERVER_IP:PORT, carrying raw pre-encoded bytes (custom serialize = identity,
 * PERFORMANCE.md: 1.2M flows/s versus ~0.2M with protobufjs serializers). Messages are assembled from the batch
 * records the scan produces; flow control is respected (`write` → wait for `drain`).
 *
 * Failure (decision): the target must accept the connection within `connectTimeoutMs` (default 3 s), every write
 * must drain and the summary must arrive within `idleTimeoutMs` (default 10 s); otherwise the call is cancelled and
 * the session ends with SAI_STATUS_FAILURE and the gRPC error in the message.
 */
import * as grpc from "@grpc/grpc-js";
import { FLOW_MESSAGES } from "../proto/index.js";
import { PROTO_PACKAGE } from "../proto/schema.js";

/** Path of the Push method of the generated service. */
export const PUSH_PATH = `/${PROTO_PACKAGE}.${FLOW_MESSAGES.service}/Push`;

/** What the target answered (SaiDashFlowPushSummary fields the runtime reads). */
export interface PushSummary {
  readonly receivedEntries: number;
  readonly receivedBatches: number;
  readonly complete: boolean;
  readonly rejectedEntries: number;
}

/** A pull source of SaiDashFlowBatch entries fields: returns the next batch's records and count, or null at the end. */
export type BatchSource = () => { records: Uint8Array; count: number } | null;

/** Options of one push. */
export interface PushOptions {
  readonly connectTimeoutMs?: number;
  readonly idleTimeoutMs?: number;
  /** Called between batches; return true to stop early (session removed). */
  readonly cancelled?: () => boolean;
}

/** The outcome of a push. */
export type PushResult =
  | { readonly ok: true; readonly flows: number; readonly batches: number; readonly summary: PushSummary }
  | { readonly ok: false; readonly flows: number; readonly batches: number; readonly error: string };

function varint(out: number[], v: number | bigint): void {
  let x = BigInt(v);
  while (x > 127n) {
    out.push(Number(x & 127n) | 128);
    x >>= 7n;
  }
  out.push(Number(x));
}

/** SaiDashFlowBatch header fields (session_id = 1, sequence = 2) as bytes. */
export function batchHeader(sessionId: bigint, sequence: number): Buffer {
  const b: number[] = [];
  if (sessionId !== 0n) {
    b.push(0x08);
    varint(b, sessionId);
  }
  if (sequence !== 0) {
    b.push(0x10);
    varint(b, sequence);
  }
  return Buffer.from(b);
}

/** SaiDashFlowBatch.finished (field 4) with its totals and status. */
export function finishedField(totalEntries: number, totalBatches: number, status: number): Buffer {
  const inner: number[] = [];
  if (totalEntries) {
    inner.push(0x08);
    varint(inner, totalEntries);
  }
  if (totalBatches) {
    inner.push(0x10);
    varint(inner, totalBatches);
  }
  if (status) {
    inner.push(0x18);
    varint(inner, status >= 0 ? status * 2 : -status * 2 - 1); // sint32 zigzag
  }
  const out: number[] = [0x22];
  varint(out, inner.length);
  return Buffer.from([...out, ...inner]);
}

/** Reads the fields of a SaiDashFlowPushSummary the runtime uses (unknown fields skipped). */
export function parseSummary(b: Uint8Array): PushSummary {
  let p = 0;
  const rv = (): number => {
    let v = 0;
    let m = 1;
    for (;;) {
      const x = b[p++]!;
      v += (x & 127) * m;
      if (x < 128) return v;
      m *= 128;
    }
  };
  const s = { receivedEntries: 0, receivedBatches: 0, complete: false, rejectedEntries: 0 };
  while (p < b.length) {
    const tag = rv();
    const field = Math.floor(tag / 8);
    const wt = tag & 7;
    if (wt === 0) {
      const v = rv();
      if (field === 2) s.receivedEntries = v;
      else if (field === 3) s.receivedBatches = v;
      else if (field === 4) s.complete = v !== 0;
      else if (field === 5) s.rejectedEntries = v;
    } else if (wt === 2) p += rv();
    else if (wt === 1) p += 8;
    else if (wt === 5) p += 4;
    else break;
  }
  return s;
}

/** The gRPC target of an IP and port (IPv6 in brackets). */
export function targetOf(ip: string, port: number): string {
  return ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`;
}

const identity = (b: Buffer): Buffer => b;

/** Streams every batch of `next` to `target`, then a finished batch; resolves with the target's summary or the error. */
export async function pushBatches(target: string, sessionId: bigint, next: BatchSource, opts: PushOptions = {}): Promise<PushResult> {
  const connectMs = opts.connectTimeoutMs ?? 3000;
  const idleMs = opts.idleTimeoutMs ?? 10000;
  const client = new grpc.Client(target, grpc.credentials.createInsecure(), {
    "grpc.max_send_message_length": -1,
    "grpc-node.flow_control_window": 8 << 20,
    // a client stream is never retried once it has sent a batch; without this grpc-js keeps every message for a retry
    "grpc.enable_retries": 0,
  });
  let flows = 0;
  let batches = 0;
  const failed = (error: string): PushResult => ({ ok: false, flows, batches, error });
  try {
    const ready = await new Promise<Error | undefined>((res) => client.waitForReady(Date.now() + connectMs, (e) => res(e)));
    if (ready) return failed(`gRPC target ${target} unreachable: ${ready.message}`);
    let callError: Error | null = null;
    let answer: Buffer | undefined;
    let settle!: () => void;
    const done = new Promise<void>((res) => (settle = res));
    const call = client.makeClientStreamRequest<Buffer, Buffer>(PUSH_PATH, identity, identity, new grpc.Metadata(), {}, (err, resp) => {
      if (err) callError = err;
      answer = resp;
      settle();
    });
    call.on("error", (e: Error) => {
      callError ??= e;
      settle();
    });
    const withTimeout = async (p: Promise<unknown>, what: string): Promise<boolean> => {
      let timer: NodeJS.Timeout | undefined;
      const t = new Promise<string>((res) => (timer = setTimeout(() => res("timeout"), idleMs)));
      const r = await Promise.race([p.then(() => "ok"), done.then(() => "done"), t]);
      clearTimeout(timer);
      if (r === "timeout") {
        callError ??= new Error(`${what} timed out after ${idleMs} ms`);
        call.cancel();
        return false;
      }
      return callError === null;
    };
    let status = 0;
    for (;;) {
      if (callError) break;
      if (opts.cancelled?.()) {
        status = -1;
        break;
      }
      const b = next();
      if (!b) break;
      const msg = Buffer.concat([batchHeader(sessionId, batches), Buffer.from(b.records.buffer, b.records.byteOffset, b.records.byteLength)]);
      batches++;
      flows += b.count;
      if (!call.write(msg) && !(await withTimeout(new Promise((res) => call.once("drain", res)), "waiting for the target to read"))) break;
      // let the event loop take the target's flow-control updates between batches (a dashflow standby's HTTP/2
      // receive window is 1 MiB, another grpc-js server's 64 KiB: a sender that keeps encoding without looking at the
      // socket stalls the transfer)
      await new Promise<void>((res) => setImmediate(res));
    }
    if (!callError) {
      call.write(Buffer.concat([batchHeader(sessionId, batches), finishedField(flows, batches + 1, status)]));
      batches++;
      call.end();
      await withTimeout(done, "waiting for the target's summary");
    }
    if (callError) return failed(`gRPC push to ${target} failed: ${(callError as Error).message}`);
    return { ok: true, flows, batches, summary: parseSummary(answer ?? Buffer.alloc(0)) };
  } finally {
    client.close();
  }
}
