/**
 * Flow entry bulk-get sessions: creating a SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION starts one. Its filters
 * (FIRST…FIFTH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID, AND-ed; none = every flow) are read and compiled, and every
 * flow table of the session's switch is snapshotted (slot high-water mark, see scan.ts) at create time; the flows
 * are then delivered asynchronously, in batches, yielding to the event loop between batches:
 *
 * - EVENT: `flow_bulk_get_session_event` notifications of up to 256 FLOW_ENTRY items (key + every attribute except
 *   FLOW_DATA_PB), then one notification holding a single FINISHED item. Delivered to the function stored in the
 *   switch's SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY (if any) and to `subscribe` listeners.
 * - EVENT_WITHOUT_FLOW_STATE: the same with keys only (`attr` empty).
 * - GRPC: SaiDashFlowBatch messages of 256 flows streamed to BULK_GET_SESSION_SERVER_IP:PORT (grpc-push.ts), then
 *   the FINISHED event.
 * - VENDOR: a gzip JSONL dump file (vendor-dump.ts), then the FINISHED event.
 *
 * BULK_GET_ENTRY_LIMITATION caps the flows delivered (0 = no limit). Every session ends with a FINISHED event —
 * also when it fails (unreachable gRPC target, unwritable dump folder) or its object is removed while it runs —
 * and with a `flow_bulk_get_session_finished` notification carrying the report (flows, batches, status). Changing
 * a session's attributes after create does not affect the running session.
 */
import type { Attribute, BulkGetEventData, RuntimeNotification, SaiStatus, SessionReport } from "../api.js";
import type { FlowFilter } from "../flowstore/index.js";
import type { FlowColumns } from "../proto/specialized.js";
import { formatIpAddress } from "../values/address.js";
import type { IpAddress } from "../values/types.js";
import { oidText } from "../validate/oid-types.js";
import type { Catalog } from "./catalog.js";
import { FLOW_TYPES, type FlowSchema } from "./flow-schema.js";
import type { FlowTable, FlowTables } from "./flow-tables.js";
import type { FlowEngine } from "./flows.js";
import { pushBatches, targetOf } from "./grpc-push.js";
import type { ObjectRecord } from "./objects.js";
import { encodeSlotRecords, openScan, resolveFilterKey, type FlowScan } from "./scan.js";
import { fail, OK } from "./status.js";
import { DumpFormatter, DumpWriter, dumpPath } from "./vendor-dump.js";
import { slotKey } from "./flow-values.js";

/** Session modes. */
export type SessionMode = SessionReport["mode"];

const EVENT_BATCH = 256;
const GRPC_BATCH = 256;
const FLOW_ENTRY_EVENT = "SAI_FLOW_BULK_GET_SESSION_EVENT_FLOW_ENTRY";
const FINISHED_EVENT = "SAI_FLOW_BULK_GET_SESSION_EVENT_FINISHED";

/** What sessions need from the runtime. */
export interface SessionEnv {
  readonly cat: Catalog;
  readonly schema: FlowSchema;
  readonly tables: FlowTables;
  readonly flows: FlowEngine;
  readonly cols: FlowColumns;
  readonly objects: ReadonlyMap<bigint, ObjectRecord>;
  readonly dumpDir: string;
  /** The function stored in the switch's bulk-get event notify attribute, if any. */
  callback(switchId: bigint): unknown;
  emit(n: RuntimeNotification): void;
}

interface Running {
  readonly oid: bigint;
  readonly switchId: bigint;
  readonly mode: SessionMode;
  readonly done: Promise<SessionReport>;
  cancelled: boolean;
}

function attrBySuffix(cat: Catalog, type: string, re: RegExp): string | undefined {
  return cat.attrs(type).find((a) => re.test(a.attridname))?.attridname;
}

