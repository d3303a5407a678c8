/**
 * The dashflow reference runtime: `createRuntime({ model })` implements `runtime/api.ts` in process for whatever
 * header set the model was generated from (the bundled `sai-headers` or the full upstream tree).
 *
 * Decisions, in one place (each is repeated at the code it governs):
 * - Validation: every operation runs the compiled validator (`runtime/validate`, mode `sai` by default, optional
 *   vendor capability profile) before it touches state; results are values, never exceptions.
 * - Objects: OIDs encode their type (runtime/oid.ts layout); defaults are stored on create and returned by get;
 *   object ids in attributes and entry keys are reference counted; a flow table also counts its flows, so a table
 *   holding flows is OBJECT_IN_USE; removing a switch removes everything on it.
 * - Flows live in one typed-array FlowStore per flow table (runtime/flowstore), never as JS objects. The table of
 *   a flow is the one bound to the ENI whose MAC is the key's `eni_mac` (ENI_ETHER_ADDRESS_MAP_ENTRY → ENI_ID →
 *   ENI.FLOW_TABLE_ID), or the key's `flow_table_id` member where the header set has one. No such table: create
 *   answers INVALID_PARAMETER naming the MAC; remove/set/get answer ITEM_NOT_FOUND.
 * - MAX_FLOW_COUNT 0 = no table limit (the switch's DASH_CAPS_MAX_FLOW_ENTRY_COUNT, default 64M, still applies);
 *   a full table or switch answers TABLE_FULL and a bulk create inserts nothing into a table it would overflow.
 * - Aging: `age()` removes flows idle for at least their table's FLOW_TTL_IN_MILLISECONDS (0 = never) on the
 *   injected clock; create, set and a newer HA apply are hits, get is not; a standby never ages; becoming active
 *   restarts every idle timer. Each direction of a bidirectional flow ages on its own.
 * - Sessions snapshot each table's slot high-water mark at create: a flow present throughout is reported exactly
 *   once, one removed before its slot is visited is not reported, nothing is reported twice (core/scan.ts).
 */
import type { SaiModel } from "../generator/model/types.js";
import type {
  AgeReport,
  ApplyFlowsReport,
  AttrId,
  BulkCreateResult,
  BulkGetResult,
  BulkResult,
  Clock,
  CreateResult,
  DashRuntime,
  EncodedFlowBatch,
  EntryKey,
  FlowDigest,
  FlowKeyLayout,
  FlowScanOptions,
  FlowScanResult,
  GetResult,
  NotificationListener,
  PackedBulkResult,
  PackedFlowColumns,
  PackedFlowKeys,
  Role,
  RuntimeOptions,
  SaiStatus,
  SessionReport,
} from "./api.js";
import { tmpdir } from "node:os";
import type { FlowColumns } from "./proto/specialized.js";
import type { AttrInput, BulkErrorMode, ValidationMode } from "./validate/types.js";
import { createValidator, type Validator } from "./validate/validator.js";
import type { AttrCapabilityAnswer, QueryResult } from "./validate/profile.js";
import { applyFlows } from "./core/apply.js";
import { Capabilities } from "./core/capabilities.js";
import { Catalog, SWITCH_TYPE } from "./core/catalog.js";
import { flowDigest, flowDigestAsync } from "./core/digest.js";
import { flowSchema, FLOW_TYPES, type FlowSchema } from "./core/flow-schema.js";
import { FlowTables, type FlowTable, type TableSettings } from "./core/flow-tables.js";
import { FlowEngine } from "./core/flows.js";
import { Notifier } from "./core/notify.js";
import { ObjectOps, type ObjectHooks } from "./core/object-ops.js";
import { ObjectStore, type ObjectRecord } from "./core/objects.js";
import { PackedFlows } from "./core/packed.js";
import { encodeSlots, openScan, toStoreFilters } from "./core/scan.js";
import { Sessions } from "./core/sessions.js";
import { loadSnapshot, saveSnapshot } from "./core/snapshot.js";
import { RuntimeState } from "./core/state.js";
import { fail, OK } from "./core/status.js";
import { Provisioner } from "./core/provisioner.js";

export type * from "./api.js";
export { parseFlowBatch, entryBytes, type FlowBatchMessage } from "./core/batch-wire.js";
export { PUSH_PATH } from "./core/grpc-push.js";
export { dumpPath } from "./core/vendor-dump.js";

