/**
 * The HA apply rule for incoming SaiDashFlowEntry messages (what a standby does with what the active sends):
 * insert a flow that is missing; replace the state of an existing flow only when the incoming VERSION is greater
 * than the stored one; equal or older versions are skipped, so a flow never goes backwards. Entries are decoded
 * straight into codec columns and scattered into the store (no object per flow). A header set without VERSION
 * only inserts. Applying counts as a hit for aging (insert, and update with a newer version).
 *
 * The table is chosen as for create (the key's ENI MAC, or its flow_table_id member). A `switch_id` that is not a
 * local switch is replaced by the local switch when there is exactly one (the peer's switch id need not be ours).
 * Values are checked for their column width and enum values against their enums (a peer's values are input like
 * any other).
 *
 * Entries go through in chunks of up to {@link CHUNK}: all decoded into codec rows first, then the rows that share a
 * table looked up with one `lookupMany` and the missing ones inserted with one `insertMany` (batched probes overlap
 * their memory misses, PERFORMANCE.md), then each row's state scattered into its slot. Entries of one chunk apply in
 * order: a key repeated inside a chunk is inserted once and its later copies follow the update rule.
 */
import type { ApplyFlowsReport, EncodedFlowBatch, SaiStatus } from "../api.js";
import { FLOW_EXISTS } from "../flowstore/index.js";
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
  readonly pending: Uint8Array;
  readonly rowTable: (FlowTable | undefined)[];
  readonly slots: Int32Array;
  readonly fresh: Int32Array;
}
let scratch: Scratch | null = null;
function scratchFor(chunk: number, kb: number): Scratch {
  if (scratch && scratch.chunk === chunk && scratch.kb === kb) {
    scratch.rowTable.fill(undefined);
    return scratch;
  }
  scratch = { chunk, kb, keys: new Uint8Array(chunk * kb), pending: new Uint8Array(chunk * kb), rowTable: new Array(chunk).fill(undefined), slots: new Int32Array(chunk), fresh: new Int32Array(chunk) };
  return scratch;
}

/** Applies entries by the HA rule. */
export function applyFlows(env: ApplyEnv, input: EncodedFlowBatch | readonly Uint8Array[]): ApplyFlowsReport {
  const list = Array.isArray(input) ? (input as readonly Uint8Array[]) : null;
  const batch = list ? null : (input as EncodedFlowBatch);
  const n = list ? list.length : batch!.count;
  const errors: (SaiStatus & { position: number })[] = [];
  const report = { received: n, inserted: 0, updated: 0, skipped: 0, rejected: 0, errors };
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
  const { keys, pending, rowTable, slots, fresh } = scratchFor(chunk, KB);
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
    rowCodec.packKey(r, keys, r * KB);
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

  for (let from = 0; from < n; from += chunk) {
    const m = Math.min(chunk, n - from);
    for (let r = 0; r < m; r++) if (!prepare(from + r, r)) rowTable[r] = undefined;
    // runs of rows sharing a table: one batched lookup, then one batched insert of the missing flows
    for (let r = 0; r < m; ) {
      const t = rowTable[r];
      if (!t) {
        r++;
        continue;
      }
      let end = r + 1;
      while (end < m && rowTable[end] === t) end++;
      t.store.lookupMany(keys.subarray(r * KB, end * KB), end - r, slots.subarray(r, end));
      // capacity of the table's switch (DASH_CAPS_MAX_FLOW_ENTRY_COUNT) is checked per flow, before the insert
      const sw = t.switchId;
      let onSwitch = flowsOn.get(sw) ?? env.tables.switchFlows(sw);
      const capacity = env.flows.capacityOf(sw);
      const codec = t.codec;
      let k = 0;
      for (let q = r; q < end; q++) {
        if (slots[q]! >= 0) continue;
        if (onSwitch >= capacity) {
          reject(from + q, fail("TABLE_FULL", `switch ${oidText(sw)} is at DASH_CAPS_MAX_FLOW_ENTRY_COUNT`));
          slots[q] = -2;
          continue;
        }
        onSwitch++;
        for (let b = 0, src = q * KB, dst = k * KB; b < KB; b++) pending[dst + b] = keys[src + b]!;
        k++;
      }
      if (k > 0) t.store.insertMany(pending, k, fresh, { atomic: false });
      let j = 0;
      for (let q = r; q < end; q++) {
        const slot = slots[q]!;
        if (slot >= 0) {
          update(t, q, slot);
          continue;
        }
        if (slot === -2) continue;
        const got = fresh[j++]!;
        if (got >= 0) {
          codec.scatter(q, got);
          report.inserted++;
        } else if (got === FLOW_EXISTS) {
          // an earlier entry of this chunk inserted the same flow: this one follows the update rule
          onSwitch--;
          update(t, q, t.store.lookup(keys, q * KB));
        } else {
          onSwitch--;
          reject(from + q, fail("TABLE_FULL", `flow table ${oidText(t.oid)} is full`));
        }
      }
      flowsOn.set(sw, onSwitch);
      r = end;
    }
  }
  return report;
}
