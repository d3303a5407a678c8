/**
 * The HA apply rule for incoming SaiDashFlowEntry messages (what a standby does with what the active sends):
 * insert a flow that is missing; replace the state of an existing flow only when the incoming VERSION is greater
 * than the stored one; equal or older versions are skipped, so a flow never goes backwards. An entry whose
 * DASH_FLOW_SYNC_STATE is FLOW_PENDING_DELETE removes the flow (and its reverse flow) only when it is held in the
 * same version (a newer local version means the delete is stale; a missing flow has nothing to delete). Entries are
 * decoded straight into codec columns and scattered into the store (no object per flow). A header set without
 * VERSION only inserts. Applying counts as a hit for aging (insert, and update with a newer version).
 *
 * The table is chosen as for create (the key's ENI MAC, or its flow_table_id member). A `switch_id` that is not a
 * local switch is replaced by the local switch when there is exactly one (the peer's switch id need not be ours).
 * Values are checked for their column width and enum values against their enums (a peer's values are input like
 * any other).
 *
 * Entries go through in chunks of up to {@link CHUNK}: all decoded into codec rows first, then the rows that share a
 * table found or inserted with one `upsertMany` (one hash and one probe per key; batched probes overlap their memory
 * misses, PERFORMANCE.md), then each row's state scattered into its slot. Deletes (rare) apply one by one in their
 * place. Entries apply in input order: a key repeated inside a chunk is inserted once and its later copies follow
 * the update (or delete) rule.
 */
import type { ApplyFlowsReport, EncodedFlowBatch, SaiStatus } from "../api.js";
import type { FlowColumns } from "../proto/specialized.js";
import { oidText } from "../validate/oid-types.js";
import type { FlowSchema } from "./flow-schema.js";
import { macText, type FlowTable, type FlowTables } from "./flow-tables.js";
import { unpackFlowKey } from "./flow-values.js";
import type { FlowEngine } from "./flows.js";
import { fail } from "./status.js";

const MAX_ERRORS = 100;

/** What apply needs. */
export interface ApplyEnv {
  readonly schema: FlowSchema;
  readonly tables: FlowTables;
  readonly flows: FlowEngine;
  readonly cols: FlowColumns;
  readonly switches: () => readonly bigint[];
}

/** Entries decoded and looked up together (codec scratch rows 0..CHUNK-1). */
export const CHUNK = 256;

/** Per-call working arrays, kept between calls: a standby applies small slices often (apply is not re-entrant). */
interface Scratch {
  readonly chunk: number;
  readonly kb: number;
  readonly keys: Uint8Array;
  /** `keys` as words (keys are whole words). */
  readonly keys32: Uint32Array;
  readonly rowTable: (FlowTable | undefined)[];
  /** 1 for a row that is a delete (FLOW_PENDING_DELETE). */
  readonly deletes: Uint8Array;
  readonly slots: Int32Array;
  readonly created: Uint8Array;
}
let scratch: Scratch | null = null;
function scratchFor(chunk: number, kb: number): Scratch {
  if (scratch && scratch.chunk === chunk && scratch.kb === kb) {
    scratch.rowTable.fill(undefined);
    return scratch;
  }
  const keys = new Uint8Array(chunk * kb);
  scratch = { chunk, kb, keys, keys32: new Uint32Array(keys.buffer), rowTable: new Array(chunk).fill(undefined), deletes: new Uint8Array(chunk), slots: new Int32Array(chunk), created: new Uint8Array(chunk) };
  return scratch;
}