/** Rows of the shared codec scratch: the largest batch any flow path encodes or decodes at once. */
const SCRATCH_ROWS = 4096;

/** Builds a runtime. */
export function createRuntime(options: RuntimeOptions): DashRuntime {
  return new Runtime(options);
}

const wallClock: Clock = { now: () => Date.now() };

class Runtime implements DashRuntime {
  readonly model: SaiModel;
  readonly mode: ValidationMode;
  readonly clock: Clock;
  role: Role;
  private readonly cat: Catalog;
  private readonly validator: Validator;
  private readonly objects = new ObjectStore();
  private readonly state: RuntimeState;
  private readonly caps: Capabilities;
  private readonly notifier = new Notifier();
  private readonly schema: FlowSchema | null;
  private readonly cols: FlowColumns | null;
  private readonly tables: FlowTables | null;
  private readonly provisioner: Provisioner | null = null;
  private readonly flows: FlowEngine | null;
  private readonly sessions: Sessions | null;
  private readonly packed: PackedFlows | null;
  private readonly ops: ObjectOps;
  private readonly dumpDir: string;
  private totalAged = 0;

  constructor(o: RuntimeOptions) {
    this.model = o.model;
    this.mode = o.mode ?? "sai";
    this.clock = o.clock ?? wallClock;
    this.role = o.role ?? "active";
    this.dumpDir = o.dumpDir ?? tmpdir();
    this.cat = new Catalog(o.model);
    this.validator = createValidator(o.model, { mode: this.mode, ...(o.profile ? { profile: o.profile } : {}) });
    this.caps = new Capabilities(this.cat, o.profile, o.limits);
    this.schema = flowSchema(this.cat);
    this.state = new RuntimeState(this.objects, () => this.flows);
    if (this.schema) {
      const s = this.schema;
      this.cols = s.codec.createColumns(SCRATCH_ROWS);
      this.provisioner = o.provisionInBackground ? new Provisioner() : null;
      this.tables = new FlowTables(s, this.objects, () => this.clock.now(), this.cols, o.expectedFlowsPerTable ?? 0, this.provisioner);
      this.flows = new FlowEngine(s, this.tables, this.cat, this.validator, this.cols, this.mode, () => this.caps.maxFlowEntries);
      this.sessions = new Sessions({
        cat: this.cat,
        schema: s,
        tables: this.tables,
        flows: this.flows,
        cols: this.cols,
        objects: this.objects.objects,
        dumpDir: this.dumpDir,
        callback: (sw) => (this.sessions?.notifyAttr ? this.ops.callbacks.get(sw)?.get(this.sessions.notifyAttr) : undefined),
        emit: (n) => this.notifier.emit(n),
      });
      this.packed = new PackedFlows(s, this.tables, this.flows, this.cat, this.objects, this.mode, this.caps);
    } else {
      this.cols = null;
      this.tables = null;
      this.flows = null;
      this.sessions = null;
      this.packed = null;
    }
    this.ops = new ObjectOps(this.cat, this.objects, this.state, this.validator, this.mode, () => this.flows, this.hooks());
  }

  // ---------------------------------------------------------------- object-type behaviour

  private tableSettings(attrs: ReadonlyMap<string, unknown>): TableSettings {
    const t = this.schema!.table;
    const n = (name: string | undefined, d: number) => (name && attrs.get(name) !== undefined ? Number(attrs.get(name)) : d);
    return { maxFlowCount: n(t.maxFlowCount, 0), enabledKeys: n(t.enabledKey, -1), ttlMs: n(t.ttl, 0) };
  }

