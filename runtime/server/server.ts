/**
 * `dashflow serve` as a library: a runtime behind the generated SAI services, the bulk-get target service and the
 * control service, on one gRPC port.
 *
 * Decisions:
 * - Loopback by default; the bind address is the caller's choice.
 * - Message sizes are capped (both directions) so one request cannot make the server allocate without bound;
 *   bulk clients split work into batches well below the cap.
 * - Keepalive pings detect peers that vanished without closing their connection (a crashed standby behind a
 *   switch), so streams fail within seconds instead of hanging.
 * - The snapshot is written to a temporary file in the same folder, synced and renamed over the old one: a crash
 *   at any point leaves either the previous snapshot or the new one, never a torn file.
 * - An active ages its flows on a timer (the runtime's `age()`; a standby never ages, its flows follow the active).
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import type { SaiModel } from "../../generator/model/types.js";
import type { DashRuntime, Role, RuntimeLimits } from "../api.js";
import type { CapabilityProfile } from "../validate/profile.js";
import { Receiver } from "../sync/receiver.js";
import { addApiServices } from "./api-services.js";
import { controlHandlers } from "./control.js";
import { createFlowEntriesHandler } from "./flow-bulk.js";
import { serverDefinition } from "./grpc-defs.js";
import { MAX_MESSAGE_BYTES } from "./limits.js";
import type { Logger } from "./log.js";
import { createDashRuntime } from "./runtime-adapter.js";
import { CONTROL_SERVICE, TARGET_SERVICE, loadSchema, services } from "./schema.js";
import { pushHandler } from "./target.js";
import { WideWindowServer } from "./window.js";


/** Options of {@link startServer}. */
export interface ServerOptions {
  readonly model: SaiModel;
  /** Bind address (default 127.0.0.1). */
  readonly host?: string;
  /** Port; 0 picks a free one (default 0). */
  readonly port?: number;
  readonly role?: Role;
  readonly profile?: CapabilityProfile;
  /** Loaded at start when it exists, saved at shutdown. */
  readonly snapshot?: string;
  readonly log: Logger;
  readonly limits?: RuntimeLimits;
  /** How often an active ages flows (default 1000 ms; 0 = never, for tests driving `Age` themselves). */
  readonly ageIntervalMs?: number;
  /** A standby applies at most this many flows per second (0 = no limit). */
  readonly maxApplyRate?: number;
  /** Expected flows per table (pre-sizes the flow store). */
  readonly expectedFlowsPerTable?: number;
}

/** A running server. */
export interface RunningServer {
  readonly host: string;
  readonly port: number;
  /** `HOST:PORT` (IPv6 hosts in brackets). */
  readonly address: string;
  readonly runtime: DashRuntime;
  /** Stops accepting calls, lets running ones finish (up to `graceMs`), saves the snapshot, closes the runtime. */
  close(graceMs?: number): Promise<void>;
}

/** A startup failure the CLI reports as one line. */
export class StartError extends Error {}

