/**
 * The public interface of the dashflow reference runtime: the DASH flow API (and every other object type of the
 * generated metadata) implemented in process, so services and tests run against it instead of a DPU.
 *
 * Conventions (shared with `runtime/validate` and `runtime/values`):
 * - Object types and attributes are named as in SAI (`SAI_OBJECT_TYPE_FLOW_TABLE`, `SAI_FLOW_TABLE_ATTR_…`);
 *   inputs also accept numeric attribute ids, outputs always carry names.
 * - Values use the `runtime/values` shapes: 8–32-bit integers and enums are `number`, 64-bit integers and object
 *   ids `bigint`, MACs 6-byte `Uint8Array`s, IPs `{family, bytes}`, lists arrays.
 * - Entry keys (`sai_flow_entry_t`, …) are plain objects keyed by C member name, values in the same shapes.
 * - Every operation answers with a {@link SaiStatus} value; nothing throws across this interface.
 *
 * Decisions that callers rely on are documented at the members they affect; `runtime/runtime.ts` holds the
 * implementation and its module doc repeats them in one place.
 */
import type { SaiModel } from "../generator/model/types.js";
import type { AttrCapabilityAnswer, CapabilityProfile, QueryResult } from "./validate/profile.js";
import type { AttrInput, BulkErrorMode, ValidationMode } from "./validate/types.js";

// ---------------------------------------------------------------------------------------------------------------
// Values in and out

/** An attribute id as a caller may give it: the `SAI_…_ATTR_…` name or the numeric id. */
export type AttrId = string | number;

/** One attribute of a result (get, notifications): always the attribute name and a `runtime/values` value. */
export interface Attribute {
  readonly id: string;
  readonly value: unknown;
}

/** An ordered attribute list as a caller gives it (ids by name or number). */
export type AttrList = readonly AttrInput[];

/** An entry key (`sai_flow_entry_t`, `sai_eni_ether_address_map_entry_t`, …): C member name → value. */
export type EntryKey = Readonly<Record<string, unknown>>;

/**
 * The outcome of an operation, as `sai_status_t` plus context: `status` is the `SAI_STATUS_…` name (indexed codes
 * past `_10` print as decimal), `code` the numeric value, `index`/`attr` the offending attribute when there is one.
 */
export interface SaiStatus {
  readonly status: string;
  readonly code: number;
  readonly index?: number;
  readonly attr?: string;
  readonly message: string;
}

/** A create of an OID object: the status and, on success, the new object id. */
export interface CreateResult extends SaiStatus {
  readonly objectId?: bigint;
}

/** A get: the status and, on success, the requested attributes in request order. */
export interface GetResult extends SaiStatus {
  readonly attrs?: readonly Attribute[];
}

/**
 * A bulk call: the overall status and one status per object (`object_statuses`). Error modes: STOP_ON_ERROR
 * executes the items before the first failure, marks every later one NOT_EXECUTED and executes nothing after it;
 * IGNORE_ERROR executes every valid item. The overall status is SUCCESS when every item succeeded, else FAILURE
 * (mode `sai`; `index` names the first failed item) or the first failure's own status (mode `sairedis`). A call
 * rejected as a whole (bad error mode, no items) answers INVALID_PARAMETER with every item NOT_EXECUTED.
 */
export interface BulkResult extends SaiStatus {
  readonly statuses: readonly SaiStatus[];
}

/** A bulk create of OID objects: as {@link BulkResult}, plus the object id of each created item. */
export interface BulkCreateResult extends BulkResult {
  readonly objectIds: readonly (bigint | undefined)[];
}

/** A bulk get: as {@link BulkResult}, plus the attributes of each item that succeeded. */
export interface BulkGetResult extends BulkResult {
  readonly attrs: readonly (readonly Attribute[] | undefined)[];
}

// ---------------------------------------------------------------------------------------------------------------
// Generic object API

/**
 * create/remove/set/get and bulk for every object type of the metadata, through the validators (mode `sai` by
 * default). Defaults are applied on create and returned by get; READ_ONLY attributes the runtime knows are
 * computed (e.g. `SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY` from the key's `src_ip`); object ids held in attributes
 * and entry keys are reference counted (remove of a referenced object → `SAI_STATUS_OBJECT_IN_USE`).
 */