  private hooks(): ObjectHooks {
    return {
      precreate: (type, sw, attrs) => {
        if (type === FLOW_TYPES.table && this.tables && this.tables.ofSwitch(sw).length >= this.caps.maxFlowTables)
          return fail("INSUFFICIENT_RESOURCES", `the switch holds ${this.caps.maxFlowTables} flow tables, its DASH_CAPS_MAX_FLOW_TABLE_COUNT`);
        if (type === FLOW_TYPES.session && this.sessions) {
          const p = this.sessions.plan(attrs);
          if ("code" in p) return p;
        }
        return null;
      },
      afterCreate: (rec) => {
        if (rec.type === FLOW_TYPES.table) this.tables?.create(rec.oid, rec.switchId, this.tableSettings(rec.attrs));
        else if (rec.type === FLOW_TYPES.eni) this.tables?.invalidate();
        else if (rec.type === FLOW_TYPES.session) this.sessions?.start(rec);
      },
      preset: (rec, attr, value) => {
        if (rec.type !== FLOW_TYPES.table || !this.tables || attr !== this.schema!.table.enabledKey) return null;
        const t = this.tables.tables.get(rec.oid);
        if (t && t.store.count > 0 && Number(value) !== t.store.enabledKeys)
          return fail("OBJECT_IN_USE", `the enabled-key mask of a table holding ${t.store.count} flow(s) cannot change`, 0, attr);
        return null;
      },
      afterSet: (rec, attr, value) => {
        if (rec.type === FLOW_TYPES.table) this.tables?.update(rec.oid, attr, value, this.tableSettings(rec.attrs));
        else if (rec.type === FLOW_TYPES.eni) this.tables?.invalidate();
      },
      beforeRemove: (rec) => {
        if (rec.type === FLOW_TYPES.table) this.tables?.remove(rec.oid);
        else if (rec.type === FLOW_TYPES.eni) this.tables?.invalidate();
        else if (rec.type === FLOW_TYPES.session) this.sessions?.stop(rec.oid);
      },
      afterEntryChange: (type) => {
        if (type === FLOW_TYPES.eniMap || type === "*") this.tables?.invalidate();
      },
      readOnly: (rec: ObjectRecord, a) => (rec.type === SWITCH_TYPE ? this.caps.switchValue(a) : undefined),
    };
  }

  // ---------------------------------------------------------------- ObjectApi

  createSwitch(attrs: readonly AttrInput[]): CreateResult {
    return this.ops.create(SWITCH_TYPE, 0n, attrs);
  }
  removeSwitch(switchId: bigint): SaiStatus {
    return this.ops.remove(SWITCH_TYPE, switchId);
  }
  create(objectType: string, switchId: bigint, attrs: readonly AttrInput[]): CreateResult {
    return this.ops.create(objectType, switchId, attrs);
  }
  remove(objectType: string, objectId: bigint): SaiStatus {
    return this.ops.remove(objectType, objectId);
  }
  set(objectType: string, objectId: bigint, attr: AttrInput): SaiStatus {
    return this.ops.set(objectType, objectId, attr);
  }
  get(objectType: string, objectId: bigint, ids: readonly AttrId[]): GetResult {
    return this.ops.get(objectType, objectId, ids);
  }
  createMany(objectType: string, switchId: bigint, items: readonly (readonly AttrInput[])[], mode?: BulkErrorMode): BulkCreateResult {
    return this.ops.createMany(objectType, switchId, items, mode);
  }
  removeMany(objectType: string, objectIds: readonly bigint[], mode?: BulkErrorMode): BulkResult {
    return this.ops.removeMany(objectType, objectIds, mode);
  }
  setMany(objectType: string, items: readonly { objectId: bigint; attr: AttrInput }[], mode?: BulkErrorMode): BulkResult {
    return this.ops.setMany(objectType, items, mode);
  }
  getMany(objectType: string, items: readonly { objectId: bigint; ids: readonly AttrId[] }[], mode?: BulkErrorMode): BulkGetResult {
    return this.ops.getMany(objectType, items, mode);
  }
  createEntry(objectType: string, key: EntryKey, attrs: readonly AttrInput[]): SaiStatus {
    return this.ops.createEntry(objectType, key, attrs);
  }
  removeEntry(objectType: string, key: EntryKey): SaiStatus {
    return this.ops.removeEntry(objectType, key);
  }
  setEntry(objectType: string, key: EntryKey, attr: AttrInput): SaiStatus {
    return this.ops.setEntry(objectType, key, attr);
  }
  getEntry(objectType: string, key: EntryKey, ids: readonly AttrId[]): GetResult {
    return this.ops.getEntry(objectType, key, ids);
  }
  createEntries(objectType: string, items: readonly { key: EntryKey; attrs: readonly AttrInput[] }[], mode?: BulkErrorMode): BulkResult {
    return this.ops.createEntries(objectType, items, mode);
  }
  removeEntries(objectType: string, keys: readonly EntryKey[], mode?: BulkErrorMode): BulkResult {
    return this.ops.removeEntries(objectType, keys, mode);
  }
  setEntries(objectType: string, items: readonly { key: EntryKey; attr: AttrInput }[], mode?: BulkErrorMode): BulkResult {
    return this.ops.setEntries(objectType, items, mode);
  }
  getEntries(objectType: string, items: readonly { key: EntryKey; ids: readonly AttrId[] }[], mode?: BulkErrorMode): BulkGetResult {
    return this.ops.getEntries(objectType, items, mode);
  }
  objectTypeQuery(objectId: bigint): string | undefined {
    return this.objects.objects.get(objectId)?.type;
  }
  switchIdQuery(objectId: bigint): bigint | undefined {
    return this.objects.objects.get(objectId)?.switchId;
  }
  listObjects(objectType: string, switchId?: bigint): bigint[] {
    const all = this.objects.ofType(objectType);
    return switchId === undefined ? [...all] : all.filter((o) => this.objects.objects.get(o)?.switchId === switchId);
  }
  referenceCount(objectId: bigint): number {
    return this.state.referenceCount(objectId);
  }