/** A session's settings as read at create. */
interface SessionPlan {
  readonly mode: SessionMode;
  readonly limit: number;
  readonly ip: IpAddress | undefined;
  readonly port: number;
  readonly filters: FlowFilter[];
  readonly tableId: bigint | undefined;
}

/** Runs bulk-get sessions. */
export class Sessions {
  private readonly running = new Map<bigint, Running>();
  private readonly reports = new Map<bigint, Promise<SessionReport>>();
  private readonly a: Record<string, string | undefined>;
  private readonly f: Record<string, string | undefined>;
  readonly notifyAttr: string | undefined;

  constructor(private readonly env: SessionEnv) {
    const S = FLOW_TYPES.session;
    const F = FLOW_TYPES.filter;
    const cat = env.cat;
    this.a = {
      mode: attrBySuffix(cat, S, /_MODE$/),
      limit: attrBySuffix(cat, S, /_BULK_GET_ENTRY_LIMITATION$/),
      ip: attrBySuffix(cat, S, /_(SERVER|GRPC)_IP$/),
      port: attrBySuffix(cat, S, /_(SERVER|GRPC)_PORT$/),
      table: attrBySuffix(cat, S, /_BULK_GET_SESSION_FLOW_TABLE$/),
    };
    this.f = {
      key: attrBySuffix(cat, F, /_FILTER_KEY$/),
      op: attrBySuffix(cat, F, /_OP_KEY$/),
      int: attrBySuffix(cat, F, /_INT_VALUE$/),
      ip: attrBySuffix(cat, F, /_IP_VALUE$/),
      mac: attrBySuffix(cat, F, /_MAC_VALUE$/),
    };
    this.notifyAttr = cat.attrs("SAI_OBJECT_TYPE_SWITCH").find((a) => /_FLOW_BULK_GET_SESSION_EVENT_NOTIFY$/.test(a.attridname))?.attridname;
  }

  private filterIds(attrs: ReadonlyMap<string, unknown>): bigint[] {
    const out: bigint[] = [];
    for (const a of this.env.cat.attrs(FLOW_TYPES.session))
      if (/_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID$/.test(a.attridname)) {
        const v = attrs.get(a.attridname);
        if (typeof v === "bigint" && v !== 0n) out.push(v);
      }
    return out;
  }

  private enumName(type: string, attr: string | undefined, v: unknown): string {
    const meta = attr ? this.env.cat.attr(type, attr) : undefined;
    const e = meta ? this.env.cat.enumOf(meta) : undefined;
    return e?.values.find((x) => x.value === v)?.name ?? String(v);
  }

  /** Reads a session's settings and filters; an error status when a filter cannot be evaluated. */
  plan(attrs: ReadonlyMap<string, unknown>): SessionPlan | SaiStatus {
    const modeName = this.enumName(FLOW_TYPES.session, this.a.mode, attrs.get(this.a.mode ?? ""));
    const mode: SessionMode = /EVENT_WITHOUT_FLOW_STATE$/.test(modeName)
      ? "EVENT_WITHOUT_FLOW_STATE"
      : /_EVENT$/.test(modeName)
        ? "EVENT"
        : /_VENDOR$/.test(modeName)
          ? "VENDOR"
          : "GRPC";
    const filters: FlowFilter[] = [];
    for (const id of this.filterIds(attrs)) {
      const rec = this.env.objects.get(id);
      if (!rec) return fail("INVALID_PARAMETER", `filter ${oidText(id)} does not exist`);
      const keyName = this.enumName(FLOW_TYPES.filter, this.f.key, rec.attrs.get(this.f.key ?? ""));
      const r = resolveFilterKey(this.env.schema, keyName);
      if (!r) return fail("INVALID_PARAMETER", `filter ${oidText(id)}: key ${keyName} cannot be evaluated`, undefined, this.f.key);
      const opName = this.enumName(FLOW_TYPES.filter, this.f.op, rec.attrs.get(this.f.op ?? ""));
      if (/INVALID$/.test(opName)) return fail("INVALID_PARAMETER", `filter ${oidText(id)}: operator ${opName} is not a comparison`, undefined, this.f.op);
      const valueAttr = r.kind === "INT" ? this.f.int : r.kind === "IP" ? this.f.ip : this.f.mac;
      filters.push({ field: r.field, op: opName, value: rec.attrs.get(valueAttr ?? "") });
    }
    const limit = Number(attrs.get(this.a.limit ?? "") ?? 0);
    const ip = attrs.get(this.a.ip ?? "") as IpAddress | undefined;
    const port = Number(attrs.get(this.a.port ?? "") ?? 0);
    const t = attrs.get(this.a.table ?? "");
    return { mode, limit, ip, port, filters, tableId: typeof t === "bigint" && t !== 0n ? t : undefined };
  }