export interface ObjectApi {
  /** `create_switch`: the switch is the root of every other object. */
  createSwitch(attrs: AttrList): CreateResult;
  /** Removes the switch and everything created on it (never OBJECT_IN_USE). */
  removeSwitch(switchId: bigint): SaiStatus;

  /** Creates an OID object of `objectType` on `switchId` (for SWITCH, `switchId` is ignored). */
  create(objectType: string, switchId: bigint, attrs: AttrList): CreateResult;
  /** Removes an OID object. */
  remove(objectType: string, objectId: bigint): SaiStatus;
  /** Sets one attribute of an OID object. */
  set(objectType: string, objectId: bigint, attr: AttrInput): SaiStatus;
  /** Reads attributes of an OID object. */
  get(objectType: string, objectId: bigint, ids: readonly AttrId[]): GetResult;

  /** `create_<objects>` (SAI bulk object create: one switch for every item). */
  createMany(objectType: string, switchId: bigint, items: readonly AttrList[], mode?: BulkErrorMode): BulkCreateResult;
  /** `remove_<objects>`. */
  removeMany(objectType: string, objectIds: readonly bigint[], mode?: BulkErrorMode): BulkResult;
  /** `set_<objects>_attribute`. */
  setMany(objectType: string, items: readonly { objectId: bigint; attr: AttrInput }[], mode?: BulkErrorMode): BulkResult;
  /** `get_<objects>_attribute`. */
  getMany(objectType: string, items: readonly { objectId: bigint; ids: readonly AttrId[] }[], mode?: BulkErrorMode): BulkGetResult;

  /** Creates an entry (non-OID object) with its key. */
  createEntry(objectType: string, key: EntryKey, attrs: AttrList): SaiStatus;
  /** Removes an entry. A bidirectional flow entry takes its reverse flow with it. */
  removeEntry(objectType: string, key: EntryKey): SaiStatus;
  /** Sets one attribute of an entry. */
  setEntry(objectType: string, key: EntryKey, attr: AttrInput): SaiStatus;
  /** Reads attributes of an entry. */
  getEntry(objectType: string, key: EntryKey, ids: readonly AttrId[]): GetResult;

  /** Bulk entry create (`create_flow_entries`, …). */
  createEntries(objectType: string, items: readonly { key: EntryKey; attrs: AttrList }[], mode?: BulkErrorMode): BulkResult;
  /** Bulk entry remove. */
  removeEntries(objectType: string, keys: readonly EntryKey[], mode?: BulkErrorMode): BulkResult;
  /** Bulk entry set (one attribute per item). */
  setEntries(objectType: string, items: readonly { key: EntryKey; attr: AttrInput }[], mode?: BulkErrorMode): BulkResult;
  /** Bulk entry get. */
  getEntries(objectType: string, items: readonly { key: EntryKey; ids: readonly AttrId[] }[], mode?: BulkErrorMode): BulkGetResult;

  /** `sai_object_type_query`: the type name encoded in an object id, if it names a created object. */
  objectTypeQuery(objectId: bigint): string | undefined;
  /** `sai_switch_id_query`: the switch an object id belongs to, if that switch exists. */
  switchIdQuery(objectId: bigint): bigint | undefined;
  /** Object ids of every created object of `objectType` (all switches, or one). */
  listObjects(objectType: string, switchId?: bigint): bigint[];
  /** How many attributes and entry keys refer to `objectId`. */
  referenceCount(objectId: bigint): number;
}

// ---------------------------------------------------------------------------------------------------------------
// Capabilities

/**
 * Capability queries, answered from the vendor capability profile (`runtime/validate/profile.ts`) when one was
 * given, else "everything the metadata allows". The same profile restricts the operations themselves: an
 * unsupported attribute answers `SAI_STATUS_ATTR_NOT_SUPPORTED_0 + i`, an unsupported operation
 * `SAI_STATUS_NOT_IMPLEMENTED`. The switch's `SAI_SWITCH_ATTR_DASH_CAPS_*` attributes are readable with `get`.
 */
export interface CapabilityApi {
  /** `sai_query_attribute_capability`. */
  queryAttributeCapability(switchId: bigint, objectType: string, attr: AttrId): QueryResult<AttrCapabilityAnswer>;
  /** `sai_query_attribute_enum_values_capability` (for flag enums: the supported bits). */
  queryAttributeEnumValuesCapability(switchId: bigint, objectType: string, attr: AttrId): QueryResult<readonly number[]>;
}