  // ---------------------------------------------------------------- CapabilityApi

  queryAttributeCapability(switchId: bigint, objectType: string, attr: AttrId): QueryResult<AttrCapabilityAnswer> {
    return this.caps.attributeCapability(this.objectTypeQuery(switchId) === SWITCH_TYPE, objectType, attr);
  }
  queryAttributeEnumValuesCapability(switchId: bigint, objectType: string, attr: AttrId): QueryResult<readonly number[]> {
    return this.caps.enumValuesCapability(this.objectTypeQuery(switchId) === SWITCH_TYPE, objectType, attr);
  }

  // ---------------------------------------------------------------- FlowApi

  private noFlows(): SaiStatus {
    return fail("NOT_SUPPORTED", "this header set has no DASH flow entry");
  }

  private selectTables(flowTableId?: bigint): FlowTable[] | SaiStatus {
    if (!this.tables) return this.noFlows();
    if (flowTableId === undefined) return [...this.tables.tables.values()];
    const t = this.tables.tables.get(flowTableId);
    return t ? [t] : fail("ITEM_NOT_FOUND", `flow table oid:0x${flowTableId.toString(16)} does not exist`);
  }

  flowCount(flowTableId?: bigint): number {
    const ts = this.selectTables(flowTableId);
    return Array.isArray(ts) ? ts.reduce((n, t) => n + t.store.count, 0) : 0;
  }
  flowTables(): bigint[] {
    return this.tables ? [...this.tables.tables.keys()] : [];
  }
  reserveFlows(flowTableId: bigint, flows: number): SaiStatus & { room: number } {
    const ts = this.selectTables(flowTableId);
    if (!Array.isArray(ts)) return { ...ts, room: 0 };
    if (!(Number.isSafeInteger(flows) && flows >= 0)) return { ...fail("INVALID_PARAMETER", `flows must be a non-negative integer, got ${flows}`), room: 0 };
    return { ...OK, room: this.tables!.provision(ts[0]!.store, flows) };
  }
  provisioned(): Promise<void> {
    return this.provisioner?.idle() ?? Promise.resolve();
  }

  private open(options: FlowScanOptions) {
    const ts = this.selectTables(options.flowTableId);
    if (!Array.isArray(ts)) return ts;
    const f = toStoreFilters(this.schema!, options.filters ?? []);
    if (!Array.isArray(f)) return fail("INVALID_PARAMETER", f.message, f.index);
    const scan = openScan(ts, f, options.limit ?? 0, (t) => this.tables!.tables.get(t.oid) === t);
    return typeof scan === "string" ? fail("INVALID_PARAMETER", scan) : scan;
  }

