/**
 * `dashflow.DashflowControl`: counts, digests, filtered scans and HA progress — what the CLI needs beyond the SAI
 * services. Scans stream the runtime's pre-encoded batches as SaiDashFlowBatch messages with no re-encoding, and
 * respect the client's flow control (a slow reader pauses the scan instead of filling memory).
 */
import * as grpc from "@grpc/grpc-js";
import type { DashRuntime, EncodedFlowBatch, Role } from "../api.js";
import type { Receiver } from "../sync/receiver.js";
import { fromBigInt, toBigInt, type Msg } from "./convert.js";
import { decodeRequest, grpcError } from "./grpc-defs.js";
import { compileFilters, type FilterText } from "./filters.js";
import type { Logger } from "./log.js";
import { encodeBatch, Reader } from "./wire.js";
import type protobuf from "protobufjs";

/** Everything the control handlers read. */
export interface ControlContext {
  readonly rt: DashRuntime;
  readonly receiver: Receiver;
  readonly log: Logger;
  readonly startedAt: number;
  /** HOST:PORT once bound. */
  address(): string;
}

const FLOW_TABLE = "SAI_OBJECT_TYPE_FLOW_TABLE";
const SWITCH = "SAI_OBJECT_TYPE_SWITCH";
const DEFAULT_BATCH = 4096;

/** InfoResponse of the server's current state. */
function info(c: ControlContext): Msg {
  const rt = c.rt;
  const tables = rt.flowTables().map((t) => {
    const g = rt.get(FLOW_TABLE, t, ["SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS", "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT"]);
    const val = (n: string): number => Number(g.attrs?.find((a) => a.id === n)?.value ?? 0);
    return {
      flow_table_id: fromBigInt(t),
      flow_count: rt.flowCount(t),
      ttl_ms: val("SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS"),
      max_flow_count: val("SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT"),
    };
  });
  return {
    role: rt.role,
    flow_count: rt.flowCount(),
    flow_tables: tables,
    switch_ids: rt.listObjects(SWITCH).map(fromBigInt),
    address: c.address(),
    uptime_ms: Date.now() - c.startedAt,
    pid: process.pid,
  };
}

type Unary = (msg: Msg) => Msg | Promise<Msg>;

/** Wraps a control operation: decode, run, answer; thrown gRPC errors pass through, others become INTERNAL. */
function unary(type: protobuf.Type, name: string, run: Unary, log: Logger): grpc.handleUnaryCall<Buffer, unknown> {
  return (call, cb) => {
    const d = decodeRequest(type, call.request);
    if (!d.ok) {
      log.error(`${name} from ${call.getPeer()}: ${d.error.details}`);
      cb(d.error);
      return;
    }
    Promise.resolve()
      .then(() => run(d.msg))
      .then(
        (res) => cb(null, res),
        (e: unknown) => {
          const ge = e as grpc.ServiceError;
          if (typeof ge.code === "number" && ge.details !== undefined) {
            cb(ge);
            return;
          }
          log.error(`${name} from ${call.getPeer()}: internal error: ${(e as Error).message}`);
          cb(grpcError(grpc.status.INTERNAL, `internal error: ${(e as Error).message}`));
        },
      );
  };
}

/** Writes a chunk honouring the stream's flow control; false when the client went away. */
function write(call: grpc.ServerWritableStream<Buffer, unknown>, chunk: Uint8Array): Promise<boolean> {
  if (call.cancelled) return Promise.resolve(false);
  if (call.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      call.off("drain", onDrain);
      call.off("cancelled", onCancel);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onCancel = () => done(false);
    call.on("drain", onDrain);
    call.on("cancelled", onCancel);
  });
}

/** The Scan handler: validated filters → runtime scan → SaiDashFlowBatch stream. */
function scanHandler(c: ControlContext, type: protobuf.Type): grpc.handleServerStreamingCall<Buffer, unknown> {
  return (call) => {
    const d = decodeRequest(type, call.request);
    if (!d.ok) {
      c.log.error(`Scan from ${call.getPeer()}: ${d.error.details}`);
      call.destroy(d.error);
      return;
    }
    const m = d.msg;
    const texts = ((m.filters as Msg[] | undefined) ?? []).map((f) => ({ field: String(f.field ?? ""), op: String(f.op ?? ""), value: String(f.value ?? "") }) as FilterText);
    const fs = compileFilters(texts);
    if (!fs.ok) {
      call.destroy(grpcError(grpc.status.INVALID_ARGUMENT, fs.error));
      return;
    }
    const tableId = toBigInt(m.flow_table_id);
    const limit = Number(toBigInt(m.limit));
    const scan = c.rt.scanFlows({
      filters: fs.filters,
      limit,
      flowTableId: tableId === 0n ? undefined : tableId,
      batchSize: Number(m.batch_size ?? 0) || DEFAULT_BATCH,
    });
    if (!scan.ok) {
      call.destroy(grpcError(grpc.status.INVALID_ARGUMENT, scan.status.message));
      return;
    }
    void (async () => {
      let seq = 0;
      let flows = 0;
      try {
        for (const b of scan.batches) {
          if (b.count === 0) continue;
          flows += b.count;
          if (!(await write(call, encodeBatch(0n, seq++, b.records)))) return;
        }
        call.end();
        c.log.info(`scan for ${call.getPeer()}: ${flows} flows in ${seq} batches (${texts.length} filter(s)${limit ? `, limit ${limit}` : ""})`);
      } catch (e) {
        c.log.error(`Scan for ${call.getPeer()}: internal error: ${(e as Error).message}`);
        call.destroy(grpcError(grpc.status.INTERNAL, `internal error: ${(e as Error).message}`));
      }
    })();
  };
}