// ---------------------------------------------------------------------------------------------------------------
// Notifications

/** Event names of `sai_flow_bulk_get_session_event_t`. */
export type BulkGetEventType = "SAI_FLOW_BULK_GET_SESSION_EVENT_FLOW_ENTRY" | "SAI_FLOW_BULK_GET_SESSION_EVENT_FINISHED";

/** One `sai_flow_bulk_get_session_event_data_t`. */
export interface BulkGetEventData {
  readonly event_type: BulkGetEventType;
  /** The flow's key (FLOW_ENTRY events); absent on FINISHED. */
  readonly flow_entry?: EntryKey;
  /** The flow's attributes (mode EVENT); `[]` in mode EVENT_WITHOUT_FLOW_STATE and on FINISHED. */
  readonly attr: readonly Attribute[];
}

/**
 * The TS form of `sai_flow_bulk_get_session_event_notification_fn(session_id, count, data)`. May be stored as the
 * value of `SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY` (the runtime keeps the function and reports a
 * non-zero pointer for it on get); `subscribe` receives the same events.
 */
export type BulkGetEventCallback = (sessionId: bigint, data: readonly BulkGetEventData[]) => void;

/** Everything the runtime reports asynchronously. */
export type RuntimeNotification =
  | {
      /** A batch of bulk-get session events; the last batch of a session ends with one FINISHED item. */
      readonly type: "flow_bulk_get_session_event";
      readonly switchId: bigint;
      readonly sessionId: bigint;
      readonly data: readonly BulkGetEventData[];
    }
  | {
      /** A session ended (every mode): how many flows it delivered, and its final status (SUCCESS or why not). */
      readonly type: "flow_bulk_get_session_finished";
      readonly switchId: bigint;
      readonly sessionId: bigint;
      readonly report: SessionReport;
    }
  | {
      /** `age()` removed idle flows from a table. */
      readonly type: "flows_aged";
      readonly flowTableId: bigint;
      readonly count: number;
    };

/** A listener of {@link RuntimeNotification}s. */
export type NotificationListener = (n: RuntimeNotification) => void;