/** `host:port`, bracketing IPv6 literals. */
export function hostPort(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Starts a server; rejects with {@link StartError} for problems the user can fix (port taken, bad snapshot). */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const host = o.host ?? "127.0.0.1";
  const log = o.log;
  const rt = await createDashRuntime({
    model: o.model,
    profile: o.profile,
    role: o.role ?? "active",
    limits: o.limits,
    expectedFlowsPerTable: o.expectedFlowsPerTable,
    // committing provisioned memory takes seconds at tens of millions of flows: keep serving meanwhile
    provisionInBackground: true,
  });
  if (o.snapshot && existsSync(o.snapshot)) {
    const t0 = Date.now();
    const s = await rt.loadSnapshot(o.snapshot);
    if (s.code !== 0) {
      await rt.close();
      throw new StartError(`cannot load snapshot ${o.snapshot}: ${s.status}: ${s.message}`);
    }
    log.info(`loaded snapshot ${o.snapshot}: ${rt.flowCount()} flows in ${Date.now() - t0} ms`);
  } else if (o.snapshot) log.info(`snapshot ${o.snapshot} does not exist yet; starting empty (it is written at shutdown)`);

  const schema = loadSchema(o.model);
  const receiver = new Receiver(rt);
  const server = new WideWindowServer({
    "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    "grpc.keepalive_time_ms": 10_000,
    "grpc.keepalive_timeout_ms": 5_000,
  });
  if (!server.receiveWindowHooked) log.info("this grpc-js version hides its HTTP/2 servers: the receive window stays at 64 KiB (bulk sync runs slower)");
  const all = services(schema);
  const flowApi = all.get("sai.SaiDashFlowApi");
  const bulkCreate = flowApi?.methods.CreateFlowEntries?.resolvedRequestType;
  const overrides = new Map<string, grpc.UntypedHandleCall>();
  if (bulkCreate) overrides.set("/sai.SaiDashFlowApi/CreateFlowEntries", createFlowEntriesHandler(o.model, rt, bulkCreate, log));
  addApiServices(server, schema, o.model, rt, { log, overrides });
  const target = all.get(TARGET_SERVICE);
  const control = all.get(CONTROL_SERVICE);
  if (!target || !control) throw new Error(`internal: schema lacks ${!target ? TARGET_SERVICE : CONTROL_SERVICE}`);
  server.addService(serverDefinition(target), { Push: pushHandler(rt, receiver, log, { maxApplyRate: o.maxApplyRate }) });
  let address = "";
  const startedAt = Date.now();
  server.addService(
    serverDefinition(control),
    controlHandlers({ rt, receiver, log, startedAt, address: () => address }, (m) => control.methods[m]!.resolvedRequestType!),
  );

  const unsubscribe = rt.subscribe((n) => {
    if (n.type === "flow_bulk_get_session_finished") {
      const r = n.report;
      const line = `bulk get session oid:0x${r.sessionId.toString(16)} (${r.mode}) ended: ${r.flows} flows in ${r.batches} batches, ${r.status.status}${r.status.code !== 0 ? `: ${r.status.message}` : ""}`;
      (r.status.code === 0 ? log.info : log.error)(line);
    } else if (n.type === "flows_aged" && n.count > 0) log.info(`aged ${n.count} flows in flow table oid:0x${n.flowTableId.toString(16)}`);
  });

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(hostPort(host, o.port ?? 0), grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
  } catch (e) {
    unsubscribe();
    await rt.close();
    throw new StartError(`cannot listen on ${hostPort(host, o.port ?? 0)}: ${(e as Error).message}`);
  }
  address = hostPort(host, port);

  const interval = o.ageIntervalMs ?? 1000;
  const ager =
    interval > 0
      ? setInterval(() => {
          try {
            if (rt.role === "active") rt.age();
          } catch (e) {
            log.error(`aging failed: ${(e as Error).message}`);
          }
        }, interval)
      : null;
  ager?.unref();

  let closing: Promise<void> | null = null;
  const close = (graceMs = 5000): Promise<void> =>
    (closing ??= (async () => {
      if (ager) clearInterval(ager);
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      unsubscribe();
      try {
        if (o.snapshot) await saveSnapshotAtomic(rt, o.snapshot, log);
      } finally {
        await rt.close();
      }
    })());

  return { host, port, address, runtime: rt, close };
}

/** Saves through a sibling temporary file, then renames it into place and syncs the folder. */
export async function saveSnapshotAtomic(rt: DashRuntime, path: string, log: Logger): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.saving`);
  const t0 = Date.now();
  const s = await rt.saveSnapshot(tmp);
  if (s.code !== 0) {
    rmSync(tmp, { force: true });
    throw new StartError(`cannot save snapshot ${path}: ${s.status}: ${s.message}`);
  }
  const fd = openSync(tmp, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dfd = openSync(dirname(path), "r");
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // some file systems refuse to sync a folder; the rename itself is still atomic
  }
  log.info(`saved snapshot ${path}: ${rt.flowCount()} flows in ${Date.now() - t0} ms`);
}