/** Applies entries by the HA rule. */
export function applyFlows(env: ApplyEnv, input: EncodedFlowBatch | readonly Uint8Array[]): ApplyFlowsReport {
  const list = Array.isArray(input) ? (input as readonly Uint8Array[]) : null;
  const batch = list ? null : (input as EncodedFlowBatch);
  const n = list ? list.length : batch!.count;
  const errors: (SaiStatus & { position: number })[] = [];
  const report = { received: n, inserted: 0, updated: 0, skipped: 0, deleted: 0, rejected: 0, errors };
  const reject = (position: number, s: SaiStatus): void => {
    report.rejected++;
    if (errors.length < MAX_ERRORS) errors.push({ ...s, position });
  };
  const anyTable = env.tables.tables.values().next().value as FlowTable | undefined;
  if (!anyTable) {
    for (let i = 0; i < n; i++) reject(i, fail("INVALID_PARAMETER", "no flow table exists"));
    return report;
  }
  const s = env.schema;
  const KB = s.store.keyBytes;
  const rowCodec = anyTable.codec;
  const switches = env.switches();
  const local = new Set(switches);
  const flowsOn = new Map<bigint, number>();
  const chunk = Math.min(CHUNK, env.cols.capacity);
  const { keys, keys32, rowTable, deletes, slots, created } = scratchFor(chunk, KB);
  const KW = KB >>> 2;
  // the sync-state value that makes an entry a delete (none without VERSION: the rule compares versions)
  const pendingDelete = s.a.version !== undefined ? (s.a.pendingDelete ?? null) : null;
  // one-entry caches: consecutive entries nearly always name the same switch and ENI (compared as numbers: a
  // bigint per entry would cost more than the rest of the key handling)
  let swLo = -1;
  let swHi = -1;
  let swGen = 0;
  let swLocal: bigint | null = null;
  let swRemap = false;
  let swRaw = 0n;
  let lastMac = -1;
  let lastGen = -1;
  let lastTable: FlowTable | undefined;

  /** Decodes entry `i` into row `r` and finds its table; false (after rejecting it) when it cannot be applied. */
  const prepare = (i: number, r: number): boolean => {
    const e = list ? s.codec.decodeRow(list[i]!, env.cols, r) : s.codec.decodeRowAt(batch!.records, batch!.offsets[i]!, batch!.offsets[i]! + batch!.lengths[i]!, env.cols, r);
    if (e) {
      reject(i, fail("INVALID_PARAMETER", `entry ${i} is not a SaiDashFlowEntry: ${e.message}`));
      return false;
    }
    const lo = rowCodec.switchWord(r, false);
    const hi = rowCodec.switchWord(r, true);
    if (lo !== swLo || hi !== swHi) {
      swLo = lo;
      swHi = hi;
      swGen++;
      swRaw = rowCodec.switchOf(r);
      swRemap = !local.has(swRaw);
      swLocal = swRemap ? (switches.length === 1 ? switches[0]! : null) : swRaw;
    }
    if (swLocal === null) {
      reject(i, fail("INVALID_PARAMETER", `switch ${oidText(swRaw)} of entry ${i} is not a local switch`));
      return false;
    }
    const sw = swLocal;
    if (swRemap) rowCodec.setSwitch(r, sw);
    rowCodec.packKeyWords(r, keys32, r * KW);
    let t: FlowTable | undefined;
    if (s.tableMember) {
      const found = env.flows.tableFor(unpackFlowKey(s.store, keys, r * KB));
      t = typeof found === "string" ? undefined : found;
    } else {
      const mac = rowCodec.eniMac(r);
      if (mac !== lastMac || swGen !== lastGen) {
        lastMac = mac;
        lastGen = swGen;
        lastTable = env.tables.forMac(sw, mac);
      }
      t = lastTable;
    }
    if (!t) {
      reject(i, fail("INVALID_PARAMETER", `no flow table for ENI MAC ${macText(rowCodec.eniMac(r))} of entry ${i}`));
      return false;
    }
    const bad = t.codec.check(r);
    if (bad >= 0) {
      reject(i, fail("INVALID_PARAMETER", `entry ${i}: ${t.codec.checkNames[bad]} ${t.codec.checkReasons[bad]}`, undefined, t.codec.checkNames[bad]));
      return false;
    }
    rowTable[r] = t;
    deletes[r] = pendingDelete !== null && rowCodec.syncState(r) === pendingDelete ? 1 : 0;
    return true;
  };

  /** The update rule for row `r` whose flow is in `slot`. */
  const update = (t: FlowTable, r: number, slot: number): void => {
    if (t.codec.version(r) >>> 0 > t.codec.slotVersion(slot) >>> 0) {
      t.codec.scatter(r, slot);
      t.store.touch(slot);
      report.updated++;
    } else report.skipped++;
  };

  /** The delete rule for row `r`: remove the flow (and its reverse) only when held in the same version. */
  const remove = (t: FlowTable, r: number): void => {
    const slot = t.store.lookup(keys, r * KB);
    if (slot >= 0 && t.codec.slotVersion(slot) >>> 0 === t.codec.version(r) >>> 0) {
      env.flows.removeFound({ table: t, slot });
      flowsOn.delete(t.switchId);
      report.deleted++;
    } else report.skipped++;
  };

  for (let from = 0; from < n; from += chunk) {
    const m = Math.min(chunk, n - from);
    for (let r = 0; r < m; r++) if (!prepare(from + r, r)) rowTable[r] = undefined;
    // runs of rows sharing a table (deletes, rare, apply one by one in their place): one batched find-or-insert
    for (let r = 0; r < m; ) {
      const t = rowTable[r];
      if (!t) {
        r++;
        continue;
      }
      if (deletes[r]) {
        remove(t, r);
        r++;
        continue;
      }
      let end = r + 1;
      while (end < m && rowTable[end] === t && deletes[end] === 0) end++;
      // the switch's capacity (DASH_CAPS_MAX_FLOW_ENTRY_COUNT) bounds the inserts; the table's own bound is the store's
      const sw = t.switchId;
      const onSwitch = flowsOn.get(sw) ?? env.tables.switchFlows(sw);
      const room = Math.max(0, env.flows.capacityOf(sw) - onSwitch);
      // scatter writes a new slot's whole state itself (zeroing what a reused slot's written mask marks)
      const made = t.store.upsertMany(keys.subarray(r * KB, end * KB), end - r, slots.subarray(r, end), created.subarray(r, end), room, { initState: false });
      flowsOn.set(sw, onSwitch + made);
      const codec = t.codec;
      let madeSoFar = 0;
      for (let q = r; q < end; q++) {
        const slot = slots[q]!;
        if (slot < 0) {
          reject(from + q, fail("TABLE_FULL", madeSoFar >= room ? `switch ${oidText(sw)} is at DASH_CAPS_MAX_FLOW_ENTRY_COUNT` : `flow table ${oidText(t.oid)} is full`));
        } else if (created[q]) {
          madeSoFar++;
          codec.scatter(q, slot);
          report.inserted++;
        } else update(t, q, slot);
      }
      r = end;
    }
  }
  return report;
}
