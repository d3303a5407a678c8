/**
 * Drives an HA bulk transfer the way the DASH flow design describes it ("Flow-level HA – Bulk Transfer"), using
 * only SAI calls for the transfer itself:
 *
 * 1. pairing: the standby gets the switch / flow table / ENI objects for every ENI the active has flows of, and each
 *    of its flow tables is provisioned (control `Reserve`) for the flows the active holds in the tables it takes;
 * 2. on the active: KEY_VERSION filter objects for the range, and a GRPC-mode flow entry bulk get session whose
 *    BULK_GET_SESSION_SERVER_IP/PORT is the standby — the active streams the selected flows to the standby's
 *    SaiDashFlowBulkGetTarget service, which applies them by the HA rule;
 * 3. the driver watches both ends: it waits for the active's session to end (control `AwaitSession`) while polling
 *    the standby's receipt (control `TargetReport`) for progress. A standby that stops answering, a session that
 *    ends with an error, or a transfer that makes no progress for `stallMs` ends the sync with a failure within
 *    seconds;
 * 4. the session and filter objects are removed, whatever happened.
 *
 * Re-running after a failure is always safe and completes the transfer: the HA rule skips flows the standby already
 * has in the same or a newer version.
 */
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { SaiModel } from "../../generator/model/types.js";
import { formatMac, parseIpAddressText } from "../values/address.js";
import type { DashClient } from "../server/client.js";
import { fromBigInt, toBigInt, type Msg } from "../server/convert.js";
import { SaiCalls, statusText } from "./config.js";

const FLOW_API = "sai.SaiDashFlowApi";
const CONTROL = "dashflow.DashflowControl";

/** sai_dash_flow_entry_bulk_get_session_filter_key_t / _op_key_t values the driver uses. */
const KEY_VERSION = 8;
const OP_GE = 3;
const OP_LE = 5;

/** Where the transfer stands (standby's view). */
export interface SyncProgress {
  readonly received: number;
  readonly applied: number;
  readonly skipped: number;
  readonly rejected: number;
  /** Upper bound of what will be sent (flows on the active), for progress bars. */
  readonly expected: number;
}

/** The outcome of a transfer. */
export interface SyncSummary {
  readonly sessionId: bigint;
  /** Flows the active reports as sent. */
  readonly sent: number;
  readonly received: number;
  readonly inserted: number;
  readonly updated: number;
  /** Incoming version equal or older: the standby kept its flow (also deletes of a flow held in another version). */
  readonly skipped: number;
  /** Flows the active sent as FLOW_PENDING_DELETE and the standby held in the same version: removed. */
  readonly deleted: number;
  /** Entries the standby could not apply. */
  readonly failed: number;
  readonly ms: number;
  /** The standby's view of the transfer alone: first batch received to end of stream. */
  readonly transferMs: number;
  /** Everything selected arrived and was processed (failed entries are counted, not lost). */
  readonly complete: boolean;
  /** ENIs the standby had to be given before the transfer. */
  readonly paired: readonly string[];
  /** Flows the standby's tables were provisioned to hold before the transfer (control `Reserve`; 0 when pairing is skipped). */
  readonly reserved: number;
  /** Time spent pairing ENIs, and provisioning the standby's tables (committing their memory), before the transfer. */
  readonly pairingMs: number;
  readonly provisioningMs: number;
}

/** A transfer that did not finish: what went wrong, and what is known of the transfer so far. */
export class SyncFailure extends Error {
  constructor(
    message: string,
    readonly partial: Partial<SyncSummary>,
  ) {
    super(message);
  }
}

/** Options of {@link runSync}. */
export interface SyncOptions {
  readonly model: SaiModel;
  readonly active: DashClient;
  readonly standby: DashClient;
  /** The standby's address as the active must reach it. */
  readonly standbyHost: string;
  readonly standbyPort: number;
  readonly versionMin?: number;
  readonly versionMax?: number;
  readonly onProgress?: (p: SyncProgress) => void;
  /** Standby poll period (default 200 ms). */
  readonly pollMs?: number;
  /** Give up when nothing arrives for this long (default 10 s). */
  readonly stallMs?: number;
  /** Skip pairing (benchmarks that prepared the standby). */
  readonly skipPairing?: boolean;
  /** Cancels the transfer (Ctrl-C): the session is removed and the promise rejects. */
  readonly signal?: AbortSignal;
}