  scanFlows(options: FlowScanOptions = {}): FlowScanResult {
    const opened = this.open(options);
    if ("code" in opened) return { ok: false, status: opened };
    const scan = opened;
    const size = Math.max(1, Math.min(options.batchSize ?? 1024, SCRATCH_ROWS));
    const schema = this.schema!;
    const cols = this.cols!;
    function* batches(): Generator<EncodedFlowBatch> {
      const buf = new Uint32Array(size);
      for (let r = scan.next(buf); r; r = scan.next(buf)) yield encodeSlots(schema, cols, r.table, buf, r.n);
    }
    return { ok: true, batches: batches() };
  }
  countFlows(options: FlowScanOptions = {}): { ok: true; count: number } | { ok: false; status: SaiStatus } {
    const scan = this.open(options);
    if ("code" in scan) return { ok: false, status: scan };
    return { ok: true, count: scan.count() };
  }
  applyFlows(entries: EncodedFlowBatch | readonly Uint8Array[]): ApplyFlowsReport {
    if (!this.flows) {
      const n = Array.isArray(entries) ? entries.length : (entries as EncodedFlowBatch).count;
      return { received: n, inserted: 0, updated: 0, skipped: 0, deleted: 0, rejected: n, errors: [{ ...this.noFlows(), position: 0 }] };
    }
    return applyFlows(
      { schema: this.schema!, tables: this.tables!, flows: this.flows, cols: this.cols!, switches: () => this.objects.ofType(SWITCH_TYPE) },
      entries,
    );
  }
  flowDigest(flowTableId?: bigint): FlowDigest {
    const ts = this.selectTables(flowTableId);
    if (!Array.isArray(ts)) return { count: 0, digest: "" };
    return flowDigest(this.schema!, this.cols!, ts);
  }
  flowDigestAsync(flowTableId?: bigint): Promise<FlowDigest> {
    const ts = this.selectTables(flowTableId);
    if (!Array.isArray(ts)) return Promise.resolve({ count: 0, digest: "" });
    const tables = this.tables!;
    return flowDigestAsync(this.schema!, this.cols!, ts, (t) => tables.tables.get(t.oid) === t);
  }
  flowKeyLayout(): FlowKeyLayout {
    if (!this.schema) return { keyBytes: 0, fields: [] };
    const s = this.schema.store;
    return { keyBytes: s.keyBytes, fields: s.keyFields.map((f) => ({ name: f.name, kind: f.kind, offset: f.offset, size: f.size, ...(f.familyOffset >= 0 ? { familyOffset: f.familyOffset } : {}) })) };
  }
  packFlowKey(key: EntryKey, out: Uint8Array, row: number): boolean {
    return this.flows ? this.flows.pack(key, out, row * this.schema!.store.keyBytes) : false;
  }
  createFlowsPacked(keys: PackedFlowKeys, columns?: PackedFlowColumns, mode?: BulkErrorMode): PackedBulkResult {
    return this.packed ? this.packed.create(keys, columns ?? {}, mode ?? 0) : { ...this.noFlows(), succeeded: 0, codes: new Int32Array(keys.count) };
  }
  removeFlowsPacked(keys: PackedFlowKeys, mode?: BulkErrorMode): PackedBulkResult {
    return this.packed ? this.packed.remove(keys, mode ?? 0) : { ...this.noFlows(), succeeded: 0, codes: new Int32Array(keys.count) };
  }
  getFlowsPacked(keys: PackedFlowKeys, attr: string, out: Float64Array | Uint32Array): PackedBulkResult {
    return this.packed ? this.packed.get(keys, attr, out) : { ...this.noFlows(), succeeded: 0, codes: new Int32Array(keys.count) };
  }

  // ---------------------------------------------------------------- sessions

  sessionDone(sessionId: bigint): Promise<SessionReport> | undefined {
    return this.sessions?.done(sessionId);
  }

  // ---------------------------------------------------------------- control

  setRole(role: Role): void {
    if (role === "active" && this.role === "standby" && this.tables) {
      for (const t of this.tables.tables.values()) t.store.touchAll();
    }
    this.role = role;
  }

  age(nowMs?: number): AgeReport {
    const byTable = new Map<bigint, number>();
    let aged = 0;
    if (this.role === "active" && this.tables) {
      const now = nowMs ?? this.clock.now();
      for (const t of this.tables.tables.values()) {
        const n = t.store.age(now);
        if (n === 0) continue;
        byTable.set(t.oid, n);
        aged += n;
        this.notifier.emit({ type: "flows_aged", flowTableId: t.oid, count: n });
      }
    }
    this.totalAged += aged;
    return { aged, byTable, totalAged: this.totalAged };
  }

  subscribe(listener: NotificationListener): () => void {
    return this.notifier.subscribe(listener);
  }

  saveSnapshot(path: string): Promise<SaiStatus> {
    return saveSnapshot(this.snapshotEnv(), path);
  }

  async loadSnapshot(path: string): Promise<SaiStatus> {
    await this.sessions?.close();
    return loadSnapshot(this.snapshotEnv(), path);
  }

  private snapshotEnv() {
    return {
      cat: this.cat,
      objects: this.objects,
      schema: this.schema,
      tables: this.tables,
      cols: this.cols,
      clock: this.clock,
      tableSettings: (attrs: ReadonlyMap<string, unknown>) => this.tableSettings(attrs),
      callbacks: this.ops.callbacks,
    };
  }

  async close(): Promise<void> {
    this.provisioner?.close();
    await this.sessions?.close();
  }
}

