/**
 * The HA apply rule for incoming SaiDashFlowEntry messages (what a standby does with what the active sends):
 * insert a flow that is missing; replace the state of an existing flow only when the incoming VERSION is greater
 * than the stored one; equal or older versions are skipped, so a flow never goes backwards. Entries are decoded
 * straight into codec columns and scattered into the store (no object per flow). A header set without VERSION
 * only inserts. Applying counts as a hit for aging (insert, and update with a newer version).
 *
 * The table is chosen as for create (the key's ENI MAC, or its flow_table_id member). A `switch_id` that is not a
 * local switch is replaced by the local switch when there is exactly one (the peer's switch id need not be ours).
 * Values are checked for their column width; enum membership is trusted (the peer validated them on create).
 */
import type { ApplyFlowsReport, EncodedFlowBatch, SaiStatus } from "../api.js";
import { FLOW_EXISTS, FLOW_FULL } from "../flowstore/index.js";
import type { FlowColumns } from "../proto/specialized.js";
import { oidText } from "../validate/oid-types.js";
import { entryBytes } from "./batch-wire.js";
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

/** Applies entries by the HA rule. */
export function applyFlows(env: ApplyEnv, input: EncodedFlowBatch | readonly Uint8Array[]): ApplyFlowsReport {
  const n = Array.isArray(input) ? input.length : (input as EncodedFlowBatch).count;
  const at = (i: number): Uint8Array => (Array.isArray(input) ? (input[i] as Uint8Array) : entryBytes(input as EncodedFlowBatch, i));
  const errors: (SaiStatus & { position: number })[] = [];
  let inserted = 0;
  let updated = 0;
  let skipped = 0;
  let rejected = 0;
  const reject = (position: number, s: SaiStatus): void => {
    rejected++;
    if (errors.length < MAX_ERRORS) errors.push({ ...s, position });
  };
  const anyTable = env.tables.tables.values().next().value as FlowTable | undefined;
  if (!anyTable) {
    for (let i = 0; i < n; i++) reject(i, fail("INVALID_PARAMETER", "no flow table exists"));
    return { received: n, inserted, updated, skipped, rejected, errors };
  }
  const rowCodec = anyTable.codec;
  const switches = env.switches();
  const local = new Set(switches);
  const flowsOn = new Map<bigint, number>();
  const key = new Uint8Array(env.schema.store.keyBytes);
  const s = env.schema;
  for (let i = 0; i < n; i++) {
    const e = s.codec.decodeRow(at(i), env.cols, 0);
    if (e) {
      reject(i, fail("INVALID_PARAMETER", `entry ${i} is not a SaiDashFlowEntry: ${e.message}`));
      continue;
    }
    let sw = rowCodec.switchOf(0);
    if (!local.has(sw)) {
      if (switches.length !== 1) {
        reject(i, fail("INVALID_PARAMETER", `switch ${oidText(sw)} of entry ${i} is not a local switch`));
        continue;
      }
      sw = switches[0]!;
      rowCodec.setSwitch(0, sw);
    }
    rowCodec.packKey(0, key, 0);
    let t: FlowTable | undefined;
    if (s.tableMember) {
      const r = env.flows.tableFor(unpackFlowKey(s.store, key, 0));
      t = typeof r === "string" ? undefined : r;
    } else t = env.tables.forMac(sw, rowCodec.eniMac(0));
    if (!t) {
      reject(i, fail("INVALID_PARAMETER", `no flow table for ENI MAC ${macText(rowCodec.eniMac(0))} of entry ${i}`));
      continue;
    }
    const codec = t.codec;
    const bad = codec.check(0);
    if (bad >= 0) {
      reject(i, fail("INVALID_PARAMETER", `entry ${i}: ${codec.checkNames[bad]} does not fit its column`, undefined, codec.checkNames[bad]));
      continue;
    }
    let slot = t.store.lookup(key);
    if (slot >= 0) {
      if (codec.version(0) >>> 0 > codec.slotVersion(slot) >>> 0) {
        codec.scatter(0, slot);
        t.store.touch(slot);
        updated++;
      } else skipped++;
      continue;
    }
    let onSwitch = flowsOn.get(sw);
    if (onSwitch === undefined) flowsOn.set(sw, (onSwitch = env.tables.switchFlows(sw)));
    if (onSwitch >= env.flows.capacityOf(sw)) {
      reject(i, fail("TABLE_FULL", `switch ${oidText(sw)} is at DASH_CAPS_MAX_FLOW_ENTRY_COUNT`));
      continue;
    }
    slot = t.store.insert(key);
    if (slot === FLOW_FULL || slot === FLOW_EXISTS) {
      reject(i, fail("TABLE_FULL", `flow table ${oidText(t.oid)} is full`));
      continue;
    }
    flowsOn.set(sw, onSwitch + 1);
    codec.scatter(0, slot);
    inserted++;
  }
  return { received: n, inserted, updated, skipped, rejected, errors };
}