/** The IP the active should connect to for `host` (names resolved here, so the session carries an address). */
async function resolveIp(host: string): Promise<{ family: "ipv4" | "ipv6"; bytes: Uint8Array }> {
  const ip = isIP(host) ? host : (await lookup(host)).address;
  const r = parseIpAddressText(ip);
  if (!r.ok) throw new SyncFailure(`cannot use ${host} as the standby address: ${r.error}`, {});
  return r.value;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs one HA bulk transfer; rejects with {@link SyncFailure} when it did not finish. */
export async function runSync(o: SyncOptions): Promise<SyncSummary> {
  const t0 = performance.now();
  const { active, standby, model } = o;
  const [ai, si] = await Promise.all([
    active.unary(CONTROL, "Info", {}, 5000).catch((e: Error) => {
      throw new SyncFailure(`active: ${e.message}`, {});
    }),
    standby.unary(CONTROL, "Info", {}, 5000).catch((e: Error) => {
      throw new SyncFailure(`standby: ${e.message}`, {});
    }),
  ]);
  if (si.role !== "standby") throw new SyncFailure(`${standby.address} is ${String(si.role)}, not a standby (start it with serve --role standby)`, {});
  const switches = ((ai.switch_ids as string[] | undefined) ?? []).map((s) => toBigInt(s));
  if (switches.length === 0) throw new SyncFailure(`${active.address} has no switch, so no flows to transfer`, {});
  const switchId = switches[0]!;
  const expected = Number(ai.flow_count ?? 0);

  // 1. pairing: every ENI the flows belong to must exist on the standby, with the same table TTL
  const paired: string[] = [];
  let reserved = 0;
  let pairingMs = 0;
  let provisioningMs = 0;
  if (!o.skipPairing) {
    const tPair = performance.now();
    const macs = ((await active.unary(CONTROL, "EniMacs", {}, 30_000)).macs as Buffer[] | undefined) ?? [];
    const fromCalls = new SaiCalls(active, model);
    const toCalls = new SaiCalls(standby, model);
    // standby table -> the active tables whose flows it takes
    const sources = new Map<bigint, Set<bigint>>();
    for (const mac of macs) {
      const from = await fromCalls.eniTable(mac);
      const cfg = await toCalls.ensureEni({ eniMac: mac, ttlMs: from?.ttlMs });
      const what = [...(cfg.created.length ? [`created ${cfg.created.join(", ")}`] : []), ...(cfg.changed.length ? [`changed ${cfg.changed.join(", ")}`] : [])];
      if (what.length > 0) paired.push(`${formatMac(mac)}: ${what.join("; ")}`);
      if (from) sources.set(cfg.flowTableId, (sources.get(cfg.flowTableId) ?? new Set()).add(from.flowTableId));
    }
    // provision each standby table for what it may hold after the transfer (every flow of its active tables: the
    // version range can only select fewer), so applying takes no index rehash and no page fault per flow
    const countsOf = (i: Msg) => new Map(((i.flow_tables as Msg[] | undefined) ?? []).map((t) => [toBigInt(t.flow_table_id), Number(t.flow_count ?? 0)]));
    const counts = countsOf(ai);
    const held = countsOf(si);
    const tProvision = performance.now();
    pairingMs = tProvision - tPair;
    for (const [table, from] of sources) {
      const flows = [...from].reduce((n, t) => n + (counts.get(t) ?? 0), 0);
      // a standby already holding as many (a repeated sync) has them in place
      if (flows <= (held.get(table) ?? 0)) continue;
      await standby.unary(CONTROL, "Reserve", { flow_table_id: fromBigInt(table), flows }, 60_000).catch((e: Error) => {
        throw new SyncFailure(`standby: provisioning flow table oid:0x${table.toString(16)} for ${flows} flows: ${e.message}`, {});
      });
      reserved += flows;
    }
    provisioningMs = performance.now() - tProvision;
  }

  // 2. filters and the GRPC-mode session on the active
  const calls = new SaiCalls(active, model);
  const filterIds: bigint[] = [];
  const removeAll = async (sessionId: bigint | null): Promise<void> => {
    // best effort: the active may be the one that failed
    if (sessionId !== null)
      await active.unary(FLOW_API, "RemoveFlowEntryBulkGetSession", { object_id: fromBigInt(sessionId) }, 5000).catch(() => undefined);
    for (const f of filterIds)
      await active.unary(FLOW_API, "RemoveFlowEntryBulkGetSessionFilter", { object_id: fromBigInt(f) }, 5000).catch(() => undefined);
  };
  const addFilter = async (op: number, value: number, what: string): Promise<void> => {
    const r = await calls.call(
      FLOW_API,
      "CreateFlowEntryBulkGetSessionFilter",
      {
        switch_id: fromBigInt(switchId),
        attributes: { dash_flow_entry_bulk_get_session_filter_key: KEY_VERSION, dash_flow_entry_bulk_get_session_op_key: op, int_value: value },
      },
      `create filter ${what}`,
    );
    filterIds.push(toBigInt(r.object_id));
  };
  let sessionId: bigint | null = null;
  try {
    if (o.versionMin !== undefined) await addFilter(OP_GE, o.versionMin, `version >= ${o.versionMin}`);
    if (o.versionMax !== undefined) await addFilter(OP_LE, o.versionMax, `version <= ${o.versionMax}`);
    const ip = await resolveIp(o.standbyHost);
    const filterFields = ["first", "second", "third", "fourth", "fifth"];
    const attrs: Msg = {
      dash_flow_entry_bulk_get_session_mode: 0, // GRPC
      bulk_get_session_server_ip: ip.family === "ipv4" ? { ipv4: new DataView(ip.bytes.buffer, ip.bytes.byteOffset).getUint32(0) } : { ipv6: ip.bytes },
      bulk_get_session_server_port: o.standbyPort,
    };
    filterIds.forEach((f, i) => (attrs[`${filterFields[i]}_flow_entry_bulk_get_session_filter_id`] = fromBigInt(f)));
    const s = await calls.call(FLOW_API, "CreateFlowEntryBulkGetSession", { switch_id: fromBigInt(switchId), attributes: attrs }, "create bulk get session");
    sessionId = toBigInt(s.object_id);
    const id = sessionId;

    // 3. watch both ends
    const pollMs = o.pollMs ?? 200;
    const stallMs = o.stallMs ?? 10_000;
    let last: Msg = { known: false };
    let lastCount = -1;
    let lastChange = performance.now();
    let stop = false;
    const partial = (): Partial<SyncSummary> => ({
      sessionId: id,
      received: Number(last.received_entries ?? 0),
      inserted: Number(last.inserted ?? 0),
      updated: Number(last.updated ?? 0),
      skipped: Number(last.skipped ?? 0),
      deleted: Number(last.deleted ?? 0),
      failed: Number(last.rejected ?? 0),
      paired,
      reserved,
      pairingMs,
      provisioningMs,
    });
    const report = (): void =>
      o.onProgress?.({
        received: Number(last.received_entries ?? 0),
        applied: Number(last.inserted ?? 0) + Number(last.updated ?? 0),
        skipped: Number(last.skipped ?? 0),
        rejected: Number(last.rejected ?? 0),
        expected,
      });
    const pollTimeoutMs = Math.max(2000, pollMs * 5);
    const activeDone = active.unary(CONTROL, "AwaitSession", { session_id: fromBigInt(id) }).catch((e: Error) => {
      throw new SyncFailure(`active ${active.address} stopped answering during the transfer: ${e.message}`, partial());
    });
    activeDone.catch(() => {}); // raced below; a rejection after the race is settled is not unhandled
    /** Why the active's session stopped, when it did not finish: how far the transfer got and its status. */
    const stoppedText = (done: Msg): string | null =>
      Number(done.status ?? 0) === 0
        ? null
        : `the transfer stopped after ${Number(done.flows ?? 0)} flows: ${String(done.status_name || statusText(model, Number(done.status)))}${done.message ? `: ${String(done.message)}` : ""}`;
    const standbyDown = (e: unknown): string => `standby ${standby.address} stopped answering during the transfer: ${(e as Error).message}`;
    /** The standby's receipt of this session: progress while polling, and whether it still answers after a stop. */
    const targetReport = (): Promise<Msg> => standby.unary(CONTROL, "TargetReport", { session_id: fromBigInt(id) }, pollTimeoutMs);
    const poll = async (): Promise<Msg> => {
      try {
        return await targetReport();
      } catch (e) {
        // A dead standby breaks the active's stream too: its session ends within moments. Wait for that (briefly) so
        // the report says how far the transfer got whichever side noticed first.
        const done = await Promise.race([activeDone.catch(() => null), sleep(pollTimeoutMs).then(() => null)]);
        const stopped = done ? stoppedText(done) : null;
        throw new SyncFailure(stopped ? `${stopped}; ${standbyDown(e)}` : standbyDown(e), { ...partial(), ...(done ? { sent: Number(done.flows ?? 0) } : {}) });
      }
    };
    const watchStandby = async (): Promise<never> => {
      for (;;) {
        await sleep(pollMs);
        if (stop) return new Promise<never>(() => {});
        last = await poll();
        report();
        const n = Number(last.received_entries ?? 0);
        if (n !== lastCount) {
          lastCount = n;
          lastChange = performance.now();
        } else if (performance.now() - lastChange > stallMs)
          throw new SyncFailure(`no progress for ${Math.round(stallMs / 1000)} s (standby received ${n} flows); giving up`, partial());
      }
    };
    const aborted = new Promise<never>((_, reject) => {
      if (!o.signal) return;
      const fail = () => reject(new SyncFailure("cancelled", partial()));
      if (o.signal.aborted) fail();
      else o.signal.addEventListener("abort", fail, { once: true });
    });
    let done: Msg;
    try {
      done = await Promise.race([activeDone, watchStandby(), aborted]);
    } finally {
      stop = true;
    }
    const sent = Number(done.flows ?? 0);
    const stopped = stoppedText(done);
    if (stopped !== null) {
      // the same report as when the standby's poll fails first: is the standby still there?
      let down: string | null = null;
      await targetReport().catch((e: unknown) => (down = standbyDown(e)));
      throw new SyncFailure(down ? `${stopped}; ${down}` : stopped, { ...partial(), sent });
    }
    // the active is done sending; the standby closes its receipt once the stream's end reaches it
    const until = performance.now() + 10_000;
    for (;;) {
      last = await poll();
      if (last.finished || performance.now() > until) break;
      await sleep(50);
    }
    report();
    const summary: SyncSummary = {
      sessionId: id,
      sent,
      received: Number(last.received_entries ?? 0),
      inserted: Number(last.inserted ?? 0),
      updated: Number(last.updated ?? 0),
      skipped: Number(last.skipped ?? 0),
      deleted: Number(last.deleted ?? 0),
      failed: Number(last.rejected ?? 0),
      ms: performance.now() - t0,
      transferMs: Number(last.duration_ms ?? 0),
      // a selection of nothing is a finished transfer even if no stream reached the standby
      complete: Boolean(last.complete) || (sent === 0 && !last.known),
      paired,
      reserved,
      pairingMs,
      provisioningMs,
    };
    if (!last.known && sent > 0) throw new SyncFailure(`the standby never received session oid:0x${id.toString(16)}`, summary);
    if (!summary.complete && sent > 0)
      throw new SyncFailure(`the standby reports the transfer incomplete: ${String(last.error || "the stream did not finish")}`, summary);
    return summary;
  } finally {
    await removeAll(sessionId);
  }
}