  /** Starts a created session (its snapshot is taken now). */
  start(rec: ObjectRecord): void {
    const p = this.plan(rec.attrs);
    let tables = this.env.tables.ofSwitch(rec.switchId);
    if ("mode" in p && p.tableId !== undefined) tables = tables.filter((t) => t.oid === p.tableId);
    const scan = "mode" in p ? openScan(tables, p.filters, p.limit, (t) => this.env.tables.tables.get(t.oid) === t) : p.message;
    const state = { cancelled: false };
    // start after create returns, so the caller sees the object id before any event arrives
    const done = new Promise<SessionReport>((res) => setImmediate(() => res(this.run(run, "mode" in p ? p : null, scan))));
    const run: Running = Object.assign(state, { oid: rec.oid, switchId: rec.switchId, mode: ("mode" in p ? p.mode : "GRPC") as SessionMode, done });
    this.running.set(rec.oid, run);
    this.reports.set(rec.oid, done);
    void done.then(() => this.running.delete(rec.oid));
  }

  /** Stops a session whose object is being removed (it still reports FINISHED). */
  stop(oid: bigint): void {
    const r = this.running.get(oid);
    if (r) r.cancelled = true;
  }

  /** Resolves when the session ends. */
  done(oid: bigint): Promise<SessionReport> | undefined {
    return this.reports.get(oid);
  }

  /** Forgets a removed session's report. */
  forget(oid: bigint): void {
    this.reports.delete(oid);
  }