/** The outcome of one bulk-get session. */
export interface SessionReport {
  readonly sessionId: bigint;
  readonly mode: "GRPC" | "VENDOR" | "EVENT" | "EVENT_WITHOUT_FLOW_STATE";
  /** Flows delivered. */
  readonly flows: number;
  /** Batches (GRPC messages, notification batches, dump lines are not batched: 0). */
  readonly batches: number;
  /** SUCCESS, or why the session stopped early (e.g. FAILURE with the gRPC error). */
  readonly status: SaiStatus;
  /** VENDOR mode: the gzip JSONL dump file. */
  readonly file?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Flow fast paths (HA sync, dump, digest, benchmarks)

/** Filter keys of `sai_dash_flow_entry_bulk_get_session_filter_key_t`, short form (the full names work too). */
export type FlowFilterKey =
  | "FLOW_TABLE_ID"
  | "ENI_ADDR"
  | "IP_PROTOCOL"
  | "SRC_IP_ADDR"
  | "DST_IP_ADDR"
  | "SRC_L4_PORT"
  | "DST_L4_PORT"
  | "KEY_VERSION";

/** Operators of `sai_dash_flow_entry_bulk_get_session_op_key_t`, short form (`=`, `>=`, … and full names work too). */
export type FlowFilterOp = "EQUAL_TO" | "GREATER_THAN" | "GREATER_THAN_OR_EQUAL_TO" | "LESS_THAN" | "LESS_THAN_OR_EQUAL_TO";

/**
 * One predicate, as a bulk-get session filter object carries it. The value kind follows the key: INT
 * (number/bigint) for FLOW_TABLE_ID, IP_PROTOCOL, ports and KEY_VERSION; IP (`{family, bytes}` or text) for
 * the IP keys (only flows of the value's family match); MAC (6 bytes or text) for ENI_ADDR.
 */
export interface FlowScanFilter {
  readonly key: FlowFilterKey | string;
  readonly op: FlowFilterOp | string;
  readonly value: unknown;
}

/** What to scan. */
export interface FlowScanOptions {
  /** One table; default every table of every switch. */
  readonly flowTableId?: bigint;
  /** Up to five AND-ed filters; none = every flow. */
  readonly filters?: readonly FlowScanFilter[];
  /** At most this many flows in total (0 or absent = no limit). */
  readonly limit?: number;
  /** Flows per batch (default 1024). */
  readonly batchSize?: number;
}

/**
 * A batch of flows encoded as SaiDashFlowEntry messages (`runtime/proto`'s specialized codec, byte-identical to
 * protobufjs). `records` is the concatenation of `SaiDashFlowBatch.entries` fields (tag 3, length, entry): put a
 * session id and sequence in front and it is a complete SaiDashFlowBatch, with no copy per flow.
 */
export interface EncodedFlowBatch {
  readonly count: number;
  readonly records: Uint8Array;
  /** Entry `i` = `records.subarray(offsets[i], offsets[i] + lengths[i])` (the SaiDashFlowEntry bytes). */
  readonly offsets: Uint32Array;
  readonly lengths: Uint32Array;
}

/** A scan that went wrong (bad filter, unknown table) is a status; a good one yields batches. */
export type FlowScanResult =
  | { readonly ok: true; readonly batches: Iterable<EncodedFlowBatch> }
  | { readonly ok: false; readonly status: SaiStatus };

/** Per-entry outcome of {@link FlowApi.applyFlows}. */
export interface ApplyFlowsReport {
  readonly received: number;
  /** Flows that did not exist and were created. */
  readonly inserted: number;
  /** Flows whose incoming VERSION was newer and replaced the local state. */
  readonly updated: number;
  /**
   * Flows whose incoming VERSION was equal or older (never go backwards), and deletes not carried out (the flow is
   * missing, or held in another version).
   */
  readonly skipped: number;
  /** Flows removed by a FLOW_PENDING_DELETE entry of the same VERSION (with their reverse flows). */
  readonly deleted: number;
  /** Entries that did not decode or could not be applied (no table for the ENI, table full, …). */
  readonly rejected: number;
  /** The first rejections (capped at 100), by position in the input. */
  readonly errors: readonly (SaiStatus & { readonly position: number })[];
}

/** Content digest of flows: order independent, equal for equal contents whatever the insertion order. */
export interface FlowDigest {
  readonly count: number;
  /** 128-bit hex. */
  readonly digest: string;
}

/** Packed flow keys for the allocation-free bulk paths; layout from {@link FlowApi.flowKeyLayout}. */
export interface PackedFlowKeys {
  readonly count: number;
  /** `count` rows of `keyBytes` bytes (see {@link FlowKeyLayout}). */
  readonly keys: Uint8Array;
}

/**
 * Column-wise state for {@link FlowApi.createFlowsPacked}: attribute name (`SAI_FLOW_ENTRY_ATTR_…`) → one value
 * per flow. Integer/enum/bool attributes take typed arrays of numbers; other attributes are not accepted here
 * (set them with `setEntry`, or program them through FLOW_DATA_PB / `applyFlows`).
 */
export type PackedFlowColumns = Readonly<Record<string, ArrayLike<number>>>;

/** Where each key member sits in a packed key row. */
export interface FlowKeyLayout {
  readonly keyBytes: number;
  /** Members: value bytes at `offset` (integers little-endian, MAC/IP in network order); IP members also have a family byte (0 = IPv4, 1 = IPv6) at `familyOffset`, and IPv4 uses the first 4 of 16 address bytes (the rest zero). */
  readonly fields: readonly { readonly name: string; readonly kind: string; readonly offset: number; readonly size: number; readonly familyOffset?: number }[];
}

/** Result of a packed bulk call: per-item `sai_status_t` codes in `codes` (0 = success). */
export interface PackedBulkResult extends SaiStatus {
  readonly succeeded: number;
  readonly codes: Int32Array;
}

/** The paths HA sync, dumps and digests use: batches of bytes and typed arrays, never an object per flow. */
export interface FlowApi {
  /** Live flows in one table, or in all tables. */
  flowCount(flowTableId?: bigint): number;
  /** Flow tables that exist (all switches). */
  flowTables(): bigint[];
  /** Streams flows matching the filters as encoded batches (semantics under mutation: see {@link BulkGetApi}). */
  scanFlows(options?: FlowScanOptions): FlowScanResult;
  /** Number of flows matching the filters, without encoding them (diagnosis, benchmarks). */
  countFlows(options?: FlowScanOptions): { readonly ok: true; readonly count: number } | { readonly ok: false; readonly status: SaiStatus };
  /**
   * Applies incoming SaiDashFlowEntry messages by the HA rule: insert when the key is missing; when it exists,
   * replace the state only if the incoming VERSION is newer (greater); equal or older is skipped, so a flow never
   * goes backwards. An entry whose DASH_FLOW_SYNC_STATE is FLOW_PENDING_DELETE is a delete: it removes the flow (and
   * its reverse flow) only when held in the same VERSION (a newer local version means the delete is stale; a
   * missing flow has nothing to delete). Entries apply in input order. The table is chosen as for `createEntry` (the ENI whose MAC is the key's `eni_mac`); an
   * incoming `switch_id` that is not a local switch is mapped to the local switch when there is exactly one.
   * Works in either role (a standby applies what the active sends).
   */
  applyFlows(entries: EncodedFlowBatch | readonly Uint8Array[]): ApplyFlowsReport;
  /** Order-independent digest of every flow's key and state (optionally one table). */
  flowDigest(flowTableId?: bigint): FlowDigest;
  /** {@link flowDigest} in slices between event-loop turns (servers: a digest of 32M flows takes seconds). */
  flowDigestAsync(flowTableId?: bigint): Promise<FlowDigest>;
  /** The packed key row format of the allocation-free paths. */
  flowKeyLayout(): FlowKeyLayout;
  /** Packs a `sai_flow_entry_t` into `out` at row `row` (false when a member has the wrong shape). */
  packFlowKey(key: EntryKey, out: Uint8Array, row: number): boolean;
  /**
   * Bulk flow create without per-flow allocation: keys packed, state column-wise, validated by the compiled
   * validator (attribute checks once per column, key and value checks per flow). Same statuses and error modes
   * as `createEntries`: a table (or switch) the call's new flows would overflow (`MAX_FLOW_COUNT`, the switch's
   * flow capacity) gets TABLE_FULL for all of its rows and nothing of it is inserted; keys that exist already or
   * repeat an earlier row add nothing to that count (ITEM_ALREADY_EXISTS).
   */
  createFlowsPacked(keys: PackedFlowKeys, columns?: PackedFlowColumns, mode?: BulkErrorMode): PackedBulkResult;
  /** Bulk flow remove by packed keys (bidirectional flows take their reverse flow with them). */
  removeFlowsPacked(keys: PackedFlowKeys, mode?: BulkErrorMode): PackedBulkResult;
  /**
   * Bulk lookup by packed keys: writes each flow's value of `attr` (a number column, e.g. VERSION) to `out`,
   * and its status code to the result's `codes` (ITEM_NOT_FOUND for a missing flow). Does not count as a hit.
   */
  getFlowsPacked(keys: PackedFlowKeys, attr: string, out: Float64Array | Uint32Array): PackedBulkResult;
}

// ---------------------------------------------------------------------------------------------------------------
// Bulk get sessions

/**
 * Bulk-get sessions are ordinary objects (`SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION`): creating one starts it
 * (asynchronously, after `create` returns). What a session sees while flows change: it fixes each table's slot
 * high-water mark when it starts and visits slots in increasing order, each once; a flow is reported when its
 * slot is visited and it matches then. So a flow present for the whole session is reported exactly once, a flow
 * removed before its slot is visited is not reported, a flow added later may or may not be, and nothing is ever
 * reported twice. Flow state is read when the slot is visited.
 */
export interface BulkGetApi {
  /** Resolves when the session ends (immediately when it already ended); undefined for an unknown session. */
  sessionDone(sessionId: bigint): Promise<SessionReport> | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Time, roles, persistence

/** A millisecond clock; inject a fake one to drive aging in tests. */
export interface Clock {
  now(): number;
}

/** HA role: a standby never ages flows (its flows follow the active's). */
export type Role = "active" | "standby";

/** What `age()` did. */
export interface AgeReport {
  /** Flows removed, all tables. */
  readonly aged: number;
  /** Per table id with at least one aged flow. */
  readonly byTable: ReadonlyMap<bigint, number>;
  /** Total flows aged since the runtime was created. */
  readonly totalAged: number;
}

/** Lifecycle, time and persistence. */
export interface ControlApi {
  readonly role: Role;
  /** Changes the role; becoming active restarts every idle timer from now (no mass expiry at failover). */
  setRole(role: Role): void;
  readonly clock: Clock;
  /**
   * Removes flows idle for at least their table's `FLOW_TTL_IN_MILLISECONDS` (0 = never) at `clock.now()` (or
   * `nowMs`). Idle time counts from create and from every hit; a hit is create, set and the HA apply of a newer
   * version — get does NOT count (a diagnostic read must not keep a flow alive). Standby: no-op.
   */
  age(nowMs?: number): AgeReport;
  /**
   * Provisions flow table `flowTableId` to hold `flows` flows in all (capped at its MAX_FLOW_COUNT): its index grows
   * once so they fit without a rehash, and the memory the keys of the flows beyond its count will use is committed
   * now, in one sweep, instead of a page fault at a time while they arrive (`FlowStore.reserve`). What a standby does
   * before a bulk sync. `room`: flows the table now takes without growing. ITEM_NOT_FOUND for an unknown table.
   * With `provisionInBackground` the commit runs in slices between event-loop turns (see {@link provisioned}).
   */
  reserveFlows(flowTableId: bigint, flows: number): SaiStatus & { room: number };
  /** Resolves when provisioned memory committed in the background (`provisionInBackground`) is all committed. */
  provisioned(): Promise<void>;
  /** Registers a listener; returns the unsubscribe function. */
  subscribe(listener: NotificationListener): () => void;
  /**
   * Writes the whole state (objects, attributes, flows with their last-hit ages) to `path` atomically (temporary
   * file in the same folder, fsync, rename). Format: see `runtime/core/snapshot.ts`.
   */
  saveSnapshot(path: string): Promise<SaiStatus>;
  /** Replaces the whole state with a snapshot written by `saveSnapshot` (same metadata required). */
  loadSnapshot(path: string): Promise<SaiStatus>;
  /** Stops running sessions and releases gRPC channels. */
  close(): Promise<void>;
}

/** The whole runtime. */
export interface DashRuntime extends ObjectApi, CapabilityApi, FlowApi, BulkGetApi, ControlApi {
  /** The metadata it was built from. */
  readonly model: SaiModel;
  readonly mode: ValidationMode;
}

/** Device limits the switch's DASH capability attributes report when no profile sets them. */
export interface RuntimeLimits {
  /** `SAI_SWITCH_ATTR_DASH_CAPS_MAX_FLOW_TABLE_COUNT` (default 4096). */
  readonly maxFlowTables?: number;
  /**
   * `SAI_SWITCH_ATTR_DASH_CAPS_MAX_FLOW_ENTRY_COUNT`, all tables of a switch together (default 64M). A table with
   * `MAX_FLOW_COUNT = 0` is limited only by this.
   */
  readonly maxFlowEntries?: number;
}

/** Options of `createRuntime`. */
export interface RuntimeOptions {
  /** The metadata (e.g. `runPipeline(["sai-headers"]).model`). */
  readonly model: SaiModel;
  /** Validation mode, default `sai`. */
  readonly mode?: ValidationMode;
  /** Vendor capability profile to emulate a partial implementation. */
  readonly profile?: CapabilityProfile;
  /** Default: wall-clock milliseconds. */
  readonly clock?: Clock;
  /** Default `active`. */
  readonly role?: Role;
  readonly limits?: RuntimeLimits;
  /** Folder for VENDOR-mode dump files (default: the OS temp folder). */
  readonly dumpDir?: string;
  /**
   * Expected flows per table (`dashflow serve --expected-flows`): every flow table's store is provisioned for this
   * many flows when the table is created (index sized, key-row memory committed: `FlowStoreOptions.commitInitial`,
   * or right after in the background with `provisionInBackground`).
   */
  readonly expectedFlowsPerTable?: number;
  /**
   * Commit provisioned memory (expected flows of a new table, `reserveFlows`) in slices between event-loop turns
   * instead of in one go (default false). A server sets it: provisioning tens of millions of flows is seconds of
   * page faults, and a server must keep answering meanwhile.
   */
  readonly provisionInBackground?: boolean;
}