/** The eni_mac of the first flow of a scan batch (SaiDashFlowEntry.flow_key.eni_mac), read straight off the wire. */
function firstEniMac(b: EncodedFlowBatch): Uint8Array | null {
  const entry = new Reader(b.records, b.offsets[0]!, b.offsets[0]! + b.lengths[0]!);
  while (entry.more()) {
    const tag = entry.varint();
    if (tag !== ((1 << 3) | 2)) {
      entry.skip(tag & 7);
      continue;
    }
    const [s, e] = entry.span();
    const key = new Reader(b.records, s, e);
    while (key.more()) {
      const t = key.varint();
      if (t === ((2 << 3) | 2)) {
        const [ms, me] = key.span();
        return me - ms === 6 ? b.records.slice(ms, me) : null;
      }
      key.skip(t & 7);
    }
    return new Uint8Array(6); // an absent eni_mac is the zero MAC (proto3)
  }
  return null;
}

/**
 * Distinct ENI MACs of all flows, ascending: one compiled scan per MAC (`ENI_ADDR > last`, limit 1), so the cost is
 * a few table walks rather than decoding every flow.
 */
export function eniMacs(rt: DashRuntime, max = 4096): Uint8Array[] {
  const out: Uint8Array[] = [];
  let last: Uint8Array | null = null;
  while (out.length < max) {
    const filters = last ? [{ key: "ENI_ADDR", op: "GREATER_THAN", value: last }] : [];
    const scan = rt.scanFlows({ filters, limit: 1, batchSize: 1 });
    if (!scan.ok) throw new Error(scan.status.message);
    let mac: Uint8Array | null = null;
    for (const b of scan.batches) {
      if (b.count > 0) mac = firstEniMac(b);
      if (mac) break;
    }
    if (!mac) break;
    out.push(mac);
    last = mac;
  }
  return out;
}

/** Handlers of every control rpc, keyed by method name. */
export function controlHandlers(c: ControlContext, types: (method: string) => protobuf.Type): grpc.UntypedServiceImplementation {
  const { rt, log } = c;
  return {
    Info: unary(types("Info"), "Info", () => info(c), log),
    Digest: unary(
      types("Digest"),
      "Digest",
      async (m) => {
        const t = toBigInt(m.flow_table_id);
        const d = await rt.flowDigestAsync(t === 0n ? undefined : t);
        return { count: d.count, digest: d.digest };
      },
      log,
    ),
    Scan: scanHandler(c, types("Scan")),
    AwaitSession: unary(
      types("AwaitSession"),
      "AwaitSession",
      async (m) => {
        const id = toBigInt(m.session_id);
        const p = rt.sessionDone(id);
        if (!p) throw grpcError(grpc.status.NOT_FOUND, `no bulk get session oid:0x${id.toString(16)} on this server`);
        const r = await p;
        return {
          session_id: fromBigInt(r.sessionId),
          mode: r.mode,
          flows: r.flows,
          batches: r.batches,
          status: r.status.code,
          status_name: r.status.status,
          message: r.status.message,
          file: r.file ?? "",
        };
      },
      log,
    ),
    TargetReport: unary(
      types("TargetReport"),
      "TargetReport",
      (m) => {
        const r = c.receiver.receipt(toBigInt(m.session_id));
        if (!r) return { known: false };
        return {
          known: true,
          received_entries: r.receivedEntries,
          received_batches: r.receivedBatches,
          inserted: r.inserted,
          updated: r.updated,
          skipped: r.skipped,
          deleted: r.deleted,
          rejected: r.rejected,
          finished: r.finished,
          complete: r.complete,
          error: r.error ?? "",
          errors: r.errors,
          duration_ms: Math.round((r.endedAt ?? Date.now()) - r.startedAt),
        };
      },
      log,
    ),
    Age: unary(
      types("Age"),
      "Age",
      (m) => {
        const now = Number(toBigInt(m.now_ms));
        const r = rt.age(now > 0 ? now : undefined);
        if (r.aged > 0) log.info(`aged ${r.aged} flows (on request)`);
        return { aged: r.aged, total_aged: r.totalAged };
      },
      log,
    ),
    EniMacs: unary(types("EniMacs"), "EniMacs", () => ({ macs: eniMacs(rt) }), log),
    Reserve: unary(
      types("Reserve"),
      "Reserve",
      async (m) => {
        const table = toBigInt(m.flow_table_id);
        const flows = Number(toBigInt(m.flows));
        const t0 = performance.now();
        const r = rt.reserveFlows(table, flows);
        if (r.code !== 0) throw grpcError(r.status === "SAI_STATUS_ITEM_NOT_FOUND" ? grpc.status.NOT_FOUND : grpc.status.INVALID_ARGUMENT, r.message);
        // answered once the memory is committed (in slices: the server keeps serving meanwhile)
        await rt.provisioned();
        log.info(`flow table oid:0x${table.toString(16)} provisioned for ${flows} flows in ${Math.round(performance.now() - t0)} ms (room ${r.room})`);
        return { room: r.room };
      },
      log,
    ),
    SetRole: unary(
      types("SetRole"),
      "SetRole",
      (m) => {
        const role = String(m.role ?? "");
        if (role !== "active" && role !== "standby") throw grpcError(grpc.status.INVALID_ARGUMENT, `role must be active or standby, got "${role}"`);
        if (rt.role !== role) {
          rt.setRole(role as Role);
          log.info(`role changed to ${role}`);
        }
        return info(c);
      },
      log,
    ),
  };
}