  /** Stops every session and waits for them. */
  async close(): Promise<void> {
    for (const r of this.running.values()) r.cancelled = true;
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private deliver(run: Running, data: readonly BulkGetEventData[]): void {
    const cb = this.env.callback(run.switchId);
    if (typeof cb === "function") {
      try {
        (cb as (id: bigint, d: readonly BulkGetEventData[]) => void)(run.oid, data);
      } catch {
        // a throwing callback must not stop the session, as a C callback cannot unwind into the SAI library
      }
    }
    this.env.emit({ type: "flow_bulk_get_session_event", switchId: run.switchId, sessionId: run.oid, data });
  }

  private eventData(t: FlowTable, slot: number, withState: boolean): BulkGetEventData {
    const key = slotKey(t.store.internals(), slot);
    const attr: Attribute[] = [];
    if (withState) {
      const found = { table: t, slot };
      for (const a of this.env.schema.attrs)
        if (a.attridname !== this.env.schema.a.flowDataPb) attr.push({ id: a.attridname, value: this.env.flows.readAttr(found, null, a.attridname) });
    }
    return { event_type: FLOW_ENTRY_EVENT, flow_entry: key, attr };
  }

  private async run(run: Running, plan: SessionPlan | null, scan: FlowScan | string): Promise<SessionReport> {
    const base = { sessionId: run.oid, mode: run.mode };
    let report: SessionReport;
    if (typeof scan === "string" || plan === null) report = { ...base, flows: 0, batches: 0, status: fail("INVALID_PARAMETER", typeof scan === "string" ? scan : "bad session") };
    else if (run.mode === "GRPC") report = await this.runGrpc(run, plan, scan);
    else if (run.mode === "VENDOR") report = await this.runVendor(run, scan);
    else report = await this.runEvents(run, scan, run.mode === "EVENT");
    this.deliver(run, [{ event_type: FINISHED_EVENT, attr: [] }]);
    this.env.emit({ type: "flow_bulk_get_session_finished", switchId: run.switchId, sessionId: run.oid, report });
    return report;
  }

  private cancelledStatus(): SaiStatus {
    return fail("FAILURE", "the session was removed before it finished");
  }

  private async runEvents(run: Running, scan: FlowScan, withState: boolean): Promise<SessionReport> {
    const buf = new Uint32Array(EVENT_BATCH);
    let flows = 0;
    let batches = 0;
    for (;;) {
      if (run.cancelled) return { sessionId: run.oid, mode: run.mode, flows, batches, status: this.cancelledStatus() };
      const r = scan.next(buf);
      if (!r) break;
      const data: BulkGetEventData[] = [];
      for (let i = 0; i < r.n; i++) data.push(this.eventData(r.table, buf[i]!, withState));
      flows += r.n;
      batches++;
      this.deliver(run, data);
      await new Promise((res) => setImmediate(res));
    }
    return { sessionId: run.oid, mode: run.mode, flows, batches, status: OK };
  }

  private async runGrpc(run: Running, plan: SessionPlan, scan: FlowScan): Promise<SessionReport> {
    const base = { sessionId: run.oid, mode: run.mode };
    if (!plan.ip || plan.port === 0) return { ...base, flows: 0, batches: 0, status: fail("INVALID_PARAMETER", "GRPC mode needs BULK_GET_SESSION_SERVER_IP and a non-zero PORT") };
    const target = targetOf(formatIpAddress(plan.ip), plan.port);
    const buf = new Uint32Array(GRPC_BATCH);
    const r = await pushBatches(
      target,
      run.oid,
      () => {
        const s = scan.next(buf);
        if (!s) return null;
        return { records: encodeSlotRecords(this.env.schema, this.env.cols, s.table, buf, s.n), count: s.n };
      },
      { cancelled: () => run.cancelled },
    );
    if (!r.ok) return { ...base, flows: r.flows, batches: r.batches, status: fail("FAILURE", r.error) };
    if (run.cancelled) return { ...base, flows: r.flows, batches: r.batches, status: this.cancelledStatus() };
    return { ...base, flows: r.flows, batches: r.batches, status: { ...OK, message: `target received ${r.summary.receivedEntries} flow(s), complete: ${r.summary.complete}` } };
  }

  private async runVendor(run: Running, scan: FlowScan): Promise<SessionReport> {
    const base = { sessionId: run.oid, mode: run.mode };
    const file = dumpPath(this.env.dumpDir, run.oid);
    const fmt = new DumpFormatter(this.env.cat, this.env.schema);
    const buf = new Uint32Array(GRPC_BATCH);
    let flows = 0;
    let w: DumpWriter | null = null;
    try {
      w = new DumpWriter(file);
      for (;;) {
        if (run.cancelled) {
          await w.abort();
          return { ...base, flows, batches: 0, status: this.cancelledStatus() };
        }
        const s = scan.next(buf);
        if (!s) break;
        for (let i = 0; i < s.n; i++) {
          const found = { table: s.table, slot: buf[i]! };
          const key = slotKey(s.table.store.internals(), found.slot);
          await w.write(fmt.line(key, (name) => this.env.flows.readAttr(found, null, name)));
        }
        flows += s.n;
      }
      await w.commit();
      return { ...base, flows, batches: 0, status: OK, file };
    } catch (e) {
      await w?.abort().catch(() => undefined);
      return { ...base, flows, batches: 0, status: fail("FAILURE", `flow dump ${file}: ${(e as Error).message}`) };
    }
  }
}
