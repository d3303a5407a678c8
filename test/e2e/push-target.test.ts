/**
 * The standby's `SaiDashFlowBulkGetTarget.Push` service as a peer sees it, over real gRPC against `dashflow serve`:
 * batches are queued and applied in slices, so the protocol outcomes must hold whatever the timing — a complete
 * stream's summary, a malformed batch mid-stream, a stream that ends without its finished batch, a push to an
 * active, and a stream long enough to fill the receive queue (the stream is paused and resumed). The server advertises
 * its wide HTTP/2 receive window to any HTTP/2 peer.
 */
import * as http2 from "node:http2";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderProtoFiles } from "../../generator/emit/proto.js";
import { batchHeader, finishedField } from "../../runtime/core/grpc-push.js";
import { loadProtoRoot } from "../../runtime/proto/index.js";
import { RECEIVE_WINDOW } from "../../runtime/server/window.js";
import { FE, flowKey, standard } from "../runtime/_helpers.js";
import { killAll, startServer, testModel, type Server } from "./harness.js";

afterAll(killAll);

const id = (b: Buffer) => b;
const PUSH = { path: "/sai.SaiDashFlowBulkGetTarget/Push", requestStream: true, responseStream: false, requestSerialize: id, requestDeserialize: id, responseSerialize: id, responseDeserialize: id };
const Summary = loadProtoRoot(renderProtoFiles(testModel(), "// test\n")).lookupType("sai.SaiDashFlowPushSummary");
const SESSION = 0x18008000000042n;

/** The entries field of `n` flows, as a scan writes it. */
function entries(n: number): Buffer {
  const a = standard();
  for (let i = 0; i < n; i++) a.rt.createEntry(FE, flowKey(a.sw, i), []);
  const r = a.rt.scanFlows({ batchSize: n });
  if (!r.ok) throw new Error(r.status.message);
  return Buffer.concat([...r.batches].map((b) => Buffer.from(b.records)));
}

/** Sends `messages` on one Push stream; resolves with the summary or the gRPC error. */
function push(address: string, messages: Buffer[], end = true): Promise<{ summary?: Record<string, unknown>; error?: grpc.ServiceError }> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    const call = client.makeClientStreamRequest<Buffer, Buffer>(PUSH.path, id, id, (err, resp) => {
      client.close();
      if (err) resolve({ error: err });
      else resolve({ summary: Summary.toObject(Summary.decode(resp!), { longs: Number, defaults: true }) as Record<string, unknown> });
    });
    for (const m of messages) call.write(m);
    if (end) call.end();
  });
}

describe("Push target (dashflow serve --role standby)", () => {
  let standby: Server;
  let active: Server;
  const ten = entries(10);
  beforeAll(async () => {
    [standby, active] = await Promise.all([startServer(["--role", "standby"]), startServer(["--role", "active"])]);
  }, 60_000);

  it("answers a complete stream with its totals (entries without a local table are counted as rejected)", async () => {
    const r = await push(standby.address, [Buffer.concat([batchHeader(SESSION, 0), ten]), Buffer.concat([batchHeader(SESSION, 1), finishedField(10, 2, 0)])]);
    expect(r.error).toBeUndefined();
    expect(r.summary).toMatchObject({ received_entries: 10, received_batches: 2, complete: true, rejected_entries: 10 });
  });

  it("refuses a malformed batch mid-stream with INVALID_ARGUMENT", async () => {
    const r = await push(standby.address, [Buffer.concat([batchHeader(SESSION, 0), ten]), Buffer.from([0x1a, 0x50, 0x01])]);
    expect(r.error?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(r.error?.details).toMatch(/malformed SaiDashFlowBatch/);
  });

  it("marks a stream that ends without its finished batch incomplete", async () => {
    const r = await push(standby.address, [Buffer.concat([batchHeader(SESSION, 0), ten])]);
    expect(r.summary).toMatchObject({ received_entries: 10, complete: false });
  });

  it("keeps every entry of a stream long enough to pause it (64 batches)", async () => {
    const batches = Array.from({ length: 64 }, (_, i) => Buffer.concat([batchHeader(SESSION, i), ten]));
    const r = await push(standby.address, [...batches, Buffer.concat([batchHeader(SESSION, 64), finishedField(640, 65, 0)])]);
    expect(r.summary).toMatchObject({ received_entries: 640, received_batches: 65, complete: true });
  }, 30_000);

  it("an active refuses to take flows (FAILED_PRECONDITION)", async () => {
    const r = await push(active.address, [Buffer.concat([batchHeader(SESSION, 0), ten])]);
    expect(r.error?.code).toBe(grpc.status.FAILED_PRECONDITION);
  });

  it("advertises a RECEIVE_WINDOW receive window per stream and per connection", async () => {
    const session = http2.connect(`http://${standby.address}`);
    try {
      const settings = await new Promise<http2.Settings>((resolve, reject) => {
        session.once("remoteSettings", resolve);
        session.once("error", reject);
      });
      expect(settings.initialWindowSize).toBe(RECEIVE_WINDOW);
      // the connection window arrives as a WINDOW_UPDATE right after the settings
      const deadline = Date.now() + 5_000;
      while ((session.state.remoteWindowSize ?? 0) < RECEIVE_WINDOW && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(session.state.remoteWindowSize).toBe(RECEIVE_WINDOW);
    } finally {
      session.destroy();
    }
  });

  it("keeps every entry of a stream several receive windows long (pause and resume with the wide window)", async () => {
    const big = entries(2000);
    const n = Math.ceil((3 * RECEIVE_WINDOW) / big.length);
    const batches = Array.from({ length: n }, (_, i) => Buffer.concat([batchHeader(SESSION, i), big]));
    const r = await push(standby.address, [...batches, Buffer.concat([batchHeader(SESSION, n), finishedField(2000 * n, n + 1, 0)])]);
    expect(r.summary).toMatchObject({ received_entries: 2000 * n, received_batches: n + 1, complete: true, rejected_entries: 2000 * n });
  }, 30_000);
});
